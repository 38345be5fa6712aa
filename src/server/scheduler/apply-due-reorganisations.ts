import "server-only";
import { and, asc, eq, lte, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { reorganisations } from "@/db/schema";
import { runInTransaction } from "@/db/transaction";
import { toLocalDate } from "@/domain/calendar";
import { logger } from "@/lib/logger";
import { ADMIN_LOCK } from "@/server/admin/admin-frame";
import { appendAudit } from "@/server/audit/append-audit";
import { invalidateReferenceData } from "@/server/intake/reference-data";
import { applyInTx, lockPlanned } from "@/server/reorganisation/reorganisation-frame";


/**
 * Applies every planned reorganisation whose date has come, each in its own transaction. Runs on every tick,
 * working day or not (a merger takes effect on its date, a Sunday included); idempotent by status: the row is
 * locked and must still be planned, so two workers never apply one twice. One that can no longer be applied
 * (say its successor was closed meanwhile) stays planned and is logged for an admin to look at.
 */
export async function applyDueReorganisations(db: Database, now: Date): Promise<{ applied: number; failed: number }> {
  const today = toLocalDate(now);
  const due = await db
    .select({ id: reorganisations.id })
    .from(reorganisations)
    .where(and(eq(reorganisations.status, "planned"), lte(reorganisations.effectiveOn, today)))
    .orderBy(asc(reorganisations.effectiveOn), asc(reorganisations.createdAt));
  let applied = 0;
  let failed = 0;
  for (const { id } of due) {
    try {
      const done = await runInTransaction(db, async (tx) => {
        // The administration lock (src/server/admin/admin-frame.ts): the plan is checked against a tree no admin is changing.
        await tx.execute(sql`select pg_advisory_xact_lock(${ADMIN_LOCK})`);
        const [row] = await tx.select({ status: reorganisations.status }).from(reorganisations).where(eq(reorganisations.id, id));
        if (row?.status !== "planned") return false;
        const { row: planned, oldUnitIds } = await lockPlanned(tx, id);
        const moved = await applyInTx(tx, planned, oldUnitIds, now, null);
        await appendAudit(tx, {
          actorUserId: null,
          action: "reorganisation.applied",
          entityType: "reorganisation",
          entityId: id,
          data: { by: "scheduler", decision: planned.decision, effectiveOn: planned.effectiveOn, successorUnitId: planned.successorUnitId, oldUnitIds, moved },
        });
        return true;
      });
      if (done) {
        applied += 1;
        logger.info("reorganisation applied on its date", { reorganisationId: id });
      }
    } catch (error) {
      failed += 1;
      logger.error("reorganisation could not be applied on its date", { reorganisationId: id, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  if (applied > 0) invalidateReferenceData(db);
  return { applied, failed };
}
