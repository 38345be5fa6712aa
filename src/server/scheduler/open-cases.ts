import "server-only";
import { and, inArray, lte } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { cases, units } from "@/db/schema";
import type { IsoDate } from "@/domain/types";
import { currentDueOn } from "@/server/cases/overdue";

export type DueCase = {
  id: string;
  code: string;
  kind: string;
  title: string;
  status: "received" | "accepted";
  unitId: string;
  dueOn: IsoDate;
  escalatedAt: Date | null;
  escalatedToUnitId: string | null;
};

/** Cases whose running deadline (acceptance or resolution) falls on or before `until`. */
export async function casesDueBy(db: DbOrTx, until: IsoDate): Promise<DueCase[]> {
  const rows = await db
    .select({
      id: cases.id,
      code: cases.code,
      kind: cases.kind,
      title: cases.title,
      status: cases.status,
      unitId: cases.unitId,
      dueOn: currentDueOn,
      escalatedAt: cases.escalatedAt,
      escalatedToUnitId: cases.escalatedToUnitId,
    })
    .from(cases)
    .where(and(inArray(cases.status, ["received", "accepted"]), lte(currentDueOn, until)))
    .orderBy(currentDueOn, cases.code);
  return rows.flatMap((r) => (r.dueOn !== null && (r.status === "received" || r.status === "accepted") ? [{ ...r, status: r.status, dueOn: r.dueOn }] : []));
}

export type UnitNode = { id: string; name: string; nameEn: string; parentId: string | null };

export async function loadUnitTree(db: DbOrTx): Promise<Map<string, UnitNode>> {
  const rows = await db.select({ id: units.id, name: units.name, nameEn: units.nameEn, parentId: units.parentId }).from(units);
  return new Map(rows.map((r) => [r.id, r]));
}

/** A unit and all units below it. */
export function subtreeOf(tree: Map<string, UnitNode>, rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const u of tree.values()) if (u.parentId) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
  const out = new Set<string>([rootId]);
  const queue = [rootId];
  while (queue.length > 0) {
    for (const child of children.get(queue.pop()!) ?? []) {
      if (out.has(child)) continue;
      out.add(child);
      queue.push(child);
    }
  }
  return out;
}

