import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { DbOrTx } from "@/db/client";
import { verificationTokens } from "@/db/schema";
import { env } from "@/env";
import type { Locale } from "@/i18n/config";
import { SIGN_IN_LINK_MAX_AGE_SECONDS } from "@/server/email/purge-outbox";
import { queueSignInEmail } from "@/server/email/queue-sign-in-email";

/** Where an invited official lands once signed in. */
export const INVITATION_LANDING = "/can-bo";

/**
 * A sign-in link exactly as Auth.js's email provider makes one (src/auth.ts, @auth/core send-token): a random
 * token, stored as sha256(token + AUTH_SECRET) in verification_tokens, expiring like a requested link, and a URL
 * on the Resend provider's callback built from the configured site address (APP_URL), never from a request. It
 * is queued through the same outbox path a requested sign-in uses (the link sealed as the message's secret).
 */
export async function queueInvitationLink(tx: DbOrTx, request: { email: string; locale: Locale }, now = new Date()): Promise<void> {
  const e = env();
  const token = randomBytes(32).toString("hex");
  const expires = new Date(now.getTime() + SIGN_IN_LINK_MAX_AGE_SECONDS * 1000);
  await tx.insert(verificationTokens).values({ identifier: request.email, token: createHash("sha256").update(`${token}${e.AUTH_SECRET}`).digest("hex"), expires });
  const params = new URLSearchParams({ callbackUrl: `${e.APP_URL}${INVITATION_LANDING}`, token, email: request.email });
  const url = `${e.APP_URL}/api/auth/callback/resend?${params}`;
  await queueSignInEmail(tx, { identifier: request.email, url, locale: request.locale, appUrl: e.APP_URL });
}
