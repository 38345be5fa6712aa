/** What a deadline policy form keeps between posts: what was typed, and errors by field (with their values). */
export type PolicyFormState = {
  values: Record<string, string>;
  fieldErrors: Partial<Record<string, string>>;
  /** Values a field's message names, e.g. the start date of the version it clashes with. */
  fieldParams?: Record<string, Record<string, string | number>>;
  formError?: "invalid" | "not_found" | "no_access" | "in_use" | "in_force" | "already_confirmed" | "failed";
};

export const EMPTY_POLICY_FORM: PolicyFormState = { values: {}, fieldErrors: {} };

export const POLICY_DONE = ["added", "updated", "removed", "confirmed"] as const;
export type PolicyDone = (typeof POLICY_DONE)[number];
export const isPolicyDone = (v: string | undefined): v is PolicyDone => (POLICY_DONE as readonly string[]).includes(v ?? "");

/** The version form's fields (the names the services read). */
export const POLICY_FIELDS = [
  "id",
  "kind",
  "instance",
  "effectiveFrom",
  "effectiveTo",
  "acceptanceAmount",
  "acceptanceUnit",
  "resolutionAmount",
  "resolutionUnit",
  "remoteResolutionAmount",
  "remoteResolutionUnit",
  "extensionMaxCount",
  "extensionMaxDays",
  "progressUpdateEveryDays",
  "pausesOnInfoRequest",
  "legalBasis",
  "note",
  "confirmed",
] as const;
