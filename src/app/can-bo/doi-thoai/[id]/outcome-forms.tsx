"use client";

// The outcomes forms of a session's staff page (agenda, question to case, minutes). Each is a plain <form>
// posting to a server action: with JavaScript it submits in place; without it the browser posts and gets the page
// back with the same state (what was typed, the problems beside their fields).
import { useActionState, useId, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { addAgendaCaseAction, answerAgendaItemAction, questionToCaseAction, removeAgendaItemAction } from "./agenda-actions";
import { publishMinutesAction } from "./minutes-actions";
import { EMPTY_OUTCOME_FORM, type OutcomeFormState } from "./outcome-form-state";

type Action = (state: OutcomeFormState, form: FormData) => Promise<OutcomeFormState>;
export type Option = { id: string; label: string };

const FIELD_PROBLEMS = ["required", "too_long", "invalid", "case_not_found", "case_closed", "case_other_area", "case_on_agenda", "case_sealed"] as const;

function FieldMessage({ id, state, field, max }: { id: string; state: OutcomeFormState; field: string; max?: number }) {
  const t = useTranslations("outcomes.staff.fields");
  const problem = state.fieldErrors[field];
  if (!problem) return null;
  const known = (FIELD_PROBLEMS as readonly string[]).includes(problem) ? (problem as (typeof FIELD_PROBLEMS)[number]) : "invalid";
  const text =
    known === "too_long"
      ? t("too_long", { max: max ?? 0, count: (state.values[field] ?? "").trim().length })
      : known === "invalid" && field === "code"
        ? t("invalid_code")
        : known === "invalid" && field === "attendance"
          ? t("invalid_attendance")
          : t(known);
  return (
    <p id={id} className="field-error">
      {text}
    </p>
  );
}

function FormError({ state }: { state: OutcomeFormState }) {
  const t = useTranslations("outcomes.staff.errors");
  if (!state.formError) return null;
  return (
    <p role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-red-900">
      {t(state.formError)}
    </p>
  );
}

function OutcomeForm(props: { action: Action; hidden: Record<string, string>; label: string; children: (state: OutcomeFormState) => ReactNode; className?: string }) {
  const [state, formAction, pending] = useActionState<OutcomeFormState, FormData>(props.action, EMPTY_OUTCOME_FORM);
  return (
    <form action={formAction} aria-label={props.label} aria-busy={pending || undefined} className="space-y-3" noValidate>
      {Object.entries(props.hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormError state={state} />
      {props.className ? <div className={props.className}>{props.children(state)}</div> : props.children(state)}
    </form>
  );
}

const described = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(" ") || undefined;

function TextField(props: { name: string; label: string; hint?: string; state: OutcomeFormState; max: number; defaultValue?: string; inputMode?: "numeric" | "text"; autoComplete?: string; className?: string }) {
  const { name, label, hint, state, max, defaultValue } = props;
  const id = `${useId()}-${name}`;
  const error = state.fieldErrors[name];
  return (
    <div className={props.className}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="text"
        inputMode={props.inputMode}
        autoComplete={props.autoComplete ?? "off"}
        maxLength={max + 50}
        defaultValue={state.values[name] ?? defaultValue ?? ""}
        className="field-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={described(hint && `${id}-hint`, error && `${id}-error`)}
      />
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <FieldMessage id={`${id}-error`} state={state} field={name} max={max} />
    </div>
  );
}

function TextArea(props: { name: string; label: string; hint?: string; state: OutcomeFormState; max: number; rows?: number; defaultValue?: string }) {
  const { name, label, hint, state, max, rows = 4, defaultValue } = props;
  const id = `${useId()}-${name}`;
  const error = state.fieldErrors[name];
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        maxLength={max + 100}
        defaultValue={state.values[name] ?? defaultValue ?? ""}
        className="field-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={described(hint && `${id}-hint`, error && `${id}-error`)}
      />
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <FieldMessage id={`${id}-error`} state={state} field={name} max={max} />
    </div>
  );
}

function Select(props: { name: string; label: string; choose?: string; options: Option[]; state: OutcomeFormState; defaultValue?: string }) {
  const { name, label, choose, options, state } = props;
  const id = `${useId()}-${name}`;
  const error = state.fieldErrors[name];
  const value = state.values[name] ?? props.defaultValue ?? "";
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {/* Keyed by the value sent back: React resets a form after its action, and a select would otherwise go back
          to the option it was first mounted with, losing the official's choice after a refusal. */}
      <select
        key={`chosen-${value}`}
        id={id}
        name={name}
        defaultValue={value}
        className="field-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {choose !== undefined && <option value="">{choose}</option>}
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldMessage id={`${id}-error`} state={state} field={name} />
    </div>
  );
}

function Radios(props: { name: string; legend: string; options: Option[]; state: OutcomeFormState; defaultValue?: string }) {
  const { name, legend, options, state } = props;
  const id = `${useId()}-${name}`;
  const error = state.fieldErrors[name];
  const value = state.values[name] ?? props.defaultValue ?? "";
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined} aria-invalid={error ? true : undefined}>
      <legend className="field-label">{legend}</legend>
      <div className="space-y-1" key={`chosen-${value}`}>
        {options.map((o) => (
          <label key={o.id} className="flex items-start gap-2">
            <input type="radio" name={name} value={o.id} defaultChecked={value === o.id} className="mt-1 h-4 w-4" />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      <FieldMessage id={`${id}-error`} state={state} field={name} />
    </fieldset>
  );
}

// ---------------------------------------------------------------------------------------------

export function AddCaseForm({ sessionId }: { sessionId: string }) {
  const t = useTranslations("outcomes.staff.agenda");
  return (
    <OutcomeForm action={addAgendaCaseAction} hidden={{ sessionId }} label={t("add")} className="flex flex-wrap items-end gap-3">
      {(state) => (
        <>
          <TextField name="code" label={t("code")} hint={t("codeHint")} state={state} max={40} className="min-w-0 flex-1" />
          <button type="submit" className="btn-primary">
            {t("add")}
          </button>
        </>
      )}
    </OutcomeForm>
  );
}

export function RemoveItemForm({ sessionId, itemId, label }: { sessionId: string; itemId: string; label: string }) {
  const t = useTranslations("outcomes.staff.agenda");
  return (
    <OutcomeForm action={removeAgendaItemAction} hidden={{ sessionId, itemId }} label={label}>
      {() => (
        <button type="submit" className="btn-secondary">
          {t("remove")}
        </button>
      )}
    </OutcomeForm>
  );
}

export function AnswerItemForm({ sessionId, itemId, leaders, label, max }: { sessionId: string; itemId: string; leaders: Option[]; label: string; max: number }) {
  const t = useTranslations("outcomes.staff.agenda");
  return (
    <OutcomeForm action={answerAgendaItemAction} hidden={{ sessionId, itemId }} label={label}>
      {(state) => (
        <>
          <Select name="leaderUserId" label={t("leader")} choose={leaders.length === 1 ? undefined : t("chooseLeader")} options={leaders} state={state} />
          <TextArea name="answer" label={t("answer")} hint={t("answerHint")} state={state} max={max} />
          <button type="submit" className="btn-primary">
            {t("submitAnswer")}
          </button>
        </>
      )}
    </OutcomeForm>
  );
}

export function ToCaseForm(props: {
  sessionId: string;
  questionId: string;
  label: string;
  kinds: Option[];
  categories: Option[];
  areas: Option[];
  defaultAreaId: string;
  defaultTitle: string;
  titleMax: number;
}) {
  const t = useTranslations("outcomes.staff.toCase");
  return (
    <OutcomeForm action={questionToCaseAction} hidden={{ sessionId: props.sessionId, questionId: props.questionId }} label={props.label}>
      {(state) => (
        <>
          <div className="grid gap-3 sm:grid-cols-2">
            <Select name="kind" label={t("kind")} options={props.kinds} state={state} defaultValue="petition" />
            <Select name="categoryId" label={t("category")} choose={t("chooseCategory")} options={props.categories} state={state} />
            <Select name="areaId" label={t("area")} choose={props.defaultAreaId ? undefined : t("chooseArea")} options={props.areas} state={state} defaultValue={props.defaultAreaId} />
          </div>
          <TextField name="title" label={t("titleLabel")} hint={t("titleHint")} state={state} max={props.titleMax} defaultValue={props.defaultTitle} />
          <Radios
            name="reason"
            legend={t("reason")}
            options={[
              { id: "investigate", label: t("reasons.investigate") },
              { id: "other_body", label: t("reasons.other_body") },
            ]}
            state={state}
            defaultValue="investigate"
          />
          <button type="submit" className="btn-primary">
            {t("submit")}
          </button>
        </>
      )}
    </OutcomeForm>
  );
}

export function MinutesForm(props: { sessionId: string; attendance: string; minutes: string; republish: boolean; textMax: number }) {
  const t = useTranslations("outcomes.staff.minutes");
  return (
    <OutcomeForm action={publishMinutesAction} hidden={{ sessionId: props.sessionId }} label={t("title")}>
      {(state) => (
        <>
          <TextField name="attendance" label={t("attendance")} hint={t("attendanceHint")} state={state} max={6} inputMode="numeric" defaultValue={props.attendance} className="max-w-xs" />
          <TextArea name="minutes" label={t("text")} hint={t("textHint")} state={state} max={props.textMax} rows={10} defaultValue={props.minutes} />
          <button type="submit" className="btn-primary">
            {props.republish ? t("republish") : t("publish")}
          </button>
        </>
      )}
    </OutcomeForm>
  );
}
