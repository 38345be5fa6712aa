import "server-only";
import { appUrl } from "@/emails/links";
import { preferenceToken, type EmailTopic } from "./preference-token";
import { ERASED_ADDRESS } from "./purge-outbox";

/**
 * The outbox templates of non-essential mail, and the topic that stops each: sendEmail skips a recipient who
 * opted out of it, and delivery gives such a message its List-Unsubscribe headers. Everything else (a receipt, an
 * access key, a sign-in link, a case's progress, an official's case notices) is mail the recipient cannot stop,
 * and carries neither.
 */
const TEMPLATE_TOPICS: Readonly<Record<string, EmailTopic>> = {
  "staff-digest": "digest",
  "case-info-reminder": "reminder",
};

export function topicOfTemplate(template: string): EmailTopic | null {
  return Object.hasOwn(TEMPLATE_TOPICS, template) ? TEMPLATE_TOPICS[template]! : null;
}

/**
 * Where a mail provider's unsubscribe button posts (RFC 8058): a POST stops the topic at once; opening the address
 * in a browser shows the preference page, where a button does (mail scanners open links). A route of its own
 * beside that page, since a page cannot answer a plain POST.
 */
export const ONE_CLICK_PATH = "/email/huy-dang-ky/mot-cham";

export function oneClickUnsubscribeUrl(email: string, topic: EmailTopic): string {
  return appUrl(`${ONE_CLICK_PATH}?t=${encodeURIComponent(preferenceToken(email, topic))}`);
}

export type MessageHeaders = Record<string, string>;

/**
 * The headers a stored message is handed on with, from its template and address (the outbox keeps no headers:
 * these follow from what it keeps) and the configured site address, never a request's. Null for mail that
 * cannot be stopped.
 */
export function listUnsubscribeHeaders(template: string, to: string): MessageHeaders | null {
  const topic = topicOfTemplate(template);
  if (!topic || to === ERASED_ADDRESS) return null;
  return { "List-Unsubscribe": `<${oneClickUnsubscribeUrl(to, topic)}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}
