import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { categories } from "@/db/schema";
import { CATEGORY_LIMITS, cleanText, isCategoryCode } from "@/domain/categories/category-rules";
import { AppError } from "@/server/errors";
import { isUuid } from "@/server/workspace/case-access";

/** One line of free text, cleaned (NFC, spaces), within `max`; an empty optional one is stored as null. */
function line(max: number, required: boolean) {
  const text = z.string().max(max, { error: "too_long" });
  return z.preprocess((v) => (typeof v === "string" ? cleanText(v) : v == null ? "" : v), required ? text.min(1, { error: "required" }) : text);
}

const names = {
  nameVi: line(CATEGORY_LIMITS.name, true),
  nameEn: line(CATEGORY_LIMITS.name, true),
  descriptionVi: line(CATEGORY_LIMITS.description, false).transform((v) => v || null),
  descriptionEn: line(CATEGORY_LIMITS.description, false).transform((v) => v || null),
};

export const createCategorySchema = z.object({
  // Typed "Land " is meant as "land": codes are lower case.
  code: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toLowerCase() : v == null ? "" : v),
    z.string().min(1, { error: "required" }).refine(isCategoryCode, { error: "invalid" }),
  ),
  ...names,
});
/** The code is a field's identity in exports and rules: it is not edited. */
export const updateCategorySchema = z.object({ id: z.unknown(), ...names });

export type CategoryInput = { [K in keyof z.input<typeof createCategorySchema>]?: unknown };
export type CategoryEdit = { id?: unknown } & Omit<CategoryInput, "code">;

export const CATEGORY_FIELDS = ["code", "nameVi", "nameEn", "descriptionVi", "descriptionEn"] as const;

export type CategoryRow = typeof categories.$inferSelect;

/** The field an id names, read in the change's transaction (an id that is not one is simply not found). */
export async function loadCategory(tx: DbOrTx, id: unknown): Promise<CategoryRow> {
  const [row] = isUuid(id) ? await tx.select().from(categories).where(eq(categories.id, id)) : [];
  if (!row) throw new AppError("not_found", "not_found", { reason: "not_found" });
  return row;
}

/** What an audit entry keeps of a field, before and after. */
export function categorySnapshot(row: CategoryRow) {
  const { code, nameVi, nameEn, descriptionVi, descriptionEn, sortOrder, active } = row;
  return { code, nameVi, nameEn, descriptionVi, descriptionEn, sortOrder, active };
}
