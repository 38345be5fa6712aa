import "server-only";
import type { DbOrTx } from "@/db/client";
import { deadlinePolicies } from "@/db/schema";
import { toLocalDate } from "@/domain/calendar";
import type { DeadlinePolicy } from "@/domain/deadlines";
import { isChangeable, POLICY_TRACKS, sameTrack, trackKey, versionInForce, versionStatus, type PolicyTrack, type VersionStatus } from "@/domain/deadline-policies/versions";
import { assertAdmin } from "@/server/admin/admin-frame";
import type { Viewer } from "@/server/auth/roles";
import { policyFromRow } from "@/server/deadlines/policy-rows";
import { casesUsing } from "./policy-admin";

export type PolicyVersionView = DeadlinePolicy & {
  confirmed: boolean;
  note: string | null;
  status: VersionStatus;
  /** Cases received under this version (they keep it for life). */
  caseCount: number;
  changeable: "ok" | "in_use" | "in_force";
};

export type PolicyTrackView = PolicyTrack & { key: string; inForce: PolicyVersionView | null; versions: PolicyVersionView[] };

/** Every kind's versions on a timeline (latest start first), with the one in force today and each one's cases. */
export async function listDeadlinePolicies(db: DbOrTx, viewer: Viewer | null, now = new Date()): Promise<PolicyTrackView[]> {
  assertAdmin(viewer);
  const today = toLocalDate(now);
  const policies = (await db.select().from(deadlinePolicies)).map(policyFromRow);
  const counts = await casesUsing(db, policies.map((p) => p.id));
  const views: PolicyVersionView[] = policies.map((p) => {
    const confirmed = p.confirmed !== false;
    const caseCount = counts.get(p.id) ?? 0;
    return { ...p, confirmed, note: p.note ?? null, status: versionStatus({ ...p, confirmed }, today), caseCount, changeable: isChangeable({ ...p, confirmed }, caseCount, today) };
  });
  const tracks: PolicyTrack[] = [...POLICY_TRACKS];
  for (const v of views) if (!tracks.some((t) => sameTrack(t, v))) tracks.push({ kind: v.kind, instance: v.instance });
  return tracks.map((t) => {
    const versions = views.filter((v) => sameTrack(v, t)).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : a.effectiveFrom > b.effectiveFrom ? -1 : 0));
    return { ...t, key: trackKey(t), inForce: versionInForce(versions, t, today), versions };
  });
}
