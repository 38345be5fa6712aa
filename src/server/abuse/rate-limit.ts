import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows";

export type RateLimitRule = { limit: number; windowSeconds: number };
export type RateLimitResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

export const RATE_LIMITS = {
  /** Case submissions per client IP. */
  submitPerIp: { limit: 20, windowSeconds: 3600 },
  /** Case submissions per contact (email or phone). */
  submitPerContact: { limit: 5, windowSeconds: 3600 },
  /** Public status lookups per client IP. */
  lookupPerIp: { limit: 120, windowSeconds: 600 },
  /** Private access attempts (code + key) per client IP: keys are unguessable, but don't invite trying. */
  accessKeyPerIp: { limit: 20, windowSeconds: 600 },
} satisfies Record<string, RateLimitRule>;

/**
 * Counts one hit against a fixed window, atomically in the database so the limit holds across instances.
 * A single upsert: no read-then-write race.
 */
export async function consumeRateLimit(db: DbOrTx, key: string, rule: RateLimitRule, now = new Date()): Promise<RateLimitResult> {
  const windowStart = new Date(Math.floor(now.getTime() / (rule.windowSeconds * 1000)) * rule.windowSeconds * 1000);
  const result = await db.execute(sql`
    insert into rate_limits (key, window_start, count) values (${key}, ${windowStart.toISOString()}, 1)
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
