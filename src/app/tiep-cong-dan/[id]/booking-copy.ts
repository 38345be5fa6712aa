import "server-only";
import { getTranslations } from "next-intl/server";
import { ATTACHMENT_LIMITS } from "@/domain/file-type";
import { FIELD_LIMITS } from "@/domain/intake-limits";
import { BOOKING_SUMMARY_MAX_LENGTH } from "@/domain/reception/vocabulary";
import { texts } from "@/lib/client-copy";
import { BOOKING_CONTACT_MAX_LENGTH, BOOKING_SUMMARY_MIN_LENGTH } from "@/server/reception/bookings/booking-input";

/** The booking form's words, translated on the server (the citizen's page carries no translation library). */
export async function bookingCopy(locale: "vi" | "en") {
  const t = await getTranslations("booking");
  const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));
  return {
    locale,
    form: texts(t, [
      "form.nameLabel",
      "form.nameHint",
      "form.contactLabel",
      "form.contactHint",
      "form.summaryLabel",
      "form.attachmentsLabel",
      "form.honeypot",
      "form.submit",
      "form.sending",
      "form.errorSummary",
      "form.serverError",
      "form.notFound",
      "result.title",
      "result.codeLabel",
      "result.keep",
      "result.reminderEmail",
      "result.reminderPhone",
      "result.cancelLink",
    ]),
    summaryHint: t("form.summaryHint", { min: BOOKING_SUMMARY_MIN_LENGTH, max: BOOKING_SUMMARY_MAX_LENGTH }),
    attachmentsHint: t("form.attachmentsHint", { count: ATTACHMENT_LIMITS.maxFiles, size: mb(ATTACHMENT_LIMITS.maxFileBytes), total: mb(ATTACHMENT_LIMITS.maxTotalBytes) }),
    errors: {
      required: t("errors.required"),
      tooShort: t("errors.tooShort", { min: BOOKING_SUMMARY_MIN_LENGTH }),
      tooLong: t("errors.tooLong"),
      invalidContact: t("errors.invalidContact"),
      invalid: t("errors.invalid"),
    },
    refusals: texts(t, ["refusal.cancelled", "refusal.past", "refusal.closed", "refusal.full", "refusal.address_cap", "refusal.already_booked"]),
    attachmentProblems: texts(t, ["attachments.too_many", "attachments.too_large", "attachments.total_too_large", "attachments.type_not_allowed", "attachments.empty"]),
    limits: { name: FIELD_LIMITS.name.max, contact: BOOKING_CONTACT_MAX_LENGTH, summary: BOOKING_SUMMARY_MAX_LENGTH },
  };
}

export type BookingCopy = Awaited<ReturnType<typeof bookingCopy>>;
