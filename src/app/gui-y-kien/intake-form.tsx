"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { useTranslations, useLocale } from "next-intl";
import { ATTACHMENT_LIMITS, attachmentSizeProblem, type SizeProblem } from "@/domain/file-type";
import { useHydrated } from "@/lib/use-hydrated";
import { FIELD_LIMITS, type LimitedField } from "@/domain/intake-limits";
import { CASE_KINDS } from "@/domain/types";
import type { IntakeOptions } from "@/server/intake/list-intake-options";
import { submitCaseAction } from "./actions";
import type { IntakeFormState, TextField } from "./form-state";

const MB = 1024 * 1024;

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

type IntakeFormProps = {
  options: IntakeOptions;
  idempotencyKey: string;
  initialKind?: string;
  /** For an official registering on a citizen's behalf: the channels to choose from (the first is the default). */
  channels?: { value: string; label: string }[];
};

export function IntakeForm({ options, idempotencyKey, initialKind, channels }: IntakeFormProps) {
  const t = useTranslations("intake");
  const tKinds = useTranslations("kinds");
  const locale = useLocale();
  const [state, action, pending] = useActionState<IntakeFormState, FormData>(submitCaseAction, {
    values: { idempotencyKey, kind: initialKind },
    errors: {},
  });
  const v = state.values;
  const [kind, setKind] = useState(v.kind ?? "");
  const [areaFilter, setAreaFilter] = useState("");
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
    const text = field === "anonymous" ? t("anonymousNotAllowed") : t(`errors.${code}`);
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
  const limits = { files: ATTACHMENT_LIMITS.maxFiles, fileMb: ATTACHMENT_LIMITS.maxFileBytes / MB, totalMb: ATTACHMENT_LIMITS.maxTotalBytes / MB };
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
            <p>{t("rateLimited", { minutes: state.retryAfterMinutes ?? 60 })}</p>
          ) : state.formError === "server" ? (
            <p>{t("serverError")}</p>
          ) : state.formError === "attachments" && state.attachmentProblem ? (
            <p>{t(`attachmentProblems.${state.attachmentProblem}`, { ...limits, name: state.attachmentName ?? "" })}</p>
          ) : (
            <p>{t("errorSummary")}</p>
          )}
          <p className="mt-1 text-sm">{t("attachmentsAgain")}</p>
        </div>
      )}

      {channels && (
        <div className="card space-y-2">
          <label htmlFor={`${id}-channel`} className="field-label">
            {t("onBehalf.channel")}
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
            {t("onBehalf.channelHint")}
          </p>
          {state.errors.channel && (
            <p id={`${id}-channel-error`} className="field-error">
              {t("onBehalf.notAllowed")}
            </p>
          )}
        </div>
      )}

      <fieldset className="card space-y-3">
        <legend className="sr-only">{t("kindLegend")}</legend>
        <h2 className="text-xl font-bold" aria-hidden="true">
          {t("step1")}
        </h2>
        {/* Seen, not read: the legend above already gives the question to screen readers. */}
        <p className="font-semibold" aria-hidden="true">
          {t("kindLegend")}
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
                aria-describedby={`${id}-kind-${k}`}
                required
              />
              <span>
                <span className="block font-semibold">{tKinds(`${k}.name`)}</span>
                <span id={`${id}-kind-${k}`} className="block text-sm text-zinc-700">
                  {tKinds(`${k}.help`)} {t(`kindIdentity.${k}`)} {t(`kindNext.${k}`)}
                </span>
              </span>
            </label>
          ))}
        </div>
        {state.errors.kind && <p className="field-error">{t("errors.required")}</p>}
        <details className="text-sm text-zinc-700">
          <summary className="cursor-pointer font-semibold">{t("termsTitle")}</summary>
          <p className="mt-2">{t("termAccept")}</p>
          <p className="mt-1">{t("termWorkingDays")}</p>
        </details>
      </fieldset>

      <fieldset className="card space-y-5">
        <legend className="sr-only">{t("step2")}</legend>
        <h2 className="text-xl font-bold" aria-hidden="true">
          {t("step2")}
        </h2>
        <div>
          <label htmlFor={`${id}-categoryId`} className="field-label">
            {t("category")} <span className="font-normal text-zinc-600">({t("required")})</span>
          </label>
          <select key={selectKey(v.categoryId)} id={`${id}-categoryId`} name="categoryId" defaultValue={v.categoryId ?? ""} required className="field-input" aria-invalid={invalid("categoryId")} aria-describedby={describedBy("categoryId", false)}>
            <option value="">{t("categoryChoose")}</option>
            {options.categories.map((c) => (
              <option key={c.id} value={c.id}>
                {locale === "en" ? c.nameEn : c.nameVi}
              </option>
            ))}
          </select>
          {error("categoryId")}
        </div>
        <div>
          <label htmlFor={`${id}-areaId`} className="field-label">
            {t("area")} <span className="font-normal text-zinc-600">({t("required")})</span>
          </label>
          <p id={`${id}-areaId-hint`} className="field-hint mb-2">
            {t("areaHint")}
          </p>
          {scripted && (
            <div className="mb-2">
              <label htmlFor={`${id}-areaFilter`} className="text-sm font-semibold">
                {t("areaFilter")}
              </label>
              <input id={`${id}-areaFilter`} type="search" value={areaFilter} onChange={(e) => setAreaFilter(e.target.value)} className="field-input" aria-describedby={`${id}-areaFilter-hint`} autoComplete="off" />
              <p id={`${id}-areaFilter-hint`} className="field-hint">
                {t("areaFilterHint")}
              </p>
            </div>
          )}
          <select key={selectKey(v.areaId)} id={`${id}-areaId`} name="areaId" defaultValue={v.areaId ?? ""} required className="field-input" aria-invalid={invalid("areaId")} aria-describedby={describedBy("areaId")}>
            <option value="">{t("areaChoose")}</option>
            <optgroup label={t("areaProvinceGroup")}>
              {options.provinces.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </optgroup>
            <optgroup label={t("areaCommuneGroup")}>
              {communes.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                  {a.remote ? ` (${t("remote")})` : ""}
                </option>
              ))}
            </optgroup>
          </select>
          {error("areaId")}
        </div>
        <TextInput id={id} field="address" label={t("address")} hint={t("addressHint")} state={state} optional={t("optional")} autoComplete="off" />
        <TextInput id={id} field="title" label={t("titleLabel")} hint={t("titleHint", FIELD_LIMITS.title)} state={state} required={t("required")} />
        <div>
          <label htmlFor={`${id}-body`} className="field-label">
            {t("body")} <span className="font-normal text-zinc-600">({t("required")})</span>
          </label>
          <p id={`${id}-body-hint`} className="field-hint mb-1">
            {t("bodyHint", FIELD_LIMITS.body)}
          </p>
          <textarea id={`${id}-body`} name="body" rows={8} defaultValue={v.body ?? ""} required maxLength={FIELD_LIMITS.body.max} className="field-input" aria-invalid={invalid("body")} aria-describedby={describedBy("body")} />
          {error("body")}
        </div>
        {showSubject && (
          <fieldset className="space-y-4 rounded-md border border-zinc-300 p-3">
            <legend className="px-1 font-semibold">{t("subjectTitle")}</legend>
            <p className="text-sm text-zinc-700">{t("subjectHint")}</p>
            <TextInput id={id} field="subjectName" label={t("subjectName")} state={state} optional={t("optional")} />
            <TextInput id={id} field="subjectPosition" label={t("subjectPosition")} state={state} optional={t("optional")} />
            <div>
              <label htmlFor={`${id}-subjectUnitId`} className="field-label">
                {t("subjectUnit")} <span className="font-normal text-zinc-600">({t("optional")})</span>
              </label>
              <p id={`${id}-subjectUnitId-hint`} className="field-hint mb-1">
                {t("subjectUnitHint")}
              </p>
              <select key={selectKey(v.subjectUnitId)} id={`${id}-subjectUnitId`} name="subjectUnitId" defaultValue={v.subjectUnitId ?? ""} className="field-input" aria-describedby={describedBy("subjectUnitId")}>
                <option value="">{t("subjectUnitNone")}</option>
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
            {t("attachments")} <span className="font-normal text-zinc-600">({t("optional")})</span>
          </label>
          <p id={`${id}-attachments-hint`} className="field-hint mb-1">
            {t("attachmentsHint", limits)}
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
              {t(`attachmentProblems.${fileProblem.problem}`, { ...limits, name: fileProblem.fileName ?? "" })}
            </p>
          )}
        </div>
      </fieldset>

      <fieldset className="card space-y-5">
        <legend className="sr-only">{t("step3")}</legend>
        <h2 className="text-xl font-bold" aria-hidden="true">
          {t("step3")}
        </h2>
        <p className="text-sm text-zinc-700">{t("identityNote")}</p>
        {(!scripted || kind === "contribution" || v.anonymous) && (
          <div>
            <label className="flex items-start gap-3">
              <input type="checkbox" name="anonymous" defaultChecked={v.anonymous} className="mt-1 h-5 w-5 accent-brand-700" aria-describedby={describedBy("anonymous")} aria-invalid={invalid("anonymous")} />
              <span className="font-semibold">{t("anonymous")}</span>
            </label>
            <p id={`${id}-anonymous-hint`} className="field-hint ml-8">
              {t("anonymousHint")}
            </p>
            {error("anonymous")}
          </div>
        )}
        <TextInput id={id} field="name" label={t("name")} state={state} autoComplete="name" />
        <TextInput id={id} field="phone" label={t("phone")} hint={t("phoneHint")} state={state} type="tel" autoComplete="tel" inputMode="tel" />
        <TextInput id={id} field="email" label={t("email")} hint={t("emailHint")} state={state} type="email" autoComplete="email" inputMode="email" />
        <TextInput id={id} field="filerAddress" label={t("filerAddress")} hint={t("filerAddressHint")} state={state} autoComplete="street-address" />
        <TextInput id={id} field="idNumber" label={t("idNumber")} hint={t("idNumberHint")} state={state} inputMode="numeric" autoComplete="off" />
      </fieldset>

      <fieldset className="card space-y-3">
        <legend className="sr-only">{t("step4")}</legend>
        <h2 className="text-xl font-bold" aria-hidden="true">
          {t("step4")}
        </h2>
        <label className="flex items-start gap-3">
          <input type="checkbox" name="consentPublish" defaultChecked={v.consentPublish ?? false} className="mt-1 h-5 w-5 shrink-0 accent-brand-700" aria-describedby={`${id}-consent-hint`} />
          <span>{t("consent")}</span>
        </label>
        <p id={`${id}-consent-hint`} className="field-hint ml-8">
          {t("consentHint")}
        </p>
      </fieldset>

      {/* Honeypot: hidden from people and assistive technology, tempting to bots. */}
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label htmlFor={`${id}-website`}>{t("honeypot")}</label>
        <input id={`${id}-website`} type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      {/* Without JavaScript the form posts to a lean route (see gui/route.ts), which hands anything but a
          stored case back to the server action; once hydrated, the action handles the form in place. */}
      <button type="submit" formAction={scripted || channels ? undefined : "/gui-y-kien/gui"} className="btn-primary w-full text-lg sm:w-auto" disabled={pending}>
        {pending ? t("sending") : t("submit")}
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
  required?: string;
  optional?: string;
} & Pick<React.InputHTMLAttributes<HTMLInputElement>, "type" | "autoComplete" | "inputMode">;

function TextInput({ id, field, label, hint, state, required, optional, ...rest }: TextInputProps) {
  const t = useTranslations("intake");
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
          {t(`errors.${code}`)}
        </p>
      )}
    </div>
  );
}
