import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { toLocalDate } from "@/domain/calendar";
import { HELD_STATUS_LIST, UPCOMING_SESSIONS, UPCOMING_STATUS_LIST } from "@/server/dialogue/list-upcoming-sessions";
import type { CachedPage } from "./public-page-cache";

const STATUS_PATH = /^\/tra-cuu\/([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{3})$/;

/**
 * A case's public status page changes only with the case: its version, its update time, its newest timeline
 * event; and with the date (days left, overdue).
 */
export const statusPage: CachedPage = {
  name: "status",
  match: (path) => STATUS_PATH.exec(path)?.[1] ?? null,
  async validator(db: Database, code: string, now: Date) {
    const rows = rowsOf<{ version: number; updated: string; last_event: number | null }>(
      await db.execute(sql`select c.version, c.updated_at::text as updated,
          (select max(e.id) from case_events e where e.case_id = c.id) as last_event
        from cases c where c.code = ${code}`),
    );
    const row = rows[0];
    return row ? `${row.version}|${row.updated}|${row.last_event ?? 0}|${toLocalDate(now)}` : null;
  },
};

/**
 * The home page shows the headline figures and the next sessions, and nothing else the database holds. Its
 * validator reads exactly those, in one round trip: the running totals (src/db/schema/figures.ts, a few rows)
 * and the rows of the sessions listUpcomingSessions shows (same filter, order and limit).
 */
export const homePage: CachedPage = {
  name: "home",
  match: (path) => (path === "/" ? "" : null),
  async validator(db: Database, _key: string, now: Date) {
    const today = toLocalDate(now);
    const [row] = rowsOf<{ v: string }>(
      await db.execute(sql`select concat_ws('|',
          (select min(received_at)::text from cases),
          (select concat_ws(',', sum(received), sum(answered), sum(answered_on_time)) from case_tallies),
          (select sum(open) from open_case_due_tallies where due_on < ${today}),
          (select count(*) from dialogue_sessions where status in (${HELD_STATUS_LIST})),
          (select md5(string_agg(s::text || u.name || u.name_en, ',' order by s.starts_at, s.id))
            from (select * from dialogue_sessions where status in (${UPCOMING_STATUS_LIST}) and ends_at >= ${now.toISOString()}::timestamptz
                  order by starts_at limit ${UPCOMING_SESSIONS}) s
            join units u on u.id = s.unit_id)) as v`),
    );
    return `${today}|${row?.v ?? ""}`;
  },
};

/** The lookup form without a code: the same for everyone, in each language, until the next build. */
export const lookupPage: CachedPage = {
  name: "lookup",
  match: (path) => (path === "/tra-cuu" ? "" : null),
  validator: async () => "form",
};

/** Every public page the server answers from its validated cache. */
export const CACHED_PAGES: CachedPage[] = [homePage, lookupPage, statusPage];
