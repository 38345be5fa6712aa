import "server-only";
import { env } from "@/env";
import type { DbOrTx } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { wakeWorker } from "@/server/worker/wake";
import type { RenderedEmail } from "./templates";

export type OutgoingEmail = RenderedEmail & {
  to: string;
  template: string;
  locale: "vi" | "en";
  /** Same key, one message: makes scheduled sends idempotent. */
  dedupeKey?: string;
};

/**
 * The one way to send mail: a row in the outbox, written in the caller's transaction.
 * With RESEND_API_KEY the worker delivers it; without, it stays in the local outbox that the app shows.
 */
export async function sendEmail(tx: DbOrTx, email: OutgoingEmail): Promise<void> {
  const local = !env().RESEND_API_KEY;
  await tx
    .insert(emailOutbox)
    .values({
      toAddress: email.to.trim().toLowerCase(),
      subject: email.subject,
      text: email.text,
      html: email.html,
      template: email.template,
      locale: email.locale,
      status: local ? "local" : "pending",
      dedupeKey: email.dedupeKey ?? null,
    })
    .onConflictDoNothing({ target: emailOutbox.dedupeKey });
  if (!local) wakeWorker();
}
