import "server-only";
import type { ReactElement } from "react";
import { render, toPlainText } from "@react-email/render";

export type RenderedEmail = { subject: string; text: string; html: string };

/** One render: the HTML, and the plain text derived from it (links kept as addresses). */
export async function renderEmail(subject: string, element: ReactElement): Promise<RenderedEmail> {
  const html = await render(element);
  const text = toPlainText(html, { selectors: [{ selector: "h1", options: { uppercase: false } }] }).trim();
  return { subject, html, text };
}
