import type { FieldProblem } from "@/server/filer/filer-access";

/** What a filer form keeps between a refused submission and the re-rendered page (with or without JavaScript). */
export type FilerFormState = {
  values: Record<string, string>;
  fieldErrors: Partial<Record<string, FieldProblem>>;
  formError?: "wrong_key" | "rate_limited" | "no_access" | "stale_version" | "not_allowed" | "no_higher_unit" | "invalid" | "failed";
  fileName?: string;
  retryAfterMinutes?: number;
};

export const EMPTY_FORM: FilerFormState = { values: {}, fieldErrors: {} };

/** Results shown once after a successful action (the page is reloaded with ?done=…). */
export const DONE = ["info_added", "info_provided", "withdrawn", "rated", "reopened", "second_instance"] as const;
export type Done = (typeof DONE)[number];

/** The new second-instance complaint's access key travels to its page in this short-lived cookie, never in a URL. */
export const NEW_KEY_COOKIE_PREFIX = "dt_newkey_";
