import "server-only";
import { env } from "@/env";

/** An absolute address on this site, from the configured APP_URL (never from a request's headers). */
export function siteUrl(path: string): string {
  return `${env().APP_URL}${path}`;
}
