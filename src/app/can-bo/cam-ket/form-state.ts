import type { FieldProblem } from "@/server/filer/filer-access";

/** What a commitment form keeps between a refused submission and the re-rendered page (with or without JavaScript). */
export type CommitmentFormState = {
  values: Record<string, string>;
  fieldErrors: Partial<Record<string, FieldProblem>>;
  formError?: "stale_version" | "not_allowed" | "invalid_transition" | "session_not_held" | "no_access" | "not_found" | "invalid" | "failed";
  fileName?: string;
};

export const EMPTY_COMMITMENT_FORM: CommitmentFormState = { values: {}, fieldErrors: {} };

/** Results shown once after a successful action (the page is reloaded with ?xong=…). */
export const COMMITMENT_DONE = ["created", "progress", "kept", "missed"] as const;
export type CommitmentDone = (typeof COMMITMENT_DONE)[number];

export const isCommitmentDone = (v: string | undefined): v is CommitmentDone => (COMMITMENT_DONE as readonly string[]).includes(v ?? "");
