import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/env";
import { emailLookupHash } from "@/server/privacy/personal-data";
import { appUrl } from "@/emails/links";

/** Kinds of non-essential mail a recipient may stop. Case decisions and staff assignments are not among them. */
export const EMAIL_TOPICS = ["digest", "reminder"] as const;
export type EmailTopic = (typeof EMAIL_TOPICS)[number];

// A distinct prefix, so that no other HMAC made with AUTH_SECRET can pass as a preference token.
const PREFIX = "email-preferences:v1:";

function mac(payload: string): string {
  return createHmac("sha256", env().AUTH_SECRET).update(PREFIX + payload).digest("base64url");
}

/**
 * "<emailHash>.<topic>.<mac>": names the address only by its keyed hash, so the link reveals no email
 * and cannot be forged for another address or topic. It does not expire: an old message's link still works.
 */
export function preferenceToken(email: string, topic: EmailTopic): string {
  const payload = `${emailLookupHash(email)}.${topic}`;
  return `${payload}.${mac(payload)}`;
}

export function verifyPreferenceToken(token: string): { emailHash: string; topic: EmailTopic } | null {
  const match = /^([0-9a-f]{64})\.([a-z]+)\.([A-Za-z0-9_-]{43})$/.exec(token.trim());
  if (!match) return null;
  const [, emailHash, topic, given] = match;
  if (!(EMAIL_TOPICS as readonly string[]).includes(topic!)) return null;
  const expected = Buffer.from(mac(`${emailHash}.${topic}`));
  const actual = Buffer.from(given!);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  return { emailHash: emailHash!, topic: topic as EmailTopic };
}

export function preferencesUrl(email: string, topic: EmailTopic): string {
  return appUrl(`/email/huy-dang-ky?t=${encodeURIComponent(preferenceToken(email, topic))}`);
}
