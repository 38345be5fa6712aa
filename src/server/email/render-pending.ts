import "server-only";
import { and, asc, eq, inArray, isNotNull, notInArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { SECRET_RENDERERS, carriesSecret, renderDeferred } from "@/emails/registry";
import type { RenderedEmail } from "@/emails/render";
import { unsealSecret } from "@/server/privacy/personal-data";

export type StoredMessage = { id: string; renderer: string | null; renderProps: unknown; locale: "vi" | "en"; secret: string | null };

/**
 * Renders a deferred message in memory, with its secret unsealed if it still has one. Null when the message was
 * stored rendered. Nothing is written: the result of a template that carries a secret must never reach the row.
 */
export async function renderInMemory(row: StoredMessage): Promise<RenderedEmail | null> {
  if (!row.renderer) return null;
  return renderDeferred(row.renderer, row.locale, row.renderProps, row.secret ? unsealSecret(row.secret) : null);
}

/**
 * Renders one stored message. A template without a secret is rendered once and kept (a concurrent renderer's
 * write is simply the same); one with a secret stays deferred and is rendered again at each send or view.
 */
export async function renderStored(db: DbOrTx, row: StoredMessage): Promise<RenderedEmail | null> {
  const rendered = await renderInMemory(row);
  if (!rendered || carriesSecret(row.renderer!)) return rendered;
  await db
    .update(emailOutbox)
    .set({ subject: rendered.subject, text: rendered.text, html: rendered.html, renderer: null, renderProps: null })
    .where(and(eq(emailOutbox.id, row.id), isNotNull(emailOutbox.renderer)));
  return rendered;
}

/**
 * Renders and keeps messages stored unrendered, oldest first: all of them, or those with the given ids. The worker
 * calls it so the local outbox is ready to read; pages that show messages call it for what they show. Messages
 * whose template carries a secret are left deferred (see renderStored).
 */
export async function renderPendingEmails(db: DbOrTx, options: { ids?: string[]; limit?: number } = {}): Promise<number> {
  if (options.ids && options.ids.length === 0) return 0;
  const rows = await db
    .select({ id: emailOutbox.id, renderer: emailOutbox.renderer, renderProps: emailOutbox.renderProps, locale: emailOutbox.locale, secret: emailOutbox.secret })
    .from(emailOutbox)
    .where(
      and(
        isNotNull(emailOutbox.renderer),
        notInArray(emailOutbox.renderer, SECRET_RENDERERS),
        options.ids ? inArray(emailOutbox.id, options.ids) : undefined,
      ),
    )
    .orderBy(asc(emailOutbox.createdAt))
    .limit(options.limit ?? 200);
  for (const row of rows) await renderStored(db, row);
  return rows.length;
}
