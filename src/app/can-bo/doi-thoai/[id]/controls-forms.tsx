"use client";

// The session's status controls: each a plain <form> posting to a server action, usable without JavaScript.
import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { EMPTY_SESSION_FORM, type SessionFormState } from "../moi/form-state";
import { statusAction } from "./controls-actions";

type StatusAction = "open_questions" | "start" | "end" | "postpone" | "reschedule" | "cancel";

function Problem({ id, problem }: { id: string; problem: string | undefined }) {
  const t = useTranslations("dialogue.problems");
  if (!problem) return null;
  return (
    <p id={id} className="field-error">
      {t.has(problem as "required") ? t(problem as "required") : t("invalid")}
    </p>
  );
}

function Input({ name, label, type, state, hint }: { name: string; label: string; type: "date" | "time"; state: SessionFormState; hint?: string }) {
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
        step={type === "time" ? 60 : undefined}
        defaultValue={state.values[name] ?? ""}
        className="field-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={[hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined}
      />
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <Problem id={`${id}-error`} problem={error} />
    </div>
  );
}

/** One status change: a button, with a public reason and a new date where the change needs them. */
export function StatusForm(props: { action: StatusAction; sessionId: string; version: number; reason?: boolean; date?: "optional" | "required" }) {
  const [state, formAction, pending] = useActionState<SessionFormState, FormData>(statusAction, EMPTY_SESSION_FORM);
  const t = useTranslations("dialogue.controls");
  const tForm = useTranslations("dialogue.form");
  const tErrors = useTranslations("dialogue.errors");
  const reasonId = `${useId()}-reason`;
  const headingId = useId();
  const simple = !props.reason && !props.date;
  const help = props.action === "postpone" ? t("postponeHelp") : props.action === "reschedule" ? t("rescheduleHelp") : props.action === "cancel" ? t("cancelHelp") : null;
  const danger = props.action === "cancel" || props.action === "end";
  return (
    <form action={formAction} className={simple ? "inline-block" : "card space-y-3"} aria-busy={pending || undefined} aria-labelledby={simple ? undefined : headingId} data-action={props.action}>
      <input type="hidden" name="sessionId" value={props.sessionId} />
      <input type="hidden" name="version" value={props.version} />
      <input type="hidden" name="action" value={props.action} />
      {!simple && (
        <h3 id={headingId} className="text-lg font-semibold">
          {t(props.action)}
        </h3>
      )}
      {help && <p className="text-sm text-zinc-700">{help}</p>}
      {state.formError && (
        <p role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-2 text-red-900">
          {tErrors(state.formError)}{" "}
          {state.formError !== "invalid" && (
            <a href={`/can-bo/doi-thoai/${props.sessionId}#dieu-hanh`} className="font-semibold underline underline-offset-4">
              {tErrors("reload")}
            </a>
          )}
        </p>
      )}
      {props.reason && (
        <div>
          <label htmlFor={reasonId} className="field-label">
            {t("reason")}
          </label>
          <textarea
            id={reasonId}
            name="reason"
            rows={3}
            maxLength={1100}
            defaultValue={state.values.reason ?? ""}
            className="field-input"
            aria-invalid={state.fieldErrors.reason ? true : undefined}
            aria-describedby={state.fieldErrors.reason ? `${reasonId}-error` : undefined}
          />
          <Problem id={`${reasonId}-error`} problem={state.fieldErrors.reason} />
        </div>
      )}
      {props.date && (
        <fieldset className="space-y-2">
          <legend className="font-semibold">{props.date === "optional" ? t("postponeNewDate") : t("reschedule")}</legend>
          <div className="grid gap-3 sm:grid-cols-3">
            <Input name="date" label={tForm("date")} type="date" state={state} />
            <Input name="startTime" label={tForm("startTime")} type="time" state={state} hint={tForm("timeHint")} />
            <Input name="endTime" label={tForm("endTime")} type="time" state={state} />
          </div>
        </fieldset>
      )}
      <button type="submit" className={danger ? "btn-secondary border-red-700 text-red-800" : simple ? "btn-primary" : "btn-secondary"} disabled={pending}>
        {t(props.action)}
      </button>
    </form>
  );
}
