import "server-only";
import { and, eq, gte, isNull, lte, or, sql } from "drizzle-orm";
import type { Database, DbOrTx, Tx } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { runInTransaction } from "@/db/transaction";
import { mayManagePeople, type AdminSeat } from "@/domain/people/rules";
import { appendAudit } from "@/server/audit/append-audit";
import { assertStaff, type Viewer } from "@/server/auth/roles";
import { AppError } from "@/server/errors";

export type PeopleRefusal = "not_found" | "not_allowed" | "last_admin";

export function peopleError(code: AppError["code"], reason: PeopleRefusal): AppError {
  return new AppError(code, reason, { reason });
}

/** A field problem of the people forms. */
export function peopleFieldError(field: string, problem: string): AppError {
  return new AppError("invalid_input", "invalid_input", { fields: { [field]: problem } });
}

/** Refuses anyone but an administrator, before anything is read. */
export function assertPeopleAdmin(viewer: Viewer | null): asserts viewer is Viewer {
  assertStaff(viewer);
  if (!mayManagePeople(viewer.memberships.map((m) => m.role))) throw peopleError("forbidden", "not_allowed");
}

export type PeopleChange<T> = { result: T; audit: { action: string; entityType: string; entityId: string; data?: Record<string, unknown> } };

// Serialises changes to people, so that two admins cannot each remove "the other" last admin at once.
const PEOPLE_LOCK = 73_011_313;

/** The frame every people verb shares: an administrator only, one transaction holding the change and its audit entry. */
export async function peopleChange<T>(db: Database, viewer: Viewer | null, change: (tx: Tx, admin: Viewer) => Promise<PeopleChange<T>>): Promise<T> {
  assertPeopleAdmin(viewer);
  return runInTransaction(db, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${PEOPLE_LOCK})`);
    const done = await change(tx, viewer);
    await appendAudit(tx, { actorUserId: viewer.userId, ...done.audit });
    return done.result;
  });
}

/** Every admin membership valid today, with whether its account is active (not deactivated). */
export async function loadAdminSeats(tx: DbOrTx): Promise<AdminSeat[]> {
  const rows = await tx
    .select({ membershipId: memberships.id, userId: memberships.userId, disabledAt: users.disabledAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.role, "admin"), lte(memberships.validFrom, sql`current_date`), or(isNull(memberships.validTo), gte(memberships.validTo, sql`current_date`))));
  return rows.map((r) => ({ membershipId: r.membershipId, userId: r.userId, active: r.disabledAt === null }));
}
