import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { memberships } from "@/db/schema";
import { removingLeavesNoAdmin } from "@/domain/people/rules";
import type { Viewer } from "@/server/auth/roles";
import { isUuid } from "@/server/workspace/case-access";
import { loadAdminSeats, peopleChange, peopleError } from "./people-frame";

/**
 * Removes a membership (the row goes; the audit entry keeps what it was). The last active admin membership is
 * not removed: someone must still be able to administer the platform.
 */
export async function removeMembership(db: Database, viewer: Viewer | null, input: { membershipId?: unknown }): Promise<void> {
  return peopleChange(db, viewer, async (tx) => {
    const id = typeof input.membershipId === "string" ? input.membershipId : "";
    if (!isUuid(id)) throw peopleError("not_found", "not_found");
    const [row] = await tx.select().from(memberships).where(eq(memberships.id, id)).for("update");
    if (!row) throw peopleError("not_found", "not_found");
    if (row.role === "admin" && removingLeavesNoAdmin(await loadAdminSeats(tx), row.id)) throw peopleError("conflict", "last_admin");
    await tx.delete(memberships).where(eq(memberships.id, id));
    return {
      result: undefined,
      audit: { action: "people.membership_removed", entityType: "user", entityId: row.userId, data: { membershipId: row.id, unitId: row.unitId, role: row.role, validFrom: row.validFrom, validTo: row.validTo } },
    };
  });
}
