import { getTranslations } from "next-intl/server";
import { CASE_FIGURE_KEYS, type CaseFigureKey, type CaseFigures, type Share } from "@/domain/statistics/figures";
import { formatCount, formatDays, formatRate, formatShare, type NumberLocale } from "@/domain/statistics/number-format";
import type { ParticipationFigures } from "@/server/statistics/get-participation-figures";

type Item = { key: string; value: string; numbers: string | null };

const SHARES = new Set<CaseFigureKey>(["resolution", "onTime", "satisfaction"]);
const MEDIANS = new Set<CaseFigureKey>(["medianDaysToAccept", "medianDaysToAnswer"]);

/** A case figure as shown: its value, and for a rate the numbers it is made of ("92,6%" from "338/365"). */
export function caseFigureItem(figures: CaseFigures, key: CaseFigureKey, locale: NumberLocale, days: (n: string) => string): Item {
  if (SHARES.has(key)) {
    const s = figures[key] as Share;
    return { key, value: formatRate(s.rate, locale), numbers: formatShare(s, locale) };
  }
  if (MEDIANS.has(key)) {
    const n = figures[key] as number | null;
    return { key, value: n === null ? "–" : days(formatDays(n, locale)), numbers: null };
  }
  return { key, value: formatCount(figures[key] as number, locale), numbers: null };
}

function countItems(group: Record<string, number>, locale: NumberLocale): Item[] {
  return Object.entries(group).map(([key, n]) => ({ key, value: formatCount(n, locale), numbers: null }));
}

/**
 * Every figure with its value, its numbers and its one-sentence definition, in the order of CASE_FIGURE_KEYS, then
 * the participation figures (dialogue, commitments, reception) when given. A server component: the statistics
 * page and the unit and leader records show figures the same way. Headings are level `level` (default 3).
 */
export async function FigureList({ figures, participation, locale, level = 3 }: { figures: CaseFigures | null; participation?: ParticipationFigures | null; locale: NumberLocale; level?: 2 | 3 | 4 }) {
  const t = await getTranslations("statistics");
  const days = (n: string) => t("figureList.days", { days: n });
  const groups: Array<{ key: string; items: Item[] }> = [];
  if (figures) groups.push({ key: "cases", items: CASE_FIGURE_KEYS.map((k) => caseFigureItem(figures, k, locale, days)) });
  if (participation) {
    groups.push({ key: "dialogue", items: countItems(participation.dialogue, locale) });
    groups.push({ key: "commitments", items: countItems(participation.commitments, locale) });
    groups.push({ key: "receptions", items: countItems(participation.receptions, locale) });
  }
  const Heading = `h${level}` as "h3";
  return (
    <div className="space-y-6">
      {groups.map((g) => (
        <div key={g.key} className="space-y-3">
          <Heading className="text-lg font-semibold">{t(`figureList.${g.key}`)}</Heading>
          <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {g.items.map((item) => (
              <div key={item.key} className="rounded-lg border border-zinc-200 bg-white p-4">
                <dt className="font-semibold text-zinc-900">{t(`figures.${item.key}`)}</dt>
                <dd className="mt-1 text-2xl font-bold tabular-nums text-zinc-900">
                  {item.value}
                  {item.numbers && <span className="ml-2 text-base font-normal text-zinc-700">({item.numbers})</span>}
                </dd>
                <dd className="mt-1 text-sm text-zinc-700">{t(`definitions.${item.key}`)}</dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </div>
  );
}
