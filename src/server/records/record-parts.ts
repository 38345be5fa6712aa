import "server-only";
import { and, asc, eq, gte, inArray, lt, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { commitments, dialogueSessions, units } from "@/db/schema";
import { addCalendarDays, compareDates, vietnamInstant } from "@/domain/calendar";
import { monthEnd, monthStart, type DutyState } from "@/domain/reception/duty";
import type { SessionKind, SessionStatus } from "@/domain/dialogue/vocabulary";
import type { IsoDate } from "@/domain/types";
import { COMMITMENT_ORDER, commitmentQuery, toPublicCommitment, type PublicCommitment } from "@/server/commitments/commitment-view";
import type { PositionDuty } from "@/server/reception/duty/duty-figures";

// What the unit and leader records share: the lists they show beside the figures. Only public things: a
// session's title, a commitment's text (public on /cam-ket), a seat's title and its holders' names. Never a
// filer, never an official's email or phone.

export type Period = { from: IsoDate; to: IsoDate };
export type UnitRef = { id: string; code: string; name: string; nameEn: string };

/** How many sessions or commitments a record lists at most; the figures always count everything. */
export const RECORD_LIST_LIMIT = 100;

export function periodInstants(period: Period): { start: Date; end: Date } {
  return { start: vietnamInstant(period.from, "00:00"), end: vietnamInstant(addCalendarDays(period.to, 1), "00:00") };
}

export type RecordSession = { id: string; title: string; kind: SessionKind; status: SessionStatus; startsAt: Date; unit: UnitRef };

/** Sessions starting in the period, oldest first, with the conditions given (the host, or the ids a leader took part in). */
export async function sessionsIn(db: DbOrTx, period: Period, where: SQL): Promise<{ items: RecordSession[]; truncated: boolean }> {
  const { start, end } = periodInstants(period);
  const rows = await db
    .select({ s: { id: dialogueSessions.id, title: dialogueSessions.title, kind: dialogueSessions.kind, status: dialogueSessions.status, startsAt: dialogueSessions.startsAt }, unit: { id: units.id, code: units.code, name: units.name, nameEn: units.nameEn } })
    .from(dialogueSessions)
    .innerJoin(units, eq(units.id, dialogueSessions.unitId))
    .where(and(where, gte(dialogueSessions.startsAt, start), lt(dialogueSessions.startsAt, end)))
    .orderBy(asc(dialogueSessions.startsAt))
    .limit(RECORD_LIST_LIMIT + 1);
  return { items: rows.slice(0, RECORD_LIST_LIMIT).map((r) => ({ ...r.s, unit: r.unit })), truncated: rows.length > RECORD_LIST_LIMIT };
}

/** Commitments recorded in the period matching `where`, open first (as /cam-ket orders them). The case they came from is left out. */
export async function commitmentsIn(db: DbOrTx, period: Period, where: SQL, today: IsoDate): Promise<{ items: PublicCommitment[]; truncated: boolean }> {
  const { start, end } = periodInstants(period);
  const rows = await commitmentQuery(db)
    .where(and(where, gte(commitments.createdAt, start), lt(commitments.createdAt, end)))
    .orderBy(...COMMITMENT_ORDER)
    .limit(RECORD_LIST_LIMIT + 1);
  return { items: rows.slice(0, RECORD_LIST_LIMIT).map((r) => ({ ...toPublicCommitment(r, today), case: null })), truncated: rows.length > RECORD_LIST_LIMIT };
}

export type RecordSeatMonth = { month: string; state: DutyState; required: number; heldInPerson: number; delegated: number };
export type RecordSeat = {
  positionId: string;
  title: string;
  titleEn: string;
  active: boolean;
  unit: { id: string; name: string; nameEn: string };
  /** The head today (name only). */
  currentHead: { userId: string; name: string | null } | null;
  months: RecordSeatMonth[];
  met: number;
  missed: number;
};

/** A seat's months inside the period (newest first), optionally only those `userId` held the seat in. */
export function seatOf(p: PositionDuty, period: Period, userId?: string): RecordSeat {
  const months = p.months
    .filter((m) => compareDates(monthEnd(m.month), period.from) >= 0 && compareDates(monthStart(m.month), period.to) <= 0)
    .filter((m) => !userId || m.heads.some((h) => h.userId === userId))
    .map((m) => ({ month: m.month, state: m.state, required: m.required, heldInPerson: m.heldInPerson, delegated: m.delegated }))
    .reverse();
  return {
    positionId: p.position.id,
    title: p.position.title,
    titleEn: p.position.titleEn,
    active: p.position.active,
    unit: p.position.unit,
    currentHead: p.position.currentHead,
    months,
    met: months.filter((m) => m.state === "met").length,
    missed: months.filter((m) => m.state === "missed").length,
  };
}

export async function unitRefs(db: DbOrTx, ids: string[]): Promise<Map<string, UnitRef>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: units.id, code: units.code, name: units.name, nameEn: units.nameEn }).from(units).where(inArray(units.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}
