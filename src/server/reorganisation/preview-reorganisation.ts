import "server-only";
import type { DbOrTx } from "@/db/client";
import type { MovedCounts, ReorganisationPlan, StayingCounts } from "@/domain/reorganisation/plan";
import { assertAdmin } from "@/server/admin/admin-frame";
import type { Viewer } from "@/server/auth/roles";
import { checkedPlan, countMoves, parseReorganisationInput, type ReorganisationInput } from "./reorganisation-frame";

export type ReorganisationPreview = { plan: ReorganisationPlan; decision: string; moved: MovedCounts; staying: StayingCounts };

/** What a reorganisation would move (open cases, commitments, sessions, memberships, rules, child units) and what stays. Writes nothing. */
export async function previewReorganisation(db: DbOrTx, viewer: Viewer | null, input: ReorganisationInput, now = new Date()): Promise<ReorganisationPreview> {
  assertAdmin(viewer);
  const { decision, ...rest } = parseReorganisationInput(input);
  const plan = await checkedPlan(db, rest, now);
  return { plan, decision, ...(await countMoves(db, plan, now)) };
}
