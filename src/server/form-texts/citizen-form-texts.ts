import "server-only";
import type { DbOrTx } from "@/db/client";
import { formTexts } from "@/db/schema";
import { effectiveFormTexts, type FormTexts } from "@/domain/categories/form-texts";
import { bundledTexts } from "./bundled-form-texts";

/**
 * For the filing form (public, no role): its explanations in the reader's language, the administrator's wording
 * where there is one. One small read per request (a dozen rows at most).
 */
export async function citizenFormTexts(db: DbOrTx, locale: "vi" | "en"): Promise<FormTexts> {
  const rows = await db.select({ key: formTexts.key, textVi: formTexts.textVi, textEn: formTexts.textEn }).from(formTexts);
  return effectiveFormTexts(bundledTexts(locale), rows, locale);
}
