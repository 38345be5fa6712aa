import { getTranslations } from "next-intl/server";
import { BarChart, LineChart, type ChartRow } from "@/components/charts";
import { share } from "@/domain/statistics/figures";
import { formatCount, formatRate, formatShare } from "@/domain/statistics/number-format";
import type { StatisticsPageData } from "@/server/statistics/get-statistics-page";
import { formatMonth } from "@/lib/format";

const TOP_AREAS = 15;

/** The page's four charts (volume by month, by field, by area; on-time rate by month), each with its table. */
export async function StatisticsCharts({ data, locale }: { data: StatisticsPageData; locale: "vi" | "en" }) {
  const t = await getTranslations("statistics.charts");
  const { statistics } = data;
  const count = (n: number): ChartRow["valueLabel"] => formatCount(n, locale);
  const month = (m: string) => formatMonth(m.slice(0, 7), locale);

  const byMonth: ChartRow[] = statistics.byMonth.map((m) => ({ label: month(m.month), value: m.counters.received, valueLabel: count(m.counters.received) }));
  const onTime: ChartRow[] = statistics.byMonth.map((m) => {
    const s = share(m.counters.answeredOnTime, m.counters.answered);
    return { label: month(m.month), value: s.rate, valueLabel: formatRate(s.rate, locale), detail: formatShare(s, locale) };
  });
  const byField: ChartRow[] = statistics.byField.map((f) => {
    const name = data.fieldNames.get(f.categoryId);
    return { label: name ? (locale === "en" ? name.nameEn : name.name) : t("noField"), value: f.received, valueLabel: count(f.received) };
  });
  // A province has 135 communes and wards: the largest areas one by one, the rest on one line, so the page stays light.
  const topAreas = statistics.byArea.slice(0, TOP_AREAS);
  const restAreas = statistics.byArea.slice(TOP_AREAS);
  const rest = restAreas.reduce((s, a) => s + a.received, 0);
  const byArea: ChartRow[] = [
    ...topAreas.map((a) => ({ label: data.areaNames.get(a.areaId) ?? t("noArea"), value: a.received, valueLabel: count(a.received) })),
    ...(restAreas.length > 0 ? [{ label: t("otherAreas", { count: restAreas.length }), value: rest, valueLabel: count(rest) }] : []),
  ];
  const percent = (v: number) => formatRate(v, locale).replace(/[.,]0(?=\s?%)/, "");

  const charts = [
    { id: "bieu-do-thang", title: t("byMonth"), node: <BarChart title={t("byMonth")} rows={byMonth} labelHeading={t("month")} valueHeading={t("cases")} regionLabel={t("table", { title: t("byMonth") })} emptyText={t("empty")} /> },
    {
      id: "bieu-do-dung-han",
      title: t("onTime"),
      node: <LineChart title={t("onTime")} rows={onTime} max={1} tickLabel={percent} labelHeading={t("month")} valueHeading={t("rate")} detailHeading={t("numbers")} regionLabel={t("table", { title: t("onTime") })} emptyText={t("emptyRate")} />,
    },
    { id: "bieu-do-linh-vuc", title: t("byField"), note: true, node: <BarChart title={t("byField")} rows={byField} labelHeading={t("field")} valueHeading={t("cases")} regionLabel={t("table", { title: t("byField") })} emptyText={t("empty")} /> },
    { id: "bieu-do-dia-ban", title: t("byArea"), note: true, noteText: restAreas.length > 0 ? t("topAreasNote", { shown: TOP_AREAS }) : undefined, node: <BarChart title={t("byArea")} rows={byArea} labelHeading={t("area")} valueHeading={t("cases")} regionLabel={t("table", { title: t("byArea") })} emptyText={t("empty")} /> },
  ];
  return (
    <div className="space-y-8">
      {charts.map((c) => (
        <div key={c.id} className="card space-y-3">
          <h3 id={c.id} className="text-lg font-semibold">
            {c.title}
          </h3>
          {c.note && <p className="text-sm text-zinc-700">{("noteText" in c && c.noteText) || t("sortedNote")}</p>}
          {c.node}
        </div>
      ))}
    </div>
  );
}
