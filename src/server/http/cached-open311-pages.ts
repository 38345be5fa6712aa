import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { CachedPage } from "./public-page-cache";

/**
 * The Open311 documentation page shows the services, which are the active fields of life (their codes, names,
 * order): it changes only with `categories`, a table of a dozen rows.
 */
export const open311DocsPage: CachedPage = {
  name: "open311-docs",
  match: (path) => (path === "/du-lieu-mo/open311" ? "" : null),
  async validator(db: Database) {
    const [row] = rowsOf<{ v: string }>(
      await db.execute(sql`select concat_ws('|', count(*), max(created_at),
          md5(coalesce(string_agg(concat_ws(',', code, name_vi, name_en, sort_order, active), ';' order by code), ''))) as v
        from categories`),
    );
    return row?.v ?? "";
  },
};

/** The Open311 room's public pages the server answers from its validated cache. The API itself is never cached. */
export const OPEN311_CACHED_PAGES: CachedPage[] = [open311DocsPage];
