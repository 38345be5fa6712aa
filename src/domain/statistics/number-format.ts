// Numbers as the province's reports write them: "5.018", "92,6%", "giải quyết xong 338/365 vụ, đạt 92,6%". Pure.
import type { Share } from "./figures";

export type NumberLocale = "vi" | "en";

const tag = (locale: NumberLocale) => (locale === "vi" ? "vi-VN" : "en-GB");

export function formatCount(n: number, locale: NumberLocale): string {
  return new Intl.NumberFormat(tag(locale)).format(n);
}

/** A number of days (a median may end in .5). */
export function formatDays(n: number | null, locale: NumberLocale): string {
  return n === null ? "–" : new Intl.NumberFormat(tag(locale), { maximumFractionDigits: 1 }).format(n);
}

/** A rate with one decimal ("92,6%"); a dash when there is nothing to divide by. */
export function formatRate(rate: number | null, locale: NumberLocale): string {
  if (rate === null) return "–";
  return new Intl.NumberFormat(tag(locale), { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(rate);
}

/** "338/365" with the locale's grouping. */
export function formatShare(s: Share, locale: NumberLocale): string {
  return `${formatCount(s.part, locale)}/${formatCount(s.whole, locale)}`;
}

/** A CSV cell for a rate: a plain decimal with a dot and four places ("0.9260"), or empty. */
export function csvRate(rate: number | null): string {
  return rate === null ? "" : rate.toFixed(4);
}
