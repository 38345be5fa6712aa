import "server-only";
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { renderDeferred } from "@/emails/registry";
import type { RenderedEmail } from "@/emails/render";

type Pending = { id: string; renderer: string | null; renderProps: unknown; locale: "vi" | "en" };

/** Renders one stored message and keeps the result (once: a concurrent renderer's write is simply the same). */
export async function renderStored(db: DbOrTx, row: Pending): Promise<RenderedEmail | null> {
  if (!row.renderer) return null;
  const rendered = await renderDeferred(row.renderer, row.locale, row.renderProps);
  await db
    .update(emailOutbox)
    .set({ subject: rendered.subject, text: rendered.text, html: rendered.html, renderer: null, renderProps: null })
    .where(and(eq(emailOutbox.id, row.id), isNotNull(emailOutbox.renderer)));
  return rendered;
}

/**
 * Renders messages stored unrendered, oldest first: all of them, or those with the given ids. The worker calls
 * it so the local outbox is ready to read; pages that show messages call it for what they show.
 */
export async function renderPendingEmails(db: DbOrTx, options: { ids?: string[]; limit?: number } = {}): Promise<number> {
  if (options.ids && options.ids.length === 0) return 0;
  const rows = await db
    .select({ id: emailOutbox.id, renderer: emailOutbox.renderer, renderProps: emailOutbox.renderProps, locale: emailOutbox.locale })
    .from(emailOutbox)
    .where(and(isNotNull(emailOutbox.renderer), options.ids ? inArray(emailOutbox.id, options.ids) : undefined))
    .orderBy(asc(emailOutbox.createdAt))
    .limit(options.limit ?? 200);
  for (const row of rows) await renderStored(db, row);
  return rows.length;
}
