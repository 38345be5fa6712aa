import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { consumeRateLimit, type RateLimitRule } from "@/server/abuse/rate-limit";

/**
 * Failed lookups (malformed or unknown code) per client IP. Only misses count: someone guessing codes
 * misses almost every time, while a citizen checking their own case never pays, and the status page of a
 * valid code stays free of writes.
 */
export const LOOKUP_MISS_RULE: RateLimitRule = { limit: 30, windowSeconds: 600 };

export type LookupGate = { refused: false } | { refused: true; retryAfterSeconds: number };

function missKey(ip: string): string {
  return `lookup-miss:${ip}`;
}

/** Same fixed window as consumeRateLimit. */
function windowOf(now: Date): { start: number; end: number } {
  const ms = LOOKUP_MISS_RULE.windowSeconds * 1000;
  const start = Math.floor(now.getTime() / ms) * ms;
  return { start, end: start + ms };
}

/** Counts one failed lookup; refused once this IP is over the limit in the current window. */
export async function recordLookupMiss(db: DbOrTx, ip: string, now = new Date()): Promise<LookupGate> {
  const result = await consumeRateLimit(db, missKey(ip), LOOKUP_MISS_RULE, now);
  return result.ok ? { refused: false } : { refused: true, retryAfterSeconds: result.retryAfterSeconds };
}

/** Read only: whether an IP that went over the limit must wait before looking up any code again. */
export async function checkLookupAllowed(db: DbOrTx, ip: string, now = new Date()): Promise<LookupGate> {
  const [row] = await db
    .select({ windowStart: rateLimits.windowStart, count: rateLimits.count })
    .from(rateLimits)
    .where(eq(rateLimits.key, missKey(ip)))
    .limit(1);
  const window = windowOf(now);
  if (!row || row.windowStart.getTime() !== window.start || row.count <= LOOKUP_MISS_RULE.limit) return { refused: false };
  return { refused: true, retryAfterSeconds: Math.ceil((window.end - now.getTime()) / 1000) };
}
