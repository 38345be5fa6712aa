"use client";

// The workspace's forms. Each is a plain <form> posting to a server action: with JavaScript it submits in place,
// without it the browser posts and gets the page back with the same state (what was typed, errors by field).
import { useActionState, useId, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { ATTACHMENT_LIMITS } from "@/domain/file-type";
import {
  acceptAction,
  assignAction,
  clearFlagAction,
  draftAction,
  extendAction,
  flagAction,
  noteAction,
  refuseAction,
  requestInfoAction,
  resumeAction,
  revealIdentityAction,
  reviewAction,
  transferAction,
} from "./actions";
import { CaseRefFields, type CaseRef } from "@/components/case-ref-fields";
import { EMPTY_STAFF_FORM, type RevealState, type StaffFormState } from "./form-state";
import type { Party } from "@/server/workspace/get-staff-case";

const TEXT_MAX = 5000;
const ANSWER_MAX = 20000;
const MB = 1024 * 1024;
type Action = (state: StaffFormState, form: FormData) => Promise<StaffFormState>;
type Option = { id: string; label: string };

function FormError({ state, code }: { state: StaffFormState; code: string }) {
  const t = useTranslations("workspace.errors");
  if (!state.formError) return null;
  const reload = state.formError !== "invalid" && state.formError !== "failed";
  return (
    <div role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-red-900">
      <p>{t(state.formError)}</p>
      {reload && (
        <p className="mt-2">
          <a href={`/can-bo/ho-so/${code}`} className="font-semibold underline underline-offset-4">
            {t("reload")}
          </a>
        </p>
      )}
    </div>
  );
}

function FieldMessage({ id, state, field, max }: { id: string; state: StaffFormState; field: string; max: number }) {
  const t = useTranslations("workspace.fields");
  const problem = state.fieldErrors[field];
  if (!problem) return null;
  const count = (state.values[field] ?? "").trim().length;
  const limits = { files: ATTACHMENT_LIMITS.maxFiles, fileMb: ATTACHMENT_LIMITS.maxFileBytes / MB, totalMb: ATTACHMENT_LIMITS.maxTotalBytes / MB };
  let text: string;
  if (problem === "too_long" && field === "days") text = t("days_too_long");
  else if (problem === "too_long") text = t("too_long", { max, count });
  else if (problem.startsWith("attachments_")) text = t(problem as "attachments_too_many", { ...limits, name: state.fileName ?? "" });
  else if (problem === "confirm_required") text = t("required");
  else text = t(problem as "required");
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

function TextArea(props: { name: string; label: string; hint?: string; state: StaffFormState; rows?: number; max?: number; optional?: boolean; defaultValue?: string }) {
  const { name, label, hint, state, rows = 4, max = TEXT_MAX, optional, defaultValue } = props;
  const t = useTranslations("workspace.forms");
  const id = `${useId()}-${name}`;
  const error = state.fieldErrors[name];
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label} {optional && <span className="font-normal text-zinc-600">({t("optional")})</span>}
      </label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        maxLength={max + 100}
        defaultValue={state.values[name] ?? defaultValue ?? ""}
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

function Select(props: { name: string; label: string; choose: string; options: Option[]; state: StaffFormState }) {
  const { name, label, choose, options, state } = props;
  const id = `${useId()}-${name}`;
  const error = state.fieldErrors[name];
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {/* Keyed by the value sent back: React resets a form after its action, and a select would otherwise go
          back to the option it was first mounted with, losing the official's choice after a refusal. */}
      <select
        key={`chosen-${state.values[name] ?? ""}`}
        id={id}
        name={name}
        defaultValue={state.values[name] ?? ""}
        className="field-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        <option value="">{choose}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldMessage id={`${id}-error`} state={state} field={name} max={0} />
    </div>
  );
}

/** One action: a titled card holding a form that posts to `action`. */
function ActionCard(props: { name: string; title: string; help?: string; action: Action; caseRef: CaseRef; children: (state: StaffFormState) => ReactNode; multipart?: boolean }) {
  const [state, formAction, pending] = useActionState<StaffFormState, FormData>(props.action, EMPTY_STAFF_FORM);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="card space-y-3" data-action={props.name}>
      <h3 id={headingId} className="text-lg font-semibold">
        {props.title}
      </h3>
      {props.help && <p className="text-sm text-zinc-700">{props.help}</p>}
      <form action={formAction} className="space-y-3" aria-busy={pending || undefined} encType={props.multipart ? "multipart/form-data" : undefined}>
        <CaseRefFields {...props.caseRef} />
        <FormError state={state} code={props.caseRef.code} />
        {props.children(state)}
      </form>
    </section>
  );
}

function Submit({ children, secondary, name, value }: { children: ReactNode; secondary?: boolean; name?: string; value?: string }) {
  return (
    <button type="submit" name={name} value={value} className={secondary ? "btn-secondary" : "btn-primary"}>
      {children}
    </button>
  );
}

export function AcceptForm({ caseRef }: { caseRef: CaseRef }) {
  const t = useTranslations("workspace.forms.accept");
  return (
    <ActionCard name="accept" title={t("title")} help={t("help")} action={acceptAction} caseRef={caseRef}>
      {() => <Submit>{t("submit")}</Submit>}
    </ActionCard>
  );
}

export function RefuseForm({ caseRef }: { caseRef: CaseRef }) {
  const t = useTranslations("workspace.forms");
  return (
    <ActionCard name="refuse" title={t("refuse.title")} help={`${t("refuse.help")} ${t("publicWarning")}`} action={refuseAction} caseRef={caseRef}>
      {(state) => (
        <>
          <TextArea name="reason" label={t("refuse.reason")} state={state} rows={3} max={2000} />
          <TextArea name="redirect" label={t("refuse.redirect")} state={state} rows={2} max={1000} />
          <Submit secondary>{t("refuse.submit")}</Submit>
        </>
      )}
    </ActionCard>
  );
}

export function TransferForm({ caseRef, units }: { caseRef: CaseRef; units: Option[] }) {
  const t = useTranslations("workspace.forms");
  return (
    <ActionCard name="transfer" title={t("transfer.title")} help={`${t("transfer.help")} ${t("publicWarning")}`} action={transferAction} caseRef={caseRef}>
      {(state) => (
        <>
          <Select name="unitId" label={t("transfer.unit")} choose={t("transfer.choose")} options={units} state={state} />
          <TextArea name="reason" label={t("transfer.reason")} state={state} rows={2} max={2000} />
          <Submit secondary>{t("transfer.submit")}</Submit>
        </>
      )}
    </ActionCard>
  );
}

export function AssignForm({ caseRef, people }: { caseRef: CaseRef; people: Option[] }) {
  const t = useTranslations("workspace.forms.assign");
  return (
    <ActionCard name="assign" title={t("title")} action={assignAction} caseRef={caseRef}>
      {(state) => (
        <>
          <Select name="assigneeId" label={t("assignee")} choose={t("choose")} options={people} state={state} />
          <Submit secondary>{t("submit")}</Submit>
        </>
      )}
    </ActionCard>
  );
}

export function NoteForm({ caseRef }: { caseRef: CaseRef }) {
  const t = useTranslations("workspace.forms.note");
  const id = useId();
  return (
    <ActionCard name="note" title={t("title")} help={t("help")} action={noteAction} caseRef={caseRef} multipart>
      {(state) => (
        <>
          <TextArea name="text" label={t("text")} state={state} rows={3} optional />
          <div>
            <label htmlFor={`${id}-files`} className="field-label">
              {t("files")}
            </label>
            <input
              id={`${id}-files`}
              type="file"
              name="files"
              multiple
              className="field-input"
              aria-describedby={describedBy(`${id}-files-hint`, state.fieldErrors.files && `${id}-files-error`)}
            />
            <p id={`${id}-files-hint`} className="field-hint">
              {t("filesHint", { files: ATTACHMENT_LIMITS.maxFiles, fileMb: ATTACHMENT_LIMITS.maxFileBytes / MB })}
            </p>
            <FieldMessage id={`${id}-files-error`} state={state} field="files" max={0} />
          </div>
          <Submit secondary>{t("submit")}</Submit>
        </>
      )}
    </ActionCard>
  );
}

export function RequestInfoForm({ caseRef }: { caseRef: CaseRef }) {
  const t = useTranslations("workspace.forms");
  return (
    <ActionCard name="request_info" title={t("requestInfo.title")} help={`${t("requestInfo.help")} ${t("publicWarning")}`} action={requestInfoAction} caseRef={caseRef}>
      {(state) => (
        <>
          <TextArea name="reason" label={t("requestInfo.reason")} state={state} rows={3} />
          <Submit secondary>{t("requestInfo.submit")}</Submit>
        </>
      )}
    </ActionCard>
  );
}

export function ResumeForm({ caseRef }: { caseRef: CaseRef }) {
  const t = useTranslations("workspace.forms");
  return (
    <ActionCard name="resume" title={t("resume.title")} help={`${t("resume.help")} ${t("publicWarning")}`} action={resumeAction} caseRef={caseRef}>
      {(state) => (
        <>
          <TextArea name="reason" label={t("resume.reason")} state={state} rows={2} max={2000} />
          <Submit secondary>{t("resume.submit")}</Submit>
        </>
      )}
    </ActionCard>
  );
}

export function DraftForm({ caseRef, draft, canSubmit }: { caseRef: CaseRef; draft: string; canSubmit: boolean }) {
  const t = useTranslations("workspace.forms.draft");
  return (
    <ActionCard name="draft" title={t("title")} help={t("help")} action={draftAction} caseRef={caseRef}>
      {(state) => (
        <>
          <TextArea name="draft" label={t("text")} state={state} rows={10} max={ANSWER_MAX} defaultValue={draft} />
          <div className="flex flex-wrap gap-3">
            <Submit secondary name="intent" value="save">
              {t("save")}
            </Submit>
            {canSubmit && (
              <Submit name="intent" value="submit">
                {t("submit")}
              </Submit>
            )}
          </div>
        </>
      )}
    </ActionCard>
  );
}

export function ReviewForm({ caseRef, canApprove }: { caseRef: CaseRef; canApprove: boolean }) {
  const t = useTranslations("workspace.forms.review");
  return (
    <ActionCard name="review" title={t("title")} help={t("help")} action={reviewAction} caseRef={caseRef}>
      {(state) => (
        <>
          {canApprove && (
            <Submit name="intent" value="approve">
              {t("approve")}
            </Submit>
          )}
          <TextArea name="comment" label={t("comment")} state={state} rows={3} max={2000} />
          <Submit secondary name="intent" value="return">
            {t("return")}
          </Submit>
        </>
      )}
    </ActionCard>
  );
}

export function ExtendForm({ caseRef, maxDays }: { caseRef: CaseRef; maxDays: number | null }) {
  const t = useTranslations("workspace.forms");
  const id = useId();
  return (
    <ActionCard name="extend" title={t("extend.title")} help={`${t("extend.help")} ${t("publicWarning")}`} action={extendAction} caseRef={caseRef}>
      {(state) => (
        <>
          <div>
            <label htmlFor={`${id}-days`} className="field-label">
              {t("extend.days")}
            </label>
            <input
              id={`${id}-days`}
              name="days"
              type="number"
              inputMode="numeric"
              min={1}
              max={maxDays ?? undefined}
              defaultValue={state.values.days ?? ""}
              className="field-input max-w-32"
              aria-invalid={state.fieldErrors.days ? true : undefined}
              aria-describedby={state.fieldErrors.days ? `${id}-days-error` : undefined}
            />
            <FieldMessage id={`${id}-days-error`} state={state} field="days" max={0} />
          </div>
          <TextArea name="reason" label={t("extend.reason")} state={state} rows={2} max={2000} />
          <Submit secondary>{t("extend.submit")}</Submit>
        </>
      )}
    </ActionCard>
  );
}

export function FlagForm({ caseRef }: { caseRef: CaseRef }) {
  const t = useTranslations("workspace.forms.flag");
  return (
    <ActionCard name="flag" title={t("title")} help={t("help")} action={flagAction} caseRef={caseRef}>
      {(state) => (
        <>
          <TextArea name="reason" label={t("reason")} state={state} rows={2} max={2000} />
          <Submit secondary>{t("submit")}</Submit>
        </>
      )}
    </ActionCard>
  );
}

export function ClearFlagForm({ caseRef }: { caseRef: CaseRef }) {
  const t = useTranslations("workspace.forms.clearFlag");
  return (
    <ActionCard name="clear_flag" title={t("title")} action={clearFlagAction} caseRef={caseRef}>
      {(state) => (
        <>
          <TextArea name="reason" label={t("reason")} state={state} rows={2} max={2000} optional />
          <Submit secondary>{t("submit")}</Submit>
        </>
      )}
    </ActionCard>
  );
}

const IDENTITY_PURPOSES = ["contact_filer", "verify_identity", "other"] as const;
const IDENTITY_NOTE_MAX = 500;
const PERSON_FIELDS = ["name", "phone", "email", "address", "idNumber", "position", "organisation"] as const;

function People({ parties }: { parties: Party[] }) {
  const t = useTranslations("workspace.case");
  return (
    <>
      {parties.map((p, i) => (
        <div key={i}>
          <h3 className="font-semibold">{p.role === "filer" ? t("filer") : t("subject")}</h3>
          {p.anonymous ? (
            <p>{t("anonymous")}</p>
          ) : (
            <dl className="grid gap-x-4 sm:grid-cols-[max-content_1fr]">
              {PERSON_FIELDS.filter((f) => p.data[f]).map((f) => (
                <div key={f} className="contents">
                  <dt className="text-zinc-700">{t(f === "address" ? "addressPerson" : f)}</dt>
                  <dd className="break-words">{p.data[f]}</dd>
                </div>
              ))}
            </dl>
          )}
        </div>
      ))}
    </>
  );
}

/**
 * Revealing who filed a case is a deliberate act with a stated reason, never a link: a POST whose answer alone
 * carries the identities (with or without JavaScript), each one audited with the reason chosen here.
 */
export function RevealIdentityForm({ caseRef }: { caseRef: CaseRef }) {
  const t = useTranslations("workspace.forms.identity");
  const [state, formAction, pending] = useActionState<RevealState, FormData>(revealIdentityAction, EMPTY_STAFF_FORM);
  if (state.parties) {
    return (
      <div className="space-y-3" data-testid="identity">
        <p role="status" className="text-sm text-zinc-700">
          {t("shown", { purpose: t(`purposes.${(IDENTITY_PURPOSES as readonly string[]).includes(state.purpose ?? "") ? (state.purpose as "other") : "other"}`) })}
        </p>
        <People parties={state.parties} />
        <p>
          <a href={`/can-bo/ho-so/${caseRef.code}`} className="underline underline-offset-4">
            {t("hide")}
          </a>
        </p>
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-3" aria-busy={pending || undefined} data-action="reveal_identity">
      <CaseRefFields {...caseRef} />
      <p className="text-sm text-zinc-700">{t("help")}</p>
      <FormError state={state} code={caseRef.code} />
      <Select name="purpose" label={t("purpose")} choose={t("choose")} options={IDENTITY_PURPOSES.map((id) => ({ id, label: t(`purposes.${id}`) }))} state={state} />
      <TextArea name="note" label={t("note")} hint={t("noteHint")} state={state} rows={2} max={IDENTITY_NOTE_MAX} optional />
      <Submit secondary>{t("submit")}</Submit>
    </form>
  );
}
