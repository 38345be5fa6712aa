import "server-only";
import { allowedCommitmentActions, type CommitmentAction } from "@/domain/dialogue/commitment-status";
import { mayCommitmentAction } from "@/domain/dialogue/permissions";
import type { IsoDate } from "@/domain/types";
import type { DbOrTx } from "@/db/client";
import { assertStaff, type Viewer } from "@/server/auth/roles";
import { rolesOverUnit } from "@/server/dialogue/session-access";
import { getCommitment, type CommitmentDetail } from "./get-commitment";

/**
 * A commitment for the staff page, with what the viewer may do with it now: from the roles over its OWNER
 * unit and its status. Any official may read it (it is public anyway); only the owner unit's staff act.
 */
export async function getStaffCommitment(db: DbOrTx, viewer: Viewer | null, id: string, today: IsoDate): Promise<{ commitment: CommitmentDetail; actions: CommitmentAction[] } | null> {
  assertStaff(viewer);
  const commitment = await getCommitment(db, id, today);
  if (!commitment) return null;
  const roles = await rolesOverUnit(db, viewer, commitment.ownerUnit.id);
  const actions = allowedCommitmentActions(commitment.status).filter((a) => mayCommitmentAction(a === "progress" ? "progress" : "close", roles));
  return { commitment, actions };
}
