import type { ModerationRefusal } from "@/server/dialogue/questions/moderate-question";

export const MODERATION_VERBS = ["approve", "decline", "merge", "priority", "answer_now", "answer"] as const;
export type ModerationVerb = (typeof MODERATION_VERBS)[number];

/** What a moderation form keeps between a refused submission and the re-rendered page (with or without JavaScript). */
export type ModerationFormState = {
  values: Record<string, string>;
  fieldErrors: Partial<Record<string, string>>;
  formError?: ModerationRefusal | "failed" | "invalid";
};

export const EMPTY_MODERATION_FORM: ModerationFormState = { values: {}, fieldErrors: {} };

/** The result of a moderation action comes back as ?kiem-duyet=<verb>&cau=<number>#ket-qua-kiem-duyet. */
export const MODERATION_PARAM = "kiem-duyet";
export const MODERATION_ANCHOR = "ket-qua-kiem-duyet";
