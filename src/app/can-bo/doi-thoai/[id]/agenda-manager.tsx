import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { getDb } from "@/db/client";
import { maySessionAction } from "@/domain/dialogue/permissions";
import { FIELD_LIMITS } from "@/domain/intake-limits";
import { formatDate, formatDateTime } from "@/lib/format";
import { AGENDA_ANSWER_MAX, AGENDA_ANSWER_SESSION_STATUSES, AGENDA_EDITABLE_SESSION_STATUSES, listAgenda, type AgendaAnswer } from "@/server/dialogue/agenda";
import { listConvertibleQuestions } from "@/server/dialogue/agenda-staff";
import { defaultCaseTitle, QUESTION_CASE_KINDS } from "@/server/dialogue/question-to-case";
import { listIntakeOptions } from "@/server/intake/list-intake-options";
import { OUTCOME_PARAMS } from "./outcome-form-state";
import { AddCaseForm, AnswerItemForm, RemoveItemForm, ToCaseForm } from "./outcome-forms";
import type { StaffSectionProps } from "./section-props";

/** The agenda (cases by code, carried commitments, answers) and the questions that can become cases. */
export async function AgendaManager({ session, roles, viewer, locale, query }: StaffSectionProps) {
  const db = await getDb();
  const [t, tKinds, tStatus, agenda, questions, options] = await Promise.all([
    getTranslations("outcomes.staff"),
    getTranslations("kinds"),
    getTranslations("status"),
    listAgenda(db, session.id),
    listConvertibleQuestions(db, viewer, session.id),
    listIntakeOptions(db),
  ]);
  const canAgenda = maySessionAction("agenda", roles) && AGENDA_EDITABLE_SESSION_STATUSES.includes(session.status);
  const canAnswer = maySessionAction("record_answer", roles) && AGENDA_ANSWER_SESSION_STATUSES.includes(session.status);
  const canToCase = maySessionAction("to_case", roles);
  const leaders = session.leaders.map((l) => ({ id: l.userId, label: `${l.name}, ${locale === "en" ? l.positionEn || l.position : l.position}` }));
  const unitName = (u: { name: string; nameEn: string }) => (locale === "en" ? u.nameEn || u.name : u.name);
  const agendaDone = query[OUTCOME_PARAMS.agenda];
  const newCase = query[OUTCOME_PARAMS.toCase];
  const empty = agenda.cases.length === 0 && agenda.commitments.length === 0;

  const kinds = QUESTION_CASE_KINDS.map((k) => ({ id: k, label: tKinds(`${k}.name`) }));
  const categories = options.categories.map((c) => ({ id: c.id, label: locale === "en" ? c.nameEn : c.nameVi }));
  const areas = [...options.provinces, ...options.communes].map((a) => ({ id: a.id, label: a.name }));

  return (
    <ClientMessages namespaces={["outcomes"]}>
      <section id="chuong-trinh" aria-labelledby="agenda-manager-title" className="card space-y-4">
        <h2 id="agenda-manager-title" className="text-xl font-bold">
          {t("agenda.title")}
        </h2>
        <p className="text-sm text-zinc-700">{t("agenda.help")}</p>
        {(agendaDone === "added" || agendaDone === "removed" || agendaDone === "answered") && (
          <p role="status" className="rounded-md border border-green-700 bg-green-50 p-3 text-green-900">
            {t(`done.${agendaDone}`)}
          </p>
        )}
        {newCase && (
          <p role="status" className="rounded-md border border-green-700 bg-green-50 p-3 text-green-900">
            {t("done.to_case", { code: newCase, number: query[OUTCOME_PARAMS.question] ?? "" })}{" "}
            <Link href={`/tra-cuu/${encodeURIComponent(newCase)}`} className="font-semibold underline underline-offset-4">
              {t("done.openCase")}
            </Link>
          </p>
        )}
        {canAgenda && <AddCaseForm sessionId={session.id} />}
        {!canAgenda && maySessionAction("agenda", roles) && <p className="text-sm text-zinc-700">{t("agenda.closed")}</p>}
        {empty ? (
          <p>{t("agenda.empty")}</p>
        ) : (
          <ul className="space-y-4">
            {agenda.cases.map((c) => (
              <li key={c.itemId} className="space-y-2 rounded-md border border-zinc-300 p-3">
                <p className="flex flex-wrap items-center gap-2">
                  <Link href={`/tra-cuu/${c.code}`} className="font-mono font-semibold underline underline-offset-4">
                    {c.code}
                  </Link>
                  <span className="text-sm text-zinc-700">{tStatus(c.status)}</span>
                  {c.overdue && <span className="rounded bg-red-700 px-2 py-0.5 text-sm font-bold text-white">{tStatus("overdue")}</span>}
                </p>
                <p className="font-semibold break-words">{c.title}</p>
                <p className="text-sm text-zinc-700">{t("agenda.unit", { unit: unitName(c.unit) })}</p>
                <ItemAnswer answer={c.answer} locale={locale} label={t("agenda.answered")} />
                {!c.answer && canAnswer && leaders.length > 0 && (
                  <AnswerItemForm sessionId={session.id} itemId={c.itemId} leaders={leaders} label={t("agenda.answerFor", { subject: c.code })} max={AGENDA_ANSWER_MAX} />
                )}
                {!c.answer && canAgenda && <RemoveItemForm sessionId={session.id} itemId={c.itemId} label={t("agenda.removeFor", { subject: c.code })} />}
              </li>
            ))}
            {agenda.commitments.map((k) => (
              <li key={k.itemId} className="space-y-2 rounded-md border border-zinc-300 p-3">
                <p className="text-sm font-semibold text-zinc-700">{t("agenda.carried")}</p>
                <p className="break-words">
                  <Link href={`/cam-ket/${k.commitmentId}`} className="font-semibold underline underline-offset-4">
                    {k.body}
                  </Link>
                </p>
                <p className="text-sm text-zinc-700">
                  {t("agenda.owner", { unit: unitName(k.ownerUnit) })} · {t("agenda.due", { date: formatDate(k.dueOn, locale) })}
                </p>
                <ItemAnswer answer={k.answer} locale={locale} label={t("agenda.answered")} />
                {!k.answer && canAnswer && leaders.length > 0 && (
                  <AnswerItemForm sessionId={session.id} itemId={k.itemId} leaders={leaders} label={t("agenda.answerFor", { subject: k.body.slice(0, 60) })} max={AGENDA_ANSWER_MAX} />
                )}
              </li>
            ))}
          </ul>
        )}
        {maySessionAction("record_answer", roles) && !AGENDA_ANSWER_SESSION_STATUSES.includes(session.status) && !empty && (
          <p className="text-sm text-zinc-700">{t("agenda.answerLater")}</p>
        )}
      </section>

      <section id="chuyen-ho-so" aria-labelledby="to-case-title" className="card space-y-4">
        <h2 id="to-case-title" className="text-xl font-bold">
          {t("toCase.title")}
        </h2>
        <p className="text-sm text-zinc-700">{t("toCase.help")}</p>
        {!canToCase && <p className="text-sm font-semibold text-zinc-800">{t("toCase.notAllowed")}</p>}
        {questions.length === 0 ? (
          <p>{t("toCase.empty")}</p>
        ) : (
          <ul className="space-y-4">
            {questions.map((q) => (
              <li key={q.id} id={`chuyen-ho-so-${q.id}`} className="scroll-mt-4 space-y-3 rounded-md border border-zinc-300 p-3">
                <h3 className="font-semibold">
                  {t("toCase.question", { number: q.number })} <span className="text-sm font-normal text-zinc-700">· {t(`toCase.status.${q.status as "pending"}`)}</span>
                </h3>
                <p className="whitespace-pre-line break-words">{q.body}</p>
                {canToCase && (
                  <ToCaseForm
                    sessionId={session.id}
                    questionId={q.id}
                    label={t("toCase.formFor", { number: q.number })}
                    kinds={kinds}
                    categories={categories}
                    areas={areas}
                    defaultAreaId={session.areaId ?? ""}
                    defaultTitle={defaultCaseTitle(q.body)}
                    titleMax={FIELD_LIMITS.title.max}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </ClientMessages>
  );
}

async function ItemAnswer({ answer, locale, label }: { answer: AgendaAnswer | null; locale: string; label: string }) {
  if (!answer) return null;
  const t = await getTranslations("outcomes.agenda");
  return (
    <div className="rounded-md border-l-4 border-green-700 bg-green-50 p-3">
      <p className="text-sm font-semibold">
        {label} · {formatDateTime(answer.at, locale)}
      </p>
      <p className="text-sm">{t("answeredBy", { name: answer.leaderName, position: locale === "en" ? answer.positionEn || answer.position : answer.position })}</p>
      <p className="mt-1 whitespace-pre-line break-words">{answer.text}</p>
    </div>
  );
}
