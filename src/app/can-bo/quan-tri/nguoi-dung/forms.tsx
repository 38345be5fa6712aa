"use client";

// The people forms: each a plain <form> posting to one server action. Without JavaScript the browser posts and gets
// the page back with what was typed and the errors by field; with it, the same happens in place.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SpecField, type FieldSpec } from "@/components/forms/spec-field";
import { peopleAction } from "./actions";
import { EMPTY_PEOPLE_FORM, type PeopleOp } from "./form-state";

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

export function PeopleForm({ op, hidden = {}, fields = [], defaults = {}, submit, submitLabel, note, secondary = false }: Props) {
  const t = useTranslations("people.errors");
  const [state, action, pending] = useActionState(peopleAction, EMPTY_PEOPLE_FORM);
  const tp = useTranslations("people.problems");
  const problemOf = (name: string) => {
    const problem = state.fieldErrors[name];
    return problem && (tp.has(problem as "invalid") ? tp(problem as "invalid") : tp("invalid"));
  };
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
            <SpecField key={f.name} spec={f} value={valueOf(f.name)} problem={problemOf(f.name)} autoComplete="off" />
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
