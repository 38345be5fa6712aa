import "server-only";
import { and, asc, eq, gt, inArray, lte } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { receptionBookings, receptionDays, receptionPositions } from "@/db/schema";
import { endOfLocalDay, toLocalDate } from "@/domain/calendar";
import { deferRender } from "@/emails/registry";
import { sendEmail } from "@/server/email/send-email";
import { unsealBooking } from "@/server/reception/bookings/booking-data";
import type { JobContext } from "./job-context";
import type { JobResult } from "./run-job-once";

/**
 * The day-before reminder: on working day D, every live booking with an email, for a reception day after D up
 * to and including D's next working day (so a Friday covers Saturday to Monday), is reminded once. The dedupe key
 * names the booking and the day's date: a second run sends nothing, a day moved to another date is reminded again.
 */
export async function remindReceptionBookings(tx: Tx, { today, calendar }: JobContext): Promise<JobResult> {
  const next = calendar.addWorkingDays(today, 1);
  const rows = await tx
    .select({
      bookingId: receptionBookings.id,
      keyId: receptionBookings.keyId,
      sealed: receptionBookings.sealed,
      language: receptionBookings.language,
      dayId: receptionDays.id,
      startsAt: receptionDays.startsAt,
      place: receptionDays.place,
      mode: receptionDays.mode,
      onlineUrl: receptionDays.onlineUrl,
      title: receptionPositions.title,
      titleEn: receptionPositions.titleEn,
    })
    .from(receptionBookings)
    .innerJoin(receptionDays, eq(receptionDays.id, receptionBookings.receptionDayId))
    .innerJoin(receptionPositions, eq(receptionPositions.id, receptionDays.positionId))
    .where(
      and(
        eq(receptionBookings.status, "booked"),
        eq(receptionBookings.contactIsEmail, true),
        inArray(receptionDays.status, ["planned", "confirmed"]),
        gt(receptionDays.startsAt, endOfLocalDay(today)),
        lte(receptionDays.startsAt, endOfLocalDay(next)),
      ),
    )
    .orderBy(asc(receptionDays.startsAt), asc(receptionBookings.createdAt));
  let messages = 0;
  for (const r of rows) {
    const { email } = unsealBooking(r.keyId, r.sealed);
    if (!email) continue;
    const sent = await sendEmail(tx, {
      deferred: deferRender("reception-reminder", {
        dayId: r.dayId,
        title: r.title,
        titleEn: r.titleEn,
        startsAt: r.startsAt.toISOString(),
        place: r.place,
        mode: r.mode,
        onlineUrl: r.onlineUrl,
      }),
      to: email,
      template: "reception-reminder",
      locale: r.language === "en" ? "en" : "vi",
      dedupeKey: `reception-reminder:${r.bookingId}:${toLocalDate(r.startsAt)}`,
    });
    if (sent) messages++;
  }
  return { bookings: rows.length, messages };
}
