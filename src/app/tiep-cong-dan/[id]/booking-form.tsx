"use client";

import Link from "next/link";
import { useActionState, useEffect, useId, useRef } from "react";
import { bookSlotAction } from "./booking-actions";
import type { BookingCopy } from "./booking-copy";
import type { BookingFormState } from "./booking-form-state";

type Field = "name" | "contact" | "summary" | "attachments";

/**
 * The booking form: a plain multipart form posting to a server action, so it works without JavaScript (the page
 * comes back with what was typed and each problem by its field). Once booked, the code takes the form's place:
 * shown this once. When the day cannot be booked (`refusal`), that is said instead of the form; the component is
 * rendered either way so that the result of the post that took the last place is still shown.
 */
export function BookingForm({ dayId, idempotencyKey, refusal, copy }: { dayId: string; idempotencyKey: string; refusal: string | null; copy: BookingCopy }) {
  const [state, action, pending] = useActionState<BookingFormState, FormData>(bookSlotAction, { values: { idempotencyKey }, errors: {} });
  const id = useId();
  const keyInput = useRef<HTMLInputElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const result = useRef<HTMLDivElement>(null);
  const f = copy.form;
  const v = state.values;
  const hasErrors = Object.keys(state.errors).length > 0 || !!state.formError;

  // The page is cached for everyone with the same key: each browser draws its own once scripts run.
  useEffect(() => {
    if (keyInput.current && keyInput.current.value === idempotencyKey) keyInput.current.value = crypto.randomUUID();
  }, [idempotencyKey]);
  useEffect(() => {
    if (state.done) result.current?.focus();
    else if (hasErrors) summary.current?.focus();
  }, [state, hasErrors]);

  if (state.done) {
    return (
      <div ref={result} tabIndex={-1} role="status" className="space-y-4 rounded-md border-2 border-green-700 bg-green-50 p-4 text-green-950">
        <h3 className="text-lg font-semibold">{f["result.title"]}</h3>
        <div>
          <p className="text-sm font-semibold">{f["result.codeLabel"]}</p>
          <p className="mt-1 font-mono text-3xl font-bold tracking-widest break-all select-all" data-booking-code>
            {state.done.code}
          </p>
        </div>
        <p className="font-semibold">{f["result.keep"]}</p>
        <p>{state.done.contactIsEmail ? f["result.reminderEmail"] : f["result.reminderPhone"]}</p>
        <p>
          <Link href="/tiep-cong-dan/huy-dat-lich" className="font-semibold underline underline-offset-4">
            {f["result.cancelLink"]}
          </Link>
        </p>
      </div>
    );
  }
  if (refusal) return <p className="rounded-md border-2 border-amber-600 bg-amber-50 p-3 text-amber-950">{refusal}</p>;

  const error = (field: Field) => {
    const code = state.errors[field];
    if (!code) return null;
    const text =
      field === "attachments" && state.attachmentProblem
        ? `${copy.attachmentProblems[`attachments.${state.attachmentProblem}`]}${state.attachmentName ? ` (${state.attachmentName})` : ""}`
        : (copy.errors[code] ?? copy.errors.invalid);
    return (
      <p id={`${id}-${field}-error`} className="field-error">
        {text}
      </p>
    );
  };
  const describedBy = (field: Field, hint: boolean) => [hint ? `${id}-${field}-hint` : null, state.errors[field] ? `${id}-${field}-error` : null].filter(Boolean).join(" ") || undefined;
  const invalid = (field: Field) => (state.errors[field] ? true : undefined);
  const formMessage =
    state.formError === "refused" && state.refusal
      ? copy.refusals[`refusal.${state.refusal}`]
      : state.formError === "server"
        ? f["form.serverError"]
        : state.formError === "not_found"
          ? f["form.notFound"]
          : f["form.errorSummary"];

  return (
    <form action={action} encType="multipart/form-data" noValidate className="space-y-5" aria-describedby={hasErrors ? `${id}-problems` : undefined}>
      <input type="hidden" name="dayId" value={dayId} />
      <input ref={keyInput} type="hidden" name="idempotencyKey" defaultValue={v.idempotencyKey ?? idempotencyKey} />
      {hasErrors ? (
        <div ref={summary} id={`${id}-problems`} role="alert" tabIndex={-1} className="rounded-md border-2 border-red-700 bg-red-50 p-4 text-red-900">
          <p>{formMessage}</p>
        </div>
      ) : null}

      <div>
        <label htmlFor={`${id}-name`} className="field-label">
          {f["form.nameLabel"]}
        </label>
        <input
          id={`${id}-name`}
          name="name"
          type="text"
          autoComplete="name"
          required
          maxLength={copy.limits.name}
          defaultValue={v.name ?? ""}
          className="field-input"
          aria-invalid={invalid("name")}
          aria-describedby={describedBy("name", true)}
        />
        <p id={`${id}-name-hint`} className="field-hint">
          {f["form.nameHint"]}
        </p>
        {error("name")}
      </div>

      <div>
        <label htmlFor={`${id}-contact`} className="field-label">
          {f["form.contactLabel"]}
        </label>
        <input
          id={`${id}-contact`}
          name="contact"
          type="text"
          inputMode="email"
          autoComplete="email"
          required
          maxLength={copy.limits.contact}
          defaultValue={v.contact ?? ""}
          className="field-input"
          aria-invalid={invalid("contact")}
          aria-describedby={describedBy("contact", true)}
        />
        <p id={`${id}-contact-hint`} className="field-hint">
          {f["form.contactHint"]}
        </p>
        {error("contact")}
      </div>

      <div>
        <label htmlFor={`${id}-summary`} className="field-label">
          {f["form.summaryLabel"]}
        </label>
        <textarea
          id={`${id}-summary`}
          name="summary"
          rows={5}
          required
          maxLength={copy.limits.summary}
          defaultValue={v.summary ?? ""}
          className="field-input"
          aria-invalid={invalid("summary")}
          aria-describedby={describedBy("summary", true)}
        />
        <p id={`${id}-summary-hint`} className="field-hint">
          {copy.summaryHint}
        </p>
        {error("summary")}
      </div>

      <div>
        <label htmlFor={`${id}-attachments`} className="field-label">
          {f["form.attachmentsLabel"]}
        </label>
        <input
          id={`${id}-attachments`}
          name="attachments"
          type="file"
          multiple
          accept="image/jpeg,image/png,image/webp,image/heic,application/pdf,.doc,.docx,.xls,.xlsx,.odt,.ods,.pptx"
          className="field-input"
          aria-invalid={invalid("attachments")}
          aria-describedby={describedBy("attachments", true)}
        />
        <p id={`${id}-attachments-hint`} className="field-hint">
          {copy.attachmentsHint}
        </p>
        {error("attachments")}
      </div>

      {/* Honeypot: hidden from people and assistive technology, tempting to bots. */}
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label htmlFor={`${id}-website`}>{f["form.honeypot"]}</label>
        <input id={`${id}-website`} type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <button type="submit" className="btn-primary w-full text-lg sm:w-auto" disabled={pending}>
        {pending ? f["form.sending"] : f["form.submit"]}
      </button>
    </form>
  );
}
