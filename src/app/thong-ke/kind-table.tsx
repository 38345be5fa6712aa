import { getTranslations } from "next-intl/server";
import { ScrollRegion } from "@/components/scroll-region";
import { caseFigures } from "@/domain/statistics/figures";
import { formatCount, formatRate, formatShare } from "@/domain/statistics/number-format";
import type { CaseStatistics } from "@/domain/statistics/summarise";
import { CASE_KINDS } from "@/domain/types";

const none = new Map<number, number>();
// The order the province's reports use: petitions and reports, complaints (first then second instance), denunciations, contributions.
const ORDER = ["petition", "report", "complaint", "denunciation", "contribution"];
const order = (kind: string) => (ORDER.includes(kind) ? ORDER.indexOf(kind) : ORDER.length);

/** Counts by kind of case (denunciations appear here only as numbers). */
export async function KindTable({ byKind, locale }: { byKind: CaseStatistics["byKind"]; locale: "vi" | "en" }) {
  const [t, tc] = await Promise.all([getTranslations("statistics.page"), getTranslations("statistics.charts")]);
  if (byKind.length === 0) return <p className="text-zinc-700">{tc("empty")}</p>;
  const n = (v: number) => formatCount(v, locale);
  const name = (kind: string, instance: number) =>
    kind === "complaint" && instance > 1 ? t("kinds.complaint2") : (CASE_KINDS as readonly string[]).includes(kind) ? t(`kinds.${kind}`) : t("kinds.other");
  return (
    <ScrollRegion label={t("kindsRegion")}>
      <table className="w-full min-w-[36rem] border-collapse text-left text-sm">
        <caption className="sr-only">{t("kindsRegion")}</caption>
        <thead>
          <tr className="border-b border-zinc-300">
            {(["kind", "received", "withinCompetence", "answered", "resolution", "onTime"] as const).map((c, i) => (
              <th key={c} scope="col" className={`py-2 pr-3 font-semibold ${i > 0 ? "text-right" : ""}`}>
                {t(`columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...byKind].sort((a, b) => order(a.kind) - order(b.kind) || a.instance - b.instance).map((k) => {
            const f = caseFigures({ counters: k.counters, daysToAccept: none, daysToAnswer: none, overdueNow: 0, transferredIn: 0, transferredOut: 0 });
            return (
              <tr key={`${k.kind}-${k.instance}`} className="border-b border-zinc-100">
                <th scope="row" className="py-2 pr-3 font-normal">
                  {name(k.kind, k.instance)}
                </th>
                <td className="py-2 pr-3 text-right tabular-nums">{n(f.received)}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{n(f.withinCompetence)}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{n(f.answered)}</td>
                <td className="py-2 pr-3 text-right tabular-nums">
                  {formatRate(f.resolution.rate, locale)} <span className="text-zinc-700">({formatShare(f.resolution, locale)})</span>
                </td>
                <td className="py-2 pr-3 text-right tabular-nums">
                  {formatRate(f.onTime.rate, locale)} <span className="text-zinc-700">({formatShare(f.onTime, locale)})</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
