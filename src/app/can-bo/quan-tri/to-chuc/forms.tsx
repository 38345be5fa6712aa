"use client";

// The organisation forms: each a plain <form> posting to one server action. Without JavaScript the browser posts and
// gets the page back with what was typed and the errors by field; with it, the same happens in place.
import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SpecField, type FieldSpec } from "@/components/forms/spec-field";
import { organisationAction } from "./actions";
import { EMPTY_ORG_FORM, type OrgFormState, type OrgOp } from "./form-state";

type Props = {
  op: OrgOp;
  hidden?: Record<string, string>;
  fields: FieldSpec[];
  defaults?: Record<string, string>;
  submit: string;
  note?: string;
  secondary?: boolean;
};

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
  const tp = useTranslations("organisation.problems");
  const problemOf = (name: string) => {
    const problem = state.fieldErrors[name];
    return problem && (tp.has(problem as "invalid") ? tp(problem as "invalid", (state.fieldParams?.[name] ?? {}) as never) : tp("invalid"));
  };
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
            <SpecField key={f.name} spec={f} value={valueOf(f.name)} problem={problemOf(f.name)} autoComplete="off" shrink />
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
