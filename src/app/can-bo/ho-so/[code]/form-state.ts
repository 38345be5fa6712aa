import type { FieldProblem } from "@/server/filer/filer-access";
import type { Party } from "@/server/workspace/get-staff-case";

/** What a workspace form keeps between a refused submission and the re-rendered page (with or without JavaScript). */
export type StaffFormState = {
  values: Record<string, string>;
  fieldErrors: Partial<Record<string, FieldProblem>>;
  formError?: "stale_version" | "not_allowed" | "no_access" | "not_found" | "invalid" | "failed";
  fileName?: string;
};

export const EMPTY_STAFF_FORM: StaffFormState = { values: {}, fieldErrors: {} };

/** The reveal form's state: the identities are in the answer to its POST only, never in a page a GET returns. */
export type RevealState = StaffFormState & { parties?: Party[]; purpose?: string };

/** Results shown once after a successful action (the page is reloaded with ?xong=…). */
export const STAFF_DONE = [
  "accepted",
  "refused",
  "assigned",
  "noted",
  "info_requested",
  "resumed",
  "draft_saved",
  "draft_submitted",
  "draft_returned",
  "approved",
  "extended",
  "flagged",
  "flag_cleared",
] as const;
export type StaffDone = (typeof STAFF_DONE)[number];
