import "server-only";
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { emailDeliveryAttempts, emailOutbox } from "@/db/schema";
import { listUnsubscribeHeaders, type MessageHeaders } from "./list-unsubscribe";
import { renderStored } from "./render-pending";

export type EmailSender = (message: {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra header fields: List-Unsubscribe on mail the recipient can stop, nothing on the rest. */
  headers?: MessageHeaders;
}) => Promise<{ providerMessageId: string | null }>;

/** Thrown by a sender for an error that no retry can fix (e.g. a refused address): the message fails at once. */
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentDeliveryError";
  }
}

export const MAX_ATTEMPTS = 8;
const CLAIM_SECONDS = 120;

/** 30 s, 1 min, 2 min … capped at 1 h: eight attempts span about an hour and a half. */
export function backoffSeconds(attempts: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));
}

/** Names this process in the attempts log. */
export const WORKER_ID = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;

type Claimed = {
  id: string;
  to_address: string;
  subject: string;
  text: string;
  html: string;
  template: string;
  attempts: number;
  renderer: string | null;
  render_props: unknown;
  locale: "vi" | "en";
  secret: string | null;
};

/**
 * Claims due messages with row locks that skip rows another worker holds, so several workers never take the
 * same message; a claim that outlives CLAIM_SECONDS (a worker that died mid-send) is retaken. Each attempt is
 * recorded. A send that succeeded just before a crash is retried with the same idempotency key, which the
 * provider (Resend) honours, so the recipient still gets one message.
 */
export async function deliverDueEmails(
  db: Database,
  send: EmailSender,
  batch = 20,
  options: { worker?: string } = {},
): Promise<{ sent: number; failed: number }> {
  const worker = options.worker ?? WORKER_ID;
  const claimedAt = Date.now();
  const claimed = await db.execute(sql`
    update email_outbox set status = 'sending', attempts = attempts + 1,
      locked_until = now() + make_interval(secs => ${CLAIM_SECONDS})
    where id in (
      select id from email_outbox
      where (status = 'pending' and next_attempt_at <= now()) or (status = 'sending' and locked_until < now())
      order by next_attempt_at
      limit ${batch}
      for update skip locked)
    returning id, to_address, subject, text, html, template, attempts, renderer, render_props, locale, secret`);
  const rows = rowsOf<Claimed>(claimed);
  let sent = 0;
  let failed = 0;
  for (const [index, row] of rows.entries()) {
    // A slow provider must not outlast the claim (another worker would retake the rest): hand them back.
    if (Date.now() - claimedAt > (CLAIM_SECONDS * 1000) / 2) {
      const rest = rows.slice(index).map((r) => r.id);
      for (const id of rest) {
        await db
          .update(emailOutbox)
          .set({ status: "pending", attempts: sql`${emailOutbox.attempts} - 1`, lockedUntil: null })
          .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, "sending")));
      }
      break;
    }
    try {
      // A message stored unrendered (see sendEmail) is rendered now: once and kept, or, when its template carries
      // a secret, in memory only for this attempt.
      const rendered = await renderStored(db, { id: row.id, renderer: row.renderer, renderProps: row.render_props, locale: row.locale, secret: row.secret });
      const body = rendered ?? { subject: row.subject, text: row.text, html: row.html };
      const headers = listUnsubscribeHeaders(row.template, row.to_address);
      const { providerMessageId } = await send({ id: row.id, to: row.to_address, ...body, ...(headers ? { headers } : {}) });
      await db.transaction(async (tx) => {
        await tx
          .update(emailOutbox)
          // Delivered: the secret has done its work and is not kept (the message now renders without it).
          .set({ status: "sent", sentAt: new Date(), providerMessageId, lockedUntil: null, lastError: null, secret: null })
          .where(eq(emailOutbox.id, row.id));
        await tx.insert(emailDeliveryAttempts).values({ outboxId: row.id, ok: true, providerMessageId, worker });
      });
      sent++;
    } catch (error) {
      failed++;
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      const final = row.attempts >= MAX_ATTEMPTS || error instanceof PermanentDeliveryError;
      await db.transaction(async (tx) => {
        await tx
          .update(emailOutbox)
          .set({
            status: final ? "failed" : "pending",
            lastError: message,
            lockedUntil: null,
            nextAttemptAt: new Date(Date.now() + backoffSeconds(row.attempts) * 1000),
          })
          .where(eq(emailOutbox.id, row.id));
        await tx.insert(emailDeliveryAttempts).values({ outboxId: row.id, ok: false, error: message, worker });
      });
    }
  }
  return { sent, failed };
}
