import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { env } from "@/env";

/**
 * A network address as the dialogue tables keep it: a keyed hash, never the address itself. The key is the
 * installation's lookup key, so the hash cannot be reversed by trying the few billion IPv4 addresses.
 */
export function addressHash(ip: string): string {
  return createHmac("sha256", env().LOOKUP_HASH_KEY).update(`dialogue-address:${ip.trim().toLowerCase()}`).digest("base64url");
}

/** The cookie that tells one browser's supports apart (not personal: nothing ties it to a person or a page view). */
export const SUPPORTER_COOKIE = "ung_ho";

/** A fresh random token for the supporter cookie. */
export function newSupporterToken(): string {
  return randomBytes(24).toString("base64url");
}

export function isSupporterToken(value: unknown): value is string {
  return typeof value === "string" && /^[A-Za-z0-9_-]{32}$/.test(value);
}

/**
 * Who supports: a signed-in user by their id, anyone else by their browser's token, hashed with a key so that the
 * stored value cannot be replayed as a cookie.
 */
export function supporterKey(who: { userId: string } | { browserToken: string }): string {
  if ("userId" in who) return `user:${who.userId}`;
  return `browser:${createHmac("sha256", env().LOOKUP_HASH_KEY).update(`dialogue-supporter:${who.browserToken}`).digest("base64url")}`;
}

/** The PostgreSQL error a driver threw (drizzle wraps it in `cause`). */
export function pgError(error: unknown): { code?: string; constraint?: string; message?: string } | null {
  for (let e = error as { code?: string; constraint_name?: string; constraint?: string; message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) return { code: e.code, constraint: e.constraint_name ?? e.constraint, message: e.message };
  }
  return null;
}

/** A unique (23505) or check (23514) violation of one constraint. */
export function violates(error: unknown, kind: "unique" | "check", constraint: string): boolean {
  const e = pgError(error);
  if (!e || e.code !== (kind === "unique" ? "23505" : "23514")) return false;
  return (e.constraint ?? e.message ?? "").includes(constraint);
}
