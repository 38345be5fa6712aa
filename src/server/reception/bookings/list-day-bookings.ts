import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { receptionBookingFiles, receptionBookings } from "@/db/schema";
import type { BookingStatus } from "@/domain/reception/vocabulary";
import type { Viewer } from "@/server/auth/roles";
import { loadReceptionDayForStaff } from "@/server/reception/reception-access";
import { unsealBooking } from "./booking-data";

export type StaffBooking = {
  id: string;
  number: number;
  name: string;
  email: string | null;
  phone: string | null;
  summary: string;
  status: BookingStatus;
  language: string;
  createdAt: Date;
  cancelledAt: Date | null;
  markedAt: Date | null;
  files: { id: string; fileName: string; size: number }[];
};

/**
 * The bookings of one reception day, for the receiving office only ("view_bookings", authorised from the day):
 * each citizen's name, contact and summary unsealed, the files they attached, and the state (booked, cancelled,
 * attended, absent), in the order they were made.
 */
export async function listDayBookings(db: DbOrTx, viewer: Viewer | null, dayId: string): Promise<StaffBooking[]> {
  const { day } = await loadReceptionDayForStaff(db, viewer, dayId, "view_bookings");
  const rows = await db.select().from(receptionBookings).where(eq(receptionBookings.receptionDayId, day.id)).orderBy(asc(receptionBookings.createdAt), asc(receptionBookings.id));
  const files =
    rows.length === 0
      ? []
      : await db
          .select({ id: receptionBookingFiles.id, bookingId: receptionBookingFiles.bookingId, fileName: receptionBookingFiles.fileName, size: receptionBookingFiles.size })
          .from(receptionBookingFiles)
          .where(inArray(receptionBookingFiles.bookingId, rows.map((r) => r.id)))
          .orderBy(asc(receptionBookingFiles.createdAt));
  return rows.map((r, i) => {
    const data = unsealBooking(r.keyId, r.sealed);
    return {
      id: r.id,
      number: i + 1,
      name: data.name,
      email: data.email ?? null,
      phone: data.phone ?? null,
      summary: data.summary,
      status: r.status,
      language: r.language,
      createdAt: r.createdAt,
      cancelledAt: r.cancelledAt,
      markedAt: r.markedAt,
      files: files.filter((f) => f.bookingId === r.id).map(({ id, fileName, size }) => ({ id, fileName, size })),
    };
  });
}
