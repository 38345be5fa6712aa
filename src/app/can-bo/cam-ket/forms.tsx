"use client";

// The commitment forms. Each is a plain <form> posting to a server action: with JavaScript it submits in place,
// without it the browser posts and gets the page back with the same state (what was typed, errors by field).
import { useActionState, useId, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { ATTACHMENT_LIMITS } from "@/domain/file-type";
import { createCommitmentAction, updateCommitmentAction } from "./actions";
import { EMPTY_COMMITMENT_FORM, type CommitmentFormState } from "./form-state";

const TEXT_MAX = 5000;
const MB = 1024 * 1024;
type Option = { id: string; label: string };
type OptionGroup = { label: string; options: Option[] };

function FormError({ state, reloadHref }: { state: CommitmentFormState; reloadHref: string }) {
  const t = useTranslations("commitments.staff.errors");
  if (!state.formError) return null;
  const reload = state.formError === "stale_version" || state.formError === "invalid_transition" || state.formError === "not_found";
  return (
    <div role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-red-900">
      <p>{t(state.formError)}</p>
      {reload && (
        <p className="mt-2">
          <a href={reloadHref} className="font-semibold underline underline-offset-4">
            {t("reload")}
          </a>
        </p>
      )}
    </div>
  );
}

function FieldMessage({ id, state, field, max }: { id: string; state: CommitmentFormState; field: string; max: number }) {
  const t = useTranslations("commitments.staff.fields");
  const problem = state.fieldErrors[field];
  if (!problem) return null;
  const count = (state.values[field] ?? "").trim().length;
  const limits = { files: ATTACHMENT_LIMITS.maxFiles, fileMb: ATTACHMENT_LIMITS.maxFileBytes / MB, totalMb: ATTACHMENT_LIMITS.maxTotalBytes / MB };
  const specific = `${field}_${problem}`;
  let text: string;
  if (t.has(specific as "dueOn_invalid")) text = t(specific as "dueOn_invalid");
  else if (problem === "too_long") text = t("too_long", { max, count });
  else if (problem.startsWith("attachments_")) text = t(problem as "attachments_too_many", { ...limits, name: state.fileName ?? "" });
  else if (problem === "required" || problem === "invalid") text = t(problem);
  else text = t("invalid");
  return (
    <p id={id} className="field-error">
      {text}
    </p>
  );
}

function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(" ");
  return list || undefined;
}

function TextArea(props: { name: string; label: string; hint?: string; state: CommitmentFormState; rows?: number; max?: number }) {
  const { name, label, hint, state, rows = 4, max = TEXT_MAX } = props;
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
        defaultValue={state.values[name] ?? ""}
        className="field-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
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

function Select(props: { name: string; label: string; choose?: string; options?: Option[]; groups?: OptionGroup[]; state: CommitmentFormState; defaultValue?: string }) {
  const { name, label, choose, options = [], groups = [], state } = props;
  const id = `${useId()}-${name}`;
  const error = state.fieldErrors[name];
  const value = state.values[name] ?? props.defaultValue ?? "";
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {/* Keyed by the value sent back: React resets a form after its action, and a select would otherwise go
          back to the option it was first mounted with, losing the official's choice after a refusal. */}
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
        {groups
          .filter((g) => g.options.length > 0)
          .map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
      </select>
      <FieldMessage id={`${id}-error`} state={state} field={name} max={0} />
    </div>
  );
}

function Input(props: { name: string; label: string; hint?: string; type?: string; state: CommitmentFormState; min?: string; optional?: string }) {
  const { name, label, hint, type = "text", state, min, optional } = props;
  const id = `${useId()}-${name}`;
  const error = state.fieldErrors[name];
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label} {optional && <span className="font-normal text-zinc-600">({optional})</span>}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        min={min}
        defaultValue={state.values[name] ?? ""}
        className="field-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
      />
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <FieldMessage id={`${id}-error`} state={state} field={name} max={40} />
    </div>
  );
}

function FilesInput({ label, state }: { label: string; state: CommitmentFormState }) {
  const t = useTranslations("commitments.staff");
  const id = useId();
  return (
    <div>
      <label htmlFor={`${id}-files`} className="field-label">
        {label} <span className="font-normal text-zinc-600">({t("optional")})</span>
      </label>
      <input
        id={`${id}-files`}
        type="file"
        name="files"
        multiple
        accept="image/jpeg,image/png,image/webp,image/heic,application/pdf,.doc,.docx,.xls,.xlsx,.odt,.ods,.pptx"
        className="field-input"
        aria-invalid={state.fieldErrors.files ? true : undefined}
        aria-describedby={describedBy(`${id}-files-hint`, state.fieldErrors.files && `${id}-files-error`)}
      />
      <p id={`${id}-files-hint`} className="field-hint">
        {t("filesHint", { files: ATTACHMENT_LIMITS.maxFiles, fileMb: ATTACHMENT_LIMITS.maxFileBytes / MB })}
      </p>
      <FieldMessage id={`${id}-files-error`} state={state} field="files" max={0} />
    </div>
  );
}

function Card(props: { name: string; title: string; help?: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="card space-y-3" data-action={props.name}>
      <h3 id={headingId} className="text-lg font-semibold">
        {props.title}
      </h3>
      {props.help && <p className="text-sm text-zinc-700">{props.help}</p>}
      {props.children}
    </section>
  );
}

export type CreateCommitmentOptions = {
  leaders: Option[];
  units: Option[];
  questions: Option[];
  cases: Option[];
};

/** Records what a leader promised at the session (staff session page). */
export function CreateCommitmentForm({ sessionId, options, today, formKey }: { sessionId: string; options: CreateCommitmentOptions; today: string; formKey: string }) {
  const t = useTranslations("commitments.staff");
  const [state, formAction, pending] = useActionState<CommitmentFormState, FormData>(createCommitmentAction, EMPTY_COMMITMENT_FORM);
  return (
    <Card name="create-commitment" title={t("create.title")} help={`${t("create.help")} ${t("publicWarning")}`}>
      <form action={formAction} className="space-y-4" aria-busy={pending || undefined}>
        <input type="hidden" name="sessionId" value={sessionId} />
        <input type="hidden" name="formKey" value={formKey} />
        <FormError state={state} reloadHref={`/can-bo/doi-thoai/${sessionId}`} />
        <Select
          name="leaderUserId"
          label={t("create.leader")}
          choose={options.leaders.length === 1 ? undefined : t("create.choose")}
          options={options.leaders}
          state={state}
        />
        <TextArea name="body" label={t("create.body")} hint={t("create.bodyHint")} state={state} rows={4} />
        <Select name="ownerUnitId" label={t("create.owner")} choose={t("create.choose")} options={options.units} state={state} />
        <Input name="dueOn" type="date" label={t("create.dueOn")} hint={t("create.dueOnHint")} min={today} state={state} />
        <Select
          name="source"
          label={t("create.source")}
          options={[{ id: "", label: t("create.sourceNone") }]}
          groups={[
            { label: t("create.sourceQuestions"), options: options.questions },
            { label: t("create.sourceCases"), options: options.cases },
          ]}
          state={state}
        />
        <Input name="caseCode" label={t("create.caseCode")} hint={t("create.caseCodeHint")} optional={t("optional")} state={state} />
        <button type="submit" className="btn-primary">
          {t("create.submit")}
        </button>
      </form>
    </Card>
  );
}

/** Progress, kept or missed, posted to the same action with the commitment's version. */
export function UpdateCommitmentForm({ commitmentId, version, action }: { commitmentId: string; version: number; action: "progress" | "keep" | "miss" }) {
  const t = useTranslations("commitments.staff");
  const [state, formAction, pending] = useActionState<CommitmentFormState, FormData>(updateCommitmentAction, EMPTY_COMMITMENT_FORM);
  const withFiles = action !== "miss";
  return (
    <Card name={action} title={t(`${action}.title`)} help={`${t(`${action}.help`)} ${t("publicWarning")}`}>
      <form action={formAction} className="space-y-4" aria-busy={pending || undefined} encType={withFiles ? "multipart/form-data" : undefined}>
        <input type="hidden" name="commitmentId" value={commitmentId} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="action" value={action} />
        <FormError state={state} reloadHref={`/can-bo/cam-ket/${commitmentId}`} />
        <TextArea name="text" label={t(`${action}.text`)} state={state} rows={action === "keep" ? 5 : 3} />
        {withFiles && <FilesInput label={action === "keep" ? t("keep.files") : t("progress.files")} state={state} />}
        <button type="submit" className={action === "progress" ? "btn-primary" : "btn-secondary"}>
          {t(`${action}.submit`)}
        </button>
      </form>
    </Card>
  );
}
