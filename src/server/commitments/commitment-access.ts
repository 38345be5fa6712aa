import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { commitments } from "@/db/schema";
import { mayCommitmentAction, type CommitmentStaffAction } from "@/domain/dialogue/permissions";
import type { CaseRoles } from "@/domain/staff-permissions";
import { assertStaff, type Viewer } from "@/server/auth/roles";
import { isUuid, rolesOverUnit } from "@/server/dialogue/session-access";
import { AppError } from "@/server/errors";

export type CommitmentRow = typeof commitments.$inferSelect;

/** Why a commitment action was refused; pages pick a translated message from it. */
export type CommitmentRefusal = "not_found" | "not_allowed" | "stale_version" | "session_not_held" | "invalid_transition";

export function commitmentError(code: AppError["code"], reason: CommitmentRefusal, details: Record<string, unknown> = {}): AppError {
  return new AppError(code, reason, { reason, ...details });
}

/** Longest text of a commitment, of a progress update, of the evidence or of the reason it was missed. */
export const COMMITMENT_TEXT_MAX = 5000;

/**
 * Locks a commitment for an update and checks, from its OWNER unit (never from the form), that the viewer may
 * do it: its staff report progress, its leader or a leader above it closes it. Commitments are public, so a
 * refusal says "not allowed" rather than pretending the commitment does not exist. Then the version the form was
 * rendered from must still be the current one, so that an update made meanwhile is never overwritten unseen.
 */
export async function lockCommitmentForAction(
  tx: Tx,
  viewer: Viewer | null,
  commitmentId: unknown,
  version: unknown,
  action: CommitmentStaffAction,
): Promise<{ row: CommitmentRow; roles: CaseRoles; viewer: Viewer }> {
  assertStaff(viewer);
  if (!isUuid(commitmentId)) throw commitmentError("not_found", "not_found");
  const [row] = await tx.select().from(commitments).where(eq(commitments.id, commitmentId)).for("update");
  if (!row) throw commitmentError("not_found", "not_found");
  const roles = await rolesOverUnit(tx, viewer, row.ownerUnitId);
  if (!mayCommitmentAction(action, roles)) throw commitmentError("forbidden", "not_allowed");
  const expected = typeof version === "string" ? Number(version) : version;
  if (expected !== row.version) throw commitmentError("conflict", "stale_version", { currentVersion: row.version });
  return { row, roles, viewer };
}
