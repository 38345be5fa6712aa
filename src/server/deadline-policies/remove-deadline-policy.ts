import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { deadlinePolicies } from "@/db/schema";
import { toLocalDate } from "@/domain/calendar";
import { draftFrom, isChangeable, planRemoval } from "@/domain/deadline-policies/versions";
import { adminChange } from "@/server/admin/admin-frame";
import type { Viewer } from "@/server/auth/roles";
import { applyEnds, casesUsing, loadLine, lockVersion, refuseUnchangeable } from "./policy-admin";

/** Deletes a version no case uses and not yet in force; the version before it runs on as it did before. */
export async function removeDeadlinePolicy(db: Database, viewer: Viewer | null, input: { id?: unknown }, now = new Date()): Promise<{ id: string }> {
  return adminChange(db, viewer, async (tx) => {
    const stored = await lockVersion(tx, input);
    const used = (await casesUsing(tx, [stored.id])).get(stored.id) ?? 0;
    refuseUnchangeable(isChangeable({ ...stored, confirmed: stored.confirmed !== false }, used, toLocalDate(now)), used);
    const { policies, line } = await loadLine(tx, stored.kind, stored.instance);
    const ends = await applyEnds(tx, policies, planRemoval(line, line.find((v) => v.id === stored.id)!));
    await tx.delete(deadlinePolicies).where(eq(deadlinePolicies.id, stored.id));
    return {
      result: { id: stored.id },
      audit: { action: "deadline_policy.removed", entityType: "deadline_policy", entityId: stored.id, data: { before: draftFrom(stored), confirmed: stored.confirmed !== false, ends } },
    };
  });
}
