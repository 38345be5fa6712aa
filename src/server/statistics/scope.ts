import "server-only";
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { units } from "@/db/schema";

/** What a figure covers: the whole province, or one unit alone or with every unit below it. */
export type StatisticsScope = { kind: "province" } | { kind: "unit"; unitId: string; subtree: boolean };

export type ResolvedScope = {
  scope: StatisticsScope;
  /** The units counted; null for the province (every unit). */
  unitIds: string[] | null;
  unit: { id: string; code: string; name: string; nameEn: string; parentId: string | null; validTo: string | null; successorId: string | null } | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** The unit and the ids it covers, or null when the unit does not exist (the page answers 404). */
export async function resolveScope(db: DbOrTx, scope: StatisticsScope): Promise<ResolvedScope | null> {
  if (scope.kind === "province") return { scope, unitIds: null, unit: null };
  if (!isUuid(scope.unitId)) return null;
  const [unit] = await db
    .select({ id: units.id, code: units.code, name: units.name, nameEn: units.nameEn, parentId: units.parentId, validTo: units.validTo, successorId: units.successorId })
    .from(units)
    .where(eq(units.id, scope.unitId));
  if (!unit) return null;
  if (!scope.subtree) return { scope, unitIds: [unit.id], unit };
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`with recursive subtree(id) as (
        select id from units where id = ${unit.id}::uuid
        union
        select u.id from units u join subtree s on u.parent_id = s.id
      ) select id from subtree`),
  );
  return { scope, unitIds: rows.map((r) => r.id), unit };
}

/** `column in (…)` for a scope's units, or true for the province. */
export function inScope(column: ReturnType<typeof sql.raw>, unitIds: string[] | null) {
  if (unitIds === null) return sql`true`;
  if (unitIds.length === 0) return sql`false`;
  return sql`${column} in (${sql.join(unitIds.map((id) => sql`${id}::uuid`), sql`, `)})`;
}
