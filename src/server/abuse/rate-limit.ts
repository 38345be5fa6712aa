import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { lookupHash } from "@/server/privacy/personal-data";

export type RateLimitRule = { limit: number; windowSeconds: number };
export type RateLimitResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

export const RATE_LIMITS = {
  /** Case submissions per client IP. */
  submitPerIp: { limit: 20, windowSeconds: 3600 },
  /** Cases an official registers on behalf of citizens (reception, mail, hotline…), per official. */
  submitPerStaff: { limit: 300, windowSeconds: 3600 },
  /** Case submissions per contact (email or phone). */
  submitPerContact: { limit: 5, windowSeconds: 3600 },
  /**
   * Failed lookups (malformed or unknown code) per client IP. Only misses count: someone guessing codes misses
   * almost every time, a citizen checking their own case never pays, and the status page stays free of writes.
   */
  lookupMissPerIp: { limit: 30, windowSeconds: 600 },
  /**
   * Wrong code + key pairs per client IP, and per case. Only misses count and a right pair always gets
   * through, so citizens behind one address (carrier NAT, a reception hall) never lock each other out; the
   * limits stop one address trying many keys, and many addresses trying keys on one case.
   */
  accessMissPerIp: { limit: 30, windowSeconds: 600 },
  accessMissPerCode: { limit: 10, windowSeconds: 600 },
  /** Sign-in emails per address asked for (its keyed hash): nobody's mailbox is flooded with links. */
  signInPerEmail: { limit: 5, windowSeconds: 3600 },
  /** Sign-in emails per requesting client IP, whatever the addresses. */
  signInPerIp: { limit: 30, windowSeconds: 3600 },
  /** Wrong or unknown booking codes per client IP (cancelling a reception booking): only misses count. */
  bookingCodeMissPerIp: { limit: 10, windowSeconds: 600 },
} satisfies Record<string, RateLimitRule>;

/** A key's name: its first word, and its second when it says what is counted ("filer-access:code:", "sign-in:ip:"). */
const KEY_NAME = /^([a-z-]+:(?:(?:ip|email|code):)?)(.+)$/;

/**
 * The key as stored: its name in clear (to read the table) and a keyed hash of the whole, so that the table never
 * holds a client's address, a case's code or an account in clear.
 */
export function storedRateLimitKey(key: string): string {
  const match = KEY_NAME.exec(key);
  return match ? `${match[1]}${lookupHash(key)}` : lookupHash(key);
}

function windowOf(rule: RateLimitRule, now: Date): { start: Date; end: Date } {
  const ms = rule.windowSeconds * 1000;
  const start = Math.floor(now.getTime() / ms) * ms;
  return { start: new Date(start), end: new Date(start + ms) };
}

/** Read only: whether a key is over its limit in the current window, without counting a hit. */
export async function peekRateLimit(db: DbOrTx, key: string, rule: RateLimitRule, now = new Date()): Promise<RateLimitResult> {
  const window = windowOf(rule, now);
  const rows = rowsOf<{ count: number; window_start: string | Date }>(
    await db.execute(sql`select count, window_start from rate_limits where key = ${storedRateLimitKey(key)}`),
  );
  const row = rows[0];
  const count = row && new Date(row.window_start).getTime() === window.start.getTime() ? Number(row.count) : 0;
  if (count > rule.limit) return { ok: false, retryAfterSeconds: Math.ceil((window.end.getTime() - now.getTime()) / 1000) };
  return { ok: true, remaining: rule.limit - count };
}

/**
 * Counts one hit against a fixed window, atomically in the database so the limit holds across instances.
 * A single upsert: no read-then-write race.
 */
export async function consumeRateLimit(db: DbOrTx, key: string, rule: RateLimitRule, now = new Date()): Promise<RateLimitResult> {
  const windowStart = windowOf(rule, now).start;
  const result = await db.execute(sql`
    insert into rate_limits (key, window_start, count) values (${storedRateLimitKey(key)}, ${windowStart.toISOString()}, 1)
    on conflict (key) do update set
      count = case when rate_limits.window_start = excluded.window_start then rate_limits.count + 1 else 1 end,
      window_start = excluded.window_start
    returning count`);
  const count = Number(rowsOf<{ count: number }>(result)[0]?.count ?? 1);
  if (count > rule.limit) {
    const retryAfterSeconds = Math.ceil((windowStart.getTime() + rule.windowSeconds * 1000 - now.getTime()) / 1000);
    return { ok: false, retryAfterSeconds };
  }
  return { ok: true, remaining: rule.limit - count };
}
