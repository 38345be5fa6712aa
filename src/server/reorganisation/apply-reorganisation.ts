import "server-only";
import type { Database } from "@/db/client";
import type { MovedCounts } from "@/domain/reorganisation/plan";
import { adminChange } from "@/server/admin/admin-frame";
import type { Viewer } from "@/server/auth/roles";
import { parseFilerInput } from "@/server/filer/filer-access";
import { applyInTx, lockPlanned, reorganisationIdSchema } from "./reorganisation-frame";

/**
 * Applies a planned reorganisation now, in one transaction (see applyInTx). Only once its date has come
 * (refused "not_due" before: the scheduler applies it on its date); a second apply is refused "already_applied".
 */
export async function applyReorganisation(db: Database, viewer: Viewer | null, input: { id?: unknown }, now = new Date()): Promise<MovedCounts> {
  return adminChange(db, viewer, async (tx, admin) => {
    const { id } = parseFilerInput(reorganisationIdSchema, input);
    const { row, oldUnitIds } = await lockPlanned(tx, id);
    const moved = await applyInTx(tx, row, oldUnitIds, now, admin.userId);
    return {
      result: moved,
      audit: { action: "reorganisation.applied", entityType: "reorganisation", entityId: id, data: { by: "admin", decision: row.decision, effectiveOn: row.effectiveOn, successorUnitId: row.successorUnitId, oldUnitIds, moved } },
    };
  });
}
