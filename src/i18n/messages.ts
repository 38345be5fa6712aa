import { createTranslator } from "next-intl";
import en from "../../messages/en.json";
import vi from "../../messages/vi.json";
import type { Locale } from "./config";

export const MESSAGES = { vi, en } as const;
export type Messages = typeof vi;

/** A translator for code outside a request (emails, the worker). */
export function translator(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale] as Messages });
}
