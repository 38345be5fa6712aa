// The minutes' lists: answers given on the spot, questions passed on as cases, the agenda's answers.
import Link from "next/link";
import type { getTranslations } from "next-intl/server";
import { formatDate, formatDateTime } from "@/lib/format";
import type { PublicMinutes } from "@/server/dialogue/get-minutes";

export type T = Awaited<ReturnType<typeof getTranslations<"outcomes.minutes">>>;
export type Position = (p: { position: string; positionEn: string }) => string;

export function Answers({ minutes, t, locale, position }: { minutes: PublicMinutes; t: T; locale: string; position: Position }) {
  return (
    <section aria-labelledby="minutes-answers" className="space-y-3">
      <h2 id="minutes-answers" className="text-xl font-bold">
        {t("answersTitle")}
      </h2>
      {minutes.answered.length === 0 ? (
        <p>{t("noAnswers")}</p>
      ) : (
        <ol className="space-y-4">
          {minutes.answered.map((a) => (
            <li key={a.number} className="space-y-1 border-l-4 border-zinc-300 pl-3">
              <h3 className="font-semibold">{t("question", { number: a.number })}</h3>
              <p className="whitespace-pre-line break-words">{a.body}</p>
              <p className="text-sm font-semibold">
                {a.leaderName ? t("answerBy", { name: a.leaderName, position: position(a) }) : t("answerByUnknown")}
                {a.at && <> · {formatDateTime(a.at, locale)}</>}
              </p>
              <p className="whitespace-pre-line break-words">{a.answer}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function PassedOn({ minutes, t }: { minutes: PublicMinutes; t: T }) {
  return (
    <section aria-labelledby="minutes-cases" className="space-y-3">
      <h2 id="minutes-cases" className="text-xl font-bold">
        {t("casesTitle")}
      </h2>
      {minutes.passedOn.length === 0 ? (
        <p>{t("noCases")}</p>
      ) : (
        <ol className="space-y-3">
          {minutes.passedOn.map((c) => (
            <li key={c.code} className="space-y-1 border-l-4 border-zinc-300 pl-3">
              <h3 className="font-semibold">{t("question", { number: c.number })}</h3>
              <p className="whitespace-pre-line break-words">{c.body}</p>
              <p className="text-sm">
                <Link href={`/tra-cuu/${c.code}`} className="font-mono font-semibold underline underline-offset-4">
                  {t("caseCode", { code: c.code })}
                </Link>
                {c.otherBody && <> · {t("otherBody")}</>}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function AgendaAnswers(props: { minutes: PublicMinutes; t: T; locale: string; position: Position; unitName: (u: { name: string; nameEn: string }) => string }) {
  const { minutes, t, locale, position, unitName } = props;
  const { cases, commitments } = minutes.agenda;
  return (
    <section aria-labelledby="minutes-agenda" className="space-y-3">
      <h2 id="minutes-agenda" className="text-xl font-bold">
        {t("agendaTitle")}
      </h2>
      {cases.length === 0 && commitments.length === 0 ? (
        <p>{t("noAgenda")}</p>
      ) : (
        <ol className="space-y-3">
          {cases.map((c) => (
            <li key={c.itemId} className="space-y-1 border-l-4 border-zinc-300 pl-3">
              <p className="font-semibold break-words">
                <Link href={`/tra-cuu/${c.code}`} className="font-mono underline underline-offset-4">
                  {c.code}
                </Link>{" "}
                · {c.title}
              </p>
              <p className="text-sm">{t("handlingUnit", { unit: unitName(c.unit) })}</p>
              {c.answer ? (
                <>
                  <p className="text-sm font-semibold">{t("answerBy", { name: c.answer.leaderName, position: position(c.answer) })}</p>
                  <p className="whitespace-pre-line break-words">{c.answer.text}</p>
                </>
              ) : (
                <p className="text-sm text-zinc-700">{t("notAnswered")}</p>
              )}
            </li>
          ))}
          {commitments.map((k) => (
            <li key={k.itemId} className="space-y-1 border-l-4 border-zinc-300 pl-3">
              <p className="text-sm font-semibold text-zinc-700">{t("carried")}</p>
              <p className="font-semibold break-words">
                <Link href={`/cam-ket/${k.commitmentId}`} className="underline underline-offset-4">
                  {k.body}
                </Link>
              </p>
              <p className="text-sm">
                {t("ownerUnit", { unit: unitName(k.ownerUnit) })} · {t("dueOn", { date: formatDate(k.dueOn, locale) })}
              </p>
              {k.answer ? (
                <>
                  <p className="text-sm font-semibold">{t("answerBy", { name: k.answer.leaderName, position: position(k.answer) })}</p>
                  <p className="whitespace-pre-line break-words">{k.answer.text}</p>
                </>
              ) : (
                <p className="text-sm text-zinc-700">{t("notAnswered")}</p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
