"use client";

// The people forms: each a plain <form> posting to one server action. Without JavaScript the browser posts and gets
// the page back with what was typed and the errors by field; with it, the same happens in place.
import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { peopleAction } from "./actions";
import { EMPTY_PEOPLE_FORM, type PeopleFormState, type PeopleOp } from "./form-state";

export type FieldSpec =
  | { name: string; label: string; type: "text" | "email"; hint?: string; autoComplete?: string }
  | { name: string; label: string; type: "select"; hint?: string; options: { value: string; label: string }[]; choose?: string };

type Props = {
  op: PeopleOp;
  hidden?: Record<string, string>;
  fields?: FieldSpec[];
  defaults?: Record<string, string>;
  submit: string;
  /** The button's full accessible name, when its visible text is short ("Thu hồi"). */
  submitLabel?: string;
  note?: string;
  secondary?: boolean;
};

function Field({ spec, state, value }: { spec: FieldSpec; state: PeopleFormState; value: string }) {
  const t = useTranslations("people.problems");
  const id = `${useId()}-${spec.name}`;
  const problem = state.fieldErrors[spec.name];
  const describedBy = [spec.hint && `${id}-hint`, problem && `${id}-error`].filter(Boolean).join(" ") || undefined;
  const common = { id, name: spec.name, "aria-invalid": problem ? true : undefined, "aria-describedby": describedBy } as const;
  const key = (problem ?? "invalid") as "invalid";
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {spec.label}
      </label>
      {spec.type === "select" ? (
        <select key={`s-${value}`} {...common} defaultValue={value} className="field-input">
          {spec.choose !== undefined && <option value="">{spec.choose}</option>}
          {spec.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input key={`i-${value}`} {...common} type={spec.type} autoComplete={spec.autoComplete ?? "off"} defaultValue={value} className="field-input" />
      )}
      {spec.hint && (
        <p id={`${id}-hint`} className="field-hint">
          {spec.hint}
        </p>
      )}
      {problem && (
        <p id={`${id}-error`} className="field-error">
          {t.has(key) ? t(key) : t("invalid")}
        </p>
      )}
    </div>
  );
}

export function PeopleForm({ op, hidden = {}, fields = [], defaults = {}, submit, submitLabel, note, secondary = false }: Props) {
  const t = useTranslations("people.errors");
  const [state, action, pending] = useActionState(peopleAction, EMPTY_PEOPLE_FORM);
  const refused = state.formError !== undefined;
  const valueOf = (name: string) => (refused ? (state.values[name] ?? "") : (defaults[name] ?? ""));
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="op" value={op} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {state.formError && (
        <p role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-red-900">
          {t(state.formError)}
        </p>
      )}
      {fields.length > 0 && (
        <div className="grid gap-4 sm:grid-cols-2">
          {fields.map((f) => (
            <Field key={f.name} spec={f} state={state} value={valueOf(f.name)} />
          ))}
        </div>
      )}
      {note && <p className="text-sm text-zinc-700">{note}</p>}
      <button type="submit" className={secondary ? "btn-secondary" : "btn-primary"} disabled={pending} aria-label={submitLabel}>
        {submit}
      </button>
    </form>
  );
}
