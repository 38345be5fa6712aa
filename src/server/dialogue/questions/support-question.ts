import "server-only";
import { sql } from "drizzle-orm";
import type { Database, Tx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { runInTransaction } from "@/db/transaction";
import { SUPPORTABLE_STATUSES } from "@/domain/dialogue/question-status";
import type { QuestionStatus, SessionStatus } from "@/domain/dialogue/vocabulary";
import { notifySessionChanged } from "@/server/dialogue/live/notify-session";
import { isUuid } from "@/server/dialogue/session-access";
import { addressHash, supporterKey, violates } from "./keys";

export type SupportOutcome = "supported" | "already_supported" | "not_supportable" | "address_cap" | "not_found";
/** `number` is the question the support went to (a merged question's supports go where it was merged). */
export type SupportResult = { outcome: SupportOutcome; questionId?: string; number?: number; supportCount?: number };

export type Supporter = { userId: string } | { browserToken: string };

/** A session past its end takes no more supports; a cancelled one none at all. */
const CLOSED_SESSIONS: readonly SessionStatus[] = ["ended", "minutes_published", "cancelled"];
/** How far a chain of merges is followed (a merged question's target may itself have been merged later). */
const MAX_MERGE_HOPS = 5;

class AddressCap extends Error {}

type Locked = { id: string; session_id: string; number: number; status: QuestionStatus; merged_into_id: string | null; support_count: number; session_status: SessionStatus };

/**
 * Locks the question's row for the support (a merge of it waits, or is waited for), following merges to the
 * question that now carries them. Supports of one question thus apply one after the other, which the counter
 * update would make them do anyway.
 */
async function lockTarget(tx: Tx, sessionId: string, questionId: string): Promise<Locked | null> {
  let id = questionId;
  for (let hop = 0; hop <= MAX_MERGE_HOPS; hop++) {
    const [row] = rowsOf<Locked>(
      await tx.execute(sql`
        select q.id, q.session_id, q.number, q.status, q.merged_into_id, q.support_count, s.status as session_status
        from dialogue_questions q join dialogue_sessions s on s.id = q.session_id
        where q.id = ${id}::uuid and q.session_id = ${sessionId}::uuid
        for no key update of q`),
    );
    if (!row) return null;
    if (row.status !== "merged" || !row.merged_into_id) return row;
    id = row.merged_into_id;
  }
  return null;
}

/**
 * Someone supports a question, once per person: a signed-in user by their account, anyone else by their browser.
 * The support row's primary key makes a second support a no-op; only a new support counts against the network
 * address's cap for the session (a check constraint: over it the support is rolled back) and adds one to the
 * question's count, in the same transaction, so the count is exactly the number of supports whatever runs
 * concurrently. No audit entry: the support rows are the record, and the audit chain would serialise them all.
 */
export async function supportQuestion(
  db: Database,
  input: { sessionId: string; questionId: unknown; supporter: Supporter; ip: string },
): Promise<SupportResult> {
  const { sessionId, questionId } = input;
  if (!isUuid(sessionId) || !isUuid(questionId)) return { outcome: "not_found" };
  const key = supporterKey(input.supporter);
  const address = addressHash(input.ip);
  try {
    return await runInTransaction(db, async (tx) => {
      const q = await lockTarget(tx, sessionId, questionId);
      if (!q) return { outcome: "not_found" };
      const found = { questionId: q.id, number: Number(q.number), supportCount: Number(q.support_count) };
      if (!SUPPORTABLE_STATUSES.includes(q.status) || CLOSED_SESSIONS.includes(q.session_status)) return { outcome: "not_supportable", ...found };
      const inserted = rowsOf(
        await tx.execute(sql`
          insert into dialogue_supports (question_id, supporter_key, session_id, address_hash)
          values (${q.id}::uuid, ${key}, ${sessionId}::uuid, ${address})
          on conflict do nothing
          returning 1 as one`),
      );
      if (inserted.length === 0) return { outcome: "already_supported", ...found };
      try {
        await tx.execute(sql`
          insert into dialogue_support_addresses (session_id, address_hash, count) values (${sessionId}::uuid, ${address}, 1)
          on conflict (session_id, address_hash) do update set count = dialogue_support_addresses.count + 1`);
      } catch (error) {
        if (violates(error, "check", "dialogue_support_addresses_cap")) throw new AddressCap();
        throw error;
      }
      const [counted] = rowsOf<{ support_count: number }>(
        await tx.execute(sql`
          update dialogue_questions set support_count = support_count + 1, updated_at = now()
          where id = ${q.id}::uuid returning support_count`),
      );
      await notifySessionChanged(tx, sessionId);
      return { outcome: "supported", ...found, supportCount: Number(counted!.support_count) };
    });
  } catch (error) {
    // The whole transaction rolled back: the support is not kept.
    if (error instanceof AddressCap) return { outcome: "address_cap", questionId };
    throw error;
  }
}
