import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { categories } from "@/db/schema";
import { inDisplayOrder, moveInOrder } from "@/domain/categories/category-rules";
import { adminChange } from "@/server/admin/admin-frame";
import type { Viewer } from "@/server/auth/roles";
import { parseFilerInput } from "@/server/filer/filer-access";
import { loadCategory } from "./category-input";

const moveSchema = z.object({ id: z.unknown(), direction: z.enum(["up", "down"], { error: "invalid" }) });

/** Moves a field one place up or down on the citizens' form (at an end, nothing changes). */
export async function moveCategory(db: Database, viewer: Viewer | null, input: { id?: unknown; direction?: unknown }): Promise<{ moved: boolean }> {
  return adminChange(db, viewer, async (tx) => {
    const { id, direction } = parseFilerInput(moveSchema, input);
    const row = await loadCategory(tx, id);
    const all = await tx.select({ id: categories.id, code: categories.code, sortOrder: categories.sortOrder }).from(categories);
    const changes = moveInOrder(all, row.id, direction);
    for (const c of changes) await tx.update(categories).set({ sortOrder: c.sortOrder }).where(eq(categories.id, c.id));
    const order = inDisplayOrder(all.map((c) => ({ ...c, sortOrder: changes.find((m) => m.id === c.id)?.sortOrder ?? c.sortOrder }))).map((c) => c.code);
    return { result: { moved: changes.length > 0 }, audit: { action: "category.moved", entityType: "category", entityId: row.id, data: { code: row.code, direction, order } } };
  });
}
