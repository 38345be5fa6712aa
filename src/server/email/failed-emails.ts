import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { emailDeliveryAttempts, emailOutbox } from "@/db/schema";
import { hasRole, type Viewer } from "@/server/auth/roles";
import { AppError } from "@/server/errors";

function assertAdmin(viewer: Viewer | null): asserts viewer is Viewer {
  if (!viewer) throw new AppError("unauthenticated");
  if (!hasRole(viewer, "admin")) throw new AppError("forbidden");
}

/** For admins: messages that failed for good (no body: a receipt carries an access key), with their attempts. */
export async function listFailedEmails(db: DbOrTx, viewer: Viewer | null, limit = 100) {
  assertAdmin(viewer);
  const [failed, [counts]] = await Promise.all([
    db
      .select({
        id: emailOutbox.id,
        to: emailOutbox.toAddress,
        subject: emailOutbox.subject,
        template: emailOutbox.template,
        attempts: emailOutbox.attempts,
        lastError: emailOutbox.lastError,
        createdAt: emailOutbox.createdAt,
      })
      .from(emailOutbox)
      .where(eq(emailOutbox.status, "failed"))
      .orderBy(desc(emailOutbox.createdAt))
      .limit(limit),
    db
      .select({ pending: sql<number>`count(*) filter (where ${emailOutbox.status} in ('pending', 'sending'))`.mapWith(Number) })
      .from(emailOutbox),
  ]);
  const attempts =
    failed.length === 0
      ? []
      : await db
          .select({ outboxId: emailDeliveryAttempts.outboxId, at: emailDeliveryAttempts.attemptedAt, error: emailDeliveryAttempts.error, worker: emailDeliveryAttempts.worker })
          .from(emailDeliveryAttempts)
          .where(inArray(emailDeliveryAttempts.outboxId, failed.map((f) => f.id)))
          .orderBy(emailDeliveryAttempts.id);
  return {
    pending: counts?.pending ?? 0,
    failed: failed.map((f) => ({ ...f, history: attempts.filter((a) => a.outboxId === f.id) })),
  };
}

/** For admins: queue a failed message again, as if new (the idempotency key stays its id). */
export async function retryFailedEmail(db: DbOrTx, viewer: Viewer | null, id: string): Promise<boolean> {
  assertAdmin(viewer);
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError("invalid_input");
  const updated = await db
    .update(emailOutbox)
    .set({ status: "pending", attempts: 0, nextAttemptAt: new Date(), lockedUntil: null })
    .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, "failed")))
    .returning({ id: emailOutbox.id });
  return updated.length > 0;
}
