import { getTranslations } from "next-intl/server";
import { BarChart, type ChartRow } from "@/components/charts";
import { formatMonth } from "@/lib/format";
import { share } from "@/domain/statistics/figures";
import { formatCount, formatRate, formatShare } from "@/domain/statistics/number-format";
import type { UnitRecord } from "@/server/records/get-unit-record";

/** Cases received month by month (H1's server-drawn bars, with the table beside them), with the on-time numbers in the table. */
export async function MonthChart({ months, locale }: { months: UnitRecord["byMonth"]; locale: "vi" | "en" }) {
  const t = await getTranslations("statistics.charts");
  const rows: ChartRow[] = months.map((m) => {
    const s = share(m.answeredOnTime, m.answered);
    return { label: formatMonth(m.month.slice(0, 7), locale), value: m.received, valueLabel: formatCount(m.received, locale), detail: `${formatRate(s.rate, locale)} (${formatShare(s, locale)})` };
  });
  const title = t("byMonth");
  const empty = months.every((m) => m.received === 0);
  return (
    <section aria-labelledby="bieu-do-thang" className="card space-y-3">
      <h2 id="bieu-do-thang" className="text-xl font-bold">
        {title}
      </h2>
      {empty ? (
        <p className="text-zinc-700">{t("empty")}</p>
      ) : (
        <BarChart title={title} rows={rows} labelHeading={t("month")} valueHeading={t("cases")} detailHeading={`${t("rate")} (${t("numbers")})`} regionLabel={t("table", { title })} emptyText={t("empty")} />
      )}
    </section>
  );
}
