import "server-only";
import type { Database } from "@/db/client";
import { reorganisations, reorganisationUnits } from "@/db/schema";
import { adminChange } from "@/server/admin/admin-frame";
import type { Viewer } from "@/server/auth/roles";
import { checkedPlan, countMoves, parseReorganisationInput, type ReorganisationInput } from "./reorganisation-frame";

/**
 * Records a reorganisation as planned (old units, successor, date, decision). Nothing moves yet: the admin applies
 * it once its date has come, or the scheduler does on its date.
 */
export async function planReorganisation(db: Database, viewer: Viewer | null, input: ReorganisationInput, now = new Date()): Promise<{ id: string; due: boolean }> {
  return adminChange(db, viewer, async (tx, admin) => {
    const { decision, ...rest } = parseReorganisationInput(input);
    const plan = await checkedPlan(tx, rest, now);
    const { moved } = await countMoves(tx, plan, now);
    const [row] = await tx
      .insert(reorganisations)
      .values({ decision, effectiveOn: plan.effectiveOn, successorUnitId: plan.successorId, status: "planned", createdBy: admin.userId, createdAt: now })
      .returning({ id: reorganisations.id });
    await tx.insert(reorganisationUnits).values(plan.oldUnitIds.map((unitId) => ({ reorganisationId: row!.id, unitId })));
    return {
      result: { id: row!.id, due: plan.due },
      audit: {
        action: "reorganisation.planned",
        entityType: "reorganisation",
        entityId: row!.id,
        data: { decision, effectiveOn: plan.effectiveOn, successorUnitId: plan.successorId, oldUnitIds: plan.oldUnitIds, expected: moved },
      },
    };
  });
}
