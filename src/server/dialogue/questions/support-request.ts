import "server-only";
import type { Database } from "@/db/client";
import { env } from "@/env";
import { parseCookies } from "@/lib/cookies";
import { logger } from "@/lib/logger";
import { clientIp } from "@/server/net/loopback";
import { isSupporterToken, newSupporterToken, SUPPORTER_COOKIE } from "./keys";
import { supportQuestion, type SupportOutcome } from "./support-question";

/** How a support's result travels back in the page's query string (?ung-ho=…), without JavaScript. */
export const SUPPORT_RESULT_SLUGS: Record<SupportOutcome, string> = {
  supported: "da-ung-ho",
  already_supported: "da-ung-ho-truoc",
  not_supportable: "khong-nhan-ung-ho",
  address_cap: "qua-gioi-han",
  not_found: "khong-tim-thay",
};

export function supportOutcomeOf(slug: string | undefined): SupportOutcome | null {
  const found = Object.entries(SUPPORT_RESULT_SLUGS).find(([, s]) => s === slug);
  return found ? (found[0] as SupportOutcome) : null;
}

/** Where the result of a support (and of the ask form) is shown on the session page. */
export const SUPPORT_RESULT_ANCHOR = "ket-qua-ung-ho";

const YEAR = 365 * 24 * 3600;

/** Auth.js's session cookie (`authjs.session-token`, `__Secure-` prefixed over HTTPS): without it there is no user. */
export function hasSessionCookie(names: Iterable<string>): boolean {
  for (const name of names) if (/(^|\.)session-token$/.test(name)) return true;
  return false;
}

/** The route passes the database and, when the request carries a session cookie, who is signed in. */
export type SupportDeps = { db: Database; signedInUserId: () => Promise<string | null> };

/**
 * POST /doi-thoai/<id>/ung-ho with the form field `question`. A signed-in user supports by account; anyone else
 * by the browser's random token in the `ung_ho` cookie, set here on the first support (its name keeps public pages
 * cacheable for the visitor, see src/server/http/public-page-cache.ts). Answers JSON when asked for it, else 303
 * back to the session page with the result in the query string.
 */
export async function handleSupportRequest(request: Request, sessionId: string, deps: SupportDeps): Promise<Response> {
  // What Next checks for a server action: another site must not make its visitors support a question.
  const origin = request.headers.get("origin");
  if (origin && origin !== "null" && origin.toLowerCase() !== new URL(env().APP_URL).origin) return new Response(null, { status: 403 });
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  let questionId: unknown = null;
  try {
    questionId = (await request.formData()).get("question");
  } catch {
    questionId = null;
  }
  const cookies = parseCookies(request.headers.get("cookie"));
  let setCookie: string | null = null;
  let userId: string | null = null;
  // Most supporters are not signed in: no session cookie, no session lookup.
  if (hasSessionCookie(cookies.keys())) userId = await deps.signedInUserId();
  let token = cookies.get(SUPPORTER_COOKIE);
  if (!userId && !isSupporterToken(token)) {
    token = newSupporterToken();
    const secure = env().APP_URL.startsWith("https:") ? "; Secure" : "";
    setCookie = `${SUPPORTER_COOKIE}=${token}; Path=/doi-thoai; Max-Age=${YEAR}; HttpOnly; SameSite=Lax${secure}`;
  }

  let result;
  try {
    result = await supportQuestion(deps.db, {
      sessionId,
      questionId,
      supporter: userId ? { userId } : { browserToken: token! },
      ip: clientIp(request.headers),
    });
  } catch (error) {
    logger.error("support failed", { error });
    return wantsJson ? Response.json({ result: "failed" }, { status: 500 }) : new Response(null, { status: 500 });
  }
  const headers = new Headers({ "cache-control": "no-store" });
  if (setCookie) headers.append("set-cookie", setCookie);
  if (wantsJson) {
    // The live view knows these four; an unknown question is one it cannot support.
    const outcome = result.outcome === "not_found" ? "not_supportable" : result.outcome;
    headers.set("content-type", "application/json");
    return new Response(JSON.stringify({ result: outcome, number: result.number ?? null, supportCount: result.supportCount ?? null }), {
      status: result.outcome === "not_found" ? 404 : 200,
      headers,
    });
  }
  const query = new URLSearchParams({ "ung-ho": SUPPORT_RESULT_SLUGS[result.outcome] });
  if (result.number) query.set("cau", String(result.number));
  headers.set("location", `/doi-thoai/${encodeURIComponent(sessionId)}?${query}#${SUPPORT_RESULT_ANCHOR}`);
  return new Response(null, { status: 303, headers });
}
