import { z } from "zod";
import { FIELD_LIMITS } from "@/domain/intake-limits";
import { BOOKING_SUMMARY_MAX_LENGTH } from "@/domain/reception/vocabulary";
import { cleanLine, cleanText, normalizePhone } from "@/domain/text-input";

/** Field error codes of the booking form; the form translates them (messages booking.errors.*). */
export const BOOKING_FIELD_ERRORS = ["required", "tooShort", "tooLong", "invalidContact", "invalid"] as const;
export type BookingFieldError = (typeof BOOKING_FIELD_ERRORS)[number];
export const BOOKING_FIELDS = ["name", "contact", "summary"] as const;
export type BookingField = (typeof BOOKING_FIELDS)[number] | "attachments" | "form";

export const BOOKING_SUMMARY_MIN_LENGTH = 10;
export const BOOKING_CONTACT_MAX_LENGTH = FIELD_LIMITS.email.max;

/** One contact: an email address, or a Vietnamese phone number (normalised to 0xxxxxxxxx). */
function parseContact(raw: string): { email: string } | { phone: string } | null {
  if (raw.includes("@")) return z.email().safeParse(raw).success ? { email: raw.toLowerCase() } : null;
  const phone = normalizePhone(raw);
  return phone ? { phone } : null;
}

export const bookSlotSchema = z
  .object({
    name: z
      .string({ error: "required" })
      .transform(cleanLine)
      .pipe(z.string().min(1, { error: "required" }).max(FIELD_LIMITS.name.max, { error: "tooLong" })),
    contact: z
      .string({ error: "required" })
      .transform(cleanLine)
      .pipe(z.string().min(1, { error: "required" }).max(BOOKING_CONTACT_MAX_LENGTH, { error: "tooLong" })),
    summary: z
      .string({ error: "required" })
      .transform(cleanText)
      .pipe(z.string().min(1, { error: "required" }).min(BOOKING_SUMMARY_MIN_LENGTH, { error: "tooShort" }).max(BOOKING_SUMMARY_MAX_LENGTH, { error: "tooLong" })),
    language: z.enum(["vi", "en"]).default("vi"),
    idempotencyKey: z.string().min(16).max(100),
  })
  .superRefine((v, ctx) => {
    if (v.contact && !parseContact(v.contact)) ctx.addIssue({ code: "custom", path: ["contact"], message: "invalidContact" });
  })
  .transform((v) => ({ ...v, contact: parseContact(v.contact)! }));

export type BookSlotValues = z.output<typeof bookSlotSchema>;

/** zod issues -> { field: code } (the first problem per field). */
export function bookingFieldErrors(error: z.ZodError): Partial<Record<BookingField, BookingFieldError>> {
  const out: Partial<Record<BookingField, BookingFieldError>> = {};
  for (const issue of error.issues) {
    const path = String(issue.path[0] ?? "form");
    const field = ((BOOKING_FIELDS as readonly string[]).includes(path) ? path : "form") as BookingField;
    if (out[field]) continue;
    out[field] = (BOOKING_FIELD_ERRORS as readonly string[]).includes(issue.message)
      ? (issue.message as BookingFieldError)
      : issue.code === "too_big"
        ? "tooLong"
        : issue.code === "too_small"
          ? "tooShort"
          : "invalid";
  }
  return out;
}
