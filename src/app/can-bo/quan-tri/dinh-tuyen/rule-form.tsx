"use client";

// The rule form (add or edit) and the tester: plain <form>s posting to one server action, with or without
// JavaScript. "Thử" runs the sample case on the rule set as it would be, writing nothing; "Lưu" saves.
import { useActionState, useId, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { CASE_KINDS } from "@/domain/types";
import { ruleAction } from "./actions";
import { Refusal, TryOutcome } from "./explain";
import { EMPTY_RULE_FORM, type RuleFormState } from "./form-state";

export type Option = { id: string; label: string };
export type RuleOptionLists = { units: Option[]; areas: Option[]; categories: Option[] };

type T = ReturnType<typeof useTranslations<"routingRules">>;

function problemText(t: T, problem: string): string {
  const key = `problems.${problem}` as "problems.invalid";
  return t.has(key) ? t(key) : t("problems.invalid");
}

function FormAlert({ state }: { state: RuleFormState }) {
  const t = useTranslations("routingRules");
  if (state.refusal) return <Refusal refusal={state.refusal} />;
  if (state.formError)
    return (
      <div role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-red-900">
        <p>{t(`errors.${state.formError}`)}</p>
      </div>
    );
  return null;
}

type FieldProps = { name: string; label: string; hint?: string; state: RuleFormState; value: string; id: string; children: (attrs: Record<string, unknown>) => ReactNode };

function Field({ name, label, hint, state, id, children }: FieldProps) {
  const t = useTranslations("routingRules");
  const problem = state.fieldErrors[name];
  const describedBy = [hint && `${id}-${name}-hint`, problem && `${id}-${name}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={`${id}-${name}`} className="field-label">
        {label}
      </label>
      {children({ id: `${id}-${name}`, name, "aria-invalid": problem ? true : undefined, "aria-describedby": describedBy, className: "field-input" })}
      {hint && (
        <p id={`${id}-${name}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {problem && (
        <p id={`${id}-${name}-error`} className="field-error">
          {problemText(t, problem)}
        </p>
      )}
    </div>
  );
}

function Select({ attrs, value, options, empty }: { attrs: Record<string, unknown>; value: string; options: Option[]; empty?: string }) {
  return (
    <select key={value} defaultValue={value} {...attrs}>
      {empty !== undefined && <option value="">{empty}</option>}
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

type Props = { op: "create" | "update" | "test"; defaults?: Record<string, string>; options: RuleOptionLists };

/** Adding or editing a rule with a sample case to try it on; or, with op "test", the sample alone on the saved set. */
export function RuleForm({ op, defaults = {}, options }: Props) {
  const t = useTranslations("routingRules");
  const [state, action, pending] = useActionState(ruleAction, EMPTY_RULE_FORM);
  const id = useId();
  const kept = state.formError !== undefined || state.tried !== undefined;
  const valueOf = (name: string) => (kept ? (state.values[name] ?? "") : (defaults[name] ?? ""));
  const kinds = CASE_KINDS.map((k) => ({ id: k, label: t(`kinds.${k}`) }));
  const field = (name: string, label: string, render: (attrs: Record<string, unknown>, value: string) => ReactNode, hint?: string) => (
    <Field name={name} label={label} hint={hint} state={state} value={valueOf(name)} id={id}>
      {(attrs) => render(attrs, valueOf(name))}
    </Field>
  );
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="op" value={op} />
      {op === "update" && <input type="hidden" name="id" value={defaults.id ?? ""} />}
      <FormAlert state={state} />
      {op !== "test" && (
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 font-semibold">{t("fields.legend")}</legend>
          {field("kind", t("fields.kind"), (a, v) => <Select attrs={a} value={v} options={kinds} empty={t("any")} />)}
          {field("categoryId", t("fields.category"), (a, v) => <Select attrs={a} value={v} options={options.categories} empty={t("any")} />)}
          {field("areaId", t("fields.area"), (a, v) => <Select attrs={a} value={v} options={options.areas} empty={t("any")} />)}
          {field("subjectUnitId", t("fields.subject"), (a, v) => <Select attrs={a} value={v} options={options.units} empty={t("any")} />, t("fields.subjectHint"))}
          {field("unitId", t("fields.unit"), (a, v) => <Select attrs={a} value={v} options={options.units} empty={t("fields.choose")} />)}
          {field("priority", t("fields.priority"), (a, v) => <input key={v} type="number" min={-1000} max={1000} step={1} defaultValue={v || "0"} {...a} />, t("fields.priorityHint"))}
          <div className="sm:col-span-2">{field("note", t("fields.note"), (a, v) => <input key={v} type="text" maxLength={500} defaultValue={v} {...a} />)}</div>
        </fieldset>
      )}
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 font-semibold">{op === "test" ? t("tester.title") : t("sample.legend")}</legend>
        <p className="text-zinc-700 sm:col-span-2">{t("sample.hint")}</p>
        {field("sampleKind", t("sample.kind"), (a, v) => <Select attrs={a} value={v || "denunciation"} options={kinds} />)}
        {field("sampleCategoryId", t("sample.category"), (a, v) => <Select attrs={a} value={v} options={options.categories} empty={t("sample.none")} />)}
        {field("sampleAreaId", t("sample.area"), (a, v) => <Select attrs={a} value={v} options={options.areas} empty={t("sample.none")} />)}
        {field("sampleSubjectUnitId", t("sample.subject"), (a, v) => <Select attrs={a} value={v} options={options.units} empty={t("sample.none")} />)}
      </fieldset>
      {state.tried && <TryOutcome tried={state.tried} />}
      <div className="flex flex-wrap gap-3">
        {op === "test" ? (
          <button type="submit" className="btn-primary" disabled={pending}>
            {t("tester.submit")}
          </button>
        ) : (
          <>
            <button type="submit" name="intent" value="try" className="btn-secondary" disabled={pending}>
              {op === "create" ? t("create.try") : t("edit.try")}
            </button>
            <button type="submit" name="intent" value="save" className="btn-primary" disabled={pending}>
              {op === "create" ? t("create.save") : t("edit.save")}
            </button>
          </>
        )}
      </div>
    </form>
  );
}
