import "server-only";
import { count } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { cases, categories } from "@/db/schema";
import { inDisplayOrder } from "@/domain/categories/category-rules";
import { assertAdmin } from "@/server/admin/admin-frame";
import type { Viewer } from "@/server/auth/roles";

export type CategoryView = {
  id: string;
  code: string;
  nameVi: string;
  nameEn: string;
  descriptionVi: string | null;
  descriptionEn: string | null;
  sortOrder: number;
  active: boolean;
  /** Cases filed under it, of any status: they keep it when it is deactivated. */
  cases: number;
};

/** Every field of life, active or not, in the order the citizens' form offers them, with how many cases use each. */
export async function listCategories(db: DbOrTx, viewer: Viewer | null): Promise<CategoryView[]> {
  assertAdmin(viewer);
  const [rows, counts] = await Promise.all([
    db.select().from(categories),
    db.select({ categoryId: cases.categoryId, n: count() }).from(cases).groupBy(cases.categoryId),
  ]);
  const used = new Map(counts.map((c) => [c.categoryId, Number(c.n)]));
  return inDisplayOrder(rows).map((r) => ({
    id: r.id,
    code: r.code,
    nameVi: r.nameVi,
    nameEn: r.nameEn,
    descriptionVi: r.descriptionVi,
    descriptionEn: r.descriptionEn,
    sortOrder: r.sortOrder,
    active: r.active,
    cases: used.get(r.id) ?? 0,
  }));
}
