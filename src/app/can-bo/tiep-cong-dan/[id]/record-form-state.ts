/** What a record form keeps between a refused post and the page shown again (with or without JavaScript). */
export type RecordFormState = {
  values: Record<string, string>;
  /** Field name as in the form ("items.1.dueOn") to the problem's key (receptionRecord.problems). */
  fieldErrors: Record<string, string>;
  formError?: string;
};

export const EMPTY_RECORD_FORM: RecordFormState = { values: {}, fieldErrors: {} };

export const RECORD_DONE = ["recorded", "matter", "notified", "published", "items"] as const;
export type RecordDone = (typeof RECORD_DONE)[number];
