import "server-only";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { toLocalDate } from "@/domain/calendar";
import { listUpcomingSessions } from "@/server/dialogue/list-upcoming-sessions";
import { getHeadlineFigures } from "@/server/stats/get-headline-figures";
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
 * The home page shows the headline figures and the next sessions, and nothing else that the database holds:
 * its validator is those very data (a few summed rows and five sessions), so it cannot miss a change.
 */
export const homePage: CachedPage = {
  name: "home",
  match: (path) => (path === "/" ? "" : null),
  async validator(db: Database, _key: string, now: Date) {
    const [figures, sessions] = await Promise.all([getHeadlineFigures(db, now), listUpcomingSessions(db, now)]);
    return createHash("sha256").update(JSON.stringify([figures, sessions])).digest("base64url");
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
