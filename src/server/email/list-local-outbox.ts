import "server-only";
import { desc } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { renderPendingEmails } from "./render-pending";

/** Newest messages first, for the local outbox page (only reachable when no email service is set). */
export async function listLocalOutbox(db: DbOrTx, limit = 50) {
  const query = () =>
    db
      .select({
        id: emailOutbox.id,
        to: emailOutbox.toAddress,
        subject: emailOutbox.subject,
        text: emailOutbox.text,
        status: emailOutbox.status,
        createdAt: emailOutbox.createdAt,
        renderer: emailOutbox.renderer,
      })
      .from(emailOutbox)
      .orderBy(desc(emailOutbox.createdAt))
      .limit(limit);
  let rows = await query();
  // Messages the worker has not rendered yet are rendered for this page (and kept).
  const pending = rows.filter((r) => r.renderer !== null).map((r) => r.id);
  if (pending.length > 0) {
    await renderPendingEmails(db, { ids: pending });
    rows = await query();
  }
  return rows.map(({ renderer: _renderer, ...row }) => row);
}
