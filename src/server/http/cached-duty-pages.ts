import type { CachedPage } from "./public-page-cache";

/** The reception duty pages the server answers from its validated cache. */
export const DUTY_CACHED_PAGES: CachedPage[] = [];
