import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { categories } from "@/db/schema";
import { mayDeactivate } from "@/domain/categories/category-rules";
import { adminChange, adminRefusal } from "@/server/admin/admin-frame";
import type { Viewer } from "@/server/auth/roles";
import { loadCategory } from "./category-input";

/** No longer offered to citizens (nor accepted from a stale form); cases filed under it keep it. */
export async function deactivateCategory(db: Database, viewer: Viewer | null, input: { id?: unknown }): Promise<void> {
  return adminChange(db, viewer, async (tx) => {
    const row = await loadCategory(tx, input.id);
    const all = await tx.select({ id: categories.id, active: categories.active }).from(categories);
    if (!mayDeactivate(all, row.id)) throw adminRefusal("last_active");
    await tx.update(categories).set({ active: false }).where(eq(categories.id, row.id));
    return { result: undefined, audit: { action: "category.deactivated", entityType: "category", entityId: row.id, data: { code: row.code, wasActive: row.active } } };
  });
}
