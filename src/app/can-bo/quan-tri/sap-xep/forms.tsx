"use client";

// The reorganisation forms: plain <form>s posting to one server action, with or without JavaScript. A new plan is
// posted once to see what it would move, then again (the "save" button) to save it.
import { useActionState, useId } from "react";
import { useLocale, useTranslations } from "next-intl";
import { formatDate } from "@/lib/format";
import { reorganisationAction } from "./actions";
import { EMPTY_REORGANISATION_FORM, type ReorganisationFormState } from "./form-state";

type T = ReturnType<typeof useTranslations<"reorganisation">>;
export type UnitOption = { id: string; label: string };

function problemText(t: T, problem: string, params: Record<string, string | number> = {}): string {
  const key = `problems.${problem}` as "problems.invalid";
  return t.has(key) ? t(key, { units: "", ...params }) : t("problems.invalid");
}

function FieldError({ id, problem, params }: { id: string; problem?: string; params?: Record<string, string | number> }) {
  const t = useTranslations("reorganisation");
  return problem ? (
    <p id={id} className="field-error">
      {problemText(t, problem, params)}
    </p>
  ) : null;
}

function FormError({ state }: { state: ReorganisationFormState }) {
  const t = useTranslations("reorganisation");
  return state.formError ? (
    <div role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-red-900">
      <p>{t(`errors.${state.formError}`)}</p>
    </div>
  ) : null;
}

function Preview({ state }: { state: ReorganisationFormState }) {
  const t = useTranslations("reorganisation");
  const locale = useLocale();
  const p = state.preview;
  if (!p) return null;
  const date = formatDate(p.effectiveOn, locale);
  const lastDay = formatDate(p.lastDay, locale);
  return (
    <div role="status" className="space-y-2 rounded-md border-2 border-amber-600 bg-amber-50 p-3 text-amber-950">
      <p className="font-semibold">{t("preview.title")}</p>
      <p>{t("preview.summary", { date, lastDay, count: p.oldUnits.length, successor: p.successor })}</p>
      <p>{t("preview.oldUnits", { units: p.oldUnits.join("; ") })}</p>
      <p>{t("preview.moves")}</p>
      <ul className="list-disc space-y-1 pl-5">
        <li>{t("preview.cases", { count: p.moved.cases })}</li>
        <li>{t("preview.commitments", { count: p.moved.commitments })}</li>
        <li>{t("preview.sessions", { count: p.moved.sessions })}</li>
        <li>{t("preview.memberships", { count: p.moved.memberships, date, lastDay })}</li>
        <li>{t("preview.rules", { count: p.moved.rules })}</li>
        <li>{t("preview.childUnits", { count: p.moved.childUnits })}</li>
        <li>{t("preview.reception", { positions: p.moved.receptionPositions, days: p.moved.receptionDays, date, lastDay })}</li>
      </ul>
      <p>{t("preview.stays", { count: p.staying.closedCases })}</p>
      <p>{p.due ? t("preview.due") : t("preview.later", { date })}</p>
      <button type="submit" name="apply" value="1" className="btn-primary">
        {t("preview.save")}
      </button>
    </div>
  );
}

/** A new plan: old units (checkboxes), successor, effective date, decision. */
export function PlanForm({ units }: { units: UnitOption[] }) {
  const t = useTranslations("reorganisation");
  const [state, action, pending] = useActionState(reorganisationAction, EMPTY_REORGANISATION_FORM);
  const id = useId();
  const err = state.fieldErrors;
  const params = state.fieldParams ?? {};
  const v = (name: string) => state.values[name] ?? "";
  const chosen = new Set(state.oldUnitIds);
  const described = (name: string) => [`${id}-${name}-hint`, err[name] && `${id}-${name}-error`].filter(Boolean).join(" ");
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="op" value="plan" />
      <FormError state={state} />
      <fieldset className="space-y-2" aria-describedby={described("oldUnitIds")}>
        <legend className="field-label">{t("fields.oldUnitIds")}</legend>
        <p id={`${id}-oldUnitIds-hint`} className="field-hint">
          {t("fields.oldUnitIdsHint")}
        </p>
        <FieldError id={`${id}-oldUnitIds-error`} problem={err.oldUnitIds} params={params.oldUnitIds} />
        <div className="max-h-80 space-y-1 overflow-y-auto rounded-md border border-zinc-300 p-2">
          {units.map((u) => (
            <div key={u.id} className="flex min-h-11 items-center gap-3">
              <input key={`o-${u.id}-${chosen.has(u.id)}`} id={`${id}-old-${u.id}`} type="checkbox" name="oldUnitIds" value={u.id} defaultChecked={chosen.has(u.id)} className="h-5 w-5 shrink-0" />
              <label htmlFor={`${id}-old-${u.id}`} className="break-words">
                {u.label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor={`${id}-successorId`} className="field-label">
          {t("fields.successorId")}
        </label>
        <select key={`s-${v("successorId")}`} id={`${id}-successorId`} name="successorId" defaultValue={v("successorId")} aria-invalid={err.successorId ? true : undefined} aria-describedby={described("successorId")} className="field-input">
          <option value="">{t("fields.choose")}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.label}
            </option>
          ))}
        </select>
        <p id={`${id}-successorId-hint`} className="field-hint">
          {t("fields.successorHint")}
        </p>
        <FieldError id={`${id}-successorId-error`} problem={err.successorId} params={params.successorId} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={`${id}-effectiveOn`} className="field-label">
            {t("fields.effectiveOn")}
          </label>
          <input key={`e-${v("effectiveOn")}`} id={`${id}-effectiveOn`} name="effectiveOn" type="text" inputMode="numeric" autoComplete="off" defaultValue={v("effectiveOn")} aria-invalid={err.effectiveOn ? true : undefined} aria-describedby={described("effectiveOn")} className="field-input" />
          <p id={`${id}-effectiveOn-hint`} className="field-hint">
            {t("fields.effectiveOnHint")}
          </p>
          <FieldError id={`${id}-effectiveOn-error`} problem={err.effectiveOn} />
        </div>
        <div>
          <label htmlFor={`${id}-decision`} className="field-label">
            {t("fields.decision")}
          </label>
          <input key={`d-${v("decision")}`} id={`${id}-decision`} name="decision" type="text" maxLength={300} defaultValue={v("decision")} aria-invalid={err.decision ? true : undefined} aria-describedby={described("decision")} className="field-input" />
          <p id={`${id}-decision-hint`} className="field-hint">
            {t("fields.decisionHint")}
          </p>
          <FieldError id={`${id}-decision-error`} problem={err.decision} />
        </div>
      </div>
      <Preview state={state} />
      <button type="submit" className="btn-secondary" disabled={pending}>
        {t("new.preview")}
      </button>
    </form>
  );
}

/** Apply now or cancel, for a planned reorganisation. */
export function PlannedActions({ id, due }: { id: string; due: boolean }) {
  const t = useTranslations("reorganisation");
  const [state, action, pending] = useActionState(reorganisationAction, EMPTY_REORGANISATION_FORM);
  return (
    <div className="space-y-3">
      <FormError state={state} />
      <div className="flex flex-wrap gap-3">
        {due && (
          <form action={action}>
            <input type="hidden" name="op" value="apply" />
            <input type="hidden" name="id" value={id} />
            <button type="submit" className="btn-primary" disabled={pending}>
              {t("list.apply")}
            </button>
          </form>
        )}
        <form action={action}>
          <input type="hidden" name="op" value="cancel" />
          <input type="hidden" name="id" value={id} />
          <button type="submit" className="btn-secondary" disabled={pending}>
            {t("list.cancel")}
          </button>
        </form>
      </div>
    </div>
  );
}
