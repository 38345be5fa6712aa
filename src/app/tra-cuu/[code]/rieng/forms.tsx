"use client";

// The filer's forms. Each is a plain <form> posting to a server action: with JavaScript it submits in place,
// without it the browser posts and gets the page back with the same state (what was typed, errors by field).
import { useActionState, useId } from "react";
import { fillMessage } from "@/lib/fill-message";
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
import type { FilerFormsCopy } from "./forms-copy";

type Action = (state: FilerFormState, form: FormData) => Promise<FilerFormState>;

function useFilerForm(action: Action) {
  return useActionState<FilerFormState, FormData>(action, EMPTY_FORM);
}

type Copy = { copy: FilerFormsCopy };

function FormError({ state, code, copy }: { state: FilerFormState; code: string } & Copy) {
  const t = copy.errors;
  if (!state.formError) return null;
  const reload = state.formError === "stale_version" || state.formError === "not_allowed" || state.formError === "no_access";
  return (
    <div role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-red-900">
      <p>
        {state.formError === "rate_limited"
          ? fillMessage(t.templates.rate_limited, { minutes: state.retryAfterMinutes ?? 10 }, copy.locale)
          : t[state.formError]}
      </p>
      {reload && (
        <p className="mt-2">
          {/* A plain link: reloading works the same with or without JavaScript. */}
          <a href={`/tra-cuu/${code}/rieng`} className="font-semibold underline underline-offset-4">
            {t.reload}
          </a>
        </p>
      )}
    </div>
  );
}

function FieldMessage({ id, state, field, copy }: { id: string; state: FilerFormState; field: string } & Copy) {
  const t = copy.fields;
  const problem = state.fieldErrors[field];
  if (!problem) return null;
  const count = (state.values[field] ?? "").trim().length;
  const text =
    problem === "too_long"
      ? fillMessage(t.templates.too_long, { max: copy.textMax, count }, copy.locale)
      : problem === "required" && field === "satisfaction"
        ? t.choose
        : problem.startsWith("attachments_")
          ? fillMessage(t.templates[problem as keyof typeof t.templates], { ...copy.fileLimits, name: state.fileName ?? "" }, copy.locale)
          : (t.problems[problem] ?? t.problems.invalid);
  return (
    <p id={id} className="field-error">
      {text}
    </p>
  );
}

function TextField(props: { name: string; label: string; hint: string; state: FilerFormState; rows?: number; optional?: boolean } & Copy) {
  const { name, label, hint, state, rows = 5, optional, copy } = props;
  const id = useId();
  const error = state.fieldErrors[name];
  return (
    <div>
      <label htmlFor={`${id}-${name}`} className="field-label">
        {label} {optional && <span className="font-normal text-zinc-600">({copy.form.optional})</span>}
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
      <FieldMessage id={`${id}-${name}-error`} state={state} field={name} copy={copy} />
    </div>
  );
}

function FilesField({ state, copy }: { state: FilerFormState } & Copy) {
  const t = copy.form;
  const id = useId();
  const error = state.fieldErrors.files;
  return (
    <div>
      <label htmlFor={`${id}-files`} className="field-label">
        {t.filesLabel} <span className="font-normal text-zinc-600">({t.optional})</span>
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
        {t.filesHint}
        {state.formError && ` ${t.filesAgain}`}
      </p>
      <FieldMessage id={`${id}-files-error`} state={state} field="files" copy={copy} />
    </div>
  );
}

/** Before the key is given only this form is shown, so it takes only its own words. */
export function UnlockForm({ code, copy }: { code: string; copy: Pick<FilerFormsCopy, "locale" | "unlock"> }) {
  const t = copy.unlock;
  const [state, action, pending] = useFilerForm(unlockAction);
  const id = useId();
  const error = state.formError;
  return (
    <form action={action} noValidate className="space-y-4">
      <input type="hidden" name="code" value={code} />
      <div>
        <label htmlFor={`${id}-key`} className="field-label">
          {t.keyLabel}
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
          {t.keyHint}
        </p>
        {error && (
          <p id={`${id}-key-error`} role="alert" className="field-error">
            {error === "rate_limited" ? fillMessage(t.templates.rateLimited, { minutes: state.retryAfterMinutes ?? 10 }, copy.locale) : error === "failed" ? t.failed : t.wrongKey}
          </p>
        )}
      </div>
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending}>
        {t.submit}
      </button>
    </form>
  );
}

export function AddInformationForm({ copy, ...ref }: CaseRef & Copy) {
  const t = copy.addInfo;
  const [state, action, pending] = useFilerForm(addInformationAction);
  return (
    <form action={action} noValidate className="space-y-4">
      <CaseRefFields {...ref} />
      <FormError state={state} code={ref.code} copy={copy} />
      <TextField name="text" label={t.textLabel} hint={t.textHint} state={state} copy={copy} optional />
      <FilesField state={state} copy={copy} />
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending}>
        {t.submit}
      </button>
    </form>
  );
}

export function ProvideInfoForm({ copy, ...ref }: CaseRef & Copy) {
  const t = copy.provideInfo;
  const [state, action, pending] = useFilerForm(provideInfoAction);
  return (
    <form action={action} noValidate className="space-y-4">
      <CaseRefFields {...ref} />
      <FormError state={state} code={ref.code} copy={copy} />
      <TextField name="text" label={t.textLabel} hint={t.textHint} state={state} copy={copy} />
      <FilesField state={state} copy={copy} />
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending}>
        {t.submit}
      </button>
    </form>
  );
}

export function WithdrawForm({ copy, ...ref }: CaseRef & Copy) {
  const t = copy.withdraw;
  const [state, action, pending] = useFilerForm(withdrawAction);
  const id = useId();
  const confirmError = state.fieldErrors.confirm;
  return (
    // Closed by default so that withdrawing takes a deliberate step; reopened when the form comes back with an error.
    <details className="card" open={state.formError ? true : undefined}>
      <summary className="cursor-pointer text-lg font-semibold">{t.title}</summary>
      <form action={action} noValidate className="mt-4 space-y-4">
        <CaseRefFields {...ref} />
        <p>{t.intro}</p>
        <FormError state={state} code={ref.code} copy={copy} />
        <TextField name="reason" label={t.reasonLabel} hint={t.reasonHint} state={state} rows={3} copy={copy} optional />
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
            <span>{t.confirm}</span>
          </label>
          <FieldMessage id={`${id}-confirm-error`} state={state} field="confirm" copy={copy} />
        </div>
        <button type="submit" className="btn inline-flex w-full border-2 border-red-800 bg-white text-red-800 hover:bg-red-50 sm:w-auto" disabled={pending}>
          {t.submit}
        </button>
      </form>
    </details>
  );
}

export function RateForm({ copy, ...ref }: CaseRef & Copy) {
  const t = copy.rate;
  const [state, action, pending] = useFilerForm(rateAction);
  const id = useId();
  const error = state.fieldErrors.satisfaction;
  return (
    <form action={action} noValidate className="space-y-4">
      <CaseRefFields {...ref} />
      <FormError state={state} code={ref.code} copy={copy} />
      <fieldset aria-describedby={error ? `${id}-satisfaction-error` : undefined}>
        <legend className="field-label">{t.legend}</legend>
        <div className="flex flex-col gap-2 sm:flex-row">
          {(["satisfied", "unsatisfied"] as const).map((value) => (
            <label key={value} className="flex min-h-11 flex-1 cursor-pointer items-center gap-3 rounded-md border border-zinc-400 p-3 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50">
              <input type="radio" name="satisfaction" value={value} defaultChecked={state.values.satisfaction === value} className="h-5 w-5 accent-brand-700" />
              <span className="font-semibold">{t[value]}</span>
            </label>
          ))}
        </div>
        <FieldMessage id={`${id}-satisfaction-error`} state={state} field="satisfaction" copy={copy} />
      </fieldset>
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending}>
        {t.submit}
      </button>
    </form>
  );
}

export function ContestForm({ secondInstance, copy, ...ref }: CaseRef & { secondInstance: boolean } & Copy) {
  const t = copy.contest;
  const [state, action, pending] = useFilerForm(contestAction);
  return (
    <form action={action} noValidate className="space-y-4">
      <CaseRefFields {...ref} />
      <FormError state={state} code={ref.code} copy={copy} />
      <TextField name="reason" label={t.reasonLabel} hint={t.reasonHint} state={state} rows={6} copy={copy} />
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending}>
        {secondInstance ? t.submitComplaint : t.submitOther}
      </button>
    </form>
  );
}
