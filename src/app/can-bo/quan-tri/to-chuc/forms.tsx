"use client";

// The organisation forms: each a plain <form> posting to one server action. Without JavaScript the browser posts and
// gets the page back with what was typed and the errors by field; with it, the same happens in place.
import Link from "next/link";
import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { organisationAction } from "./actions";
import { EMPTY_ORG_FORM, type OrgFormState, type OrgOp } from "./form-state";

export type FieldSpec =
  | { name: string; label: string; type: "text" | "email" | "date"; hint?: string; wide?: boolean }
  | { name: string; label: string; type: "select"; hint?: string; options: { value: string; label: string }[]; wide?: boolean }
  | { name: string; label: string; type: "checkbox"; hint?: string; wide?: boolean };

type Props = {
  op: OrgOp;
  hidden?: Record<string, string>;
  fields: FieldSpec[];
  defaults?: Record<string, string>;
  submit: string;
  note?: string;
  secondary?: boolean;
};

function Field({ spec, state, value }: { spec: FieldSpec; state: OrgFormState; value: string }) {
  const t = useTranslations("organisation.problems");
  const id = `${useId()}-${spec.name}`;
  const problem = state.fieldErrors[spec.name];
  const describedBy = [spec.hint && `${id}-hint`, problem && `${id}-error`].filter(Boolean).join(" ") || undefined;
  const common = { id, name: spec.name, "aria-invalid": problem ? true : undefined, "aria-describedby": describedBy } as const;
  const key = (problem ?? "invalid") as "invalid";
  const hint = spec.hint && (
    <p id={`${id}-hint`} className="field-hint">
      {spec.hint}
    </p>
  );
  const error = problem && (
    <p id={`${id}-error`} className="field-error">
      {t.has(key) ? t(key, (state.fieldParams?.[spec.name] ?? {}) as never) : t("invalid")}
    </p>
  );
  if (spec.type === "checkbox")
    return (
      <div className={spec.wide ? "sm:col-span-2" : undefined}>
        <div className="flex min-h-11 items-center gap-3">
          <input key={`c-${value}`} {...common} type="checkbox" defaultChecked={value === "on"} className="h-5 w-5 shrink-0" />
          <label htmlFor={id} className="font-semibold">
            {spec.label}
          </label>
        </div>
        {hint}
        {error}
      </div>
    );
  return (
    <div className={spec.wide ? "min-w-0 sm:col-span-2" : "min-w-0"}>
      <label htmlFor={id} className="field-label">
        {spec.label}
      </label>
      {spec.type === "select" ? (
        <select key={`s-${value}`} {...common} defaultValue={value} className="field-input">
          {spec.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input key={`i-${value}`} {...common} type={spec.type} autoComplete="off" defaultValue={value} className="field-input" />
      )}
      {hint}
      {error}
    </div>
  );
}

function FormAlert({ state }: { state: OrgFormState }) {
  const t = useTranslations("organisation.errors");
  if (!state.formError) return null;
  const params = state.formParams ?? {};
  return (
    <div role="alert" className="space-y-2 rounded-md border-2 border-red-700 bg-red-50 p-3 text-red-900">
      <p>{t(state.formError, params as never)}</p>
      {state.formError === "needs_successor" && (
        <p>
          <Link href="/can-bo/quan-tri/sap-xep" className="font-semibold underline underline-offset-4">
            {t("toReorganisation")}
          </Link>
        </p>
      )}
    </div>
  );
}

export function OrgForm({ op, hidden = {}, fields, defaults = {}, submit, note, secondary = false }: Props) {
  const [state, action, pending] = useActionState(organisationAction, EMPTY_ORG_FORM);
  const refused = state.formError !== undefined;
  const valueOf = (name: string) => (refused ? (state.values[name] ?? "") : (defaults[name] ?? ""));
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="op" value={op} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormAlert state={state} />
      {fields.length > 0 && (
        <div className="grid gap-4 sm:grid-cols-2">
          {fields.map((f) => (
            <Field key={f.name} spec={f} state={state} value={valueOf(f.name)} />
          ))}
        </div>
      )}
      {note && <p className="max-w-prose text-sm text-zinc-700">{note}</p>}
      <button type="submit" className={secondary ? "btn-secondary" : "btn-primary"} disabled={pending}>
        {submit}
      </button>
    </form>
  );
}
