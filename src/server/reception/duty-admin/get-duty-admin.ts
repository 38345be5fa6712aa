import "server-only";
import { and, asc, eq, gte, isNull, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { memberships, receptionPositionHolders, receptionPositions, units, users } from "@/db/schema";
import { toLocalDate } from "@/domain/calendar";
import { ruleSpans, type DutyRule } from "@/domain/reception/duty";
import { POSITION_KINDS, type PositionKind } from "@/domain/reception/vocabulary";
import type { Viewer } from "@/server/auth/roles";
import { assertDutyAdmin } from "@/server/reception/reception-access";
import { loadDutyRules } from "@/server/reception/duty-rules";

export type DutyAdminView = {
  rulesByKind: { kind: PositionKind; versions: { rule: DutyRule; from: string; to: string | null; inForce: boolean }[] }[];
  positions: {
    row: typeof receptionPositions.$inferSelect;
    unitName: string;
    unitNameEn: string;
    officeName: string;
    officeNameEn: string;
    holders: { id: string; userId: string; name: string | null; email: string; fromDate: string; toDate: string | null }[];
  }[];
  units: { id: string; name: string; nameEn: string }[];
  officials: { id: string; label: string }[];
};

const offices = alias(units, "office_units");

/** Everything the admin page shows: the rules' versions by kind, the seats with their holders, and the choices. */
export async function getDutyAdmin(db: DbOrTx, viewer: Viewer | null, now = new Date()): Promise<DutyAdminView> {
  assertDutyAdmin(viewer);
  const today = toLocalDate(now);
  const [rules, positionRows, holderRows, unitRows, officialRows] = await Promise.all([
    loadDutyRules(db),
    db
      .select({ row: receptionPositions, unitName: units.name, unitNameEn: units.nameEn, officeName: offices.name, officeNameEn: offices.nameEn })
      .from(receptionPositions)
      .innerJoin(units, eq(units.id, receptionPositions.unitId))
      .innerJoin(offices, eq(offices.id, receptionPositions.officeUnitId))
      .orderBy(asc(units.name), asc(receptionPositions.title)),
    db
      .select({ h: receptionPositionHolders, name: users.name, email: users.email })
      .from(receptionPositionHolders)
      .innerJoin(users, eq(users.id, receptionPositionHolders.userId))
      .orderBy(asc(receptionPositionHolders.fromDate)),
    db.select({ id: units.id, name: units.name, nameEn: units.nameEn }).from(units).where(or(isNull(units.validTo), gte(units.validTo, today))).orderBy(asc(units.name)),
    db
      .selectDistinct({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .innerJoin(memberships, and(eq(memberships.userId, users.id)))
      .orderBy(asc(users.name), asc(users.email)),
  ]);
  return {
    rulesByKind: POSITION_KINDS.map((kind) => ({
      kind,
      versions: ruleSpans(rules, kind)
        .map((s) => ({ rule: s.rule, from: s.from, to: s.to, inForce: s.from <= today && (s.to === null || s.to >= today) }))
        .reverse(),
    })),
    positions: positionRows.map((p) => ({
      ...p,
      holders: holderRows
        .filter((h) => h.h.positionId === p.row.id)
        .map((h) => ({ id: h.h.id, userId: h.h.userId, name: h.name, email: h.email ?? "", fromDate: h.h.fromDate, toDate: h.h.toDate })),
    })),
    units: unitRows,
    officials: officialRows.map((u) => ({ id: u.id, label: u.name ? `${u.name} (${u.email})` : (u.email ?? u.id) })),
  };
}
