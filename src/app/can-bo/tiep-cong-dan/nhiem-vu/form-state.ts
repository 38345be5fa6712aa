/** What a duty admin form keeps between a refused submission and the re-rendered page (with or without JavaScript). */
export type DutyAdminFormState = {
  values: Record<string, string>;
  fieldErrors: Partial<Record<string, string>>;
  formError?: "invalid" | "stale_version" | "not_found" | "no_access" | "failed";
};

export const EMPTY_DUTY_ADMIN_FORM: DutyAdminFormState = { values: {}, fieldErrors: {} };

/** Results shown once after a successful change (the page is reloaded with ?xong=…). */
export const DUTY_ADMIN_DONE = ["rule_added", "rule_confirmed", "position_created", "position_updated", "holder_assigned"] as const;
export type DutyAdminDone = (typeof DUTY_ADMIN_DONE)[number];

export const isDutyAdminDone = (v: string | undefined): v is DutyAdminDone => (DUTY_ADMIN_DONE as readonly string[]).includes(v ?? "");

/** The fields each form posts (what is kept after a refusal). */
export const RULE_FIELDS = ["positionKind", "times", "per", "legalBasis", "effectiveFrom", "confirmed"] as const;
export const POSITION_FIELDS = ["unitId", "officeUnitId", "kind", "title", "titleEn", "daysOfMonth", "weekday", "startTime", "endTime", "place", "active"] as const;
export const HOLDER_FIELDS = ["userId", "fromDate"] as const;
