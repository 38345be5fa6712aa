import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ScrollRegion } from "@/components/scroll-region";
import { formatCount, formatRate, formatShare } from "@/domain/statistics/number-format";
import type { UnitFigureRow } from "@/server/statistics/get-unit-figures";
import { statisticsHref, type StatisticsQuery } from "@/server/statistics/statistics-query";

/** Every unit in view with its key figures, by name (never a bare ranking), each linking to the unit's record. */
export async function UnitTable({ rows, query, locale }: { rows: UnitFigureRow[]; query: StatisticsQuery; locale: "vi" | "en" }) {
  const t = await getTranslations("statistics.page");
  if (rows.length === 0) return <p className="text-zinc-700">{t("unitsNone")}</p>;
  const n = (v: number) => formatCount(v, locale);
  const cols = ["received", "withinCompetence", "answered", "resolution", "overdueNow", "onTime"] as const;
  return (
    <ScrollRegion label={t("unitsRegion")}>
      <table className="w-full min-w-[44rem] border-collapse text-left text-sm">
        <caption className="sr-only">{t("unitsRegion")}</caption>
        <thead>
          <tr className="border-b border-zinc-300">
            <th scope="col" className="py-2 pr-3 font-semibold">
              {t("columns.unit")}
            </th>
            {cols.map((c) => (
              <th key={c} scope="col" className="py-2 pr-3 text-right font-semibold">
                {t(`columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.unitId} className="border-b border-zinc-100 align-top">
              <th scope="row" className="py-2 pr-3 font-normal">
                <Link href={statisticsHref(`/thong-ke/don-vi/${encodeURIComponent(r.code)}`, query, { unitCode: null, subtree: false })} className="underline underline-offset-4">
                  {locale === "en" ? r.nameEn : r.name}
                </Link>
                {r.closed && <span className="ml-1 text-zinc-700">{t("closed")}</span>}
              </th>
              <td className="py-2 pr-3 text-right tabular-nums">{n(r.received)}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{n(r.withinCompetence)}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{n(r.answered)}</td>
              <td className="py-2 pr-3 text-right tabular-nums">
                {formatRate(r.resolution.rate, locale)} <span className="text-zinc-700">({formatShare(r.resolution, locale)})</span>
              </td>
              <td className="py-2 pr-3 text-right tabular-nums">{n(r.overdueNow)}</td>
              <td className="py-2 pr-3 text-right tabular-nums">
                {formatRate(r.onTime.rate, locale)} <span className="text-zinc-700">({formatShare(r.onTime, locale)})</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
