"use client";

import { useActionState, useEffect, useId, useRef, useState, type FormEvent } from "react";
import { foldText, SUGGEST_MIN_LENGTH } from "@/domain/dialogue/text-match";
import { fillMessage } from "@/lib/fill-message";
import { useHydrated } from "@/lib/use-hydrated";
import { askQuestionAction } from "./ask-actions";
import type { AskCopy } from "./ask-copy";
import type { AskField, AskFormState } from "./ask-form-state";

type Suggestion = NonNullable<AskFormState["suggestions"]>[number];

/** How long typing must pause before similar questions are looked up. */
const DEBOUNCE_MS = 400;

/**
 * The ask form. A plain form posting to a server action (it works without JavaScript: the page comes back with
 * what was typed and each problem by its field). With JavaScript, similar public questions are looked up as the
 * citizen types, each with a support button, so a duplicate can be supported instead of sent.
 */
export function AskForm({ sessionId, idempotencyKey, copy }: { sessionId: string; idempotencyKey: string; copy: AskCopy }) {
  const [state, action, pending] = useActionState<AskFormState, FormData>(askQuestionAction, { values: { idempotencyKey }, errors: {} });
  const v = state.values;
  const id = useId();
  const scripted = useHydrated();
  const [typed, setTyped] = useState<Suggestion[] | null>(null);
  const keyInput = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastQuery = useRef("");
  const summary = useRef<HTMLDivElement>(null);
  const hasErrors = Object.keys(state.errors).length > 0 || !!state.formError;
  const fill = (template: string, values: Record<string, string | number>) => fillMessage(template, values, copy.locale);

  // A page replayed from a cache carries the same key for everyone: each browser draws its own once scripts run.
  useEffect(() => {
    if (keyInput.current && keyInput.current.value === idempotencyKey) keyInput.current.value = crypto.randomUUID();
  }, [idempotencyKey]);
  useEffect(() => {
    if (hasErrors) summary.current?.focus();
  }, [state, hasErrors]);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const lookUp = (text: string) => {
    if (timer.current) clearTimeout(timer.current);
    const query = foldText(text).slice(0, 300);
    if (query.length < SUGGEST_MIN_LENGTH) {
      setTyped(null);
      return;
    }
    timer.current = setTimeout(async () => {
      if (query === lastQuery.current) return;
      lastQuery.current = query;
      try {
        const response = await fetch(`/doi-thoai/${sessionId}/goi-y?q=${encodeURIComponent(query)}`, { headers: { accept: "application/json" } });
        const data = (await response.json()) as { suggestions?: Suggestion[] };
        if (lastQuery.current === query) setTyped(data.suggestions ?? []);
      } catch {
        // Suggestions are a help, not a step: without them the form works as before.
      }
    }, DEBOUNCE_MS);
  };

  const suggestions = state.suggestions?.length ? state.suggestions : typed?.length ? typed : null;
  const error = (field: AskField) => {
    const code = state.errors[field];
    if (!code) return null;
    const text = code === "tooLong" && field !== "body" ? copy.errors.tooLongContact : (copy.errors[code as keyof typeof copy.errors] ?? copy.errors.invalid);
    return (
      <p id={`${id}-${field}-error`} className="field-error">
        {text}
      </p>
    );
  };
  const describedBy = (field: AskField, hint: boolean) => [hint ? `${id}-${field}-hint` : null, state.errors[field] ? `${id}-${field}-error` : null].filter(Boolean).join(" ") || undefined;
  const invalid = (field: AskField) => (state.errors[field] ? true : undefined);

  return (
    <div className="space-y-6">
      {suggestions ? (
        <section aria-labelledby={`${id}-similar`} className="space-y-3 rounded-md border-2 border-amber-600 bg-amber-50 p-4">
          <h3 id={`${id}-similar`} className="text-lg font-semibold">
            {copy.similarTitle}
          </h3>
          <p>{copy.similarIntro}</p>
          <ul className="space-y-3">
            {suggestions.map((s) => (
              <li key={s.id} className="rounded-md border border-zinc-300 bg-white p-3">
                <p className="text-sm font-semibold text-zinc-700">
                  {fill(copy.templates.questionNumber, { number: s.number })} · {fill(copy.templates.supports, { count: s.supportCount })}
                </p>
                <p className="mt-1 whitespace-pre-line break-words">{s.body}</p>
                <SupportForm sessionId={sessionId} suggestion={s} copy={copy} />
              </li>
            ))}
          </ul>
          <p className="text-sm">{copy.similarConfirm}</p>
        </section>
      ) : null}

      <form action={action} noValidate className="space-y-5" aria-describedby={hasErrors ? `${id}-summary` : undefined}>
        <input type="hidden" name="sessionId" value={sessionId} />
        <input ref={keyInput} type="hidden" name="idempotencyKey" defaultValue={v.idempotencyKey ?? idempotencyKey} />
        {suggestions ? <input type="hidden" name="confirm" value="1" /> : null}
        {hasErrors ? (
          <div ref={summary} id={`${id}-summary`} role="alert" tabIndex={-1} className="rounded-md border-2 border-red-700 bg-red-50 p-4 text-red-900">
            <p>
              {state.formError === "rate_limited"
                ? fill(copy.templates.rateLimited, { minutes: state.retryAfterMinutes ?? 60 })
                : state.formError === "server"
                  ? copy.serverError
                  : state.formError === "refused" && state.refusal
                    ? copy.refused[state.refusal]
                    : state.formError === "not_found"
                      ? copy.notFound
                      : copy.errorSummary}
            </p>
          </div>
        ) : null}

        <div>
          <label htmlFor={`${id}-body`} className="field-label">
            {copy.bodyLabel}
          </label>
          <textarea
            id={`${id}-body`}
            name="body"
            rows={5}
            required
            maxLength={copy.limits.max}
            defaultValue={v.body ?? ""}
            onChange={scripted ? (event) => lookUp(event.currentTarget.value) : undefined}
            className="field-input"
            aria-invalid={invalid("body")}
            aria-describedby={describedBy("body", true)}
          />
          <p id={`${id}-body-hint`} className="field-hint">
            {copy.bodyHint}
          </p>
          {error("body")}
        </div>

        <fieldset className="space-y-4">
          <legend className="field-label">
            {copy.contactLegend} <span className="font-normal text-zinc-600">({copy.optional})</span>
          </legend>
          <p className="field-hint -mt-2">{copy.contactHint}</p>
          <ContactInput id={id} field="name" type="text" autoComplete="name" label={copy.nameLabel} max={copy.limits.name} value={v.name} invalid={invalid} describedBy={describedBy} error={error} />
          <ContactInput id={id} field="email" type="email" autoComplete="email" label={copy.emailLabel} max={copy.limits.email} value={v.email} invalid={invalid} describedBy={describedBy} error={error} />
          <ContactInput id={id} field="phone" type="tel" autoComplete="tel" label={copy.phoneLabel} max={copy.limits.phone} value={v.phone} invalid={invalid} describedBy={describedBy} error={error} />
          <div>
            <div className="flex items-start gap-3">
              <input
                id={`${id}-consentContact`}
                type="checkbox"
                name="consentContact"
                defaultChecked={!!v.consentContact}
                className="mt-1 h-5 w-5 shrink-0"
                aria-invalid={invalid("consentContact")}
                aria-describedby={describedBy("consentContact", false)}
              />
              <label htmlFor={`${id}-consentContact`}>{copy.consentLabel}</label>
            </div>
            {error("consentContact")}
          </div>
        </fieldset>

        {/* Honeypot: hidden from people and assistive technology, tempting to bots. */}
        <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
          <label htmlFor={`${id}-website`}>{copy.honeypot}</label>
          <input id={`${id}-website`} type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>

        <button type="submit" className="btn-primary w-full text-lg sm:w-auto" disabled={pending}>
          {pending ? copy.sending : suggestions ? copy.submitAnyway : copy.submit}
        </button>
      </form>
    </div>
  );
}

type ContactInputProps = {
  id: string;
  field: "name" | "email" | "phone";
  type: string;
  autoComplete: string;
  label: string;
  max: number;
  value: string | undefined;
  invalid: (field: AskField) => true | undefined;
  describedBy: (field: AskField, hint: boolean) => string | undefined;
  error: (field: AskField) => React.ReactNode;
};

function ContactInput({ id, field, type, autoComplete, label, max, value, invalid, describedBy, error }: ContactInputProps) {
  return (
    <div>
      <label htmlFor={`${id}-${field}`} className="field-label">
        {label}
      </label>
      <input
        id={`${id}-${field}`}
        type={type}
        name={field}
        autoComplete={autoComplete}
        maxLength={max}
        defaultValue={value ?? ""}
        className="field-input"
        aria-invalid={invalid(field)}
        aria-describedby={describedBy(field, false)}
      />
      {error(field)}
    </div>
  );
}

type SupportOutcome = keyof AskCopy["templates"]["results"];

/**
 * A plain form posting to the support route (without JavaScript the route answers with the session page and the
 * result); with JavaScript it is sent in the background, so what the citizen typed stays.
 */
function SupportForm({ sessionId, suggestion, copy }: { sessionId: string; suggestion: Suggestion; copy: AskCopy }) {
  const [message, setMessage] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const action = `/doi-thoai/${sessionId}/ung-ho`;
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    setSending(true);
    try {
      const response = await fetch(action, { method: "POST", headers: { accept: "application/json" }, body: new URLSearchParams({ question: suggestion.id }) });
      const data = (await response.json().catch(() => null)) as { result?: string; number?: number | null } | null;
      const template = data?.result && data.result in copy.templates.results ? copy.templates.results[data.result as SupportOutcome] : null;
      if (template) setMessage(fillMessage(template, { number: data?.number ?? suggestion.number }, copy.locale));
      else form.submit();
    } catch {
      setMessage(copy.supportFailed);
    } finally {
      setSending(false);
    }
  };
  return (
    <form method="post" action={action} onSubmit={(event) => void submit(event)} className="mt-2 flex flex-wrap items-center gap-3">
      <input type="hidden" name="question" value={suggestion.id} />
      <button type="submit" className="btn-secondary" disabled={sending}>
        {sending ? copy.supporting : copy.support}
      </button>
      <span role="status" className="text-sm text-zinc-700">
        {message}
      </span>
    </form>
  );
}
