import "server-only";
import type { DbOrTx } from "@/db/client";
import { consumeRateLimit, RATE_LIMITS } from "@/server/abuse/rate-limit";
import { emailLookupHash } from "@/server/privacy/personal-data";

export type SignInGate = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Counts one sign-in email request against the requesting address and against the email address asked for,
 * and says whether it may be sent. The email appears in the key only as its keyed hash. The network address
 * is counted first: once it is over its limit, its requests stop counting against anyone's email, so one
 * address cannot keep a citizen's mailbox blocked for longer than its own few requests.
 */
export async function limitSignIn(db: DbOrTx, request: { email: string; ip: string }, now = new Date()): Promise<SignInGate> {
  const byIp = await consumeRateLimit(db, `sign-in:ip:${request.ip}`, RATE_LIMITS.signInPerIp, now);
  if (!byIp.ok) return byIp;
  const byEmail = await consumeRateLimit(db, `sign-in:email:${emailLookupHash(request.email)}`, RATE_LIMITS.signInPerEmail, now);
  if (!byEmail.ok) return byEmail;
  return { ok: true };
}

/**
 * Whether a request to Auth.js's HTTP endpoint asks to send a sign-in email (POST /api/auth/signin[/provider]).
 * The sign-in form calls Auth.js in-process (next-auth's signIn runs Auth() directly), after limitSignIn; the
 * HTTP endpoint would skip the limits, so the route refuses it. Segments are read as Auth.js reads them, and
 * also decoded and lower-cased, so that no spelling of "signin" slips through.
 */
export function isDirectSignInRequest(pathname: string, basePath = "/api/auth"): boolean {
  if (!pathname.startsWith(basePath)) return false;
  const first = pathname.slice(basePath.length).split("/").filter(Boolean)[0];
  if (first === undefined) return false;
  let decoded = first;
  try {
    decoded = decodeURIComponent(first);
  } catch {
    // A malformed escape is not "signin" to Auth.js either.
  }
  return first === "signin" || decoded.trim().toLowerCase() === "signin";
}
