/** What a session form keeps between a refused submission and the page shown again (with or without JavaScript). */
export type SessionFormState = {
  values: Record<string, string>;
  /** Field name as in the form ("title", "leaders.1.position") to the problem's key (dialogue.problems). */
  fieldErrors: Record<string, string>;
  formError?: "invalid" | "stale_version" | "invalid_transition" | "not_editable" | "not_allowed" | "not_found" | "failed";
};

export const EMPTY_SESSION_FORM: SessionFormState = { values: {}, fieldErrors: {} };

/** How many leaders a form offers rows for (the service accepts up to SESSION_LIMITS.leaders). */
export const LEADER_SLOTS = 4;

export const DETAIL_FIELDS = [
  "kind",
  "title",
  "topic",
  "description",
  "areaId",
  "location",
  "livestreamUrl",
  "date",
  "startTime",
  "endTime",
  "questionsInAdvance",
  "questionsCloseDate",
  "questionsCloseTime",
  ...Array.from({ length: LEADER_SLOTS }, (_, i) => [`leaders.${i}.userId`, `leaders.${i}.position`, `leaders.${i}.positionEn`]).flat(),
] as const;
