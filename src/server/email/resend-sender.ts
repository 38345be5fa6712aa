import "server-only";
import { Resend } from "resend";
import { PermanentDeliveryError, type EmailSender } from "./deliver-emails";

/**
 * Only a refusal of the message itself (400, 422: a malformed address or field) is final. Everything else is
 * retried: no answer, rate limits, the service's failures, and also 401/403/404, which come from our own
 * configuration (a revoked key, an unverified domain) and must not throw away the whole queue once it is fixed.
 */
export function isRetryableStatus(statusCode: number | null | undefined): boolean {
  return statusCode !== 400 && statusCode !== 422;
}

/**
 * Delivers through Resend, with the message's extra headers (List-Unsubscribe) as the API's `headers`; the outbox
 * id is the idempotency key, so a retried send is not sent twice.
 * The resend package reads RESEND_BASE_URL itself (tests point it at a fake server); `baseUrl` overrides it.
 */
export function resendSender(apiKey: string, from: string, options: { baseUrl?: string } = {}): EmailSender {
  const resend = new Resend(apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined);
  return async (message) => {
    const { data, error } = await resend.emails.send(
      { from, to: message.to, subject: message.subject, text: message.text, html: message.html, ...(message.headers ? { headers: message.headers } : {}) },
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
