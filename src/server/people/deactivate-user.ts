import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { deactivatingLeavesNoAdmin } from "@/domain/people/rules";
import type { Viewer } from "@/server/auth/roles";
import { lockUser } from "./lock-user";
import { openAssignmentsOf, type OpenAssignment } from "./open-assignments";
import { loadAdminSeats, peopleChange, peopleError } from "./people-frame";

/**
 * Deactivates an account: users.disabled_at is set and its sessions are deleted in the same transaction, so it is
 * signed out at once (getViewer also refuses a disabled account). The last active administrator, oneself
 * included, is not deactivated. Returns its open assignments, for reassignment.
 */
export async function deactivateUser(db: Database, viewer: Viewer | null, input: { userId?: unknown }, now = new Date()): Promise<{ sessionsEnded: number; openAssignments: OpenAssignment[] }> {
  return peopleChange(db, viewer, async (tx) => {
    const user = await lockUser(tx, input.userId);
    if (deactivatingLeavesNoAdmin(await loadAdminSeats(tx), user.id)) throw peopleError("conflict", "last_admin");
    if (!user.disabledAt) await tx.update(users).set({ disabledAt: now }).where(eq(users.id, user.id));
    const ended = await tx.delete(sessions).where(eq(sessions.userId, user.id)).returning({ userId: sessions.userId });
    const open = (await openAssignmentsOf(tx, [user.id])).get(user.id) ?? [];
    return {
      result: { sessionsEnded: ended.length, openAssignments: open },
      audit: { action: "people.deactivated", entityType: "user", entityId: user.id, data: { sessionsEnded: ended.length, openAssignments: open.map((c) => c.code), alreadyDeactivated: !!user.disabledAt } },
    };
  });
}
