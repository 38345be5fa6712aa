import type { CachedPage } from "./public-page-cache";

/** The reception calendar's public pages the server answers from its validated cache (owned by the calendar). */
export const RECEPTION_CACHED_PAGES: CachedPage[] = [];
