import "server-only";
import type { DbOrTx } from "@/db/client";
import { toLocalDate } from "@/domain/calendar";
import type { Period } from "@/domain/statistics/period";
import { translator } from "@/i18n/messages";
import { formatDate } from "@/lib/format";
import { getPeriodicReport } from "./get-periodic-report";
import { reportCsv, reportCsvFilename, type ReportCsvLabels } from "./report-csv";
import type { ResolvedScope } from "./scope";
import { resolveStatisticsRequest } from "./statistics-query";

type Params = Record<string, string | string[] | undefined>;
type T = (key: string, values?: Record<string, string | number>) => string;

/** "tháng 6/2026", "từ 10/06/2026 đến 15/07/2026". */
export function reportPeriodLabel(period: Period, t: T, locale: "vi" | "en"): string {
  if (period.kind === "custom") return t("report.period.custom", { from: formatDate(period.from, locale), to: formatDate(period.to, locale) });
  return t(`report.period.${period.kind}`, { year: String(period.year), index: String(period.index) });
}

/** "Toàn tỉnh Gia Lai", "<unit>", "<unit> và các đơn vị trực thuộc". */
export function reportScopeLabel(scope: ResolvedScope, t: T, locale: "vi" | "en"): string {
  if (!scope.unit) return t("report.scopeProvince");
  const unit = locale === "en" ? scope.unit.nameEn : scope.unit.name;
  return t(scope.scope.kind === "unit" && scope.scope.subtree ? "report.scopeUnitSubtree" : "report.scopeUnit", { unit });
}

export function reportCsvLabels(locale: "vi" | "en", scope: ResolvedScope, period: Period): ReportCsvLabels {
  const t = translator(locale) as unknown as T;
  return {
    column: (c) => t(`report.csv.columns.${c}`),
    figure: (key) => t(`statistics.figures.${key}`),
    kind: (kind, instance) => t(`report.kinds.${kind === "complaint" ? `complaint${instance > 1 ? 2 : 1}` : kind}`),
    section: (s) => (s === "period" ? t("report.csv.period") : t(`report.sections.${s}`)),
    scopeLabel: t("report.csv.scope"),
    periodLabel: `${t("report.csv.period")}: ${reportPeriodLabel(period, t, locale)}`,
    scopeName: reportScopeLabel(scope, t, locale),
  };
}

const text = (body: string, status: number) =>
  new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" } });

/**
 * /thong-ke/bao-cao.csv: the report's figures for the same query as the page. A bad period is a 400 and an unknown
 * unit a 404, each with a sentence in the reader's language.
 */
export async function reportCsvResponse(db: DbOrTx, params: Params, locale: "vi" | "en", now = new Date()): Promise<Response> {
  const t = translator(locale) as unknown as T;
  const request = await resolveStatisticsRequest(db, params, toLocalDate(now), { defaultKind: "year" });
  if (!request.ok) return text(t(`report.errors.${request.error}`), request.error === "unknown_unit" ? 404 : 400);
  const report = await getPeriodicReport(db, request.scope, request.period, now);
  const body = reportCsv(report, reportCsvLabels(locale, request.scope, request.period));
  const unitCode = request.scope.unit?.code ?? null;
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${reportCsvFilename(unitCode && request.query.subtree ? `${unitCode}-cap-duoi` : unitCode, request.period)}"`,
      "content-language": locale,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
