import "server-only";
import type { Locale } from "@/i18n/config";
import { briefingEmail, type BriefingEmailData } from "./briefing";
import { citizenUpdateEmail, type CitizenUpdateData } from "./citizen-case-update";
import { commitmentReminderEmail, type CommitmentReminderData } from "./commitment-reminder";
import { receiptEmail, type ReceiptEmailData } from "./receipt";
import { receptionBookingEmail, type BookedDayData } from "./reception-booking";
import { receptionReminderEmail, type ReceptionReminderData } from "./reception-reminder";
import type { RenderedEmail } from "./render";
import { signInEmail } from "./sign-in";
import { staffNoticeEmail, type StaffNoticeData } from "./staff-case-notice";

/**
 * Templates whose rendering is deferred: the busy paths (filing, workspace actions) store the template's name
 * and its props (plain JSON) in the outbox, and the worker, or the page showing the message, renders them.
 */
type Props = {
  receipt: { receipt: ReceiptEmailData; appUrl: string };
  "sign-in": { appUrl: string };
  "citizen-update": CitizenUpdateData;
  "staff-notice": StaffNoticeData;
  "commitment-reminder": CommitmentReminderData;
  briefing: BriefingEmailData;
  "reception-booking": { day: BookedDayData };
  "reception-reminder": ReceptionReminderData;
};
export type RendererName = keyof Props;

/**
 * What a template must carry but the outbox must not hold in clear: stored sealed beside the props (never in
 * them) and given to the renderer only in memory. Null once wiped (delivered, used, expired): the template then
 * renders without it. Such messages are never stored rendered, or the rendered body would hold the secret.
 */
type Secrets = {
  receipt: { accessKey: string };
  "sign-in": { url: string };
  "reception-booking": { code: string };
};
type SecretRenderer = keyof Secrets;
const SECRET_FIELDS: { [K in SecretRenderer]: (keyof Secrets[K])[] } = { receipt: ["accessKey"], "sign-in": ["url"], "reception-booking": ["code"] };
export const SECRET_RENDERERS = Object.keys(SECRET_FIELDS) as SecretRenderer[];

type Renderer<K extends RendererName> = (locale: Locale, props: Props[K], secret: K extends SecretRenderer ? Secrets[K] | null : null) => Promise<RenderedEmail>;

const RENDERERS: { [K in RendererName]: Renderer<K> } = {
  receipt: (locale, p, secret) => receiptEmail(locale, p.receipt, p.appUrl, secret?.accessKey ?? null),
  "sign-in": (locale, p, secret) => signInEmail(locale, p.appUrl, secret?.url ?? null),
  "citizen-update": (locale, p) => citizenUpdateEmail(locale, p),
  "staff-notice": (locale, p) => staffNoticeEmail(locale, p),
  "commitment-reminder": (locale, p) => commitmentReminderEmail(locale, p),
  briefing: (locale, p) => briefingEmail(locale, p),
  "reception-booking": (locale, p, secret) => receptionBookingEmail(locale, p.day, secret?.code ?? null),
  "reception-reminder": (locale, p) => receptionReminderEmail(locale, p),
};

export type DeferredRender = { [K in RendererName]: { renderer: K; props: Props[K] } }[RendererName];
/** A deferred message and the secret its template needs (sendEmail seals it apart from the props). */
export type DeferredWithSecret = { [K in SecretRenderer]: { deferred: { renderer: K; props: Props[K] }; secret: Secrets[K] } }[SecretRenderer];

export function deferRender<K extends Exclude<RendererName, SecretRenderer>>(renderer: K, props: Props[K]): DeferredRender {
  return { renderer, props } as DeferredRender;
}

export function deferRenderWithSecret<K extends SecretRenderer>(renderer: K, props: Props[K], secret: Secrets[K]): DeferredWithSecret {
  return { deferred: { renderer, props }, secret } as DeferredWithSecret;
}

export function isRendererName(name: string): name is RendererName {
  return Object.hasOwn(RENDERERS, name);
}

/** Whether messages of this renderer carry (or carried) a secret, so that their rendering must never be stored. */
export function carriesSecret(renderer: string): boolean {
  return Object.hasOwn(SECRET_FIELDS, renderer);
}

/** The secret's fields this renderer reads, or null when the secret is gone or does not fit (render without). */
function secretFor(renderer: RendererName, secret: Record<string, string> | null): Record<string, string> | null {
  if (!secret || !carriesSecret(renderer)) return null;
  const fields = SECRET_FIELDS[renderer as SecretRenderer] as string[];
  return fields.every((f) => typeof secret[f] === "string" && secret[f] !== "") ? secret : null;
}

export async function renderDeferred(renderer: string, locale: Locale, props: unknown, secret: Record<string, string> | null = null): Promise<RenderedEmail> {
  if (!isRendererName(renderer)) throw new Error(`unknown email renderer "${renderer}"`);
  return (RENDERERS[renderer] as (l: Locale, p: unknown, s: unknown) => Promise<RenderedEmail>)(locale, props, secretFor(renderer, secret));
}
