"use client";

import { useActionState, useEffect, useId, useRef } from "react";
import { fillMessage } from "@/lib/fill-message";
import { cancelBookingAction } from "./cancel-actions";
import type { CancelFormState } from "./cancel-form-state";

export type CancelCopy = {
  locale: "vi" | "en";
  codeLabel: string;
  codeHint: string;
  find: string;
  finding: string;
  confirmTitle: string;
  confirmIntro: string;
  when: string;
  place: string;
  confirm: string;
  cancelling: string;
  keep: string;
  done: string;
  dayLink: string;
  errors: Record<NonNullable<CancelFormState["error"]>, string>;
};

/** Cancelling a booking in two plain forms (the code, then a confirmation), usable without JavaScript. */
export function CancelForm({ copy }: { copy: CancelCopy }) {
  const [state, action, pending] = useActionState<CancelFormState, FormData>(cancelBookingAction, { step: "code" });
  const id = useId();
  const focus = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.step !== "code" || state.error) focus.current?.focus();
  }, [state]);

  if (state.step === "done") {
    return (
      <div ref={focus} tabIndex={-1} role="status" className="space-y-3 rounded-md border-2 border-green-700 bg-green-50 p-4 text-green-950">
        <p className="font-semibold">{copy.done}</p>
        {state.day ? (
          <p>
            <a href={`/tiep-cong-dan/${state.day.id}`} className="underline underline-offset-4">
              {copy.dayLink}
            </a>
          </p>
        ) : null}
      </div>
    );
  }
  if (state.step === "confirm" && state.day) {
    return (
      <div ref={focus} tabIndex={-1} className="card space-y-4">
        <h2 className="text-lg font-semibold">{copy.confirmTitle}</h2>
        <p>{copy.confirmIntro}</p>
        <dl className="space-y-1">
          <div>
            <dt className="inline font-semibold">{state.day.title}</dt>
          </div>
          <div>
            <dt className="inline font-semibold">{copy.when}: </dt>
            <dd className="inline">{state.day.when}</dd>
          </div>
          <div>
            <dt className="inline font-semibold">{copy.place}: </dt>
            <dd className="inline">{state.day.place}</dd>
          </div>
        </dl>
        <form action={action} className="flex flex-wrap gap-3">
          <input type="hidden" name="code" value={state.code ?? ""} />
          <input type="hidden" name="step" value="cancel" />
          <button type="submit" className="btn-primary" disabled={pending}>
            {pending ? copy.cancelling : copy.confirm}
          </button>
          <a href={`/tiep-cong-dan/${state.day.id}`} className="btn-secondary">
            {copy.keep}
          </a>
        </form>
      </div>
    );
  }
  const message = state.error ? fillMessage(copy.errors[state.error], { minutes: state.retryAfterMinutes ?? 10 }, copy.locale) : null;
  return (
    <form action={action} noValidate className="card space-y-4">
      <input type="hidden" name="step" value="find" />
      {message ? (
        <div ref={focus} id={`${id}-error`} role="alert" tabIndex={-1} className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-red-900">
          <p>{message}</p>
          {state.day ? <p className="mt-1 text-sm">{`${state.day.title} · ${state.day.when}`}</p> : null}
        </div>
      ) : null}
      <div>
        <label htmlFor={`${id}-code`} className="field-label">
          {copy.codeLabel}
        </label>
        <input
          id={`${id}-code`}
          name="code"
          type="text"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
          required
          defaultValue={state.code ?? ""}
          className="field-input font-mono text-lg tracking-widest"
          aria-invalid={state.error === "invalid" || state.error === "not_found" ? true : undefined}
          aria-describedby={[`${id}-code-hint`, message ? `${id}-error` : null].filter(Boolean).join(" ")}
        />
        <p id={`${id}-code-hint`} className="field-hint">
          {copy.codeHint}
        </p>
      </div>
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? copy.finding : copy.find}
      </button>
    </form>
  );
}
