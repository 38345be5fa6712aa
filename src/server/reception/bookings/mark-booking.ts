import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { receptionBookings } from "@/db/schema";
import { runInTransaction } from "@/db/transaction";
import { appendAudit } from "@/server/audit/append-audit";
import type { Viewer } from "@/server/auth/roles";
import { AppError } from "@/server/errors";
import { loadReceptionDayForStaff } from "@/server/reception/reception-access";

export const BOOKING_MARKS = ["attended", "absent"] as const;
export type BookingMark = (typeof BOOKING_MARKS)[number];

const markSchema = z.object({ dayId: z.string(), bookingId: z.uuid(), mark: z.enum(BOOKING_MARKS) });

/**
 * The office marks a booked citizen as attended or absent, once the day has begun (a mistake can be corrected:
 * attended and absent swap). A cancelled booking stays cancelled. Authorised from the day ("record").
 */
export async function markBooking(db: Database, viewer: Viewer | null, input: { dayId?: unknown; bookingId?: unknown; mark?: unknown }, now = new Date()): Promise<{ mark: BookingMark }> {
  await loadReceptionDayForStaff(db, viewer, String(input.dayId ?? ""), "record");
  const parsed = markSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid_input", "invalid mark", { field: "mark" });
  const v = parsed.data;
  return runInTransaction(db, async (tx) => {
    const { day, viewer: staff } = await loadReceptionDayForStaff(tx, viewer, v.dayId, "record", { forUpdate: true });
    if (day.startsAt.getTime() > now.getTime()) throw new AppError("conflict", "not_started", { reason: "not_started" });
    const [booking] = await tx.select({ id: receptionBookings.id, status: receptionBookings.status }).from(receptionBookings).where(and(eq(receptionBookings.id, v.bookingId), eq(receptionBookings.receptionDayId, day.id)));
    if (!booking) throw new AppError("not_found", "not_found", { reason: "not_found" });
    if (booking.status === "cancelled") throw new AppError("conflict", "cancelled", { reason: "cancelled" });
    if (booking.status !== v.mark) {
      await tx
        .update(receptionBookings)
        .set({ status: v.mark, markedAt: now })
        .where(and(eq(receptionBookings.id, booking.id), inArray(receptionBookings.status, ["booked", "attended", "absent"])));
      await appendAudit(tx, { actorUserId: staff.userId, action: "reception.booking_marked", entityType: "reception_booking", entityId: booking.id, data: { dayId: day.id, from: booking.status, to: v.mark } });
    }
    return { mark: v.mark };
  });
}
