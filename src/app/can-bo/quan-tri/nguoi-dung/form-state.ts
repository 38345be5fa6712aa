/** What a people form keeps between a refused submission and the re-rendered page (with or without JavaScript). */
export type PeopleFormState = {
  values: Record<string, string>;
  fieldErrors: Partial<Record<string, string>>;
  formError?: "invalid" | "not_found" | "no_access" | "last_admin" | "failed";
};

export const EMPTY_PEOPLE_FORM: PeopleFormState = { values: {}, fieldErrors: {} };

/** Results shown once after a successful change (the page is reloaded with ?xong=…). */
export const PEOPLE_DONE = ["invited", "given", "removed", "deactivated", "reactivated"] as const;
export type PeopleDone = (typeof PEOPLE_DONE)[number];

export const isPeopleDone = (v: string | undefined): v is PeopleDone => (PEOPLE_DONE as readonly string[]).includes(v ?? "");

export const PEOPLE_OPS = ["invite", "give", "remove", "deactivate", "reactivate"] as const;
export type PeopleOp = (typeof PEOPLE_OPS)[number];

/** The fields each form posts (what is kept after a refusal). */
export const INVITE_FIELDS = ["email", "name", "unitId", "role"] as const;
export const GIVE_FIELDS = ["unitId", "role"] as const;
