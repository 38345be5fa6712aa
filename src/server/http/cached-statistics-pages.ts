import "server-only";
import type { Database } from "@/db/client";
import { toLocalDate } from "@/domain/calendar";
import type { CachedPage } from "./public-page-cache";

/** The local date and minute of an instant ("2026-12-02 14:05"), in Vietnam. */
export function statisticsMinute(now: Date): string {
  const local = new Date(now.getTime() + 7 * 3_600_000);
  return `${toLocalDate(now)} ${local.toISOString().slice(11, 16)}`;
}

/**
 * The statistics page without a query (the province, this year) is what crowds open. Its figures add up every case,
 * so no single cheap query tells that they changed; instead the page is valid for the minute it was rendered in
 * (it says "số liệu cập nhật lúc HH:MM"): a crowd costs one render a minute and no query. A page with a query (a
 * form's result) is never cached.
 */
export const statisticsPage: CachedPage = {
  name: "statistics",
  match: (path) => (path === "/thong-ke" ? "" : null),
  async validator(_db: Database, _key: string, now: Date) {
    return statisticsMinute(now);
  },
};

/** The statistics pages the server answers from its validated cache (owned by the statistics page). */
export const STATISTICS_CACHED_PAGES: CachedPage[] = [statisticsPage];
