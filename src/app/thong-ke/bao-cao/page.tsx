import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { toLocalDate } from "@/domain/calendar";
import { formatDate } from "@/lib/format";
import { getPeriodicReport } from "@/server/statistics/get-periodic-report";
import { reportPeriodLabel, reportScopeLabel } from "@/server/statistics/report-csv-response";
import { listStatisticsUnits } from "@/server/statistics/get-statistics-page";
import { resolveStatisticsRequest, statisticsHref } from "@/server/statistics/statistics-query";
import { StatisticsForm } from "@/components/statistics/statistics-form";
import { PeriodRefusal, StatisticsHeader } from "@/components/statistics/statistics-header";
import { PrintButton } from "./print-button";
import { PrintStyles } from "./print-styles";
import { ReportDocument } from "./report-document";

// The periodic report (báo cáo định kỳ) of the province or a unit: a plain GET form, the report as the province's
// reports write it, a print view that fits A4, and the same figures as CSV (/thong-ke/bao-cao.csv).
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("report");
  return { title: t("title"), description: t("metaDescription") };
}

const timeOf = (now: Date, locale: "vi" | "en") =>
  new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "vi-VN", { timeZone: "Asia/Ho_Chi_Minh", hour: "2-digit", minute: "2-digit" }).format(now);

export default async function ReportPage({ searchParams }: Props) {
  const [db, params, rawLocale, t, tr] = await Promise.all([getDb(), searchParams, getLocale(), getTranslations("report"), getTranslations()]);
  const locale = rawLocale === "en" ? "en" : "vi";
  const now = new Date();
  const [request, unitList] = await Promise.all([
    resolveStatisticsRequest(db, params, toLocalDate(now), { defaultKind: "year" }),
    listStatisticsUnits(db, locale),
  ]);
  if (!request.ok && request.error === "unknown_unit") notFound();

  const header = <StatisticsHeader words="report" className="report-screen-only" />;
  if (!request.ok) return <PeriodRefusal header={header} words="report" error={request.error} errorId="bao-cao-loi" query={request.query} units={unitList} locale={locale} action="/thong-ke/bao-cao" />;

  const { scope, period, query } = request;
  const report = await getPeriodicReport(db, scope, period, now);
  const translate = tr as unknown as (key: string, values?: Record<string, string | number>) => string;
  const scopeText = reportScopeLabel(scope, translate, locale);
  const periodText = reportPeriodLabel(period, translate, locale);
  const shown = { kind: period.kind, year: String(period.year), index: String(period.index), from: period.from, to: period.to };
  const canonicalQuery = { ...query, kind: period.kind, year: String(period.year), index: String(period.index), from: period.from, to: period.to };
  const unitName = scope.unit ? (locale === "en" ? scope.unit.nameEn : scope.unit.name) : null;

  return (
    <div className="space-y-10">
      <PrintStyles />
      {header}
      <div className="report-screen-only space-y-6">
        <StatisticsForm query={query} shown={shown} units={unitList} locale={locale} action="/thong-ke/bao-cao" />
        <section aria-labelledby="bao-cao-cong-cu" className="card space-y-3">
          <h2 id="bao-cao-cong-cu" className="text-lg font-semibold">
            {t("tools.title")}
          </h2>
          <p className="flex flex-wrap items-center gap-3">
            <PrintButton label={t("tools.print")} />
            <a href={statisticsHref("/thong-ke/bao-cao.csv", canonicalQuery)} className="btn-secondary inline-block" download>
              {t("tools.csv")}
            </a>
          </p>
          <p className="text-zinc-700">{t("tools.printNote")}</p>
          <ul className="list-disc space-y-1 pl-5">
            <li>
              <Link href={statisticsHref("/thong-ke", canonicalQuery)} className="underline underline-offset-4">
                {t("tools.statistics")}
              </Link>
            </li>
            {scope.unit && (
              <li>
                <Link href={statisticsHref(`/thong-ke/don-vi/${encodeURIComponent(scope.unit.code)}`, canonicalQuery, { unitCode: null, subtree: false })} className="underline underline-offset-4">
                  {t("tools.unitRecord", { unit: unitName! })}
                </Link>
              </li>
            )}
          </ul>
        </section>
      </div>
      <ReportDocument report={report} scopeText={scopeText} periodText={periodText} asOfText={t("asOf", { time: timeOf(now, locale), date: formatDate(now, locale) })} locale={locale} />
    </div>
  );
}
