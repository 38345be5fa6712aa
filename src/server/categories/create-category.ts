import "server-only";
import type { Database } from "@/db/client";
import { categories } from "@/db/schema";
import { nextSortOrder } from "@/domain/categories/category-rules";
import { adminChange, adminFieldError } from "@/server/admin/admin-frame";
import type { Viewer } from "@/server/auth/roles";
import { parseFilerInput } from "@/server/filer/filer-access";
import { categorySnapshot, createCategorySchema, type CategoryInput } from "./category-input";

/** A new field of life, active, placed last on the citizens' form. Its code must be free. */
export async function createCategory(db: Database, viewer: Viewer | null, input: CategoryInput): Promise<{ id: string }> {
  return adminChange(db, viewer, async (tx) => {
    const value = parseFilerInput(createCategorySchema, input);
    const existing = await tx.select({ id: categories.id, code: categories.code, sortOrder: categories.sortOrder }).from(categories);
    if (existing.some((c) => c.code === value.code)) throw adminFieldError("code", "taken");
    const [row] = await tx.insert(categories).values({ ...value, sortOrder: nextSortOrder(existing), active: true }).returning();
    return { result: { id: row!.id }, audit: { action: "category.created", entityType: "category", entityId: row!.id, data: { after: categorySnapshot(row!) } } };
  });
}
