import { NextResponse, type NextRequest } from "next/server";
import { LOCALE_COOKIE, isLocale } from "@/i18n/config";

/** Sets the language cookie and goes back to the page the visitor was on (a plain form: works without JavaScript). */
export async function POST(request: NextRequest) {
  const form = await request.formData().catch(() => null);
  const locale = form?.get("locale");
  const back = safeReturnPath(request);
  const response = NextResponse.redirect(new URL(back, request.url), 303);
  if (isLocale(locale)) {
    response.cookies.set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 60 * 60, sameSite: "lax" });
  }
  return response;
}

function safeReturnPath(request: NextRequest): string {
  const referer = request.headers.get("referer");
  if (!referer) return "/";
  try {
    const url = new URL(referer);
    return url.host === request.headers.get("host") ? `${url.pathname}${url.search}` : "/";
  } catch {
    return "/";
  }
}
