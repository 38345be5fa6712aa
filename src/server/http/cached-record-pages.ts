import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { decodeParam } from "@/lib/route-param";
import { isLeader } from "@/server/records/list-leaders";
import type { CachedPage } from "./public-page-cache";

// The unit and leader records, at their bare addresses (a chosen period has a query string: never cached). Their
// figures move with every case, so, like /thong-ke, a record may be up to a minute old: the validator is the
// current minute (the page says "figures as of HH:MM"), plus one indexed lookup so that an unknown code or id is
// left to Next (its 404).

const UNIT_PATH = /^\/thong-ke\/don-vi\/([^/?#]+)$/;
const LEADER_PATH = /^\/thong-ke\/lanh-dao\/([^/?#]+)$/;

/** The minute, in UTC: the same string for every request of that minute, on every instance. */
const minuteOf = (now: Date) => now.toISOString().slice(0, 16);

export const unitRecordPage: CachedPage = {
  name: "unit-record",
  match: (path) => {
    const m = UNIT_PATH.exec(path);
    return m ? decodeParam(m[1]!) : null;
  },
  async validator(db: Database, code: string, now: Date) {
    if (code.length > 64) return null;
    const [row] = rowsOf<{ v: string }>(await db.execute(sql`select concat_ws('|', id, valid_to, successor_id, parent_id) as v from units where code = ${code}`));
    return row ? `${row.v}|${minuteOf(now)}` : null;
  },
};

export const leaderRecordPage: CachedPage = {
  name: "leader-record",
  match: (path) => {
    const m = LEADER_PATH.exec(path);
    return m ? decodeParam(m[1]!) : null;
  },
  async validator(db: Database, userId: string, now: Date) {
    return (await isLeader(db, userId)) ? minuteOf(now) : null;
  },
};

export const leaderListPage: CachedPage = {
  name: "leader-list",
  match: (path) => (path === "/thong-ke/lanh-dao" ? "" : null),
  async validator(_db: Database, _key: string, now: Date) {
    return minuteOf(now);
  },
};

/** The records' public pages the server answers from its validated cache (owned by the records). */
export const RECORD_CACHED_PAGES: CachedPage[] = [leaderListPage, leaderRecordPage, unitRecordPage];
