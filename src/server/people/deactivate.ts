import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Database, DbOrTx } from "@/db/client";
import { cases, sessions, users } from "@/db/schema";
import { deactivatingLeavesNoAdmin } from "@/domain/people/rules";
import type { Viewer } from "@/server/auth/roles";
import { OPEN_STATUSES } from "@/server/workspace/list-inbox";
import { loadAdminSeats, peopleChange, peopleError } from "./people-frame";

export type OpenAssignment = { caseId: string; code: string; status: string };

async function lockUser(tx: DbOrTx, userId: unknown) {
  if (typeof userId !== "string" || userId.length === 0) throw peopleError("not_found", "not_found");
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
  if (!user) throw peopleError("not_found", "not_found");
  return user;
}

/** The open cases (received, accepted, information requested) an account is assigned, for reassignment. */
export async function openAssignmentsOf(db: DbOrTx, userIds: string[]): Promise<Map<string, OpenAssignment[]>> {
  const byUser = new Map<string, OpenAssignment[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .select({ caseId: cases.id, code: cases.code, status: cases.status, assigneeId: cases.assigneeId })
    .from(cases)
    .where(and(inArray(cases.assigneeId, userIds), inArray(cases.status, [...OPEN_STATUSES])))
    .orderBy(cases.code);
  for (const r of rows) byUser.set(r.assigneeId!, [...(byUser.get(r.assigneeId!) ?? []), { caseId: r.caseId, code: r.code, status: r.status }]);
  return byUser;
}

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

/** Reactivates a deactivated account (it signs in again with a new link). */
export async function reactivateUser(db: Database, viewer: Viewer | null, input: { userId?: unknown }): Promise<void> {
  return peopleChange(db, viewer, async (tx) => {
    const user = await lockUser(tx, input.userId);
    if (user.disabledAt) await tx.update(users).set({ disabledAt: null }).where(eq(users.id, user.id));
    return { result: undefined, audit: { action: "people.reactivated", entityType: "user", entityId: user.id, data: { wasDeactivated: !!user.disabledAt } } };
  });
}
