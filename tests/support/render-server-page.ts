// Renders a server page to HTML in a database test, as the server would: async server components are awaited
// (plain React cannot), and client components get the language's messages like the officials' area gives them.
import { NextIntlClientProvider } from "next-intl";
import { createElement, isValidElement, type ReactElement, type ReactNode } from "react";
import { renderToReadableStream, renderToStaticMarkup } from "react-dom/server";
import { MESSAGES } from "@/i18n/messages";

/** Awaits the async server components of a tree, leaving the others to renderToStaticMarkup. */
export async function resolveTree(node: ReactNode): Promise<ReactNode> {
  if (Array.isArray(node)) return Promise.all(node.map(resolveTree));
  if (!isValidElement(node)) return node;
  const el = node as ReactElement<Record<string, unknown>>;
  if (typeof el.type === "function" && el.type.constructor.name === "AsyncFunction") {
    return resolveTree(await (el.type as (p: unknown) => Promise<ReactNode>)(el.props));
  }
  if (el.props.children === undefined) return el;
  return createElement(el.type, { ...el.props, key: el.key }, await resolveTree(el.props.children as ReactNode));
}

/**
 * The page's HTML; with `locale`, inside the messages provider its client components need. `streamed` renders it
 * with React's streaming renderer, which awaits async components at any depth (also below a plain component, where
 * resolveTree does not look), its HTML then carrying React's comment markers (`<!-- -->` between texts).
 */
export async function renderServerPage(page: ReactNode | Promise<ReactNode>, locale?: "vi" | "en", { streamed = false } = {}): Promise<string> {
  const tree = await resolveTree(await page);
  const Provider = NextIntlClientProvider as unknown as (props: { locale: string; messages: never; timeZone: string; children?: ReactNode }) => ReactNode;
  const element = (locale ? createElement(Provider, { locale, messages: MESSAGES[locale] as never, timeZone: "Asia/Ho_Chi_Minh" }, tree) : tree) as ReactElement;
  if (!streamed) return renderToStaticMarkup(element);
  const stream = await renderToReadableStream(element);
  await stream.allReady;
  return new Response(stream).text();
}
