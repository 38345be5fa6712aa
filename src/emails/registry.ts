import "server-only";
import type { Locale } from "@/i18n/config";
import { citizenUpdateEmail, type CitizenUpdateData } from "./citizen-case-update";
import { receiptEmail, type ReceiptEmailData } from "./receipt";
import type { RenderedEmail } from "./render";
import { staffNoticeEmail, type StaffNoticeData } from "./staff-case-notice";

/**
 * Templates whose rendering is deferred: the busy paths (filing, workspace actions) store the template's name
 * and its props (plain JSON) in the outbox, and the worker, or the page showing the message, renders them.
 */
type Props = {
  receipt: { receipt: ReceiptEmailData; appUrl: string };
  "citizen-update": CitizenUpdateData;
  "staff-notice": StaffNoticeData;
};
export type RendererName = keyof Props;

const RENDERERS: { [K in RendererName]: (locale: Locale, props: Props[K]) => Promise<RenderedEmail> } = {
  receipt: (locale, p) => receiptEmail(locale, p.receipt, p.appUrl),
  "citizen-update": citizenUpdateEmail,
  "staff-notice": staffNoticeEmail,
};

export type DeferredRender = { [K in RendererName]: { renderer: K; props: Props[K] } }[RendererName];

export function deferRender<K extends RendererName>(renderer: K, props: Props[K]): DeferredRender {
  return { renderer, props } as DeferredRender;
}

export function isRendererName(name: string): name is RendererName {
  return Object.hasOwn(RENDERERS, name);
}

export async function renderDeferred(renderer: string, locale: Locale, props: unknown): Promise<RenderedEmail> {
  if (!isRendererName(renderer)) throw new Error(`unknown email renderer "${renderer}"`);
  return (RENDERERS[renderer] as (l: Locale, p: unknown) => Promise<RenderedEmail>)(locale, props);
}
