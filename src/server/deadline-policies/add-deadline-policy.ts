import "server-only";
import type { Database } from "@/db/client";
import { deadlinePolicies } from "@/db/schema";
import { toLocalDate } from "@/domain/calendar";
import { planPlacement } from "@/domain/deadline-policies/versions";
import { adminChange } from "@/server/admin/admin-frame";
import type { Viewer } from "@/server/auth/roles";
import { applyEnds, draftToRow, loadLine, parseVersion, placementError, type VersionInput } from "./policy-admin";

/**
 * Adds a version of a kind's deadline policy, effective from today or later. Confirmed, it ends the version
 * before it on the day before (same transaction); unconfirmed (entered from an unofficial text), it changes
 * nothing until confirmed. Cases already received keep their version.
 */
export async function addDeadlinePolicy(db: Database, viewer: Viewer | null, input: VersionInput, now = new Date()): Promise<{ id: string }> {
  return adminChange(db, viewer, async (tx, admin) => {
    const draft = parseVersion(input, () => toLocalDate(now));
    const { policies, line } = await loadLine(tx, draft.kind, draft.instance);
    const placed = planPlacement(line, { ...draft, effectiveTo: draft.effectiveTo });
    if (!placed.ok) throw placementError(placed, policies, draft.effectiveFrom);
    const ends = await applyEnds(tx, policies, placed.ends);
    const [row] = await tx
      .insert(deadlinePolicies)
      .values({ ...draftToRow({ ...draft, effectiveTo: placed.effectiveTo }), confirmed: draft.confirmed, createdBy: admin.userId })
      .returning({ id: deadlinePolicies.id });
    return {
      result: { id: row!.id },
      audit: { action: "deadline_policy.added", entityType: "deadline_policy", entityId: row!.id, data: { version: { ...draft, effectiveTo: placed.effectiveTo }, ends } },
    };
  });
}
