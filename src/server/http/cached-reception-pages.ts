import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { toLocalDate } from "@/domain/calendar";
import type { CachedPage } from "./public-page-cache";

const DAY_PATH = /^\/tiep-cong-dan\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/**
 * A reception day's public page (without a query string: a form's result is never cached) shows the day (every
 * change bumps its version and update time; a booking moves `booked`), its public history (newest event), its
 * head's and position's names, what the record says (matters and the cases they became, with their update
 * times) and the conclusion's items (commitments' update times). The clock matters too: bookings close when the
 * day starts, and the page says "today".
 */
export const receptionDayPage: CachedPage = {
  name: "reception-day",
  match: (path) => DAY_PATH.exec(path)?.[1] ?? null,
  async validator(db: Database, id: string, now: Date) {
    const at = now.toISOString();
    const rows = rowsOf<{ v: string }>(
      await db.execute(sql`select concat_ws('|', d.version, d.updated_at, d.booked, d.capacity, d.bookings_open,
          (d.starts_at <= ${at}::timestamptz), (d.ends_at <= ${at}::timestamptz),
          (select max(e.id) from reception_day_events e where e.reception_day_id = d.id),
          p.updated_at, h.name,
          (select concat_ws(',', count(*), max(c.updated_at)) from reception_matters m left join cases c on c.id = m.case_id where m.reception_day_id = d.id),
          (select concat_ws(',', count(*), max(k.updated_at)) from commitments k where k.reception_day_id = d.id)) as v
        from reception_days d
        join reception_positions p on p.id = d.position_id
        left join users h on h.id = d.head_user_id
        where d.id = ${id}::uuid`),
    );
    return rows[0] ? `${rows[0].v}|${toLocalDate(now)}` : null;
  },
};

/**
 * The calendar, unfiltered: every day's version (the sum moves even when two changes commit out of their update
 * times' order), places taken, positions' titles, and how many days have ended (a day leaves "upcoming" with
 * no write).
 */
export const receptionCalendarPage: CachedPage = {
  name: "reception-calendar",
  match: (path) => (path === "/tiep-cong-dan" ? "" : null),
  async validator(db: Database, _key: string, now: Date) {
    const [row] = rowsOf<{ v: string }>(
      await db.execute(sql`select concat_ws('|', max(updated_at), count(*), sum(version), sum(booked),
          count(*) filter (where ends_at < ${now.toISOString()}::timestamptz),
          (select concat_ws(',', count(*), max(updated_at)) from reception_positions),
          (select concat_ws(',', count(*), max(created_at)) from reception_position_holders)) as v
        from reception_days`),
    );
    return `${row?.v ?? ""}|${toLocalDate(now)}`;
  },
};

/** The reception calendar's public pages the server answers from its validated cache (owned by the calendar). */
export const RECEPTION_CACHED_PAGES: CachedPage[] = [receptionCalendarPage, receptionDayPage];
