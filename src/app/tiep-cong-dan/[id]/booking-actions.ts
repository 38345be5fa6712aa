"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from "@/i18n/config";
import { logger } from "@/lib/logger";
import { filesFromForm } from "@/server/attachments/store-attachments";
import { clientIp } from "@/server/net/loopback";
import { bookSlot } from "@/server/reception/bookings/book-slot";
import { BOOKING_FORM_FIELDS, type BookingFormState } from "./booking-form-state";

function isRedirect(error: unknown): boolean {
  return (error as { digest?: string })?.digest?.startsWith("NEXT_REDIRECT") ?? false;
}

/**
 * The booking form's action, with or without JavaScript. The code comes back in the form's state, shown once on
 * the page that answers the post: never in an address, where it would stay in the history and the logs.
 */
export async function bookSlotAction(_prev: BookingFormState, form: FormData): Promise<BookingFormState> {
  const values: BookingFormState["values"] = {};
  for (const field of BOOKING_FORM_FIELDS) {
    const value = form.get(field);
    if (typeof value === "string") values[field] = value;
  }
  try {
    const [db, jar, requestHeaders] = await Promise.all([getDb(), cookies(), headers()]);
    const cookieLocale = jar.get(LOCALE_COOKIE)?.value;
    const result = await bookSlot(
      { db, ip: clientIp(requestHeaders) },
      {
        dayId: String(form.get("dayId") ?? ""),
        name: values.name ?? "",
        contact: values.contact ?? "",
        summary: values.summary ?? "",
        language: isLocale(cookieLocale) ? cookieLocale : DEFAULT_LOCALE,
        idempotencyKey: values.idempotencyKey ?? "",
        website: form.get("website")?.toString(),
      },
      await filesFromForm(form, "attachments"),
    );
    if (result.ok) return { values: {}, errors: {}, done: { code: result.booking.code, contactIsEmail: result.booking.contactIsEmail } };
    switch (result.reason) {
      case "invalid":
        return { values, errors: result.fields, formError: "invalid" };
      case "attachments":
        return { values, errors: { attachments: "invalid" }, formError: "attachments", attachmentProblem: result.problem, attachmentName: result.fileName };
      case "refused":
        return { values, errors: {}, formError: "refused", refusal: result.refusal };
      case "not_found":
        return { values, errors: {}, formError: "not_found" };
      case "honeypot":
        // Answer a bot as if nothing happened; a person never fills the hidden field.
        redirect("/");
    }
  } catch (error) {
    if (isRedirect(error)) throw error;
    logger.error("booking failed", { error });
    return { values, errors: {}, formError: "server" };
  }
}
