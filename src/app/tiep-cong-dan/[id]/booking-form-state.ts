import type { AttachmentProblem } from "@/server/attachments/store-attachments";
import type { BookingProblem } from "@/server/reception/bookings/book-slot";
import type { BookingField, BookingFieldError } from "@/server/reception/bookings/booking-input";

export const BOOKING_FORM_FIELDS = ["name", "contact", "summary", "idempotencyKey"] as const;

/** What the booking form keeps between a post and the re-rendered page (with or without JavaScript). */
export type BookingFormState = {
  values: Partial<Record<(typeof BOOKING_FORM_FIELDS)[number], string>>;
  errors: Partial<Record<BookingField, BookingFieldError>>;
  formError?: "invalid" | "refused" | "attachments" | "server" | "not_found";
  refusal?: BookingProblem;
  attachmentProblem?: AttachmentProblem;
  attachmentName?: string;
  /** The booking made: its code is shown here once (never in an address, never stored in clear). */
  done?: { code: string; contactIsEmail: boolean };
};

/** The booking section's anchor. */
export const BOOKING_ANCHOR = "dat-lich";
