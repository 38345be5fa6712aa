import "server-only";
import { Resend } from "resend";
import { PermanentDeliveryError, type EmailSender } from "./deliver-emails";

/** Worth another try: no answer (network), a concurrent request with the same key, rate limited, or the service's own failure. */
export function isRetryableStatus(statusCode: number | null | undefined): boolean {
  return statusCode === null || statusCode === undefined || statusCode === 409 || statusCode === 429 || statusCode >= 500;
}

/**
 * Delivers through Resend; the outbox id is the idempotency key, so a retried send is not sent twice.
 * The resend package reads RESEND_BASE_URL itself (tests point it at a fake server); `baseUrl` overrides it.
 */
export function resendSender(apiKey: string, from: string, options: { baseUrl?: string } = {}): EmailSender {
  const resend = new Resend(apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined);
  return async (message) => {
    const { data, error } = await resend.emails.send(
      { from, to: message.to, subject: message.subject, text: message.text, html: message.html },
      { idempotencyKey: `outbox-${message.id}` },
    );
    if (error) {
      const statusCode = (error as { statusCode?: number | null }).statusCode;
      const text = `Resend${statusCode ? ` ${statusCode}` : ""}: ${error.name}: ${error.message}`;
      throw isRetryableStatus(statusCode) ? new Error(text) : new PermanentDeliveryError(text);
    }
    return { providerMessageId: data?.id ?? null };
  };
}
