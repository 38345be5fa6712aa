import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { emailOutbox } from "@/db/schema";

export type EmailSender = (message: {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}) => Promise<{ providerMessageId: string | null }>;

export const MAX_ATTEMPTS = 8;
const CLAIM_SECONDS = 120;

/** 30 s, 1 min, 2 min … capped at 1 h. */
export function backoffSeconds(attempts: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));
}

type Claimed = { id: string; to_address: string; subject: string; text: string; html: string; attempts: number };

/**
 * Claims due messages with row locks that skip rows another worker holds, so several workers
 * never take the same message; a claim that outlives CLAIM_SECONDS (a crashed worker) is retaken.
 */
export async function deliverDueEmails(db: Database, send: EmailSender, batch = 20): Promise<{ sent: number; failed: number }> {
  const claimed = await db.execute(sql`
    update email_outbox set status = 'sending', attempts = attempts + 1,
      locked_until = now() + make_interval(secs => ${CLAIM_SECONDS})
    where id in (
      select id from email_outbox
      where (status = 'pending' and next_attempt_at <= now()) or (status = 'sending' and locked_until < now())
      order by next_attempt_at
      limit ${batch}
      for update skip locked)
    returning id, to_address, subject, text, html, attempts`);
  const rows = rowsOf<Claimed>(claimed);
  let sent = 0;
  let failed = 0;
  for (const row of rows) {
    try {
      const { providerMessageId } = await send({ id: row.id, to: row.to_address, subject: row.subject, text: row.text, html: row.html });
      await db
        .update(emailOutbox)
        .set({ status: "sent", sentAt: new Date(), providerMessageId, lockedUntil: null, lastError: null })
        .where(eq(emailOutbox.id, row.id));
      sent++;
    } catch (error) {
      failed++;
      const message = error instanceof Error ? error.message : String(error);
      const final = row.attempts >= MAX_ATTEMPTS;
      await db
        .update(emailOutbox)
        .set({
          status: final ? "failed" : "pending",
          lastError: message.slice(0, 1000),
          lockedUntil: null,
          nextAttemptAt: new Date(Date.now() + backoffSeconds(row.attempts) * 1000),
        })
        .where(eq(emailOutbox.id, row.id));
    }
  }
  return { sent, failed };
}
