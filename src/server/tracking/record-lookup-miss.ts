import "server-only";
import type { DbOrTx } from "@/db/client";
import { normalizeTrackingCode } from "@/domain/tracking-code";
import { consumeRateLimit, peekRateLimit, RATE_LIMITS } from "@/server/abuse/rate-limit";
import { publicCaseExists } from "./get-public-case";

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

export type LookupOutcome =
  | { kind: "found"; code: string }
  | { kind: "malformed" }
  | { kind: "unknown"; code: string }
  | { kind: "refused"; retryAfterSeconds: number };

/**
 * What typing a code into the lookup form leads to. A code that exists always goes through, even from an
 * address over the limit (many citizens share one): the block stops guessing, never a citizen who has their
 * code. Only misses are counted, and an address already over the limit adds no more writes.
 */
export async function lookUpCode(db: DbOrTx, typed: string, ip: string, now = new Date()): Promise<LookupOutcome> {
  const code = normalizeTrackingCode(typed);
  const [gate, exists] = await Promise.all([checkLookupAllowed(db, ip, now), code === null ? false : publicCaseExists(db, code)]);
  if (code !== null && exists) return { kind: "found", code };
  if (gate.refused) return { kind: "refused", retryAfterSeconds: gate.retryAfterSeconds };
  const miss = await recordLookupMiss(db, ip, now);
  if (miss.refused) return { kind: "refused", retryAfterSeconds: miss.retryAfterSeconds };
  return code === null ? { kind: "malformed" } : { kind: "unknown", code };
}
