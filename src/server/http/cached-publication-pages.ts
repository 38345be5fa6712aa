import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { CachedPage } from "./public-page-cache";

const ANSWER_PATH = /^\/cong-khai\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/**
 * "Công khai" without a query string (a search is never cached): the newest answers and the filter choices, which
 * change only when an answer is published, rewritten or removed: the rows' count and latest update time say so
 * (a removal lowers the count). Nothing on it depends on the clock.
 */
export const publicAnswersPage: CachedPage = {
  name: "public-answers",
  match: (path) => (path === "/cong-khai" ? "" : null),
  async validator(db: Database) {
    const [row] = rowsOf<{ v: string }>(await db.execute(sql`select concat_ws('|', count(*), max(updated_at)) as v from public_answers`));
    return row?.v ?? "";
  },
};

/** One published answer: its row's update time (a rewrite after the case changed moves it); null: not published. */
export const publicAnswerPage: CachedPage = {
  name: "public-answer",
  match: (path) => ANSWER_PATH.exec(path)?.[1] ?? null,
  async validator(db: Database, id: string) {
    const [row] = rowsOf<{ v: string }>(await db.execute(sql`select concat_ws('|', case_version, updated_at) as v from public_answers where id = ${id}::uuid`));
    return row ? row.v : null;
  },
};

/** The published answers' pages the server answers from its validated cache (owned by the publication room). */
export const PUBLICATION_CACHED_PAGES: CachedPage[] = [publicAnswersPage, publicAnswerPage];
