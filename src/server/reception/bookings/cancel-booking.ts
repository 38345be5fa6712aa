import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database, Tx } from "@/db/client";
import { receptionBookingAddresses, receptionBookings, receptionDays, receptionPositions } from "@/db/schema";
import { runInTransaction } from "@/db/transaction";
import type { BookingStatus, ReceptionDayStatus, ReceptionMode } from "@/domain/reception/vocabulary";
import { consumeRateLimit, peekRateLimit, RATE_LIMITS } from "@/server/abuse/rate-limit";
import { appendAudit } from "@/server/audit/append-audit";
import { bookingCodeHash, unsealBooking } from "./booking-data";

export type CodeContext = { db: Database; ip: string; now?: Date };

/** What the citizen sees of their booking before cancelling it: the day's public facts and the booking's state. */
export type BookingByCode = {
  bookingId: string;
  status: BookingStatus;
  day: { id: string; title: string; titleEn: string; startsAt: Date; place: string; mode: ReceptionMode; status: ReceptionDayStatus };
  /** False once the reception has begun, or when the booking is no longer live. */
  cancellable: boolean;
};

export type CodeMiss = { ok: false; reason: "invalid" | "not_found" } | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };
export type FindBookingResult = { ok: true; booking: BookingByCode } | CodeMiss;
export type CancelBookingResult = { ok: true; dayId: string } | CodeMiss | { ok: false; reason: "not_cancellable"; status: BookingStatus | "started" };

const missKey = (ip: string) => `booking-code:ip:${ip}`;

/**
 * A booking found by its code, with the limit on wrong codes per address: only misses count, so a citizen using
 * their own code never pays, and one address cannot try many codes.
 */
async function lookUp(ctx: CodeContext, code: string, now: Date): Promise<{ ok: true; hash: string } | CodeMiss> {
  const limit = await peekRateLimit(ctx.db, missKey(ctx.ip), RATE_LIMITS.bookingCodeMissPerIp, now);
  if (!limit.ok) return { ok: false, reason: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
  const hash = bookingCodeHash(code);
  const [row] = hash ? await ctx.db.select({ id: receptionBookings.id }).from(receptionBookings).where(eq(receptionBookings.codeHash, hash)).limit(1) : [];
  if (hash && row) return { ok: true, hash };
  const miss = await consumeRateLimit(ctx.db, missKey(ctx.ip), RATE_LIMITS.bookingCodeMissPerIp, now);
  if (!miss.ok) return { ok: false, reason: "rate_limited", retryAfterSeconds: miss.retryAfterSeconds };
  return { ok: false, reason: hash ? "not_found" : "invalid" };
}

async function bookingOf(db: Database | Tx, hash: string, now: Date, forUpdate = false): Promise<(BookingByCode & { keyId: string; sealed: string }) | null> {
  const query = db
    .select({ b: receptionBookings, d: receptionDays, title: receptionPositions.title, titleEn: receptionPositions.titleEn })
    .from(receptionBookings)
    .innerJoin(receptionDays, eq(receptionDays.id, receptionBookings.receptionDayId))
    .innerJoin(receptionPositions, eq(receptionPositions.id, receptionDays.positionId))
    .where(eq(receptionBookings.codeHash, hash))
    .limit(1);
  const [row] = forUpdate ? await query.for("update", { of: receptionBookings }) : await query;
  if (!row) return null;
  const { b, d } = row;
  return {
    bookingId: b.id,
    status: b.status,
    keyId: b.keyId,
    sealed: b.sealed,
    day: { id: d.id, title: row.title, titleEn: row.titleEn, startsAt: d.startsAt, place: d.place, mode: d.mode, status: d.status },
    cancellable: b.status === "booked" && d.startsAt.getTime() > now.getTime(),
  };
}

/** The day a code's booking is for (the cancel page's confirmation step). Nothing about the citizen is returned. */
export async function findBookingByCode(ctx: CodeContext, code: string): Promise<FindBookingResult> {
  const now = ctx.now ?? new Date();
  const found = await lookUp(ctx, code, now);
  if (!found.ok) return found;
  const booking = await bookingOf(ctx.db, found.hash, now);
  if (!booking) return { ok: false, reason: "not_found" };
  const { keyId: _k, sealed: _s, ...shown } = booking;
  return { ok: true, booking: shown };
}

/**
 * The citizen cancels their booking with its code, until the reception begins: in one transaction the booking is
 * cancelled, its place is freed (the day's `booked`) and so is the count of the address it was made from.
 */
export async function cancelBooking(ctx: CodeContext, code: string): Promise<CancelBookingResult> {
  const now = ctx.now ?? new Date();
  const found = await lookUp(ctx, code, now);
  if (!found.ok) return found;
  return runInTransaction(ctx.db, async (tx): Promise<CancelBookingResult> => {
    const booking = await bookingOf(tx, found.hash, now, true);
    if (!booking) return { ok: false, reason: "not_found" };
    if (booking.status !== "booked") return { ok: false, reason: "not_cancellable", status: booking.status };
    if (!booking.cancellable) return { ok: false, reason: "not_cancellable", status: "started" };
    await tx.update(receptionBookings).set({ status: "cancelled", cancelledAt: now }).where(and(eq(receptionBookings.id, booking.bookingId), eq(receptionBookings.status, "booked")));
    await tx
      .update(receptionDays)
      .set({ booked: sql`greatest(${receptionDays.booked} - 1, 0)`, updatedAt: now })
      .where(eq(receptionDays.id, booking.day.id));
    const { addressHash } = unsealBooking(booking.keyId, booking.sealed);
    if (addressHash) {
      await tx
        .update(receptionBookingAddresses)
        .set({ count: sql`greatest(${receptionBookingAddresses.count} - 1, 0)` })
        .where(and(eq(receptionBookingAddresses.receptionDayId, booking.day.id), eq(receptionBookingAddresses.addressHash, addressHash)));
    }
    await appendAudit(tx, { actorUserId: null, action: "reception.booking_cancelled", entityType: "reception_booking", entityId: booking.bookingId, data: { dayId: booking.day.id, by: "citizen" } });
    return { ok: true, dayId: booking.day.id };
  });
}
