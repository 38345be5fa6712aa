"use client";

// The form that issues an Open311 key: a plain <form> posting to a server action, so it works without JavaScript
// too (the page comes back with the same state). The new key is shown here once.
import { useActionState, useId } from "react";
import { issueKeyAction } from "./actions";
import { EMPTY_ISSUE_KEY_STATE, type IssueKeyState } from "./form-state";

export type IssueKeyTexts = {
  heading: string;
  name: string;
  nameHint: string;
  contact: string;
  contactHint: string;
  hourlyLimit: string;
  hourlyLimitHint: string;
  submit: string;
  issuedHeading: string;
  issuedNote: string;
  errors: Record<"required" | "tooLong" | "invalid" | "no_access" | "failed", string>;
};

function Field({ name, label, hint, state, texts, type = "text", max }: { name: "name" | "contact" | "hourlyLimit"; label: string; hint: string; state: IssueKeyState; texts: IssueKeyTexts; type?: string; max?: number }) {
  const id = `${useId()}-${name}`;
  const error = state.fieldErrors[name];
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        inputMode={type === "number" ? "numeric" : undefined}
        min={type === "number" ? 1 : undefined}
        max={type === "number" ? 100000 : undefined}
        maxLength={max}
        required={name !== "contact"}
        defaultValue={state.values[name] ?? ""}
        className="field-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
      />
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {texts.errors[error]}
        </p>
      )}
    </div>
  );
}

export function IssueKeyForm({ texts }: { texts: IssueKeyTexts }) {
  const [state, action, pending] = useActionState(issueKeyAction, EMPTY_ISSUE_KEY_STATE);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="card space-y-4">
      <h2 id={headingId} className="text-xl font-semibold">
        {texts.heading}
      </h2>
      {state.issued && (
        <div role="status" className="space-y-2 rounded-md border-2 border-green-700 bg-green-50 p-3 text-green-900">
          <p className="font-semibold">{texts.issuedHeading.replace("{name}", state.issued.name)}</p>
          <p className="font-mono text-base break-all select-all" data-testid="issued-key">
            {state.issued.key}
          </p>
          <p className="text-sm">{texts.issuedNote}</p>
        </div>
      )}
      {state.formError && (
        <p role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-red-900">
          {texts.errors[state.formError]}
        </p>
      )}
      <form action={action} className="space-y-4">
        <Field name="name" label={texts.name} hint={texts.nameHint} state={state} texts={texts} max={120} />
        <Field name="contact" label={texts.contact} hint={texts.contactHint} state={state} texts={texts} max={200} />
        <Field name="hourlyLimit" label={texts.hourlyLimit} hint={texts.hourlyLimitHint} state={state} texts={texts} type="number" />
        <button type="submit" className="btn-primary" disabled={pending}>
          {texts.submit}
        </button>
      </form>
    </section>
  );
}
