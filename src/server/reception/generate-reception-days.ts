import "server-only";
import { and, eq, gte, isNull, lte, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { receptionDayEvents, receptionDays, receptionPositionHolders, receptionPositions, units } from "@/db/schema";
import { addCalendarDays, compareDates, vietnamInstant, type WorkCalendar } from "@/domain/calendar";
import { generateDutySlots, type DutyRule } from "@/domain/reception/duty";
import { DEFAULT_BOOKING_CAPACITY } from "@/domain/reception/vocabulary";
import type { IsoDate } from "@/domain/types";

/** How far ahead the public calendar is generated. */
export const GENERATE_AHEAD_DAYS = 92;

export type HolderRow = { positionId: string; userId: string; fromDate: IsoDate; toDate: IsoDate | null };

/** The official holding a position on a date, from its holders (latest start first wins). */
export function holderOn(holders: readonly HolderRow[], positionId: string, date: IsoDate): string | null {
  let best: HolderRow | null = null;
  for (const h of holders) {
    if (h.positionId !== positionId || compareDates(h.fromDate, date) > 0) continue;
    if (h.toDate && compareDates(h.toDate, date) < 0) continue;
    if (!best || compareDates(h.fromDate, best.fromDate) > 0) best = h;
  }
  return best?.userId ?? null;
}

/**
 * Makes sure every active position has its duty days from `from` to `to` in the calendar: each required day
 * (src/domain/reception/duty.ts) becomes a "planned" reception day on its working day, with the position's usual
 * time and place and the head who holds the position then. Idempotent: a day already generated for a duty (even
 * one the office has since moved or cancelled) is left as it is, so running it daily, from several workers, or
 * after a change of rule adds only what is missing. Call inside a transaction.
 */
export async function generateReceptionDays(
  tx: DbOrTx,
  input: { calendar: WorkCalendar; rules: readonly DutyRule[]; from: IsoDate; to: IsoDate; positionId?: string },
): Promise<{ created: number }> {
  const positions = await tx
    .select({ p: receptionPositions, areaId: units.areaId })
    .from(receptionPositions)
    .innerJoin(units, eq(units.id, receptionPositions.unitId))
    .where(and(eq(receptionPositions.active, true), input.positionId ? eq(receptionPositions.id, input.positionId) : undefined));
  if (positions.length === 0) return { created: 0 };
  const holders = await tx
    .select({ positionId: receptionPositionHolders.positionId, userId: receptionPositionHolders.userId, fromDate: receptionPositionHolders.fromDate, toDate: receptionPositionHolders.toDate })
    .from(receptionPositionHolders)
    .where(or(isNull(receptionPositionHolders.toDate), gte(receptionPositionHolders.toDate, input.from)));

  let created = 0;
  for (const { p, areaId } of positions) {
    const slots = generateDutySlots(input.calendar, input.rules, p.kind, { daysOfMonth: p.daysOfMonth, weekday: p.weekday }, input.from, input.to);
    if (slots.length === 0) continue;
    const rows = await tx
      .insert(receptionDays)
      .values(
        slots.map((s) => ({
          positionId: p.id,
          unitId: p.unitId,
          officeUnitId: p.officeUnitId,
          areaId,
          origin: "duty" as const,
          dutyKey: s.dutyKey,
          nominalOn: s.nominalOn,
          startsAt: vietnamInstant(s.on, p.startTime),
          endsAt: vietnamInstant(s.on, p.endTime),
          place: p.place,
          capacity: DEFAULT_BOOKING_CAPACITY,
          headUserId: holderOn(holders, p.id, s.on),
        })),
      )
      .onConflictDoNothing({ target: [receptionDays.positionId, receptionDays.dutyKey] })
      .returning({ id: receptionDays.id, nominalOn: receptionDays.nominalOn, startsAt: receptionDays.startsAt });
    if (rows.length === 0) continue;
    const byKey = new Map(slots.map((s) => [s.nominalOn, s]));
    await tx.insert(receptionDayEvents).values(
      rows.map((r) => {
        const slot = byKey.get(r.nominalOn!);
        return { receptionDayId: r.id, type: "generated", data: { ruleId: slot?.ruleId, nominalOn: r.nominalOn, movedFromHoliday: slot ? slot.on !== slot.nominalOn : false } };
      }),
    );
    created += rows.length;
  }
  return { created };
}

/** The range the daily job keeps generated: from the start of this month to GENERATE_AHEAD_DAYS ahead. */
export function generationWindow(today: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: `${today.slice(0, 7)}-01`, to: addCalendarDays(today, GENERATE_AHEAD_DAYS) };
}

/** Days of one position between two dates, for tests and pages. */
export function daysOfPositionWhere(positionId: string, from: Date, to: Date) {
  return and(eq(receptionDays.positionId, positionId), gte(receptionDays.startsAt, from), lte(receptionDays.startsAt, to));
}
