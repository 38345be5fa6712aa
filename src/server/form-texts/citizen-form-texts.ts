import "server-only";
import type { DbOrTx } from "@/db/client";
import { formTexts } from "@/db/schema";
import { effectiveFormTexts, type FormTexts } from "@/domain/categories/form-texts";
import { bundledTexts } from "./bundled-form-texts";

/**
 * For the filing form (public, no role): its explanations in the reader's language, the administrator's wording
 * where there is one. Two small reads per request (a dozen rows each at most).
 */
export async function citizenFormTexts(db: DbOrTx, locale: "vi" | "en", now = new Date()): Promise<FormTexts> {
  const [rows, bundled] = await Promise.all([db.select({ key: formTexts.key, textVi: formTexts.textVi, textEn: formTexts.textEn }).from(formTexts), bundledTexts(db, locale, now)]);
  return effectiveFormTexts(bundled, rows, locale);
}
