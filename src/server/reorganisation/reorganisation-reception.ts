import "server-only";
import { and, count, eq, gt, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { receptionDayEvents, receptionDays, receptionPositionHolders, receptionPositions, units } from "@/db/schema";
import { vietnamInstant } from "@/domain/calendar";
import type { IsoDate } from "@/domain/types";
import { notifyBookedCitizens } from "@/server/reception/calendar/notify-booked-citizens";

/** Days still to be held, which a seat that ends can no longer hold. */
const OPEN_DAY_STATUSES = ["planned", "confirmed"] as const;

type Scope = { oldUnitIds: string[]; effectiveOn: IsoDate; now: Date };

/**
 * The old units' days still to be held from the effective date on. One that has already begun (applied on the
 * day itself, after its start) is the office's to record: it is left alone.
 */
function openDays(scope: Scope) {
  const from = vietnamInstant(scope.effectiveOn, "00:00");
  return and(
    inArray(receptionDays.unitId, scope.oldUnitIds),
    inArray(receptionDays.status, [...OPEN_DAY_STATUSES]),
    gte(receptionDays.startsAt, from > scope.now ? from : scope.now),
  );
}

export async function countReceptionMoves(db: DbOrTx, scope: Scope): Promise<{ receptionPositions: number; receptionDays: number }> {
  const [[p], [d]] = await Promise.all([
    db.select({ n: count() }).from(receptionPositions).where(and(inArray(receptionPositions.unitId, scope.oldUnitIds), eq(receptionPositions.active, true))),
    db.select({ n: count() }).from(receptionDays).where(openDays(scope)),
  ]);
  return { receptionPositions: p!.n, receptionDays: d!.n };
}

/** The public reason on each day cancelled: where citizens now go, and by which decision. */
export function reorganisedDayReason(successorName: string, effectiveOn: IsoDate, decision: string): string {
  const [y, m, d] = effectiveOn.split("-");
  return `Từ ngày ${d}/${m}/${y}, đơn vị được sắp xếp vào ${successorName} (theo ${decision}). Mời ông/bà xem lịch tiếp công dân của ${successorName}.`;
}

/**
 * A reorganisation's part in the reception calendar, in its transaction. The heads' seats of an old unit end
 * with it (the successor's head has a seat of its own): the seats are made inactive, their holders' terms end on
 * the last day, and their days from the effective date on that were still to be held are cancelled with a public
 * reason naming the successor; citizens who booked one are told by email, as for any cancelled day. Days before
 * the date, held or cancelled ones stay as they were. Seats of other units whose office was an old unit are run
 * by the successor's office from now on.
 */
export async function closeReceptionOfOldUnits(
  tx: Tx,
  input: Scope & { lastDay: IsoDate; successorId: string; decision: string; reorganisationId: string; actorUserId: string | null },
): Promise<{ receptionPositions: number; receptionDays: number }> {
  const old = input.oldUnitIds;
  const allSeats = await tx.select({ id: receptionPositions.id, title: receptionPositions.title, active: receptionPositions.active }).from(receptionPositions).where(inArray(receptionPositions.unitId, old));
  const seats = allSeats.filter((s) => s.active);
  if (seats.length > 0) {
    await tx.update(receptionPositions).set({ active: false, updatedAt: input.now }).where(inArray(receptionPositions.id, seats.map((s) => s.id)));
  }
  if (allSeats.length > 0) {
    const seatIds = allSeats.map((s) => s.id);
    // A term that would start after the last day never begins; one running past it ends on it.
    await tx.delete(receptionPositionHolders).where(and(inArray(receptionPositionHolders.positionId, seatIds), gt(receptionPositionHolders.fromDate, input.lastDay)));
    await tx
      .update(receptionPositionHolders)
      .set({ toDate: input.lastDay })
      .where(and(inArray(receptionPositionHolders.positionId, seatIds), or(isNull(receptionPositionHolders.toDate), gt(receptionPositionHolders.toDate, input.lastDay)), lte(receptionPositionHolders.fromDate, input.lastDay)));
  }

  const [successor] = await tx.select({ name: units.name }).from(units).where(eq(units.id, input.successorId));
  const reason = reorganisedDayReason(successor?.name ?? "", input.effectiveOn, input.decision);
  const days = await tx.select().from(receptionDays).where(openDays(input)).orderBy(receptionDays.startsAt).for("update");
  const titles = new Map(allSeats.map((s) => [s.id, s.title]));
  for (const day of days) {
    await tx
      .update(receptionDays)
      .set({ status: "cancelled", statusReason: reason, bookingsOpen: false, version: sql`${receptionDays.version} + 1`, updatedAt: input.now })
      .where(eq(receptionDays.id, day.id));
    const [event] = await tx
      .insert(receptionDayEvents)
      .values({
        receptionDayId: day.id,
        type: "cancelled",
        reason,
        data: { cause: "reorganised", reorganisationId: input.reorganisationId, fromStatus: day.status, startsAt: day.startsAt.toISOString() },
        actorUserId: input.actorUserId,
        createdAt: input.now,
      })
      .returning({ id: receptionDayEvents.id });
    if (day.booked > 0) {
      await notifyBookedCitizens(tx, {
        eventId: event!.id,
        dayId: day.id,
        change: "cancelled",
        title: titles.get(day.positionId) ?? "",
        oldStartsAt: day.startsAt.toISOString(),
        startsAt: day.startsAt.toISOString(),
        place: day.place,
        onlineUrl: day.onlineUrl,
        reason,
      });
    }
  }

  // Seats of other units run by an old unit's office (and their days to come) pass to the successor's office.
  await tx.update(receptionPositions).set({ officeUnitId: input.successorId, updatedAt: input.now }).where(inArray(receptionPositions.officeUnitId, old));
  await tx
    .update(receptionDays)
    .set({ officeUnitId: input.successorId, updatedAt: input.now })
    .where(and(inArray(receptionDays.officeUnitId, old), inArray(receptionDays.status, [...OPEN_DAY_STATUSES])));

  return { receptionPositions: seats.length, receptionDays: days.length };
}
