/** What a planning form keeps between a refused submission and the page shown again (with or without JavaScript). */
export type PlanFormState = {
  values: Record<string, string>;
  /** Field name to the problem's key (reception.problems). */
  fieldErrors: Record<string, string>;
  formError?: "invalid" | "stale_version" | "not_plannable" | "not_allowed" | "not_found" | "failed";
};

export const EMPTY_PLAN_FORM: PlanFormState = { values: {}, fieldErrors: {} };

/** A field of a planning form, as the form component draws it. */
export type PlanField = {
  name: string;
  /** Key under reception.plan.fields or reception.add. */
  label: string;
  type: "text" | "textarea" | "date" | "time" | "url" | "number" | "checkbox" | "select";
  hint?: string;
  defaultValue?: string;
  options?: { value: string; label: string }[];
  maxLength?: number;
};
