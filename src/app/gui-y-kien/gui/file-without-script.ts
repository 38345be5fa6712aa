import "server-only";
import { getDb } from "@/db/client";
import { env } from "@/env";
import { parseCookies } from "@/lib/cookies";
import { LOCALE_COOKIE } from "@/i18n/config";
import { logger } from "@/lib/logger";
import { filesFromForm } from "@/server/attachments/store-attachments";
import { BODY_LIMITS } from "@/server/http/body-limits";
import { submitCase } from "@/server/intake/submit-case";
import { clientIp } from "@/server/net/loopback";
import { readIntakeForm, receiptCookie } from "../form-input";

/** Where the filing form posts without JavaScript (the submit button's formaction until the page is hydrated). */
export const NOSCRIPT_FILING_PATH = "/gui-y-kien/gui";

/** As the server action allows (next.config.ts serverActions.bodySizeLimit): attachments plus the text. */
export const MAX_FILING_BODY_BYTES = BODY_LIMITS.upload;


/** Auth.js's session cookie (`authjs.session-token`, `__Secure-` prefixed over HTTPS): without it there is no user. */
export function hasSessionCookie(names: Iterable<string>): boolean {
  for (const name of names) if (/(^|\.)session-token$/.test(name)) return true;
  return false;
}

function redirect(status: 303 | 307, location: string, cookie?: string): Response {
  const headers = new Headers({ location });
  if (cookie) headers.append("set-cookie", cookie);
  return new Response(null, { status, headers });
}

function serializeCookie(c: ReturnType<typeof receiptCookie>): string {
  return `${c.name}=${encodeURIComponent(c.value)}; Path=${c.path}; Max-Age=${c.maxAge}; HttpOnly; SameSite=Lax${c.secure ? "; Secure" : ""}`;
}

/**
 * Next's server-action machinery costs more CPU than filing itself, so the common case, a valid submission, is
 * handled here with plain web Request and Response: parse, file, 303 to the receipt with the one-time key cookie.
 * Anything else answers 307, which makes the browser send the same form, files included, to the page's server
 * action: it files nothing new (the refusal repeats; a retry finds the case by its idempotency key) and renders
 * the form again with what was typed and each problem by its field, in the user's language.
 * Served by the route handler beside this file, and by the custom server before Next for citizens not signed in.
 */
export async function fileWithoutScript(request: Request, userId: () => Promise<string | null>): Promise<Response> {
  const toAction = () => redirect(307, "/gui-y-kien");
  // What Next checks for a server action: a cross-site page must not file in a signed-in citizen's name.
  const origin = request.headers.get("origin");
  if (origin && origin !== "null" && origin.toLowerCase() !== new URL(env().APP_URL).origin) return new Response(null, { status: 403 });
  const length = Number(request.headers.get("content-length") ?? NaN);
  if (!(length <= MAX_FILING_BODY_BYTES) || !request.headers.get("content-type")?.startsWith("multipart/form-data")) return toAction();

  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return toAction();
  }
  const { raw } = readIntakeForm(form, parseCookies(request.headers.get("cookie")).get(LOCALE_COOKIE));
  try {
    const [db, user] = await Promise.all([getDb(), userId()]);
    const result = await submitCase({ db, ip: clientIp(request.headers), userId: user }, raw, await filesFromForm(form, "attachments"));
    if (result.ok) return redirect(303, `/gui-y-kien/bien-nhan/${result.receipt.code}`, serializeCookie(receiptCookie(result.receipt.code, result.receipt.accessKey)));
    // Answer a bot as if nothing happened; a person never fills the hidden field.
    if (result.reason === "honeypot") return redirect(303, "/");
    return toAction();
  } catch (error) {
    logger.error("case submission failed", { error });
    return toAction();
  }
}
