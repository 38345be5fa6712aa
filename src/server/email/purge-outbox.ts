import "server-only";
import { and, eq, isNotNull, lt, ne, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { emailOutbox } from "@/db/schema";

/** The outbox template name of sign-in messages (see queueSignInEmail). */
export const SIGN_IN_TEMPLATE = "sign-in";

/** How long a sign-in link works (the email provider's maxAge): after that the outbox has no reason to keep it. */
export const SIGN_IN_LINK_MAX_AGE_SECONDS = 24 * 60 * 60;
/** A delivered message keeps its recipient's address this long (to answer "did my mail go out?"), then loses it. */
export const DELIVERED_ADDRESS_RETENTION_DAYS = 30;
/** Stands for the address of a delivered message past its retention (the column is NOT NULL). */
export const ERASED_ADDRESS = "erased";

export type OutboxPurge = { expiredSecrets: number; deliveredSecrets: number; erasedAddresses: number };

/**
 * Wipes what the outbox no longer needs: the secret (sealed sign-in link, access key) of a sign-in message past
 * the link's lifetime, of a message that failed for good once as old (admins still see and resend it, without the
 * secret), of any delivered message; and the address of messages delivered more than the retention period ago.
 * Local messages keep their receipt's key (local mode shows it in the outbox page), not an expired sign-in link.
 * Idempotent, so any number of workers may run it.
 */
export async function purgeOutbox(db: DbOrTx, now = new Date()): Promise<OutboxPurge> {
  const linkCutoff = new Date(now.getTime() - SIGN_IN_LINK_MAX_AGE_SECONDS * 1000);
  const addressCutoff = new Date(now.getTime() - DELIVERED_ADDRESS_RETENTION_DAYS * 24 * 60 * 60 * 1000);
  const expired = await db
    .update(emailOutbox)
    .set({ secret: null })
    .where(
      and(
        isNotNull(emailOutbox.secret),
        lt(emailOutbox.createdAt, linkCutoff),
        or(eq(emailOutbox.template, SIGN_IN_TEMPLATE), eq(emailOutbox.status, "failed")),
      ),
    )
    .returning({ id: emailOutbox.id });
  // Delivery wipes the secret in the same transaction; this catches any that got past it.
  const delivered = await db
    .update(emailOutbox)
    .set({ secret: null })
    .where(and(isNotNull(emailOutbox.secret), eq(emailOutbox.status, "sent")))
    .returning({ id: emailOutbox.id });
  const erased = await db
    .update(emailOutbox)
    .set({ toAddress: ERASED_ADDRESS, secret: null })
    .where(and(eq(emailOutbox.status, "sent"), lt(emailOutbox.sentAt, addressCutoff), ne(emailOutbox.toAddress, ERASED_ADDRESS)))
    .returning({ id: emailOutbox.id });
  return { expiredSecrets: expired.length, deliveredSecrets: delivered.length, erasedAddresses: erased.length };
}

/**
 * A sign-in link was used: the address's sign-in messages lose their links at once (the used one no longer works,
 * and the others are not needed to sign in any more).
 */
export async function purgeSignInLinks(db: DbOrTx, address: string): Promise<number> {
  const wiped = await db
    .update(emailOutbox)
    .set({ secret: null })
    .where(and(eq(emailOutbox.template, SIGN_IN_TEMPLATE), eq(emailOutbox.toAddress, sql`lower(trim(${address}))`), isNotNull(emailOutbox.secret)))
    .returning({ id: emailOutbox.id });
  return wiped.length;
}
