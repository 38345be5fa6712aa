"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { stringValues } from "@/lib/form-values";
import { logger } from "@/lib/logger";
import { getViewer } from "@/server/auth/viewer";
import { CATEGORY_FIELDS } from "@/server/categories/category-input";
import { createCategory } from "@/server/categories/create-category";
import { deactivateCategory } from "@/server/categories/deactivate-category";
import { moveCategory } from "@/server/categories/move-category";
import { reactivateCategory } from "@/server/categories/reactivate-category";
import { updateCategory } from "@/server/categories/update-category";
import { AppError } from "@/server/errors";
import { FORM_TEXT_FIELDS } from "@/server/form-texts/form-text-input";
import { previewFormText } from "@/server/form-texts/preview-form-text";
import { restoreFormText } from "@/server/form-texts/restore-form-text";
import { saveFormText } from "@/server/form-texts/save-form-text";
import type { CategoriesDone, CategoriesFormState } from "./form-state";

const PAGE = "/can-bo/quan-tri/linh-vuc";

function refused(error: unknown, values: Record<string, string>): CategoriesFormState {
  if (!(error instanceof AppError)) {
    logger.error("categories admin action failed", { error });
    return { values, fieldErrors: {}, formError: "failed" };
  }
  if (error.code === "invalid_input") return { values, fieldErrors: (error.details?.fields ?? {}) as Record<string, string>, formError: "invalid" };
  if (error.message === "last_active") return { values, fieldErrors: {}, formError: "last_active" };
  if (error.code === "not_found") return { values, fieldErrors: {}, formError: "not_found" };
  if (error.code === "forbidden" || error.code === "unauthenticated") return { values, fieldErrors: {}, formError: "no_access" };
  logger.error("categories admin action refused unexpectedly", { error });
  return { values, fieldErrors: {}, formError: "failed" };
}

const pick = (form: FormData, fields: readonly string[]) => Object.fromEntries(fields.map((f) => [f, form.get(f) ?? undefined]));

/** Every field-of-life form posts here; its hidden `op` says which change. */
export async function categoryAction(_prev: CategoriesFormState, form: FormData): Promise<CategoriesFormState> {
  const op = String(form.get("op") ?? "");
  const values = stringValues(form, CATEGORY_FIELDS);
  const id = form.get("id") ?? undefined;
  let done: CategoriesDone;
  let anchor = "linh-vuc";
  try {
    const [db, viewer] = await Promise.all([getDb(), getViewer()]);
    if (op === "create") {
      const created = await createCategory(db, viewer, pick(form, CATEGORY_FIELDS));
      [done, anchor] = ["created", `lv-${created.id}`];
    } else if (op === "update") {
      await updateCategory(db, viewer, { ...pick(form, CATEGORY_FIELDS.filter((f) => f !== "code")), id });
      done = "updated";
    } else if (op === "up" || op === "down") {
      await moveCategory(db, viewer, { id, direction: op });
      done = "moved";
    } else if (op === "deactivate") {
      await deactivateCategory(db, viewer, { id });
      done = "deactivated";
    } else if (op === "reactivate") {
      await reactivateCategory(db, viewer, { id });
      done = "reactivated";
    } else {
      return { values, fieldErrors: {}, formError: "failed" };
    }
    if (op !== "create" && typeof id === "string") anchor = `lv-${id}`;
  } catch (error) {
    return refused(error, values);
  }
  redirect(`${PAGE}?xong=${done}#${anchor}`);
}

/**
 * Every citizen-form text posts here. The submit button pressed gives `op`: "preview" checks the texts and shows
 * them as on the form (nothing saved), "save" stores them, "restore" deletes the administrator's wording.
 */
export async function formTextAction(_prev: CategoriesFormState, form: FormData): Promise<CategoriesFormState> {
  const op = String(form.get("op") ?? "");
  const values = stringValues(form, FORM_TEXT_FIELDS);
  const input = pick(form, FORM_TEXT_FIELDS);
  const key = typeof input.key === "string" ? input.key : "";
  let done: CategoriesDone;
  try {
    const [db, viewer] = await Promise.all([getDb(), getViewer()]);
    if (op === "preview") {
      const { textVi, textEn } = previewFormText(viewer, input);
      return { values, fieldErrors: {}, preview: { textVi, textEn } };
    } else if (op === "save") {
      await saveFormText(db, viewer, input);
      done = "textSaved";
    } else if (op === "restore") {
      await restoreFormText(db, viewer, input);
      done = "textRestored";
    } else {
      return { values, fieldErrors: {}, formError: "failed" };
    }
  } catch (error) {
    return refused(error, values);
  }
  redirect(`${PAGE}?xong=${done}#lg-${encodeURIComponent(key)}`);
}
