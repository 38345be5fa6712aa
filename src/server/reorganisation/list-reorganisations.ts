import "server-only";
import { asc, desc, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { reorganisations, reorganisationUnits, units } from "@/db/schema";
import { compareDates, toLocalDate } from "@/domain/calendar";
import type { IsoDate } from "@/domain/types";
import { assertAdmin } from "@/server/admin/admin-frame";
import type { Viewer } from "@/server/auth/roles";

export type ReorganisationUnit = { id: string; code: string; name: string; nameEn: string; validTo: IsoDate | null };
export type ReorganisationItem = {
  id: string;
  decision: string;
  effectiveOn: IsoDate;
  status: "planned" | "applied" | "cancelled";
  /** Planned and its date has come: the admin may apply it now (else the scheduler will on its date). */
  due: boolean;
  successor: ReorganisationUnit | null;
  oldUnits: ReorganisationUnit[];
  moved: Record<string, number> | null;
  appliedAt: Date | null;
  /** Applied by the scheduler on its date rather than by an admin. */
  appliedByScheduler: boolean;
};

/** Every reorganisation (planned first, by date; then the others, newest first) and the units the form offers. */
export async function listReorganisations(db: DbOrTx, viewer: Viewer | null, now = new Date()): Promise<{ items: ReorganisationItem[]; units: ReorganisationUnit[] }> {
  assertAdmin(viewer);
  const today = toLocalDate(now);
  const [rows, links, allUnits] = await Promise.all([
    db.select().from(reorganisations).orderBy(desc(reorganisations.effectiveOn), desc(reorganisations.createdAt)),
    db.select().from(reorganisationUnits),
    db.select({ id: units.id, code: units.code, name: units.name, nameEn: units.nameEn, validTo: units.validTo }).from(units).orderBy(asc(units.name)),
  ]);
  const byId = new Map(allUnits.map((u) => [u.id, u]));
  const items: ReorganisationItem[] = rows.map((r) => ({
    id: r.id,
    decision: r.decision,
    effectiveOn: r.effectiveOn,
    status: r.status,
    due: r.status === "planned" && compareDates(r.effectiveOn, today) <= 0,
    successor: byId.get(r.successorUnitId) ?? null,
    oldUnits: links.filter((l) => l.reorganisationId === r.id).map((l) => byId.get(l.unitId)!).filter(Boolean).sort((a, b) => a.name.localeCompare(b.name, "vi")),
    moved: r.moved ?? null,
    appliedAt: r.appliedAt,
    appliedByScheduler: r.status === "applied" && r.appliedBy === null,
  }));
  items.sort((a, b) => (a.status === "planned" ? 0 : 1) - (b.status === "planned" ? 0 : 1) || (a.status === "planned" ? compareDates(a.effectiveOn, b.effectiveOn) : 0));
  return { items, units: allUnits.filter((u) => u.validTo === null || compareDates(u.validTo, today) >= 0) };
}

/** Units by id, for naming a plan's units in the preview. */
export async function unitsById(db: DbOrTx, ids: string[]): Promise<Map<string, ReorganisationUnit>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: units.id, code: units.code, name: units.name, nameEn: units.nameEn, validTo: units.validTo }).from(units).where(inArray(units.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}
