import type { Period } from "@/domain/statistics/period";
import { formatDate } from "@/lib/format";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** "quý 2/2026", "6 tháng đầu năm 2026", "từ 01/03/2026 đến 15/04/2026" (`t` is statistics.page). */
export function periodLabel(period: Period, t: Translate, locale: "vi" | "en"): string {
  if (period.kind === "custom") return t("period.custom", { from: formatDate(period.from, locale), to: formatDate(period.to, locale) });
  return t(`period.${period.kind}`, { year: String(period.year), index: String(period.index) });
}
