import { getTranslations } from "next-intl/server";
import { periodLabel as statisticsPeriodLabel } from "@/components/statistics/period-label";
import { StatisticsForm } from "@/components/statistics/statistics-form";
import type { Period, PeriodError } from "@/domain/statistics/period";
import type { StatisticsQuery } from "@/server/statistics/statistics-query";

type Locale = "vi" | "en";

/** "năm 2026", "quý 3/2026", "từ 10/06/2026 đến 15/07/2026": the statistics page's own words for a period. */
export async function periodLabel(period: Period, locale: Locale): Promise<string> {
  const t = await getTranslations("statistics.page");
  return statisticsPeriodLabel(period, t as (key: string, values?: Record<string, string | number>) => string, locale);
}

/**
 * The period picker of a record: the statistics page's form without the unit (the record's address names it), to
 * the same address, so it works without JavaScript and keeps what was typed when a part is wrong. The fields left
 * empty show the period being shown (`shown`).
 */
export async function PeriodForm({ action, query, shown, error, idPrefix, locale }: { action: string; query: StatisticsQuery; shown: Period | null; error: PeriodError | null; idPrefix: string; locale: Locale }) {
  const [t, te] = await Promise.all([getTranslations("records"), getTranslations("statistics.page.errors")]);
  const errorId = `${idPrefix}-loi`;
  return (
    <div className="space-y-4">
      {error && (
        <div id={errorId} role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-4 text-red-900">
          <p className="font-semibold">{t("errors.title")}</p>
          <p>{te(error)}</p>
        </div>
      )}
      <StatisticsForm
        action={action}
        query={query}
        shown={shown ? { kind: shown.kind, year: String(shown.year), index: String(shown.index), from: shown.from, to: shown.to } : null}
        units={null}
        locale={locale}
        errorId={error ? errorId : undefined}
        title={t("period.title")}
        resetLabel={t("period.reset")}
      />
    </div>
  );
}
