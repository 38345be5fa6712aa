import "server-only";
import type { Database } from "@/db/client";
import { formTexts } from "@/db/schema";
import { effectiveFormTexts, type FormTexts } from "@/domain/categories/form-texts";
import { bundledTexts } from "./bundled-form-texts";

/**
 * For the filing form (public, no role): its explanations in the reader's language, the administrator's wording
 * where there is one. One small read per request (a dozen rows at most); the periods come from the cached reference data.
 */
export async function citizenFormTexts(db: Database, locale: "vi" | "en", now = new Date()): Promise<FormTexts> {
  const [rows, bundled] = await Promise.all([db.select({ key: formTexts.key, textVi: formTexts.textVi, textEn: formTexts.textEn }).from(formTexts), bundledTexts(db, locale, now)]);
  return effectiveFormTexts(bundled, rows, locale);
}
