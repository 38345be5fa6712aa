import "server-only";
import { and, eq, isNotNull, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { categories } from "@/db/schema";

/**
 * For the filing form (public, no role): what each active field covers, in the reader's language, by id. A field
 * with no description in that language has none (the Vietnamese one is not shown to an English reader).
 */
export async function listCategoryHelp(db: DbOrTx, locale: "vi" | "en"): Promise<Record<string, string>> {
  const rows = await db
    .select({ id: categories.id, vi: categories.descriptionVi, en: categories.descriptionEn })
    .from(categories)
    .where(and(eq(categories.active, true), or(isNotNull(categories.descriptionVi), isNotNull(categories.descriptionEn))));
  return Object.fromEntries(rows.flatMap((r) => ((locale === "en" ? r.en : r.vi) ? [[r.id, (locale === "en" ? r.en : r.vi)!]] : [])));
}
