import "server-only";
import type { DbOrTx } from "@/db/client";
import { consumeRateLimit, peekRateLimit, RATE_LIMITS } from "@/server/abuse/rate-limit";

export const LOOKUP_MISS_RULE = RATE_LIMITS.lookupMissPerIp;

export type LookupGate = { refused: false } | { refused: true; retryAfterSeconds: number };

function missKey(ip: string): string {
  return `lookup-miss:${ip}`;
}

function gate(result: Awaited<ReturnType<typeof peekRateLimit>>): LookupGate {
  return result.ok ? { refused: false } : { refused: true, retryAfterSeconds: result.retryAfterSeconds };
}

/** Counts one failed lookup; refused once this IP is over the limit in the current window. */
export async function recordLookupMiss(db: DbOrTx, ip: string, now = new Date()): Promise<LookupGate> {
  return gate(await consumeRateLimit(db, missKey(ip), LOOKUP_MISS_RULE, now));
}

/** Read only: whether an IP that went over the limit must wait before looking up another code. */
export async function checkLookupAllowed(db: DbOrTx, ip: string, now = new Date()): Promise<LookupGate> {
  return gate(await peekRateLimit(db, missKey(ip), LOOKUP_MISS_RULE, now));
}
