import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { categories } from "@/db/schema";
import { adminChange } from "@/server/admin/admin-frame";
import type { Viewer } from "@/server/auth/roles";
import { loadCategory } from "./category-input";

/** Offered to citizens again, at the place it had. */
export async function reactivateCategory(db: Database, viewer: Viewer | null, input: { id?: unknown }): Promise<void> {
  return adminChange(db, viewer, async (tx) => {
    const row = await loadCategory(tx, input.id);
    await tx.update(categories).set({ active: true }).where(eq(categories.id, row.id));
    return { result: undefined, audit: { action: "category.reactivated", entityType: "category", entityId: row.id, data: { code: row.code, wasActive: row.active } } };
  });
}
