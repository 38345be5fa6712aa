"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { attachmentSizeProblem, type SizeProblem } from "@/domain/file-type";
import { fillMessage } from "@/lib/fill-message";
import { useHydrated } from "@/lib/use-hydrated";
import { FIELD_LIMITS, type LimitedField } from "@/domain/intake-limits";
import { CASE_KINDS } from "@/domain/types";
import type { IntakeOptions } from "@/server/intake/list-intake-options";
import { submitCaseAction } from "./actions";
import type { IntakeFormState, TextField } from "./form-state";
import type { IntakeFormCopy } from "./intake-form-copy";

/**
 * React resets a form after its action, and a select goes back to the option chosen when it was first mounted
 * (React does not carry a changed defaultValue to its options). Keyed by the value sent back, a select is mounted
 * again with the choice the citizen made, and the reset keeps it.
 */
function selectKey(value: string | undefined): string {
  return `chosen-${value ?? ""}`;
}

/** Case-insensitive, accent-insensitive match ("ia grai" finds "Ia Grai", "pleiku" finds "Plei Ku" is not needed). */
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
}

/** For an official registering on a citizen's behalf: the channels to choose from (the first is the default). */
export type OnBehalf = {
  label: string;
  hint: string;
  notAllowed: string;
  channels: { value: string; label: string }[];
  /** Opened from a reception day (?tiep-cong-dan=): which one, posted as receptionDayId. */
  reception?: { dayId: string; label: string; hint: string; notAllowed: string };
};

type IntakeFormProps = {
  copy: IntakeFormCopy;
  options: IntakeOptions;
  idempotencyKey: string;
  initialKind?: string;
  onBehalf?: OnBehalf;
};

export function IntakeForm({ copy, options, idempotencyKey, initialKind, onBehalf }: IntakeFormProps) {
  const { locale, templates } = copy;
  const channels = onBehalf?.channels;
  const [state, action, pending] = useActionState<IntakeFormState, FormData>(submitCaseAction, {
    values: { idempotencyKey, kind: initialKind },
    errors: {},
  });
  const v = state.values;
  const [kind, setKind] = useState(v.kind ?? "");
  const [areaFilter, setAreaFilter] = useState("");
  const [category, setCategory] = useState(v.categoryId ?? "");
  const categoryHelp = copy.categoryHelp[category];
  const helped = options.categories.filter((c) => copy.categoryHelp[c.id]);
  const scripted = useHydrated();
  const id = useId();
  const hasErrors = Object.keys(state.errors).length > 0 || !!state.formError;
  const summary = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [fileProblem, setFileProblem] = useState<SizeProblem | null>(null);
  /** Checked in the browser before anything is sent: too many or too large files would be refused unread. */
  const checkFiles = () => {
    const problem = attachmentSizeProblem([...(fileInput.current?.files ?? [])]);
    setFileProblem(problem);
    return problem === null;
  };
  // After a refused submission, keyboard and screen-reader users land on the list of problems.
  useEffect(() => {
    if (hasErrors) summary.current?.focus();
  }, [state, hasErrors]);

  const error = (field: TextField | "anonymous" | "attachments") => {
    const code = state.errors[field];
    if (!code) return null;
    const text = field === "anonymous" ? copy.anonymousNotAllowed : copy.errors[code];
    return (
      <p id={`${id}-${field}-error`} className="field-error">
        {text}
      </p>
    );
  };
  const describedBy = (field: TextField | "anonymous" | "attachments", hint = true) =>
    [hint ? `${id}-${field}-hint` : null, state.errors[field] ? `${id}-${field}-error` : null].filter(Boolean).join(" ") || undefined;
  const invalid = (field: TextField | "anonymous" | "attachments") => (state.errors[field] ? true : undefined);
  const showSubject = !scripted || kind === "complaint" || kind === "denunciation";
  const attachmentProblem = (problem: keyof typeof templates.attachmentProblems, name = "") =>
    fillMessage(templates.attachmentProblems[problem], { ...copy.attachmentLimits, name }, locale);
  const communes = areaFilter ? options.communes.filter((a) => fold(a.name).includes(fold(areaFilter))) : options.communes;
  const selectedArea = options.communes.find((a) => a.id === v.areaId);
  if (selectedArea && !communes.includes(selectedArea)) communes.unshift(selectedArea);

  return (
    <form
      action={action}
      noValidate
      className="space-y-8"
      aria-describedby={hasErrors ? `${id}-summary` : undefined}
      onSubmit={(event) => {
        if (checkFiles()) return;
        event.preventDefault();
        fileInput.current?.focus();
      }}
    >
      <input type="hidden" name="idempotencyKey" value={v.idempotencyKey ?? idempotencyKey} />
      {hasErrors && (
        <div ref={summary} id={`${id}-summary`} role="alert" tabIndex={-1} className="rounded-md border-2 border-red-700 bg-red-50 p-4 text-red-900">
          {state.formError === "rate_limited" ? (
            <p>{fillMessage(templates.rateLimited, { minutes: state.retryAfterMinutes ?? 60 }, locale)}</p>
          ) : state.formError === "server" ? (
            <p>{copy.serverError}</p>
          ) : state.formError === "attachments" && state.attachmentProblem ? (
            <p>{attachmentProblem(state.attachmentProblem, state.attachmentName)}</p>
          ) : (
            <p>{copy.errorSummary}</p>
          )}
          <p className="mt-1 text-sm">{copy.attachmentsAgain}</p>
        </div>
      )}

      {onBehalf?.reception && (
        <div className="card space-y-1 border-l-4 border-l-sky-700">
          <input type="hidden" name="receptionDayId" value={onBehalf.reception.dayId} />
          <p className="font-semibold">{onBehalf.reception.label}</p>
          <p id={`${id}-receptionDayId-hint`} className="field-hint">
            {onBehalf.reception.hint}
          </p>
          {state.errors.receptionDayId && (
            <p id={`${id}-receptionDayId-error`} className="field-error">
              {onBehalf.reception.notAllowed}
            </p>
          )}
        </div>
      )}
      {onBehalf && channels && (
        <div className="card space-y-2">
          <label htmlFor={`${id}-channel`} className="field-label">
            {onBehalf.label}
          </label>
          <select
            key={selectKey(v.channel)}
            id={`${id}-channel`}
            name="channel"
            defaultValue={v.channel ?? channels[0]?.value}
            className="field-input"
            aria-invalid={invalid("channel")}
            aria-describedby={describedBy("channel")}
          >
            {channels.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
          <p id={`${id}-channel-hint`} className="field-hint">
            {onBehalf.hint}
          </p>
          {state.errors.channel && (
            <p id={`${id}-channel-error`} className="field-error">
              {onBehalf.notAllowed}
            </p>
          )}
        </div>
      )}

      <fieldset className="card space-y-3">
        <legend className="sr-only">{copy.kindLegend}</legend>
        <h2 className="text-xl font-bold" aria-hidden="true">
          {copy.step1}
        </h2>
        {/* Seen, not read: the legend above already gives the question to screen readers. */}
        <p className="font-semibold" aria-hidden="true">
          {copy.kindLegend}
        </p>
        <div className="grid gap-3">
          {CASE_KINDS.map((k) => (
            <label key={k} className="flex cursor-pointer gap-3 rounded-md border border-zinc-300 p-3 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50">
              <input
                type="radio"
                name="kind"
                value={k}
                defaultChecked={v.kind === k}
                onChange={() => setKind(k)}
                className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
                aria-describedby={state.errors.kind ? `${id}-kind-${k} ${id}-kind-error` : `${id}-kind-${k}`}
                // Named by the kind alone: the card's explanation is its description, read once.
                aria-labelledby={`${id}-kind-${k}-name`}
                required
              />
              <span>
                <span id={`${id}-kind-${k}-name`} className="block font-semibold">
                  {copy.kinds[k].name}
                </span>
                <span id={`${id}-kind-${k}`} className="block text-sm text-zinc-700">
                  {copy.kinds[k].help}
                </span>
              </span>
            </label>
          ))}
        </div>
        {state.errors.kind && (
          <p id={`${id}-kind-error`} className="field-error">
            {copy.errors.required}
          </p>
        )}
        <details className="text-sm text-zinc-700">
          <summary className="cursor-pointer font-semibold">{copy.termsTitle}</summary>
          <p className="mt-2">{copy.termAccept}</p>
          <p className="mt-1">{copy.termWorkingDays}</p>
        </details>
      </fieldset>

      <fieldset className="card space-y-5">
        <legend className="sr-only">{copy.step2}</legend>
        <h2 className="text-xl font-bold" aria-hidden="true">
          {copy.step2}
        </h2>
        <div>
          <label htmlFor={`${id}-categoryId`} className="field-label">
            {copy.category} <span className="font-normal text-zinc-600">({copy.required})</span>
          </label>
          <select
            key={selectKey(v.categoryId)}
            id={`${id}-categoryId`}
            name="categoryId"
            defaultValue={v.categoryId ?? ""}
            onChange={(e) => setCategory(e.target.value)}
            required
            className="field-input"
            aria-invalid={invalid("categoryId")}
            aria-describedby={describedBy("categoryId", !!categoryHelp)}
          >
            <option value="">{copy.categoryChoose}</option>
            {options.categories.map((c) => (
              <option key={c.id} value={c.id}>
                {locale === "en" ? c.nameEn : c.nameVi}
              </option>
            ))}
          </select>
          {/* The chosen field's explanation (set by the administrator); the full list below works without script. */}
          {categoryHelp && (
            <p id={`${id}-categoryId-hint`} className="field-hint mt-1">
              {categoryHelp}
            </p>
          )}
          {error("categoryId")}
          {helped.length > 0 && (
            <details className="mt-2 text-sm text-zinc-700">
              <summary className="cursor-pointer font-semibold">{copy.categoryHelpTitle}</summary>
              <dl className="mt-2 space-y-2">
                {helped.map((c) => (
                  <div key={c.id}>
                    <dt className="font-semibold">{locale === "en" ? c.nameEn : c.nameVi}</dt>
                    <dd>{copy.categoryHelp[c.id]}</dd>
                  </div>
                ))}
              </dl>
            </details>
          )}
        </div>
        <div>
          <label htmlFor={`${id}-areaId`} className="field-label">
            {copy.area} <span className="font-normal text-zinc-600">({copy.required})</span>
          </label>
          <p id={`${id}-areaId-hint`} className="field-hint mb-2">
            {copy.areaHint}
          </p>
          {scripted && (
            <div className="mb-2">
              <label htmlFor={`${id}-areaFilter`} className="text-sm font-semibold">
                {copy.areaFilter}
              </label>
              <input id={`${id}-areaFilter`} type="search" value={areaFilter} onChange={(e) => setAreaFilter(e.target.value)} className="field-input" aria-describedby={`${id}-areaFilter-hint`} autoComplete="off" />
              <p id={`${id}-areaFilter-hint`} className="field-hint">
                {copy.areaFilterHint}
              </p>
            </div>
          )}
          <select key={selectKey(v.areaId)} id={`${id}-areaId`} name="areaId" defaultValue={v.areaId ?? ""} required className="field-input" aria-invalid={invalid("areaId")} aria-describedby={describedBy("areaId")}>
            <option value="">{copy.areaChoose}</option>
            <optgroup label={copy.areaProvinceGroup}>
              {options.provinces.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </optgroup>
            <optgroup label={copy.areaCommuneGroup}>
              {communes.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                  {a.remote ? ` (${copy.remote})` : ""}
                </option>
              ))}
            </optgroup>
          </select>
          {error("areaId")}
        </div>
        <TextInput id={id} field="address" label={copy.address} hint={copy.addressHint} state={state} errors={copy.errors} optional={copy.optional} autoComplete="off" />
        <TextInput id={id} field="title" label={copy.titleLabel} hint={copy.titleHint} state={state} errors={copy.errors} required={copy.required} />
        <div>
          <label htmlFor={`${id}-body`} className="field-label">
            {copy.body} <span className="font-normal text-zinc-600">({copy.required})</span>
          </label>
          <p id={`${id}-body-hint`} className="field-hint mb-1">
            {copy.bodyHint}
          </p>
          <textarea id={`${id}-body`} name="body" rows={8} defaultValue={v.body ?? ""} required maxLength={FIELD_LIMITS.body.max} className="field-input" aria-invalid={invalid("body")} aria-describedby={describedBy("body")} />
          {error("body")}
        </div>
        {showSubject && (
          <fieldset className="space-y-4 rounded-md border border-zinc-300 p-3">
            <legend className="px-1 font-semibold">{copy.subjectTitle}</legend>
            <p className="text-sm text-zinc-700">{copy.subjectHint}</p>
            <TextInput id={id} field="subjectName" label={copy.subjectName} state={state} errors={copy.errors} optional={copy.optional} />
            <TextInput id={id} field="subjectPosition" label={copy.subjectPosition} state={state} errors={copy.errors} optional={copy.optional} />
            <div>
              <label htmlFor={`${id}-subjectUnitId`} className="field-label">
                {copy.subjectUnit} <span className="font-normal text-zinc-600">({copy.optional})</span>
              </label>
              <p id={`${id}-subjectUnitId-hint`} className="field-hint mb-1">
                {copy.subjectUnitHint}
              </p>
              <select key={selectKey(v.subjectUnitId)} id={`${id}-subjectUnitId`} name="subjectUnitId" defaultValue={v.subjectUnitId ?? ""} className="field-input" aria-describedby={describedBy("subjectUnitId")}>
                <option value="">{copy.subjectUnitNone}</option>
                {options.units.map((u) => (
                  <option key={u.id} value={u.id}>
                    {locale === "en" ? u.nameEn : u.name}
                  </option>
                ))}
              </select>
              {error("subjectUnitId")}
            </div>
          </fieldset>
        )}
        <div>
          <label htmlFor={`${id}-attachments`} className="field-label">
            {copy.attachments} <span className="font-normal text-zinc-600">({copy.optional})</span>
          </label>
          <p id={`${id}-attachments-hint`} className="field-hint mb-1">
            {copy.attachmentsHint}
          </p>
          <input
            id={`${id}-attachments`}
            name="attachments"
            type="file"
            multiple
            accept="image/jpeg,image/png,image/webp,image/heic,application/pdf,.doc,.docx,.xls,.xlsx,.odt,.ods,.pptx"
            className="block w-full text-base"
            ref={fileInput}
            onChange={checkFiles}
            aria-invalid={invalid("attachments") ?? (fileProblem ? true : undefined)}
            aria-describedby={[describedBy("attachments"), fileProblem ? `${id}-attachments-check` : null].filter(Boolean).join(" ")}
          />
          {fileProblem && (
            <p id={`${id}-attachments-check`} role="alert" className="field-error">
              {attachmentProblem(fileProblem.problem, fileProblem.fileName)}
            </p>
          )}
        </div>
      </fieldset>

      <fieldset className="card space-y-5">
        <legend className="sr-only">{copy.step3}</legend>
        <h2 className="text-xl font-bold" aria-hidden="true">
          {copy.step3}
        </h2>
        <p className="text-sm text-zinc-700">{copy.identityNote}</p>
        {(!scripted || kind === "contribution" || v.anonymous) && (
          <div>
            <label className="flex items-start gap-3">
              <input type="checkbox" name="anonymous" defaultChecked={v.anonymous} className="mt-1 h-5 w-5 accent-brand-700" aria-describedby={describedBy("anonymous")} aria-invalid={invalid("anonymous")} />
              <span className="font-semibold">{copy.anonymous}</span>
            </label>
            <p id={`${id}-anonymous-hint`} className="field-hint ml-8">
              {copy.anonymousHint}
            </p>
            {error("anonymous")}
          </div>
        )}
        <TextInput id={id} field="name" label={copy.name} state={state} errors={copy.errors} autoComplete="name" />
        <TextInput id={id} field="phone" label={copy.phone} hint={copy.phoneHint} state={state} errors={copy.errors} type="tel" autoComplete="tel" inputMode="tel" />
        <TextInput id={id} field="email" label={copy.email} hint={copy.emailHint} state={state} errors={copy.errors} type="email" autoComplete="email" inputMode="email" />
        <TextInput id={id} field="filerAddress" label={copy.filerAddress} hint={copy.filerAddressHint} state={state} errors={copy.errors} autoComplete="street-address" />
        <TextInput id={id} field="idNumber" label={copy.idNumber} hint={copy.idNumberHint} state={state} errors={copy.errors} inputMode="numeric" autoComplete="off" />
      </fieldset>

      <fieldset className="card space-y-3">
        <legend className="sr-only">{copy.step4}</legend>
        <h2 className="text-xl font-bold" aria-hidden="true">
          {copy.step4}
        </h2>
        <label className="flex items-start gap-3">
          <input type="checkbox" name="consentPublish" defaultChecked={v.consentPublish ?? false} className="mt-1 h-5 w-5 shrink-0 accent-brand-700" aria-describedby={`${id}-consent-hint`} />
          <span>{copy.consent}</span>
        </label>
        <p id={`${id}-consent-hint`} className="field-hint ml-8">
          {copy.consentHint}
        </p>
      </fieldset>

      {/* Honeypot: hidden from people and assistive technology, tempting to bots. */}
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label htmlFor={`${id}-website`}>{copy.honeypot}</label>
        <input id={`${id}-website`} type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      {/* Without JavaScript the form posts to a lean route (see gui/route.ts), which hands anything but a
          stored case back to the server action; once hydrated, the action handles the form in place. */}
      <button type="submit" formAction={scripted || channels ? undefined : "/gui-y-kien/gui"} className="btn-primary w-full text-lg sm:w-auto" disabled={pending}>
        {pending ? copy.sending : copy.submit}
      </button>
    </form>
  );
}

type TextInputProps = {
  id: string;
  field: LimitedField;
  label: string;
  hint?: string;
  state: IntakeFormState;
  errors: IntakeFormCopy["errors"];
  required?: string;
  optional?: string;
} & Pick<React.InputHTMLAttributes<HTMLInputElement>, "type" | "autoComplete" | "inputMode">;

function TextInput({ id, field, label, hint, state, errors, required, optional, ...rest }: TextInputProps) {
  const code = state.errors[field];
  const describedBy = [hint ? `${id}-${field}-hint` : null, code ? `${id}-${field}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={`${id}-${field}`} className="field-label">
        {label}
        {required && <span className="font-normal text-zinc-600"> ({required})</span>}
        {optional && <span className="font-normal text-zinc-600"> ({optional})</span>}
      </label>
      {hint && (
        <p id={`${id}-${field}-hint`} className="field-hint mb-1">
          {hint}
        </p>
      )}
      <input id={`${id}-${field}`} name={field} defaultValue={state.values[field] ?? ""} className="field-input" aria-invalid={code ? true : undefined} aria-describedby={describedBy} required={!!required} maxLength={FIELD_LIMITS[field].max} {...rest} />
      {code && (
        <p id={`${id}-${field}-error`} className="field-error">
          {errors[code]}
        </p>
      )}
    </div>
  );
}
