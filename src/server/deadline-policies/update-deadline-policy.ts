import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { deadlinePolicies } from "@/db/schema";
import { toLocalDate } from "@/domain/calendar";
import { draftFrom, isChangeable, planReplacement } from "@/domain/deadline-policies/versions";
import { adminChange } from "@/server/admin/admin-frame";
import type { Viewer } from "@/server/auth/roles";
import { applyEnds, casesUsing, draftToRow, loadLine, lockVersion, parseVersion, placementError, refuseUnchangeable, type VersionInput } from "./policy-admin";

/**
 * Changes a version's numbers, texts or dates while no case uses it and it is not yet in force. Its kind,
 * instance and confirmation stay; a start date that moves must be today or later, and the versions around it
 * follow (the one before ends the day before the new start).
 */
export async function updateDeadlinePolicy(db: Database, viewer: Viewer | null, input: VersionInput, now = new Date()): Promise<{ id: string }> {
  return adminChange(db, viewer, async (tx) => {
    const today = toLocalDate(now);
    const stored = await lockVersion(tx, input);
    const used = (await casesUsing(tx, [stored.id])).get(stored.id) ?? 0;
    const confirmed = stored.confirmed !== false;
    refuseUnchangeable(isChangeable({ ...stored, confirmed }, used, today), used);
    const draft = parseVersion({ ...input, kind: stored.kind, instance: stored.instance === null ? "" : String(stored.instance) }, (d) => (d.effectiveFrom === stored.effectiveFrom ? null : today));
    const { policies, line } = await loadLine(tx, stored.kind, stored.instance);
    const before = line.find((v) => v.id === stored.id)!;
    const placed = planReplacement(line, before, { ...before, effectiveFrom: draft.effectiveFrom, effectiveTo: draft.effectiveTo });
    if (!placed.ok) throw placementError(placed, policies, draft.effectiveFrom);
    const ends = await applyEnds(tx, policies, placed.ends.filter((e) => e.id !== stored.id));
    const after = { ...draft, effectiveTo: placed.effectiveTo };
    await tx.update(deadlinePolicies).set(draftToRow(after)).where(eq(deadlinePolicies.id, stored.id));
    return {
      result: { id: stored.id },
      audit: { action: "deadline_policy.updated", entityType: "deadline_policy", entityId: stored.id, data: { before: draftFrom(stored), after, ends } },
    };
  });
}
