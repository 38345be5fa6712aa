"use client";

// The moderation forms of a session's staff page. Each is a plain <form> posting to one server action with its
// verb: with JavaScript it submits in place; without it the browser posts and gets the page back with the same
// state (what was typed, the problem beside its field).
import { useActionState, useId, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { moderationAction } from "./moderation-actions";
import { EMPTY_MODERATION_FORM, type ModerationFormState, type ModerationVerb } from "./moderation-form-state";

export type Option = { id: string; label: string };

const described = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(" ") || undefined;

function FieldMessage({ id, state, field }: { id: string; state: ModerationFormState; field: string }) {
  const t = useTranslations("questions.moderation.errors");
  const problem = state.fieldErrors[field];
  if (!problem) return null;
  const text =
    field === "targetNumber" && problem === "invalid"
      ? t("mergeTarget")
      : field === "leaderUserId"
        ? t("leader")
        : problem === "required" || problem === "too_long"
          ? t(problem)
          : t("invalid");
  return (
    <p id={id} className="field-error">
      {text}
    </p>
  );
}

function ModerationForm(props: { verb: ModerationVerb; questionId: string; label: string; className?: string; children: (state: ModerationFormState, id: string) => ReactNode }) {
  const [state, formAction, pending] = useActionState<ModerationFormState, FormData>(moderationAction, EMPTY_MODERATION_FORM);
  const t = useTranslations("questions.moderation.errors");
  const id = useId();
  const formError = state.formError && state.formError !== "invalid" ? state.formError : null;
  return (
    <form action={formAction} aria-label={props.label} aria-busy={pending || undefined} className={props.className ?? "flex flex-wrap items-end gap-2"} noValidate>
      <input type="hidden" name="verb" value={props.verb} />
      <input type="hidden" name="questionId" value={props.questionId} />
      {formError ? (
        <p role="alert" className="w-full rounded-md border-2 border-red-700 bg-red-50 p-2 text-sm text-red-900">
          {t(formError in KNOWN ? formError : "failed")}{" "}
          {formError === "invalid_transition" ? (
            <a href="" className="font-semibold underline">
              {t("reload")}
            </a>
          ) : null}
        </p>
      ) : null}
      {props.children(state, id)}
    </form>
  );
}

const KNOWN = { session_cancelled: 1, not_live: 1, invalid_transition: 1, not_allowed: 1, not_found: 1, failed: 1 } as const;

export function ApproveForm({ questionId, number }: { questionId: string; number: number }) {
  const t = useTranslations("questions.moderation");
  return (
    <ModerationForm verb="approve" questionId={questionId} label={`${t("approve")} ${t("questionNumber", { number })}`}>
      {() => (
        <button type="submit" className="btn-primary">
          {t("approve")}
        </button>
      )}
    </ModerationForm>
  );
}

export function AnswerNowForm({ questionId, number }: { questionId: string; number: number }) {
  const t = useTranslations("questions.moderation");
  return (
    <ModerationForm verb="answer_now" questionId={questionId} label={`${t("answerNow")} ${t("questionNumber", { number })}`}>
      {() => (
        <button type="submit" className="btn-primary">
          {t("answerNow")}
        </button>
      )}
    </ModerationForm>
  );
}

export function DeclineForm({ questionId, number, reasons }: { questionId: string; number: number; reasons: Option[] }) {
  const t = useTranslations("questions.moderation");
  return (
    <ModerationForm verb="decline" questionId={questionId} label={`${t("decline")} ${t("questionNumber", { number })}`}>
      {(state, id) => (
        <>
          <div>
            <label htmlFor={`${id}-reason`} className="field-label text-sm">
              {t("declineLabel")}
            </label>
            <select
              id={`${id}-reason`}
              name="reason"
              defaultValue={state.values.reason ?? ""}
              className="field-input"
              aria-invalid={state.fieldErrors.reason ? true : undefined}
              aria-describedby={described(state.fieldErrors.reason && `${id}-reason-error`)}
            >
              <option value="">{t("declineChoose")}</option>
              {reasons.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.label}
                </option>
              ))}
            </select>
            <FieldMessage id={`${id}-reason-error`} state={state} field="reason" />
          </div>
          <button type="submit" className="btn-secondary">
            {t("decline")}
          </button>
        </>
      )}
    </ModerationForm>
  );
}

export function MergeForm({ questionId, number }: { questionId: string; number: number }) {
  const t = useTranslations("questions.moderation");
  return (
    <ModerationForm verb="merge" questionId={questionId} label={`${t("merge")} ${t("questionNumber", { number })}`}>
      {(state, id) => (
        <>
          <div>
            <label htmlFor={`${id}-target`} className="field-label text-sm">
              {t("mergeLabel")}
            </label>
            <input
              id={`${id}-target`}
              name="targetNumber"
              inputMode="numeric"
              pattern="[0-9]*"
              size={6}
              defaultValue={state.values.targetNumber ?? ""}
              className="field-input w-28"
              aria-invalid={state.fieldErrors.targetNumber ? true : undefined}
              aria-describedby={described(state.fieldErrors.targetNumber && `${id}-target-error`)}
            />
            <FieldMessage id={`${id}-target-error`} state={state} field="targetNumber" />
          </div>
          <button type="submit" className="btn-secondary">
            {t("merge")}
          </button>
        </>
      )}
    </ModerationForm>
  );
}

export function PriorityForm({ questionId, number, priority, priorities }: { questionId: string; number: number; priority: number; priorities: Option[] }) {
  const t = useTranslations("questions.moderation");
  return (
    <ModerationForm verb="priority" questionId={questionId} label={`${t("setPriority")} ${t("questionNumber", { number })}`}>
      {(state, id) => (
        <>
          <div>
            <label htmlFor={`${id}-priority`} className="field-label text-sm">
              {t("priorityLabel")}
            </label>
            <select id={`${id}-priority`} name="priority" defaultValue={state.values.priority ?? String(priority)} className="field-input">
              {priorities.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn-secondary">
            {t("setPriority")}
          </button>
        </>
      )}
    </ModerationForm>
  );
}

export function RecordAnswerForm({ questionId, number, leaders, max }: { questionId: string; number: number; leaders: Option[]; max: number }) {
  const t = useTranslations("questions.moderation");
  return (
    <ModerationForm verb="answer" questionId={questionId} label={`${t("recordAnswer")} ${t("questionNumber", { number })}`} className="w-full space-y-3">
      {(state, id) => (
        <>
          <div>
            <label htmlFor={`${id}-answer`} className="field-label">
              {t("answerLabel")}
            </label>
            <textarea
              id={`${id}-answer`}
              name="answer"
              rows={4}
              maxLength={max}
              defaultValue={state.values.answer ?? ""}
              className="field-input"
              aria-invalid={state.fieldErrors.answer ? true : undefined}
              aria-describedby={described(`${id}-answer-hint`, state.fieldErrors.answer && `${id}-answer-error`)}
            />
            <p id={`${id}-answer-hint`} className="field-hint">
              {t("answerHint", { max })}
            </p>
            <FieldMessage id={`${id}-answer-error`} state={state} field="answer" />
          </div>
          <div>
            <label htmlFor={`${id}-leader`} className="field-label">
              {t("leaderLabel")}
            </label>
            <select
              id={`${id}-leader`}
              name="leaderUserId"
              defaultValue={state.values.leaderUserId ?? (leaders.length === 1 ? leaders[0]!.id : "")}
              className="field-input"
              aria-invalid={state.fieldErrors.leaderUserId ? true : undefined}
              aria-describedby={described(state.fieldErrors.leaderUserId && `${id}-leader-error`)}
            >
              <option value="">{t("leaderChoose")}</option>
              {leaders.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.label}
                </option>
              ))}
            </select>
            <FieldMessage id={`${id}-leader-error`} state={state} field="leaderUserId" />
          </div>
          <button type="submit" className="btn-primary">
            {t("recordAnswer")}
          </button>
        </>
      )}
    </ModerationForm>
  );
}
