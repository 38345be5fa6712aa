import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { getDb } from "@/db/client";
import { maySessionAction } from "@/domain/dialogue/permissions";
import { queueOrder } from "@/domain/dialogue/question-status";
import { PRIORITIES } from "@/domain/dialogue/vocabulary";
import { formatDateTime } from "@/lib/format";
import { listStaffQuestions, type StaffQuestion } from "@/server/dialogue/questions/list-questions";
import { ANSWER_MAX_LENGTH, DECLINE_HERE } from "@/server/dialogue/questions/moderate-question";
import { MODERATION_ANCHOR, MODERATION_PARAM, MODERATION_VERBS, type ModerationVerb } from "./moderation-form-state";
import { AnswerNowForm, ApproveForm, DeclineForm, MergeForm, PriorityForm, RecordAnswerForm } from "./moderation-forms";
import type { StaffSectionProps } from "./section-props";

/** Sessions whose answers may be recorded, and in which a question may be put on screen. */
const ANSWERING = new Set(["live", "ended"]);

/**
 * The moderators' view of a session's questions: pending ones to approve, decline, merge or turn into a case; the
 * approved queue with priority, "answer now" and the answer; what was answered; and the rest.
 */
export async function ModerationSection({ session, roles, viewer, locale, query }: StaffSectionProps) {
  const db = await getDb();
  const [t, tReasons, questions] = await Promise.all([getTranslations("questions.moderation"), getTranslations("questions.reasons"), listStaffQuestions(db, viewer, session.id)]);
  const cancelled = session.status === "cancelled";
  const canModerate = maySessionAction("moderate", roles) && !cancelled;
  const canAnswer = maySessionAction("record_answer", roles) && !cancelled && ANSWERING.has(session.status);
  const canToCase = maySessionAction("to_case", roles) && !cancelled;
  const live = session.status === "live";
  const reasons = DECLINE_HERE.map((r) => ({ id: r, label: tReasons(r) }));
  const priorities = PRIORITIES.map((p) => ({ id: String(p), label: t(`priorities.${p}`) }));
  const leaders = session.leaders.map((l) => ({ id: l.userId, label: `${l.name}, ${locale === "en" ? l.positionEn || l.position : l.position}` }));
  const done = query[MODERATION_PARAM] as ModerationVerb | undefined;
  const doneNumber = Number(query.cau);

  const pending = questions.filter((q) => q.status === "pending");
  const queue = queueOrder(questions.filter((q) => q.status === "approved"));
  const answered = questions.filter((q) => q.status === "answered");
  const others = questions.filter((q) => q.status === "declined" || q.status === "merged" || q.status === "case");

  const head = (q: StaffQuestion) => (
    <>
      <p className="flex flex-wrap gap-x-3 text-sm text-zinc-700">
        <span className="font-semibold text-zinc-900">{t("questionNumber", { number: q.number })}</span>
        <span>{t("supports", { count: q.supportCount })}</span>
        {q.priority > 0 ? <span>{t("priorityValue", { priority: t(`priorities.${q.priority}`) })}</span> : null}
        <span>{formatDateTime(q.createdAt, locale)}</span>
        {q.hasContact ? <span>{t("withContact")}</span> : null}
        {q.consentContact ? <span>{t("consent")}</span> : null}
        {session.currentQuestionId === q.id ? <span className="rounded bg-brand-700 px-2 font-semibold text-white">{t("current")}</span> : null}
      </p>
      <p className="whitespace-pre-line break-words">{q.body}</p>
    </>
  );
  const toCase = (q: StaffQuestion) =>
    canToCase ? (
      <a href={`#chuyen-ho-so-${q.id}`} className="btn-secondary">
        {t("toCase")}
      </a>
    ) : null;

  return (
    <ClientMessages namespaces={["questions"]}>
      <section aria-labelledby="moderation-title" className="space-y-6">
        <h2 id="moderation-title" className="text-xl font-bold">
          {t("title")}
        </h2>
        {done && MODERATION_VERBS.includes(done) ? (
          <p id={MODERATION_ANCHOR} role="status" tabIndex={-1} className="rounded-md border-2 border-green-700 bg-green-50 p-3 text-green-900">
            {t(`done.${done}`, { number: Number.isInteger(doneNumber) ? doneNumber : "?" })}
          </p>
        ) : null}
        {cancelled ? <p className="text-zinc-700">{t("cancelled")}</p> : !canModerate ? <p className="text-zinc-700">{t("readOnly")}</p> : null}

        <section aria-labelledby="moderation-pending" className="space-y-3">
          <h3 id="moderation-pending" className="text-lg font-semibold">
            {t("pendingTitle")} ({pending.length})
          </h3>
          {pending.length === 0 ? <p className="text-zinc-700">{t("pendingNone")}</p> : null}
          <ol className="space-y-3">
            {pending.map((q) => (
              <li key={q.id} id={`kiem-duyet-${q.number}`} className="card space-y-3">
                {head(q)}
                {canModerate ? (
                  <div className="flex flex-wrap items-end gap-4">
                    <ApproveForm questionId={q.id} number={q.number} />
                    <DeclineForm questionId={q.id} number={q.number} reasons={reasons} />
                    <MergeForm questionId={q.id} number={q.number} />
                    {toCase(q)}
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
        </section>

        <section aria-labelledby="moderation-queue" className="space-y-3">
          <h3 id="moderation-queue" className="text-lg font-semibold">
            {t("queueTitle")} ({queue.length})
          </h3>
          {queue.length === 0 ? <p className="text-zinc-700">{t("queueNone")}</p> : null}
          <ol className="space-y-3">
            {queue.map((q) => (
              <li key={q.id} id={`kiem-duyet-${q.number}`} className={`card space-y-3 ${session.currentQuestionId === q.id ? "border-2 border-brand-700" : ""}`}>
                {head(q)}
                {canModerate ? (
                  <div className="flex flex-wrap items-end gap-4">
                    {live && session.currentQuestionId !== q.id ? <AnswerNowForm questionId={q.id} number={q.number} /> : null}
                    <PriorityForm questionId={q.id} number={q.number} priority={q.priority} priorities={priorities} />
                    <DeclineForm questionId={q.id} number={q.number} reasons={reasons} />
                    <MergeForm questionId={q.id} number={q.number} />
                    {toCase(q)}
                  </div>
                ) : null}
                {canAnswer ? <RecordAnswerForm questionId={q.id} number={q.number} leaders={leaders} max={ANSWER_MAX_LENGTH} /> : null}
              </li>
            ))}
          </ol>
        </section>

        <section aria-labelledby="moderation-answered" className="space-y-3">
          <h3 id="moderation-answered" className="text-lg font-semibold">
            {t("answeredTitle")} ({answered.length})
          </h3>
          {answered.length === 0 ? <p className="text-zinc-700">{t("answeredNone")}</p> : null}
          <ol className="space-y-3">
            {answered.map((q) => (
              <li key={q.id} id={`kiem-duyet-${q.number}`} className="card space-y-2">
                {head(q)}
                <div className="border-l-2 border-zinc-300 pl-4">
                  <p className="whitespace-pre-line break-words text-zinc-800">{q.answer}</p>
                  {q.answeredByName ? <p className="text-sm text-zinc-600">{t("answeredBy", { name: q.answeredByName })}</p> : null}
                </div>
                {toCase(q)}
              </li>
            ))}
          </ol>
        </section>

        {others.length > 0 ? (
          <section aria-labelledby="moderation-others" className="space-y-3">
            <h3 id="moderation-others" className="text-lg font-semibold">
              {t("otherTitle")} ({others.length})
            </h3>
            <ol className="space-y-2">
              {others.map((q) => (
                <li key={q.id} id={`kiem-duyet-${q.number}`} className="rounded-md border border-zinc-200 bg-white p-3">
                  <p className="text-sm text-zinc-700">
                    <span className="font-semibold text-zinc-900">{t("questionNumber", { number: q.number })}</span> · {t(`status.${q.status}`)}
                    {q.declineReason ? ` · ${tReasons(q.declineReason)}` : ""}
                    {q.mergedIntoNumber ? ` · ${t("mergedInto", { number: q.mergedIntoNumber })}` : ""}
                  </p>
                  <p className="whitespace-pre-line break-words text-zinc-800">{q.body}</p>
                </li>
              ))}
            </ol>
          </section>
        ) : null}
      </section>
    </ClientMessages>
  );
}
