import "server-only";
import { env } from "@/env";
import type { DbOrTx } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import type { DeferredRender, DeferredWithSecret } from "@/emails/registry";
import type { RenderedEmail } from "@/emails/render";
import { sealSecret } from "@/server/privacy/personal-data";
import { wakeWorker } from "@/server/worker/wake";
import { hasOptedOut } from "./email-preferences";
import { topicOfTemplate } from "./list-unsubscribe";

/**
 * A message is given rendered, or deferred (its template's name and props). One whose template needs a secret
 * (an access key, a sign-in link) is always deferred, with the secret apart: it is stored sealed, never in the
 * props nor in a rendered body (see renderStored).
 */
export type OutgoingEmail = ((RenderedEmail & { secret?: never }) | { deferred: DeferredRender; secret?: never } | DeferredWithSecret) & {
  to: string;
  template: string;
  locale: "vi" | "en";
  /** Same key, one message: makes scheduled sends and notifications idempotent. */
  dedupeKey?: string;
};

/**
 * The one way to send mail: a row in the outbox, written in the caller's transaction.
 * With RESEND_API_KEY the worker delivers it; without, it stays in the local outbox that the app shows.
 * Non-essential mail (a template with an opt-out topic, see list-unsubscribe.ts) is not written for a recipient
 * who stopped that topic. Returns whether a new message was queued (false: a duplicate, or the recipient opted out).
 */
export async function sendEmail(tx: DbOrTx, email: OutgoingEmail): Promise<boolean> {
  const topic = topicOfTemplate(email.template);
  if (topic && (await hasOptedOut(tx, email.to, topic))) return false;
  if (email.secret && !("deferred" in email)) throw new Error("a message with a secret must be stored deferred");
  const local = !env().RESEND_API_KEY;
  const inserted = await tx
    .insert(emailOutbox)
    .values({
      toAddress: email.to.trim().toLowerCase(),
      // Deferred: rendered by the worker or by the page that shows it (see renderPendingEmails).
      ...("deferred" in email
        ? { subject: "", text: "", html: "", renderer: email.deferred.renderer, renderProps: email.deferred.props }
        : { subject: email.subject, text: email.text, html: email.html }),
      secret: email.secret ? sealSecret(email.secret) : null,
      template: email.template,
      locale: email.locale,
      status: local ? "local" : "pending",
      dedupeKey: email.dedupeKey ?? null,
    })
    .onConflictDoNothing({ target: emailOutbox.dedupeKey })
    .returning({ id: emailOutbox.id });
  if (!local && inserted.length > 0) wakeWorker();
  return inserted.length > 0;
}
