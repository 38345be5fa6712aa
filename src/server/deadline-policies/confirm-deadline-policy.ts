import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { deadlinePolicies } from "@/db/schema";
import { planReplacement } from "@/domain/deadline-policies/versions";
import { adminChange, adminRefusal } from "@/server/admin/admin-frame";
import type { Viewer } from "@/server/auth/roles";
import { applyEnds, loadLine, lockVersion, placementError } from "./policy-admin";

/**
 * Confirms a version entered from an unofficial text, once the admin has checked the official one. From then on
 * it applies to cases received on or after its date; the version before it ends the day before that date (its
 * date may be past: cases received meanwhile keep the version they were received under).
 */
export async function confirmDeadlinePolicy(db: Database, viewer: Viewer | null, input: { id?: unknown }): Promise<{ id: string; ends: number }> {
  return adminChange(db, viewer, async (tx) => {
    const stored = await lockVersion(tx, input);
    if (stored.confirmed !== false) throw adminRefusal("already_confirmed");
    const { policies, line } = await loadLine(tx, stored.kind, stored.instance);
    const before = line.find((v) => v.id === stored.id)!;
    const placed = planReplacement(line, before, { ...before, confirmed: true });
    if (!placed.ok) throw placementError(placed, policies, stored.effectiveFrom);
    const ends = await applyEnds(tx, policies, placed.ends.filter((e) => e.id !== stored.id));
    await tx.update(deadlinePolicies).set({ confirmed: true, effectiveTo: placed.effectiveTo }).where(eq(deadlinePolicies.id, stored.id));
    return {
      result: { id: stored.id, ends: ends.length },
      audit: { action: "deadline_policy.confirmed", entityType: "deadline_policy", entityId: stored.id, data: { effectiveFrom: stored.effectiveFrom, effectiveTo: placed.effectiveTo, legalBasis: stored.legalBasis, ends } },
    };
  });
}
