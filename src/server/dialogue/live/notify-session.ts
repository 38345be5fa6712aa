import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

/** The PostgreSQL channel on which a session's changes are announced (its payload is the session's id). */
export const SESSION_CHANNEL = "dialogue_session";

/**
 * Announces that what a session shows live (its state, its queue, an answer) has changed. Called inside the
 * transaction that makes the change: PostgreSQL (and PGlite, in local mode) delivers the notification to every
 * listener only once that transaction commits, and not at all if it rolls back. Listeners then read the new
 * state themselves (src/server/dialogue/live/), so the payload is only the id.
 */
export async function notifySessionChanged(tx: DbOrTx, sessionId: string): Promise<void> {
  await tx.execute(sql`select pg_notify(${SESSION_CHANNEL}, ${sessionId})`);
}

/**
 * Records that the session's public page changed (its version and update time, read by the page cache's
 * validator) and announces it live. Every write that changes what the session's public page or projector view
 * shows calls this in its transaction, except a support, which only touches its question's row (a support is
 * too frequent to serialise on the session's row; the validator reads the questions' update times too).
 */
export async function touchSession(tx: DbOrTx, sessionId: string): Promise<void> {
  await tx.execute(sql`update dialogue_sessions set version = version + 1, updated_at = now() where id = ${sessionId}::uuid`);
  await notifySessionChanged(tx, sessionId);
}
