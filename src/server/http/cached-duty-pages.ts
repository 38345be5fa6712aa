import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { toLocalDate } from "@/domain/calendar";
import type { CachedPage } from "./public-page-cache";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const POSITION_PATH = new RegExp(`^/tiep-cong-dan/nhiem-vu/(${UUID})$`);
const UNIT_PATH = new RegExp(`^/tiep-cong-dan/nhiem-vu/don-vi/(${UUID})$`);

/**
 * What every duty page is computed from, in one round trip: the rules' versions (added, confirmed), the working-day
 * calendar, the seats and their holders (a term's end moves the sum of end dates), and, for the seats in scope,
 * their days (every change of a day bumps its version and update time: held, moved, new head), their matters
 * (a refusal notified moves the sum of notice dates) and the cases those became (an answer updates the case).
 * And the date: a month ends, a pending duty becomes missed, a case becomes overdue, with no write at all.
 * `scope` picks the seats (all, one, or a unit's); null when the seat or unit does not exist (Next's own 404).
 */
async function dutyFingerprint(db: Database, scope: SQL, exists: SQL | null, now: Date): Promise<string | null> {
  const [row] = rowsOf<{ v: string | null; found: boolean }>(
    await db.execute(sql`with p as (select id from reception_positions where ${scope})
      select ${exists ?? sql`true`} as found, concat_ws('|',
        (select concat_ws(',', count(*), max(created_at), count(*) filter (where confirmed)) from reception_duty_rules),
        (select concat_ws(',', count(*), max(created_at), md5(coalesce(string_agg(concat(date, kind, confirmed), ',' order by date), ''))) from holidays),
        (select concat_ws(',', count(*), max(updated_at)) from reception_positions),
        (select concat_ws(',', count(*), max(created_at), coalesce(sum(to_date - date '2000-01-01'), 0)) from reception_position_holders),
        (select concat_ws(',', count(*), max(d.updated_at), sum(d.version)) from reception_days d where d.position_id in (select id from p)),
        (select concat_ws(',', count(*), max(m.created_at), coalesce(sum(m.refusal_notified_on - date '2000-01-01'), 0), max(c.updated_at))
          from reception_matters m join reception_days d on d.id = m.reception_day_id left join cases c on c.id = m.case_id
          where d.position_id in (select id from p))) as v`),
  );
  if (!row || !row.found) return null;
  return `${row.v ?? ""}|${toLocalDate(now)}`;
}

/** The index of every seat (this month and last), unfiltered: a filter's answer is rendered per request. */
export const dutyIndexPage: CachedPage = {
  name: "duty-index",
  match: (path) => (path === "/tiep-cong-dan/nhiem-vu" ? "" : null),
  validator: (db, _key, now) => dutyFingerprint(db, sql`active`, null, now),
};

/** How each figure is computed: its table of rule versions moves only with the rules. */
export const dutyMethodPage: CachedPage = {
  name: "duty-method",
  match: (path) => (path === "/tiep-cong-dan/nhiem-vu/cach-tinh" ? "" : null),
  async validator(db: Database) {
    const [row] = rowsOf<{ v: string }>(await db.execute(sql`select concat_ws(',', count(*), max(created_at), count(*) filter (where confirmed)) as v from reception_duty_rules`));
    return `rules|${row?.v ?? ""}`;
  },
};

/** One seat, month by month. */
export const dutyPositionPage: CachedPage = {
  name: "duty-position",
  match: (path) => POSITION_PATH.exec(path)?.[1] ?? null,
  validator: (db, id, now) => dutyFingerprint(db, sql`id = ${id}::uuid`, sql`exists (select 1 from reception_positions where id = ${id}::uuid)`, now),
};

/** A unit's seats. */
export const dutyUnitPage: CachedPage = {
  name: "duty-unit",
  match: (path) => UNIT_PATH.exec(path)?.[1] ?? null,
  validator: (db, id, now) => dutyFingerprint(db, sql`unit_id = ${id}::uuid`, sql`exists (select 1 from units where id = ${id}::uuid)`, now),
};

/** The reception duty pages the server answers from its validated cache. */
export const DUTY_CACHED_PAGES: CachedPage[] = [dutyIndexPage, dutyMethodPage, dutyPositionPage, dutyUnitPage];
