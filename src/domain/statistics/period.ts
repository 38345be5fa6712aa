// Reporting periods (kỳ báo cáo): a month, a quarter, six or nine months, a year, or any dates. Pure.
import { addCalendarDays, compareDates, isIsoDate } from "../calendar";
import type { IsoDate } from "../types";

export const PERIOD_KINDS = ["month", "quarter", "half", "nine", "year", "custom"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** Inclusive local dates. */
export type Period = { kind: PeriodKind; from: IsoDate; to: IsoDate; year: number; index: number };

export type PeriodError = "bad_kind" | "bad_year" | "bad_index" | "bad_date" | "reversed" | "too_long";

/** The longest custom period: ten years. */
export const MAX_PERIOD_DAYS = 3660;
export const EARLIEST_YEAR = 2000;
export const LATEST_YEAR = 2100;

const pad = (n: number) => String(n).padStart(2, "0");

export function monthStart(year: number, month: number): IsoDate {
  return `${year}-${pad(month)}-01`;
}

export function monthEnd(year: number, month: number): IsoDate {
  const next = month === 12 ? monthStart(year + 1, 1) : monthStart(year, month + 1);
  return addCalendarDays(next, -1);
}

/** The first day of the month of a date. */
export function monthOf(date: IsoDate): IsoDate {
  return `${date.slice(0, 7)}-01`;
}

export function nextMonth(month: IsoDate): IsoDate {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? monthStart(y + 1, 1) : monthStart(y, m + 1);
}

/** Months (first days) from the month of `from` to the month of `to`, inclusive. */
export function monthsBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let m = monthOf(from); compareDates(m, to) <= 0; m = nextMonth(m)) out.push(m);
  return out;
}

/**
 * A standard period of a year: `index` is the month (1-12) or the quarter (1-4); six and nine months and the
 * year start in January (index 1).
 */
export function standardPeriod(kind: Exclude<PeriodKind, "custom">, year: number, index = 1): Period {
  switch (kind) {
    case "month":
      return { kind, year, index, from: monthStart(year, index), to: monthEnd(year, index) };
    case "quarter":
      return { kind, year, index, from: monthStart(year, index * 3 - 2), to: monthEnd(year, index * 3) };
    case "half":
      return { kind, year, index: 1, from: monthStart(year, 1), to: monthEnd(year, 6) };
    case "nine":
      return { kind, year, index: 1, from: monthStart(year, 1), to: monthEnd(year, 9) };
    case "year":
      return { kind, year, index: 1, from: monthStart(year, 1), to: monthEnd(year, 12) };
  }
}

export type PeriodInput = { kind?: string | null; year?: string | null; index?: string | null; from?: string | null; to?: string | null };

/**
 * Reads a period from a form or query string. Missing parts default to the current period of the given kind
 * (`today`'s month, quarter or year); anything present but wrong is an error, never silently replaced.
 */
export function parsePeriod(input: PeriodInput, today: IsoDate, defaultKind: PeriodKind = "year"): { ok: true; period: Period } | { ok: false; error: PeriodError } {
  const kind = (input.kind?.trim() || defaultKind) as PeriodKind;
  if (!PERIOD_KINDS.includes(kind)) return { ok: false, error: "bad_kind" };
  if (kind === "custom") {
    const from = input.from?.trim() ?? "";
    const to = input.to?.trim() ?? "";
    if (!isIsoDate(from) || !isIsoDate(to)) return { ok: false, error: "bad_date" };
    const y = Number(from.slice(0, 4));
    const y2 = Number(to.slice(0, 4));
    if (y < EARLIEST_YEAR || y2 > LATEST_YEAR) return { ok: false, error: "bad_year" };
    if (compareDates(from, to) > 0) return { ok: false, error: "reversed" };
    if (compareDates(addCalendarDays(from, MAX_PERIOD_DAYS), to) < 0) return { ok: false, error: "too_long" };
    return { ok: true, period: { kind, from, to, year: y, index: 1 } };
  }
  const yearText = input.year?.trim() || today.slice(0, 4);
  if (!/^\d{4}$/.test(yearText)) return { ok: false, error: "bad_year" };
  const year = Number(yearText);
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return { ok: false, error: "bad_year" };
  const max = kind === "month" ? 12 : kind === "quarter" ? 4 : 1;
  const todayIndex = kind === "month" ? Number(today.slice(5, 7)) : kind === "quarter" ? Math.ceil(Number(today.slice(5, 7)) / 3) : 1;
  const indexText = input.index?.trim() || String(year === Number(today.slice(0, 4)) ? todayIndex : 1);
  if (!/^\d{1,2}$/.test(indexText)) return { ok: false, error: "bad_index" };
  const index = Number(indexText);
  if (index < 1 || index > max) return { ok: false, error: "bad_index" };
  return { ok: true, period: standardPeriod(kind, year, index) };
}

/**
 * How a period is counted: whole months come from the monthly rollups; the days of a partial month at either end
 * are counted from the cases themselves.
 */
export type PeriodSplit = { wholeMonths: { from: IsoDate; to: IsoDate } | null; partial: Array<{ from: IsoDate; to: IsoDate }> };

export function splitPeriod(from: IsoDate, to: IsoDate): PeriodSplit {
  if (compareDates(from, to) > 0) return { wholeMonths: null, partial: [] };
  const firstMonth = monthOf(from);
  const lastMonth = monthOf(to);
  const endOf = (month: IsoDate) => addCalendarDays(nextMonth(month), -1);
  const startsWhole = from === firstMonth;
  const endsWhole = to === endOf(lastMonth);
  if (firstMonth === lastMonth) {
    return startsWhole && endsWhole ? { wholeMonths: { from: firstMonth, to: lastMonth }, partial: [] } : { wholeMonths: null, partial: [{ from, to }] };
  }
  const partial: Array<{ from: IsoDate; to: IsoDate }> = [];
  if (!startsWhole) partial.push({ from, to: endOf(firstMonth) });
  if (!endsWhole) partial.push({ from: lastMonth, to });
  const firstWhole = startsWhole ? firstMonth : nextMonth(firstMonth);
  const lastWhole = endsWhole ? lastMonth : monthOf(addCalendarDays(lastMonth, -1));
  return { wholeMonths: compareDates(firstWhole, lastWhole) <= 0 ? { from: firstWhole, to: lastWhole } : null, partial };
}
