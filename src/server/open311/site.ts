import "server-only";
import { env } from "@/env";
import { siteOf } from "@/server/http/site-address";

/** Our jurisdiction_id: the site's host name (e.g. "doithoai.gialai.gov.vn"), from the configured address only. */
export function jurisdictionId(): string {
  return siteOf(env().APP_URL).hostname;
}

/** The API's base address, from the configured site address (never from a request's headers). */
export function open311BaseUrl(): string {
  return `${siteOf(env().APP_URL).origin}/open311/v2`;
}

/** Whether a client's jurisdiction_id (absent is fine) is ours. */
export function isOurJurisdiction(value: string | null): boolean {
  return value === null || value.trim() === "" || value.trim().toLowerCase() === jurisdictionId().toLowerCase();
}
