import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { receptionBookings } from "@/db/schema";
import { receptionDayChangeEmail, type ReceptionDayChangeData } from "@/emails/reception-day-change";
import { logger } from "@/lib/logger";
import { sendEmail } from "@/server/email/send-email";
import { unsealPersonalData } from "@/server/privacy/personal-data";

/**
 * Tells every citizen with a live booking and an email that their reception day changed, through the outbox in
 * the change's transaction. The message names no one (it is stored rendered); one per booking and change
 * (`eventId` in the dedupe key), so a retried transaction never sends twice.
 */
export async function notifyBookedCitizens(tx: Tx, data: ReceptionDayChangeData & { eventId: number }): Promise<number> {
  const bookings = await tx
    .select({ id: receptionBookings.id, keyId: receptionBookings.keyId, sealed: receptionBookings.sealed, language: receptionBookings.language })
    .from(receptionBookings)
    .where(and(eq(receptionBookings.receptionDayId, data.dayId), eq(receptionBookings.status, "booked"), eq(receptionBookings.contactIsEmail, true)));
  let sent = 0;
  const rendered = new Map<string, Awaited<ReturnType<typeof receptionDayChangeEmail>>>();
  for (const booking of bookings) {
    let email: string | undefined;
    try {
      email = unsealPersonalData(booking.keyId, booking.sealed).email;
    } catch (error) {
      logger.error("reception booking could not be unsealed", { bookingId: booking.id, error: error instanceof Error ? error.message : String(error) });
      continue;
    }
    if (!email) continue;
    const locale = booking.language === "en" ? "en" : "vi";
    let message = rendered.get(locale);
    if (!message) {
      message = await receptionDayChangeEmail(locale, data);
      rendered.set(locale, message);
    }
    const queued = await sendEmail(tx, { ...message, to: email, template: "reception-day-change", locale, dedupeKey: `reception-day-change:${data.eventId}:${booking.id}` });
    if (queued) sent++;
  }
  return sent;
}
