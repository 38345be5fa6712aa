import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { categories } from "@/db/schema";
import { adminChange } from "@/server/admin/admin-frame";
import type { Viewer } from "@/server/auth/roles";
import { parseFilerInput } from "@/server/filer/filer-access";
import { categorySnapshot, loadCategory, updateCategorySchema, type CategoryEdit } from "./category-input";

/** Renames a field or rewords its explanation, in both languages (its code and cases stay). */
export async function updateCategory(db: Database, viewer: Viewer | null, input: CategoryEdit): Promise<void> {
  return adminChange(db, viewer, async (tx) => {
    const { id, ...value } = parseFilerInput(updateCategorySchema, input);
    const before = await loadCategory(tx, id);
    const [after] = await tx.update(categories).set(value).where(eq(categories.id, before.id)).returning();
    return { result: undefined, audit: { action: "category.updated", entityType: "category", entityId: before.id, data: { before: categorySnapshot(before), after: categorySnapshot(after!) } } };
  });
}
