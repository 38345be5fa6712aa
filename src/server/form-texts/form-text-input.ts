import "server-only";
import { z } from "zod";
import { cleanText } from "@/domain/categories/category-rules";
import { FORM_TEXT_KEYS, FORM_TEXT_SPECS, type FormTextKey } from "@/domain/categories/form-texts";
import { AppError } from "@/server/errors";
import { parseFilerInput } from "@/server/filer/filer-access";

const text = z.preprocess((v) => (typeof v === "string" ? cleanText(v) : v == null ? "" : v), z.string().min(1, { error: "required" }));

export const FORM_TEXT_FIELDS = ["key", "textVi", "textEn"] as const;
export type FormTextInput = { key?: unknown; textVi?: unknown; textEn?: unknown };
export type FormTextValue = { key: FormTextKey; textVi: string; textEn: string };

/** An unknown key is a form that does not exist (not found); each text is required in both languages, within the key's limit. */
export function parseFormTextKey(input: { key?: unknown }): FormTextKey {
  const key = input.key;
  if (typeof key !== "string" || !(FORM_TEXT_KEYS as readonly string[]).includes(key)) throw new AppError("not_found", "not_found", { reason: "not_found" });
  return key as FormTextKey;
}

export function parseFormText(input: FormTextInput): FormTextValue {
  const key = parseFormTextKey(input);
  const max = FORM_TEXT_SPECS[key].max;
  const schema = z.object({ textVi: text.pipe(z.string().max(max, { error: "too_long" })), textEn: text.pipe(z.string().max(max, { error: "too_long" })) });
  return { key, ...parseFilerInput(schema, input) };
}
