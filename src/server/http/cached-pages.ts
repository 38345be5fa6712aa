import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { toLocalDate } from "@/domain/calendar";
import { HELD_STATUS_LIST, UPCOMING_SESSIONS, UPCOMING_STATUS_LIST } from "@/server/dialogue/list-upcoming-sessions";
import { DUTY_CACHED_PAGES } from "./cached-duty-pages";
import { OPEN311_CACHED_PAGES } from "./cached-open311-pages";
import { OPEN_DATA_CACHED_PAGES } from "./cached-open-data-pages";
import { PUBLICATION_CACHED_PAGES } from "./cached-publication-pages";
import { RECEPTION_CACHED_PAGES } from "./cached-reception-pages";
import { RECORD_CACHED_PAGES } from "./cached-record-pages";
import { STATISTICS_CACHED_PAGES } from "./cached-statistics-pages";
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
 * and the sessions listUpcomingSessions shows (same filter, order and limit), by id, version and update time
 * (every change of a session moves them) with their unit's names.
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
          (select string_agg(concat_ws(':', s.id, s.version, s.updated_at, u.name, u.name_en), ',' order by s.starts_at, s.id)
            from (select id, version, updated_at, unit_id, starts_at from dialogue_sessions
                  where status in (${UPCOMING_STATUS_LIST}) and ends_at >= ${now.toISOString()}::timestamptz
                  order by starts_at limit ${UPCOMING_SESSIONS}) s
            join units u on u.id = s.unit_id)) as v`),
    );
    return `${today}|${row?.v ?? ""}`;
  },
};

const SESSION_PATH = /^\/doi-thoai\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const PROJECTOR_PATH = /^\/doi-thoai\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/trinh-chieu$/;

/**
 * What a session's public page and projector show moves its validator: every change of the session and its
 * sections goes through touchSession (version, update time); a support only touches its question (the newest
 * question update, and the sum of supports, which also catches a support that committed after a later one
 * started); a new question moves the count. And the date (the page says "today", "in 3 days").
 */
async function sessionValidator(db: Database, id: string, now: Date): Promise<string | null> {
  const rows = rowsOf<{ v: string }>(
    await db.execute(sql`select concat_ws('|', s.version, s.updated_at, q.last_change, q.total, q.supports, a.cases, a.commitments) as v
      from dialogue_sessions s
      cross join lateral (select max(updated_at) as last_change, count(*) as total, coalesce(sum(support_count), 0) as supports
        from dialogue_questions where session_id = s.id) q
      -- The agenda shows its cases' and carried commitments' own state, which change without touching the session.
      cross join lateral (select max(c.updated_at) as cases, max(m.updated_at) as commitments
        from dialogue_agenda_items i left join cases c on c.id = i.case_id left join commitments m on m.id = i.commitment_id
        where i.session_id = s.id) a
      where s.id = ${id}::uuid`),
  );
  return rows[0] ? `${rows[0].v}|${toLocalDate(now)}` : null;
}

/** A session's public page (without a query string: a form's result is never cached). */
export const sessionPage: CachedPage = {
  name: "session",
  match: (path) => SESSION_PATH.exec(path)?.[1] ?? null,
  validator: sessionValidator,
};

/** A session's projector view: the same data as its page. */
export const projectorPage: CachedPage = {
  name: "projector",
  match: (path) => PROJECTOR_PATH.exec(path)?.[1] ?? null,
  validator: sessionValidator,
};

/**
 * The calendar of sessions, unfiltered: it shows sessions only (and which communes held this year's conference).
 * The sum of versions moves with every change even when two commit out of their update times' order.
 */
export const calendarPage: CachedPage = {
  name: "calendar",
  match: (path) => (path === "/doi-thoai" ? "" : null),
  async validator(db: Database, _key: string, now: Date) {
    // A session moves from upcoming to past at its end, with no write: the count of ended ones is read too.
    const [row] = rowsOf<{ v: string }>(
      await db.execute(sql`select concat_ws('|', max(updated_at), count(*), sum(version), count(*) filter (where ends_at < ${now.toISOString()}::timestamptz)) as v
        from dialogue_sessions`),
    );
    return `${row?.v ?? ""}|${toLocalDate(now)}`;
  },
};

/** The lookup form without a code: the same for everyone, in each language, until the next build. */
export const lookupPage: CachedPage = {
  name: "lookup",
  match: (path) => (path === "/tra-cuu" ? "" : null),
  validator: async () => "form",
};

/** Every public page the server answers from its validated cache. */
export const CACHED_PAGES: CachedPage[] = [homePage, lookupPage, statusPage, sessionPage, projectorPage, calendarPage, ...RECEPTION_CACHED_PAGES, ...DUTY_CACHED_PAGES, ...STATISTICS_CACHED_PAGES, ...RECORD_CACHED_PAGES, ...PUBLICATION_CACHED_PAGES, ...OPEN_DATA_CACHED_PAGES, ...OPEN311_CACHED_PAGES];
