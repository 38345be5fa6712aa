import type { AttachmentProblem } from "@/server/attachments/store-attachments";
import type { FieldError } from "@/server/intake/submit-case-input";

export const TEXT_FIELDS = [
  "kind", "categoryId", "areaId", "address", "title", "body", "name", "phone", "email", "filerAddress", "idNumber",
  "subjectName", "subjectPosition", "subjectUnitId", "idempotencyKey", "channel", "receptionDayId",
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export type IntakeFormState = {
  values: Partial<Record<TextField, string>> & { anonymous?: boolean; consentPublish?: boolean };
  errors: Partial<Record<TextField | "anonymous" | "attachments" | "form", FieldError>>;
  formError?: "rate_limited" | "attachments" | "server";
  attachmentProblem?: AttachmentProblem;
  attachmentName?: string;
  retryAfterMinutes?: number;
};

/** The access key travels from the action to the receipt page in this short-lived cookie, never in a URL. */
export const RECEIPT_COOKIE_PREFIX = "dt_receipt_";
