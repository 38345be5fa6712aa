import type { MovedCounts, StayingCounts } from "@/domain/reorganisation/plan";

/** What a reorganisation form keeps between posts: what was typed (the old units as a list), errors by field, or the preview. */
export type ReorganisationFormState = {
  values: Record<string, string>;
  oldUnitIds: string[];
  fieldErrors: Partial<Record<string, string>>;
  /** Values for a field's message (e.g. the codes of the units at fault). */
  fieldParams?: Partial<Record<string, Record<string, string | number>>>;
  formError?: "invalid" | "not_found" | "no_access" | "not_due" | "already_applied" | "already_cancelled" | "failed";
  /** After the first post: what would move, named; the next post saves the plan. */
  preview?: {
    effectiveOn: string;
    lastDay: string;
    due: boolean;
    successor: string;
    oldUnits: string[];
    moved: MovedCounts;
    staying: StayingCounts;
  };
};

export const EMPTY_REORGANISATION_FORM: ReorganisationFormState = { values: {}, oldUnitIds: [], fieldErrors: {} };

export const REORGANISATION_DONE = ["planned", "applied", "cancelled"] as const;
export type ReorganisationDone = (typeof REORGANISATION_DONE)[number];
export const isReorganisationDone = (v: string | undefined): v is ReorganisationDone => (REORGANISATION_DONE as readonly string[]).includes(v ?? "");

export const PLAN_FIELDS = ["successorId", "effectiveOn", "decision"] as const;
