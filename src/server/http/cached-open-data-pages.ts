import "server-only";
import { toLocalDate } from "@/domain/calendar";
import type { CachedPage } from "./public-page-cache";

/**
 * The open data's documentation page (/du-lieu-mo, without a query string) shows only its copy, the format's
 * columns and the site's address: nothing from the database, so its validator needs no query (the date only, so
 * a deploy's new copy is served by the next day at the latest; a restart empties the cache anyway). The files
 * themselves are not cached here: they are streamed, with their own ETag and max-age (src/server/open-data).
 */
export const openDataDocsPage: CachedPage = {
  name: "open-data-docs",
  match: (path) => (path === "/du-lieu-mo" ? "" : null),
  validator: async (_db, _key, now) => `v1|${toLocalDate(now)}`,
};

/** The open data's pages the server answers from its validated cache (owned by the open data). */
export const OPEN_DATA_CACHED_PAGES: CachedPage[] = [openDataDocsPage];
