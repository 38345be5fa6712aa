import "server-only";
import { and, asc, eq, isNull, or, gte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { areas, categories, units } from "@/db/schema";

/** What the filing form offers: active fields of life, current areas (province first), current units. */
export async function listIntakeOptions(db: DbOrTx) {
  const [categoryRows, areaRows, unitRows] = await Promise.all([
    db
      .select({ id: categories.id, code: categories.code, nameVi: categories.nameVi, nameEn: categories.nameEn })
      .from(categories)
      .where(eq(categories.active, true))
      .orderBy(asc(categories.sortOrder)),
    db
      .select({ id: areas.id, name: areas.name, kind: areas.kind, parentId: areas.parentId, remote: areas.remote })
      .from(areas)
      .where(or(isNull(areas.validTo), gte(areas.validTo, sql`current_date`)))
      .orderBy(asc(areas.name)),
    db
      .select({ id: units.id, name: units.name, nameEn: units.nameEn })
      .from(units)
      .where(and(or(isNull(units.validTo), gte(units.validTo, sql`current_date`))))
      .orderBy(asc(units.name)),
  ]);
  const provinces = areaRows.filter((a) => a.kind === "province");
  const communes = areaRows.filter((a) => a.kind !== "province");
  return { categories: categoryRows, provinces, communes, units: unitRows };
}

export type IntakeOptions = Awaited<ReturnType<typeof listIntakeOptions>>;
