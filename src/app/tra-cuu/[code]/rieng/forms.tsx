"use client";

// The filer's forms. Each is a plain <form> posting to a server action: with JavaScript it submits in place,
// without it the browser posts and gets the page back with the same state (what was typed, errors by field).
import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { ATTACHMENT_LIMITS } from "@/domain/file-type";
import {
  addInformationAction,
  contestAction,
  provideInfoAction,
  rateAction,
  unlockAction,
  withdrawAction,
} from "./actions";
import { CaseRefFields, type CaseRef } from "@/components/case-ref-fields";
import { EMPTY_FORM, type FilerFormState } from "./form-state";

const TEXT_MAX = 5000;
const MB = 1024 * 1024;
type Action = (state: FilerFormState, form: FormData) => Promise<FilerFormState>;

function useFilerForm(action: Action) {
  return useActionState<FilerFormState, FormData>(action, EMPTY_FORM);
}

function FormError({ state, code }: { state: FilerFormState; code: string }) {
  const t = useTranslations("filer.errors");
  if (!state.formError) return null;
  const reload = state.formError === "stale_version" || state.formError === "not_allowed" || state.formError === "no_access";
  return (
    <div role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-red-900">
      <p>
        {state.formError === "rate_limited"
          ? t("rate_limited", { minutes: state.retryAfterMinutes ?? 10 })
          : t(state.formError)}
      </p>
      {reload && (
        <p className="mt-2">
          {/* A plain link: reloading works the same with or without JavaScript. */}
          <a href={`/tra-cuu/${code}/rieng`} className="font-semibold underline underline-offset-4">
            {t("reload")}
          </a>
        </p>
      )}
    </div>
  );
}

function FieldMessage({ id, state, field }: { id: string; state: FilerFormState; field: string }) {
  const t = useTranslations("filer.fields");
  const problem = state.fieldErrors[field];
  if (!problem) return null;
  const count = (state.values[field] ?? "").trim().length;
  const limits = { files: ATTACHMENT_LIMITS.maxFiles, fileMb: ATTACHMENT_LIMITS.maxFileBytes / MB, totalMb: ATTACHMENT_LIMITS.maxTotalBytes / MB };
  const text =
    problem === "too_long"
      ? t("too_long", { max: TEXT_MAX, count })
      : problem === "required" && field === "satisfaction"
        ? t("choose")
        : problem.startsWith("attachments_")
          ? t(problem as "attachments_too_many", { ...limits, name: state.fileName ?? "" })
          : t(problem as "required");
  return (
    <p id={id} className="field-error">
      {text}
    </p>
  );
}

function TextField(props: { name: string; label: string; hint: string; state: FilerFormState; rows?: number; optional?: boolean }) {
  const { name, label, hint, state, rows = 5, optional } = props;
  const t = useTranslations("filer.form");
  const id = useId();
  const error = state.fieldErrors[name];
  return (
    <div>
      <label htmlFor={`${id}-${name}`} className="field-label">
        {label} {optional && <span className="font-normal text-zinc-600">({t("optional")})</span>}
      </label>
      <textarea
        id={`${id}-${name}`}
        name={name}
        rows={rows}
        defaultValue={state.values[name] ?? ""}
        className="field-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-${name}-hint`, error ? `${id}-${name}-error` : null].filter(Boolean).join(" ")}
      />
      <p id={`${id}-${name}-hint`} className="field-hint">
        {hint}
      </p>
      <FieldMessage id={`${id}-${name}-error`} state={state} field={name} />
    </div>
  );
}

function FilesField({ state }: { state: FilerFormState }) {
  const t = useTranslations("filer.form");
  const id = useId();
  const error = state.fieldErrors.files;
  return (
    <div>
      <label htmlFor={`${id}-files`} className="field-label">
        {t("filesLabel")} <span className="font-normal text-zinc-600">({t("optional")})</span>
      </label>
      <input
        id={`${id}-files`}
        type="file"
        name="files"
        multiple
        accept="image/jpeg,image/png,image/webp,image/heic,.heic,application/pdf,.doc,.docx,.xls,.xlsx,.odt,.ods,.pptx"
        className="block w-full text-base file:mr-3 file:min-h-11 file:rounded-md file:border file:border-zinc-400 file:bg-white file:px-4 file:py-2 file:font-semibold"
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-files-hint`, error ? `${id}-files-error` : null].filter(Boolean).join(" ")}
      />
      <p id={`${id}-files-hint`} className="field-hint">
        {t("filesHint", { files: ATTACHMENT_LIMITS.maxFiles, fileMb: ATTACHMENT_LIMITS.maxFileBytes / MB, totalMb: ATTACHMENT_LIMITS.maxTotalBytes / MB })}
        {state.formError && ` ${t("filesAgain")}`}
      </p>
      <FieldMessage id={`${id}-files-error`} state={state} field="files" />
    </div>
  );
}

export function UnlockForm({ code }: { code: string }) {
  const t = useTranslations("filer.unlock");
  const [state, action, pending] = useFilerForm(unlockAction);
  const id = useId();
  const error = state.formError;
  return (
    <form action={action} noValidate className="space-y-4">
      <input type="hidden" name="code" value={code} />
      <div>
        <label htmlFor={`${id}-key`} className="field-label">
          {t("keyLabel")}
        </label>
        <input
          id={`${id}-key`}
          name="key"
          defaultValue={state.values.key ?? ""}
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          maxLength={60}
          placeholder="ABCD-EFGH-JKMN-PQRS-TVWX"
          className="field-input font-mono tracking-wider"
          aria-invalid={error ? true : undefined}
          aria-describedby={[`${id}-key-hint`, error ? `${id}-key-error` : null].filter(Boolean).join(" ")}
        />
        <p id={`${id}-key-hint`} className="field-hint">
          {t("keyHint")}
        </p>
        {error && (
          <p id={`${id}-key-error`} role="alert" className="field-error">
            {error === "rate_limited" ? t("rateLimited", { minutes: state.retryAfterMinutes ?? 10 }) : error === "failed" ? t("failed") : t("wrongKey")}
          </p>
        )}
      </div>
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending}>
        {t("submit")}
      </button>
    </form>
  );
}

export function AddInformationForm(props: CaseRef) {
  const t = useTranslations("filer.addInfo");
  const [state, action, pending] = useFilerForm(addInformationAction);
  return (
    <form action={action} noValidate className="space-y-4">
      <CaseRefFields {...props} />
      <FormError state={state} code={props.code} />
      <TextField name="text" label={t("textLabel")} hint={t("textHint", { max: TEXT_MAX })} state={state} optional />
      <FilesField state={state} />
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending}>
        {t("submit")}
      </button>
    </form>
  );
}

export function ProvideInfoForm(props: CaseRef) {
  const t = useTranslations("filer.provideInfo");
  const [state, action, pending] = useFilerForm(provideInfoAction);
  return (
    <form action={action} noValidate className="space-y-4">
      <CaseRefFields {...props} />
      <FormError state={state} code={props.code} />
      <TextField name="text" label={t("textLabel")} hint={t("textHint", { max: TEXT_MAX })} state={state} />
      <FilesField state={state} />
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending}>
        {t("submit")}
      </button>
    </form>
  );
}

export function WithdrawForm(props: CaseRef) {
  const t = useTranslations("filer.withdraw");
  const [state, action, pending] = useFilerForm(withdrawAction);
  const id = useId();
  const confirmError = state.fieldErrors.confirm;
  return (
    // Closed by default so that withdrawing takes a deliberate step; reopened when the form comes back with an error.
    <details className="card" open={state.formError ? true : undefined}>
      <summary className="cursor-pointer text-lg font-semibold">{t("title")}</summary>
      <form action={action} noValidate className="mt-4 space-y-4">
        <CaseRefFields {...props} />
        <p>{t("intro")}</p>
        <FormError state={state} code={props.code} />
        <TextField name="reason" label={t("reasonLabel")} hint={t("reasonHint", { max: TEXT_MAX })} state={state} rows={3} optional />
        <div>
          <label className="flex items-start gap-3 rounded-md border border-red-300 bg-red-50 p-3">
            <input
              type="checkbox"
              name="confirm"
              value="yes"
              defaultChecked={state.values.confirm === "yes"}
              className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
              aria-invalid={confirmError ? true : undefined}
              aria-describedby={confirmError ? `${id}-confirm-error` : undefined}
            />
            <span>{t("confirm")}</span>
          </label>
          <FieldMessage id={`${id}-confirm-error`} state={state} field="confirm" />
        </div>
        <button type="submit" className="btn inline-flex w-full border-2 border-red-800 bg-white text-red-800 hover:bg-red-50 sm:w-auto" disabled={pending}>
          {t("submit")}
        </button>
      </form>
    </details>
  );
}

export function RateForm(props: CaseRef) {
  const t = useTranslations("filer.rate");
  const [state, action, pending] = useFilerForm(rateAction);
  const id = useId();
  const error = state.fieldErrors.satisfaction;
  return (
    <form action={action} noValidate className="space-y-4">
      <CaseRefFields {...props} />
      <FormError state={state} code={props.code} />
      <fieldset aria-describedby={error ? `${id}-satisfaction-error` : undefined}>
        <legend className="field-label">{t("legend")}</legend>
        <div className="flex flex-col gap-2 sm:flex-row">
          {(["satisfied", "unsatisfied"] as const).map((value) => (
            <label key={value} className="flex min-h-11 flex-1 cursor-pointer items-center gap-3 rounded-md border border-zinc-400 p-3 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50">
              <input type="radio" name="satisfaction" value={value} defaultChecked={state.values.satisfaction === value} className="h-5 w-5 accent-brand-700" />
              <span className="font-semibold">{t(value)}</span>
            </label>
          ))}
        </div>
        <FieldMessage id={`${id}-satisfaction-error`} state={state} field="satisfaction" />
      </fieldset>
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending}>
        {t("submit")}
      </button>
    </form>
  );
}

export function ContestForm(props: CaseRef & { secondInstance: boolean }) {
  const { secondInstance, ...ref } = props;
  const t = useTranslations("filer.contest");
  const [state, action, pending] = useFilerForm(contestAction);
  return (
    <form action={action} noValidate className="space-y-4">
      <CaseRefFields {...ref} />
      <FormError state={state} code={ref.code} />
      <TextField name="reason" label={t("reasonLabel")} hint={t("reasonHint", { max: TEXT_MAX })} state={state} rows={6} />
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending}>
        {secondInstance ? t("submitComplaint") : t("submitOther")}
      </button>
    </form>
  );
}
