/** What an outcomes form (agenda, question to case, minutes) keeps between a refused submission and the re-rendered page. */
export type OutcomeFormState = {
  values: Record<string, string>;
  /** Field -> problem code (messages outcomes.staff.fields.*). */
  fieldErrors: Record<string, string>;
  formError?: "not_allowed" | "no_access" | "not_found" | "invalid" | "failed";
};

export const EMPTY_OUTCOME_FORM: OutcomeFormState = { values: {}, fieldErrors: {} };

/** The query parameter each outcomes form reports its success in (the page shows it once, after the redirect). */
export const OUTCOME_PARAMS = { agenda: "chuong-trinh", toCase: "ho-so-moi", question: "cau-hoi", minutes: "bien-ban" } as const;
