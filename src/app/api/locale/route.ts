import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/env";
import { LOCALE_COOKIE, isLocale } from "@/i18n/config";

/**
 * Sets the language cookie and goes back to the page the visitor was on (a plain form: works without JavaScript).
 * The custom server has already refused a body over a few kilobytes (src/server/http/body-limits.ts).
 */
export async function POST(request: NextRequest) {
  const form = await request.formData().catch(() => null);
  const locale = form?.get("locale");
  const site = env().APP_URL;
  const response = NextResponse.redirect(new URL(safeReturnPath(request.headers.get("referer"), site), site), 303);
  if (isLocale(locale)) {
    response.cookies.set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 60 * 60, sameSite: "lax", secure: site.startsWith("https://") });
  }
  return response;
}

/** Back to the page on this site the form was on; anywhere else (or nowhere) is the home page. */
function safeReturnPath(referer: string | null, site: string): string {
  if (!referer) return "/";
  try {
    const url = new URL(referer);
    return url.origin === new URL(site).origin ? `${url.pathname}${url.search}` : "/";
  } catch {
    return "/";
  }
}
