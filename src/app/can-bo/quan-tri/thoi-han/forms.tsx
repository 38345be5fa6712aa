"use client";

// The deadline policy forms: each a plain <form> posting to one server action, with or without JavaScript. After a
// refusal the form shows again as typed, open, with each problem beside its field.
import { useActionState, useId } from "react";
import { useLocale, useTranslations } from "next-intl";
import { formatDate } from "@/lib/format";
import { policyAction } from "./actions";
import { EMPTY_POLICY_FORM, type PolicyFormState } from "./form-state";

type T = ReturnType<typeof useTranslations<"deadlinePolicies">>;
const UNITS = ["working_days", "days"] as const;

function problemText(t: T, problem: string, params: Record<string, string | number> | undefined, locale: string): string {
  const key = `problems.${problem}` as "problems.invalid";
  const date = typeof params?.date === "string" && params.date ? formatDate(params.date, locale) : "";
  return t.has(key) ? t(key, { date } as never) : t("problems.invalid");
}

function FormAlert({ state }: { state: PolicyFormState }) {
  const t = useTranslations("deadlinePolicies");
  if (!state.formError) return null;
  return (
    <div role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-red-900">
      <p>{t(`errors.${state.formError}`)}</p>
    </div>
  );
}

type FieldsProps = { id: string; state: PolicyFormState; valueOf: (name: string) => string };

/** One field with its label, hint and problem, tied together for screen readers. */
function Field({ id, state, valueOf, name, kind = "number", hint = false, wide = false }: FieldsProps & { name: string; kind?: "number" | "date" | "text" | "textarea" | "unit"; hint?: boolean; wide?: boolean }) {
  const t = useTranslations("deadlinePolicies");
  const locale = useLocale();
  const problem = state.fieldErrors[name];
  const describedBy = [hint && `${id}-${name}-hint`, problem && `${id}-${name}-error`].filter(Boolean).join(" ") || undefined;
  const common = { id: `${id}-${name}`, name, "aria-invalid": problem ? true : undefined, "aria-describedby": describedBy, className: "field-input" } as const;
  const value = valueOf(name);
  return (
    <div className={wide ? "sm:col-span-2" : undefined}>
      <label htmlFor={`${id}-${name}`} className="field-label">
        {t(`fields.${name}` as "fields.legalBasis")}
      </label>
      {kind === "unit" ? (
        <select key={`${name}-${value}`} {...common} defaultValue={value || "days"}>
          {UNITS.map((u) => (
            <option key={u} value={u}>
              {t(`units.${u}`)}
            </option>
          ))}
        </select>
      ) : kind === "textarea" ? (
        <textarea key={`${name}-${value}`} {...common} rows={3} defaultValue={value} />
      ) : (
        <input key={`${name}-${value}`} {...common} type={kind === "number" ? "number" : kind === "date" ? "date" : "text"} min={kind === "number" ? 0 : undefined} inputMode={kind === "number" ? "numeric" : undefined} defaultValue={value} />
      )}
      {hint && (
        <p id={`${id}-${name}-hint`} className="field-hint">
          {t(`fields.${name}Hint` as "fields.legalBasisHint")}
        </p>
      )}
      {problem && (
        <p id={`${id}-${name}-error`} className="field-error">
          {problemText(t, problem, state.fieldParams?.[name], locale)}
        </p>
      )}
    </div>
  );
}

function Checkbox({ id, valueOf, name, hint = false }: FieldsProps & { name: string; hint?: boolean }) {
  const t = useTranslations("deadlinePolicies");
  return (
    <div className="sm:col-span-2">
      <div className="flex min-h-11 items-center gap-3">
        <input key={`${name}-${valueOf(name)}`} id={`${id}-${name}`} name={name} type="checkbox" defaultChecked={valueOf(name) === "on"} aria-describedby={hint ? `${id}-${name}-hint` : undefined} className="h-5 w-5" />
        <label htmlFor={`${id}-${name}`} className="font-semibold">
          {t(`fields.${name}` as "fields.confirmed")}
        </label>
      </div>
      {hint && (
        <p id={`${id}-${name}-hint`} className="field-hint">
          {t(`fields.${name}Hint` as "fields.confirmedHint")}
        </p>
      )}
    </div>
  );
}

type VersionFormProps = { op: "add" | "edit"; track: string; defaults: Record<string, string> };

/** A new version (pre-filled from the one in force) or an edit of one not yet in force. */
export function VersionForm({ op, track, defaults }: VersionFormProps) {
  const t = useTranslations("deadlinePolicies");
  const [state, action, pending] = useActionState(policyAction, EMPTY_POLICY_FORM);
  const id = useId();
  const kept = state.formError !== undefined;
  const valueOf = (name: string) => (kept ? (state.values[name] ?? "") : (defaults[name] ?? ""));
  const p = { id, state, valueOf };
  return (
    <details open={kept || undefined} className="rounded-md border border-zinc-300 p-3">
      <summary className="cursor-pointer font-semibold">{op === "add" ? t("add.title") : t("edit.title")}</summary>
      <form action={action} className="mt-4 space-y-4" noValidate>
        <input type="hidden" name="op" value={op} />
        <input type="hidden" name="track" value={track} />
        <input type="hidden" name="kind" value={defaults.kind ?? ""} />
        <input type="hidden" name="instance" value={defaults.instance ?? ""} />
        {op === "edit" && <input type="hidden" name="id" value={defaults.id ?? ""} />}
        {op === "add" && <p className="max-w-prose text-zinc-700">{t("add.intro")}</p>}
        <FormAlert state={state} />
        {state.fieldErrors.instance && (
          <p className="field-error">{t("problems.instance_mismatch")}</p>
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field {...p} name="effectiveFrom" kind="date" hint />
          <Field {...p} name="effectiveTo" kind="date" hint />
          <Field {...p} name="acceptanceAmount" />
          <Field {...p} name="acceptanceUnit" kind="unit" />
          <Field {...p} name="resolutionAmount" />
          <Field {...p} name="resolutionUnit" kind="unit" />
          <Field {...p} name="remoteResolutionAmount" />
          <Field {...p} name="remoteResolutionUnit" kind="unit" />
          <Field {...p} name="extensionMaxCount" />
          <Field {...p} name="extensionMaxDays" />
          <Field {...p} name="progressUpdateEveryDays" wide />
          <Checkbox {...p} name="pausesOnInfoRequest" />
          <Field {...p} name="legalBasis" kind="textarea" hint wide />
          <Field {...p} name="note" kind="textarea" wide />
          {op === "add" && <Checkbox {...p} name="confirmed" hint />}
        </div>
        <button type="submit" className="btn-primary" disabled={pending}>
          {op === "add" ? t("add.submit") : t("edit.submit")}
        </button>
      </form>
    </details>
  );
}

/** One-button forms on a version: delete it, or confirm it. */
export function VersionButtonForm({ op, id, track, from }: { op: "remove" | "confirm"; id: string; track: string; from?: string }) {
  const t = useTranslations("deadlinePolicies");
  const [state, action, pending] = useActionState(policyAction, EMPTY_POLICY_FORM);
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="op" value={op} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="track" value={track} />
      <FormAlert state={state} />
      {op === "confirm" && from && <p className="max-w-prose">{t("confirm.text", { from })}</p>}
      <button type="submit" className={op === "confirm" ? "btn-primary" : "btn-secondary"} disabled={pending}>
        {op === "confirm" ? t("confirm.submit") : t("edit.remove")}
      </button>
    </form>
  );
}
