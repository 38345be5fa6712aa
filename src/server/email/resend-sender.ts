import "server-only";
import { Resend } from "resend";
import type { EmailSender } from "./deliver-emails";

/** Delivers through Resend; the outbox id is the idempotency key, so a retried send is not sent twice. */
export function resendSender(apiKey: string, from: string): EmailSender {
  const resend = new Resend(apiKey);
  return async (message) => {
    const { data, error } = await resend.emails.send(
      { from, to: message.to, subject: message.subject, text: message.text, html: message.html },
      { idempotencyKey: `outbox-${message.id}` },
    );
    if (error) throw new Error(`Resend: ${error.name}: ${error.message}`);
    return { providerMessageId: data?.id ?? null };
  };
}
