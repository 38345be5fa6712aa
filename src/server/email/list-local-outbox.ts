import "server-only";
import { desc } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { carriesSecret } from "@/emails/registry";
import { listUnsubscribeHeaders } from "./list-unsubscribe";
import { renderInMemory, renderPendingEmails } from "./render-pending";

/**
 * Newest messages first, for the local outbox page (only reachable when no email service is set). A message whose
 * template carries a secret (a receipt's access key, a sign-in link) is rendered with it for this view only. Each
 * comes with the extra headers delivery would give it (List-Unsubscribe), null for none.
 */
export async function listLocalOutbox(db: DbOrTx, limit = 50) {
  const query = () =>
    db
      .select({
        id: emailOutbox.id,
        to: emailOutbox.toAddress,
        subject: emailOutbox.subject,
        text: emailOutbox.text,
        template: emailOutbox.template,
        status: emailOutbox.status,
        createdAt: emailOutbox.createdAt,
        renderer: emailOutbox.renderer,
        renderProps: emailOutbox.renderProps,
        locale: emailOutbox.locale,
        secret: emailOutbox.secret,
      })
      .from(emailOutbox)
      .orderBy(desc(emailOutbox.createdAt))
      .limit(limit);
  let rows = await query();
  // Messages the worker has not rendered yet are rendered for this page (and kept, when they hold no secret).
  const pending = rows.filter((r) => r.renderer !== null && !carriesSecret(r.renderer)).map((r) => r.id);
  if (pending.length > 0) {
    await renderPendingEmails(db, { ids: pending });
    rows = await query();
  }
  return Promise.all(
    rows.map(async ({ renderer, renderProps, locale, secret, template, ...row }) => {
      const rendered = await renderInMemory({ id: row.id, renderer, renderProps, locale, secret });
      const headers = listUnsubscribeHeaders(template, row.to);
      return rendered ? { ...row, subject: rendered.subject, text: rendered.text, headers } : { ...row, headers };
    }),
  );
}
