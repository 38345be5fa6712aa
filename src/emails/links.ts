import "server-only";
import { env } from "@/env";

// Every address a message links to, built from APP_URL in one place.
export function appUrl(path: string): string {
  return `${env().APP_URL}${path}`;
}

export const publicCaseUrl = (code: string) => appUrl(`/tra-cuu/${code}`);
/** The filer's private view (asks for the access key, which no message but the receipt carries). */
export const privateCaseUrl = (code: string) => appUrl(`/tra-cuu/${code}/rieng`);
/** The staff workspace page of a case. */
export const staffCaseUrl = (code: string) => appUrl(`/can-bo/ho-so/${code}`);
export const staffHomeUrl = () => appUrl("/can-bo");
