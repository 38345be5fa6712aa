import { getTranslations } from "next-intl/server";
import { toLocalDate } from "@/domain/calendar";
import { formatDate, formatDateTime, formatNumber } from "@/lib/format";
import { getDb } from "@/db/client";
import { getReceptionOutcome } from "@/server/reception/record/get-reception-outcome";
import { CommitmentCard } from "../../cam-ket/commitment-parts";
import type { DaySectionProps } from "./section-props";

/**
 * What happened at a held reception, for everyone: who received (the head in person, or someone else, which never
 * counts as the head's duty), how many citizens, the matters by outcome as counts only, the recording's reference
 * when online, and the conclusion notice with its items and their state.
 */
export async function OutcomeSection({ day, locale }: DaySectionProps) {
  if (day.status !== "held" || !day.record) return null;
  const [t, db] = await Promise.all([getTranslations("receptionRecord.outcome"), getDb()]);
  const outcome = await getReceptionOutcome(db, day.id, toLocalDate(new Date()));
  if (!outcome) return null;
  const { record } = day;
  const m = outcome.matters;
  const n = (v: number) => formatNumber(v, locale);
  const title = locale === "en" ? day.titleEn : day.title;
  const rows: [string, number, string?][] = [
    [t("answered"), m.answered],
    [t("guided"), m.guided],
    [t("refused"), m.refused, t("refusedHint")],
  ];
  return (
    <section aria-labelledby="ket-qua" className="space-y-6">
      <h2 id="ket-qua" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <div className="card space-y-3">
        {record.receivedInPerson ? (
          <p className="font-semibold text-green-900">{t("inPerson", { title })}</p>
        ) : (
          <>
            <p className="font-semibold text-amber-900">{record.receivedByName ? t("delegated", { name: record.receivedByName }) : t("delegatedUnknown")}</p>
            <p className="text-sm text-zinc-700">{t("delegatedNote")}</p>
          </>
        )}
        <dl className="grid grid-cols-2 gap-3 sm:max-w-md">
          <div>
            <dt className="text-sm text-zinc-600">{t("citizens")}</dt>
            <dd className="text-2xl font-bold">{n(record.citizensCount)}</dd>
          </div>
          <div>
            <dt className="text-sm text-zinc-600">{t("delegations")}</dt>
            <dd className="text-2xl font-bold">{n(record.delegationsCount)}</dd>
          </div>
        </dl>
        {day.mode === "online" && record.recordingRef && (
          <p>
            <span className="text-sm text-zinc-600">{t("recordingRef")}: </span>
            <span className="font-mono break-all">{record.recordingRef}</span>
          </p>
        )}
        <p className="text-sm text-zinc-600">{t("recordedAt", { time: formatDateTime(record.recordedAt, locale) })}</p>
      </div>

      <div className="space-y-3">
        <h3 className="text-lg font-semibold">{t("mattersTitle")}</h3>
        <p className="text-sm text-zinc-700">{t("mattersIntro")}</p>
        {m.total === 0 ? (
          <p>{t("noMatters")}</p>
        ) : (
          <ul className="space-y-2">
            <li className="card py-3">
              <p className="flex items-baseline justify-between gap-3">
                <span className="font-semibold">{t("cases")}</span>
                <span className="text-xl font-bold">{n(m.cases.total)}</span>
              </p>
              <p className="text-sm text-zinc-700">{t("casesHint")}</p>
              {m.cases.total > 0 && (
                <dl className="mt-2 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
                  {(
                    [
                      ["casesOnTime", m.cases.on_time, "text-green-800"],
                      ["casesLate", m.cases.late, "text-amber-800"],
                      ["casesOverdue", m.cases.overdue, "text-red-800"],
                      ["casesPending", m.cases.pending, "text-sky-800"],
                    ] as const
                  ).map(([key, value, colour]) => (
                    <div key={key}>
                      <dt className="text-zinc-600">{t(key)}</dt>
                      <dd className={`text-lg font-bold ${colour}`}>{n(value)}</dd>
                    </div>
                  ))}
                </dl>
              )}
            </li>
            {rows.map(([label, value, hint]) => (
              <li key={label} className="card py-3">
                <p className="flex items-baseline justify-between gap-3">
                  <span className="font-semibold">{label}</span>
                  <span className="text-xl font-bold">{n(value)}</span>
                </p>
                {hint && value > 0 && <p className="text-sm text-zinc-700">{hint}</p>}
                {hint && m.refusalNoticesLate > 0 && <p className="text-sm font-semibold text-red-800">{t("refusalLate", { count: n(m.refusalNoticesLate) })}</p>}
              </li>
            ))}
          </ul>
        )}
      </div>

      <div className="space-y-3">
        <h3 className="text-lg font-semibold">{t("conclusionTitle")}</h3>
        <p className="text-sm text-zinc-700">{t("conclusionExplain")}</p>
        {day.conclusion ? (
          <>
            <div className="card space-y-2">
              <p className="text-sm text-zinc-600">{t("conclusionPublished", { date: formatDate(day.conclusion.publishedAt, locale) })}</p>
              <p className="break-words whitespace-pre-line">{day.conclusion.text}</p>
            </div>
            <h4 className="font-semibold">{t("itemsTitle")}</h4>
            {outcome.conclusionItems.items.length === 0 ? (
              <p>{t("noItems")}</p>
            ) : (
              <div className="space-y-3">
                {outcome.conclusionItems.items.map((c) => (
                  <CommitmentCard key={c.id} c={c} locale={locale} href={`/cam-ket/${c.id}`} showSession={false} />
                ))}
              </div>
            )}
          </>
        ) : (
          <p>{t("conclusionNone")}</p>
        )}
      </div>
    </section>
  );
}
