import { toLocalDate } from "@/domain/calendar";
import { parsePeriod, type Period, type PeriodError } from "@/domain/statistics/period";
import { readStatisticsQuery, type StatisticsQuery } from "@/server/statistics/statistics-query";

type Params = Record<string, string | string[] | undefined>;

/** A record page's period from the statistics query string (the unit, if any, comes from the path). Default: this year. */
export function recordPeriod(params: Params, now = new Date()): { query: StatisticsQuery; period: Period | null; error: PeriodError | null } {
  const query = { ...readStatisticsQuery(params), unitCode: null, subtree: false };
  const parsed = parsePeriod({ kind: query.kind, year: query.year, index: query.index, from: query.from, to: query.to }, toLocalDate(now), "year");
  return parsed.ok ? { query, period: parsed.period, error: null } : { query, period: null, error: parsed.error };
}

/** "09:41": the local time of an instant, for "figures as of HH:MM". */
export function localTime(now: Date): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", hour: "2-digit", minute: "2-digit", hour12: false }).format(now);
}
