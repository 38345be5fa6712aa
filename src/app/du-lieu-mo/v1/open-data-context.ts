import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { env } from "@/env";
import type { OpenDataContext } from "@/server/open-data/open-data-http";

/** The reader's language for error messages and the configured site address for links (never the request's Host). */
export async function openDataContext(): Promise<OpenDataContext> {
  const [t, locale] = await Promise.all([getTranslations("openData"), getLocale()]);
  return { now: new Date(), siteOrigin: env().APP_URL, locale: locale === "en" ? "en" : "vi", message: (error) => t(`errors.${error}`) };
}
