import type { SuggestedQuestion } from "@/server/dialogue/questions/suggest-questions";
import type { FieldError } from "@/server/intake/submit-case-input";

export const ASK_FIELDS = ["body", "name", "email", "phone", "idempotencyKey"] as const;
export type AskField = (typeof ASK_FIELDS)[number] | "consentContact";

/** What the ask form keeps between a refused submission and the re-rendered page (with or without JavaScript). */
export type AskFormState = {
  values: Partial<Record<(typeof ASK_FIELDS)[number], string>> & { consentContact?: boolean };
  errors: Partial<Record<AskField, FieldError>>;
  formError?: "rate_limited" | "server" | "refused" | "not_found" | "invalid";
  refusal?: "cancelled" | "closed" | "not_open";
  retryAfterMinutes?: number;
  /** Public questions like this one, offered before it is sent (the citizen may support one or send anyway). */
  suggestions?: Pick<SuggestedQuestion, "id" | "number" | "body" | "supportCount">[];
};

/** The ask section's anchor; the result of a question sent comes back as ?cau-hoi=da-gui&so=<number>. */
export const ASK_ANCHOR = "dat-cau-hoi";
