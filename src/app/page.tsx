import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { CASE_KINDS } from "@/domain/types";
import { formatDate, formatDateTime, formatNumber } from "@/lib/format";
import { listUpcomingSessions } from "@/server/dialogue/list-upcoming-sessions";
import { getHeadlineFigures } from "@/server/statistics/get-headline-figures";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const db = await getDb();
  const [t, tKinds, tDialogue, locale, figures, sessions] = await Promise.all([
    getTranslations("home"),
    getTranslations("kinds"),
    getTranslations("dialogue.home"),
    getLocale(),
    getHeadlineFigures(db),
    listUpcomingSessions(db),
  ]);
  const onTimeRate = figures.answered > 0 ? Math.round((figures.answeredOnTime / figures.answered) * 100) : null;
  const stats = [
    { label: t("figReceived"), value: formatNumber(figures.received, locale) },
    { label: t("figAnswered"), value: formatNumber(figures.answered, locale) },
    { label: t("figOnTime"), value: onTimeRate === null ? "–" : `${onTimeRate}%` },
    { label: t("figOverdue"), value: formatNumber(figures.overdue, locale), alert: figures.overdue > 0 },
    { label: t("figSessions"), value: formatNumber(figures.sessionsHeld, locale) },
  ];
  return (
    <div className="space-y-10">
      <section className="space-y-4">
        <h1 className="text-3xl font-bold leading-tight sm:text-4xl">{t("title")}</h1>
        <p className="max-w-3xl text-lg text-zinc-700">{t("intro")}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="card flex flex-col justify-between gap-3">
            <Link href="/gui-y-kien" className="btn-primary text-lg">
              {t("fileCta")}
            </Link>
            <p className="text-sm text-zinc-600">{t("fileHint")}</p>
          </div>
          <form action="/tra-cuu" method="get" className="card space-y-2" role="search">
            <label htmlFor="track-code" className="field-label">
              {t("trackTitle")}
            </label>
            <div className="flex gap-2">
              <input
                id="track-code"
                name="ma"
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                maxLength={40}
                placeholder="ABCD-EFGH-JKM"
                aria-describedby="track-hint"
                className="field-input"
              />
              <button type="submit" className="btn-secondary shrink-0">
                {t("trackButton")}
              </button>
            </div>
            <p id="track-hint" className="field-hint">
              {t("trackHint")}
            </p>
          </form>
        </div>
      </section>

      <section aria-labelledby="figures-title" className="space-y-3">
        <h2 id="figures-title" className="text-2xl font-bold">
          {t("figuresTitle")}
        </h2>
        {figures.received === 0 ? (
          <p>{t("noFigures")}</p>
        ) : (
          <>
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
              {stats.map((stat) => (
                <div key={stat.label} className={`card ${stat.alert ? "border-red-300 bg-red-50" : ""}`}>
                  <dt className="text-sm text-zinc-700">{stat.label}</dt>
                  <dd className={`text-2xl font-bold ${stat.alert ? "text-red-800" : ""}`}>{stat.value}</dd>
                </div>
              ))}
            </dl>
            {figures.since && <p className="text-sm text-zinc-600">{t("figuresNote", { since: formatDate(figures.since, locale) })}</p>}
          </>
        )}
      </section>

      <section id="doi-thoai" aria-labelledby="sessions-title" className="space-y-3">
        <h2 id="sessions-title" className="text-2xl font-bold">
          {t("sessionsTitle")}
        </h2>
        {sessions.length === 0 ? (
          <p>{t("noSessions")}</p>
        ) : (
          <ul className="space-y-3">
            {sessions.map((session) => (
              <li key={session.id} className="card space-y-2">
                <h3 className="text-lg font-semibold">
                  <Link href={`/doi-thoai/${session.id}`} className="text-brand-700 underline underline-offset-4 hover:text-brand-800">
                    {session.title}
                  </Link>
                </h3>
                <p className="text-zinc-700">{session.topic}</p>
                <dl className="grid gap-1 text-sm sm:grid-cols-[max-content_1fr] sm:gap-x-4">
                  <dt className="font-semibold">{t("sessionWhen")}</dt>
                  <dd>{formatDateTime(session.startsAt, locale)}</dd>
                  <dt className="font-semibold">{t("sessionWhere")}</dt>
                  <dd>{session.location}</dd>
                  <dt className="font-semibold">{t("sessionHost")}</dt>
                  <dd>{locale === "en" ? session.unitNameEn : session.unitName}</dd>
                </dl>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link href="/doi-thoai" className="btn-secondary">
            {tDialogue("seeCalendar")}
          </Link>
        </p>
      </section>

      <section aria-labelledby="kinds-title" className="space-y-3">
        <h2 id="kinds-title" className="text-2xl font-bold">
          {t("kindsTitle")}
        </h2>
        <p className="text-zinc-700">{t("kindsIntro")}</p>
        <dl className="grid gap-3 sm:grid-cols-2">
          {CASE_KINDS.map((kind) => (
            <div key={kind} className="card">
              <dt className="font-semibold">{tKinds(`${kind}.name`)}</dt>
              <dd className="text-zinc-700">{tKinds(`${kind}.help`)}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
