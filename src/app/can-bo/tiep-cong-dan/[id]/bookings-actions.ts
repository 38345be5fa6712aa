"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { logger } from "@/lib/logger";
import { getViewer } from "@/server/auth/viewer";
import { AppError } from "@/server/errors";
import { markBooking } from "@/server/reception/bookings/mark-booking";
import { isUuid } from "@/server/workspace/case-access";

/** The office marks a booking attended or absent; the result comes back in the query string (?dat-lich=…). */
export async function markBookingAction(form: FormData): Promise<void> {
  const dayId = String(form.get("dayId") ?? "");
  let outcome: string;
  try {
    const [db, viewer] = await Promise.all([getDb(), getViewer()]);
    ({ mark: outcome } = await markBooking(db, viewer, { dayId, bookingId: form.get("bookingId"), mark: form.get("mark") }));
  } catch (error) {
    if (!(error instanceof AppError)) logger.error("marking a booking failed", { error });
    const reason = error instanceof AppError ? String(error.details?.reason ?? error.code) : "server";
    outcome = `loi-${reason}`;
  }
  if (!isUuid(dayId)) redirect("/can-bo/tiep-cong-dan");
  redirect(`/can-bo/tiep-cong-dan/${dayId}?dat-lich=${encodeURIComponent(outcome)}#dat-lich`);
}
