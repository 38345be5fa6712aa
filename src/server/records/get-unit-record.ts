import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { commitments, dialogueSessions, units } from "@/db/schema";
import { toLocalDate } from "@/domain/calendar";
import type { CaseFigures } from "@/domain/statistics/figures";
import type { IsoDate } from "@/domain/types";
import type { PublicCommitment } from "@/server/commitments/commitment-view";
import { getCaseStatistics } from "@/server/statistics/get-case-statistics";
import { dutyInScope, getParticipationFigures, type ParticipationFigures } from "@/server/statistics/get-participation-figures";
import { reorganisationOfUnit } from "@/server/reorganisation/reorganisation-of-unit";
import { resolveScope } from "@/server/statistics/scope";
import { commitmentsIn, seatOf, sessionsIn, unitRefs, type Period, type RecordSeat, type RecordSession, type UnitRef } from "./record-parts";

export type ScopeFigures = { figures: CaseFigures; participation: ParticipationFigures };

export type UnitRecord = {
  unit: UnitRef & {
    kind: string;
    parent: UnitRef | null;
    closedOn: IsoDate | null;
    successor: UnitRef | null;
    /** The reorganisation that merged it into its successor: the decision and the successor's first day. */
    reorganisation: { decision: string; effectiveOn: IsoDate } | null;
  };
  /** The unit with every unit below it; null when it has none below (the same as `alone`). */
  withSubtree: (ScopeFigures & { unitCount: number }) | null;
  alone: ScopeFigures;
  sessions: { items: RecordSession[]; truncated: boolean };
  commitments: { items: PublicCommitment[]; truncated: boolean };
  seats: RecordSeat[];
  /** Month by month, cases received (and answered, on time) by the unit with its subtree (or alone when it has none below). */
  byMonth: { month: IsoDate; received: number; answered: number; answeredOnTime: number }[];
};

/** The unit by its code. */
export async function unitByCode(db: DbOrTx, code: string) {
  if (code.length === 0 || code.length > 64) return null;
  const [unit] = await db
    .select({ id: units.id, code: units.code, name: units.name, nameEn: units.nameEn, kind: units.kind, parentId: units.parentId, validTo: units.validTo, successorId: units.successorId })
    .from(units)
    .where(eq(units.code, code));
  return unit ?? null;
}

/**
 * A unit's public record over a period (/thong-ke/don-vi/<code>): who it is (its parent; if closed, the unit it
 * was merged into), its figures with its subtree and alone (the same functions as /thong-ke), the sessions it
 * hosted, the commitments it carries out recorded in the period, and its seats' reception duty month by month.
 * Null for an unknown code (the page answers 404).
 */
export async function getUnitRecord(db: DbOrTx, code: string, period: Period, now = new Date()): Promise<UnitRecord | null> {
  const unit = await unitByCode(db, code);
  if (!unit) return null;
  const [alone, subtree] = await Promise.all([resolveScope(db, { kind: "unit", unitId: unit.id, subtree: false }), resolveScope(db, { kind: "unit", unitId: unit.id, subtree: true })]);
  const hasBelow = (subtree?.unitIds?.length ?? 1) > 1;
  const today = toLocalDate(now);
  const [refs, aloneCases, aloneParticipation, subtreeCases, subtreeParticipation, sessions, owned, duty, reorganisation] = await Promise.all([
    unitRefs(db, [unit.parentId, unit.successorId].filter((id): id is string => id !== null)),
    getCaseStatistics(db, alone!, period, now),
    getParticipationFigures(db, alone!, period, now),
    hasBelow ? getCaseStatistics(db, subtree!, period, now) : null,
    hasBelow ? getParticipationFigures(db, subtree!, period, now) : null,
    sessionsIn(db, period, eq(dialogueSessions.unitId, unit.id)),
    commitmentsIn(db, period, eq(commitments.ownerUnitId, unit.id), today),
    dutyInScope(db, alone!, period, now),
    unit.successorId ? reorganisationOfUnit(db, unit.id) : null,
  ]);
  return {
    unit: {
      id: unit.id,
      code: unit.code,
      name: unit.name,
      nameEn: unit.nameEn,
      kind: unit.kind,
      parent: unit.parentId ? (refs.get(unit.parentId) ?? null) : null,
      closedOn: unit.validTo,
      successor: unit.successorId ? (refs.get(unit.successorId) ?? null) : null,
      reorganisation,
    },
    withSubtree: hasBelow && subtreeCases && subtreeParticipation ? { figures: subtreeCases.figures, participation: subtreeParticipation, unitCount: subtree!.unitIds!.length } : null,
    alone: { figures: aloneCases.figures, participation: aloneParticipation },
    sessions,
    commitments: owned,
    seats: duty.map((p) => seatOf(p, period)),
    byMonth: (subtreeCases ?? aloneCases).byMonth.map((m) => ({ month: m.month, received: m.counters.received, answered: m.counters.answered, answeredOnTime: m.counters.answeredOnTime })),
  };
}
