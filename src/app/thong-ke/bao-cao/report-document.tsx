import { getTranslations } from "next-intl/server";
import { ScrollRegion } from "@/components/scroll-region";
import type { CaseFigures, Share } from "@/domain/statistics/figures";
import { formatCount, formatDays, formatRate, formatShare } from "@/domain/statistics/number-format";
import { reportText, type ReportSection } from "@/domain/statistics/report-text";
import type { PeriodicReport } from "@/server/statistics/get-periodic-report";

/** The figures each section's table lists, in order (keys of statistics.figures). */
const SECTION_FIGURES: Record<Exclude<ReportSection, "kinds">, readonly string[]> = {
  dialogue: ["sessionsHeld", "conferencesHeld", "attendance", "questions", "answeredInSession", "passedOnAsCases"],
  receptions: ["receptionDaysRequired", "receptionDaysHeld", "receptionMonthsMet", "receptionMonthsMissed", "citizensReceived", "receptionMatters"],
  cases: [
    "received",
    "refused",
    "withdrawnBeforeAcceptance",
    "withinCompetence",
    "accepted",
    "answered",
    "resolution",
    "onTime",
    "medianDaysToAccept",
    "medianDaysToAnswer",
    "transferredIn",
    "transferredOut",
    "extended",
    "satisfaction",
    "contested",
  ],
  overdue: ["overdueNow"],
  commitments: ["commitmentsMade", "commitmentsKept", "commitmentsMissed", "commitmentsOpen", "commitmentsOverdue"],
};

const KIND_ORDER: Array<[string, number]> = [
  ["petition", 1],
  ["report", 1],
  ["complaint", 1],
  ["complaint", 2],
  ["denunciation", 1],
  ["contribution", 1],
];

type Value = { main: string; detail: string };

function valueOf(report: PeriodicReport, key: string, locale: "vi" | "en", days: string): Value {
  const f = report.statistics.figures as CaseFigures & Record<string, unknown>;
  const p = { ...report.participation.dialogue, ...report.participation.receptions, ...report.participation.commitments } as Record<string, number>;
  const v = key in f ? f[key] : p[key];
  if (typeof v === "object" && v !== null) {
    const s = v as Share;
    return { main: formatRate(s.rate, locale), detail: formatShare(s, locale) };
  }
  if (key === "medianDaysToAccept" || key === "medianDaysToAnswer") return { main: v === null ? "–" : `${formatDays(v as number, locale)} ${days}`, detail: "" };
  return { main: formatCount((v as number) ?? 0, locale), detail: "" };
}

/** The report itself: what is printed (title block, six sections, each with its sentences and its table). */
export async function ReportDocument({ report, scopeText, periodText, asOfText, locale }: { report: PeriodicReport; scopeText: string; periodText: string; asOfText: string; locale: "vi" | "en" }) {
  const [t, ts] = await Promise.all([getTranslations("report"), getTranslations("statistics")]);
  const text = reportText({ figures: report.statistics.figures, byKind: report.statistics.byKind, participation: report.participation }, locale);
  const days = locale === "en" ? "days" : "ngày";
  const byKind = new Map(report.statistics.byKind.map((k) => [`${k.kind}:${k.instance}`, k.counters]));
  const shownKeys = Object.values(SECTION_FIGURES).flat();
  return (
    <article aria-labelledby="bao-cao-tieu-de" className="report-document space-y-8">
      <header className="space-y-2 text-center">
        <h2 id="bao-cao-tieu-de" className="text-2xl font-bold uppercase leading-snug">
          {t("documentTitle")}
        </h2>
        <p className="italic text-zinc-700">{t("documentSubtitle")}</p>
        <p className="font-semibold">{t("scopeLine", { scope: scopeText })}</p>
        <p className="font-semibold">{t("periodLine", { period: periodText })}</p>
        <p className="text-sm text-zinc-700">{asOfText}</p>
      </header>

      {text.map(({ section, sentences }) => (
        <section key={section} aria-labelledby={`bao-cao-${section}`} className="report-section space-y-3">
          <h3 id={`bao-cao-${section}`} className="text-xl font-bold">
            {t(`sections.${section}`)}
          </h3>
          {sentences.map((s) => (
            <p key={s} className="leading-relaxed">
              {s}
            </p>
          ))}
          {section === "kinds" ? (
            <ScrollRegion label={t("table.caption", { section: t(`sections.${section}`) })}>
              <table className="w-full min-w-[30rem] border-collapse text-left text-sm">
                <caption className="sr-only">{t("table.caption", { section: t(`sections.${section}`) })}</caption>
                <thead>
                  <tr className="border-b border-zinc-400">
                    {(["kind", "received", "withinCompetence", "answered", "resolution"] as const).map((c, i) => (
                      <th key={c} scope="col" className={`py-1.5 pr-3 font-semibold ${i > 0 ? "text-right" : ""}`}>
                        {t(`kindColumns.${c}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {KIND_ORDER.map(([kind, instance]) => {
                    const c = byKind.get(`${kind}:${instance}`);
                    const received = c?.received ?? 0;
                    const within = c ? c.received - c.refused - c.withdrawnBeforeAcceptance : 0;
                    const answered = c?.answered ?? 0;
                    const label = kind === "complaint" ? t(`kinds.complaint${instance}`) : t(`kinds.${kind}`);
                    return (
                      <tr key={`${kind}-${instance}`} className="border-b border-zinc-200">
                        <th scope="row" className="py-1.5 pr-3 font-normal">
                          {label}
                        </th>
                        <td className="py-1.5 pr-3 text-right tabular-nums">{formatCount(received, locale)}</td>
                        <td className="py-1.5 pr-3 text-right tabular-nums">{formatCount(within, locale)}</td>
                        <td className="py-1.5 pr-3 text-right tabular-nums">{formatCount(answered, locale)}</td>
                        <td className="py-1.5 pr-3 text-right tabular-nums">
                          {formatRate(within > 0 ? answered / within : null, locale)} <span className="text-zinc-700">({formatShare({ part: answered, whole: within, rate: null }, locale)})</span>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </ScrollRegion>
          ) : (
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">{t("table.caption", { section: t(`sections.${section}`) })}</caption>
              <thead>
                <tr className="border-b border-zinc-400">
                  <th scope="col" className="py-1.5 pr-3 font-semibold">
                    {t("table.figure")}
                  </th>
                  <th scope="col" className="py-1.5 pr-3 text-right font-semibold">
                    {t("table.value")}
                  </th>
                  <th scope="col" className="py-1.5 text-right font-semibold">
                    {t("table.numbers")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {SECTION_FIGURES[section].map((key) => {
                  const v = valueOf(report, key, locale, days);
                  return (
                    <tr key={key} className="border-b border-zinc-200">
                      <th scope="row" className="py-1.5 pr-3 font-normal">
                        {ts(`figures.${key}`)}
                      </th>
                      <td className="py-1.5 pr-3 text-right tabular-nums">{v.main}</td>
                      <td className="py-1.5 text-right tabular-nums text-zinc-700">{v.detail}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </section>
      ))}

      <section aria-labelledby="bao-cao-cach-tinh" className="report-section space-y-2 text-sm">
        <h3 id="bao-cao-cach-tinh" className="text-lg font-bold">
          {t("definitionsTitle")}
        </h3>
        <dl className="space-y-1.5">
          {shownKeys.map((key) => (
            <div key={key}>
              <dt className="inline font-semibold">{ts(`figures.${key}`)}: </dt>
              <dd className="inline text-zinc-800">{ts(`definitions.${key}`)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="bao-cao-tu-ngu" className="report-section space-y-2 text-sm">
        <h3 id="bao-cao-tu-ngu" className="text-lg font-bold">
          {t("glossaryTitle")}
        </h3>
        <ul className="list-disc space-y-1 pl-5 text-zinc-800">
          {(["accepted", "complaint", "denunciation"] as const).map((k) => (
            <li key={k}>{t(`glossary.${k}`)}</li>
          ))}
        </ul>
      </section>
    </article>
  );
}
