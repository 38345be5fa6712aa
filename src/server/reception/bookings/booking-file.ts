import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { receptionBookingFiles, receptionBookings } from "@/db/schema";
import type { Viewer } from "@/server/auth/roles";
import { AppError } from "@/server/errors";
import { loadReceptionDayForStaff } from "@/server/reception/reception-access";
import { isUuid } from "@/server/workspace/case-access";

export type BookingFile = { fileName: string; contentType: string; content: Buffer };

/**
 * A file a citizen attached to a booking, for the receiving office only: authorised from the day the booking is
 * for ("view_bookings"), and only through that day's address, so a file id alone opens nothing.
 */
export async function getBookingFile(db: DbOrTx, viewer: Viewer | null, dayId: string, fileId: string): Promise<BookingFile> {
  const { day } = await loadReceptionDayForStaff(db, viewer, dayId, "view_bookings");
  if (!isUuid(fileId)) throw new AppError("not_found", "not_found");
  const [row] = await db
    .select({ fileName: receptionBookingFiles.fileName, contentType: receptionBookingFiles.contentType, content: receptionBookingFiles.content, dayId: receptionBookings.receptionDayId })
    .from(receptionBookingFiles)
    .innerJoin(receptionBookings, eq(receptionBookings.id, receptionBookingFiles.bookingId))
    .where(eq(receptionBookingFiles.id, fileId))
    .limit(1);
  if (!row || row.dayId !== day.id) throw new AppError("not_found", "not_found");
  return { fileName: row.fileName, contentType: row.contentType, content: Buffer.from(row.content) };
}
