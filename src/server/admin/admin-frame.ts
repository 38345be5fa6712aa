import "server-only";
import { sql } from "drizzle-orm";
import type { Database, Tx } from "@/db/client";
import { runInTransaction } from "@/db/transaction";
import { appendAudit } from "@/server/audit/append-audit";
import { assertStaff, hasRole, type Viewer } from "@/server/auth/roles";
import { AppError } from "@/server/errors";
import { invalidateReferenceData } from "@/server/intake/reference-data";

/**
 * The frame the administration rooms share (organisation, import, reorganisations, routing rules, deadline
 * policies, categories and texts): an administrator only, refused before anything is read; then one transaction
 * holding the change and its audit entry; then this process's reference data is dropped so intake sees the change
 * at once (other processes within their cache's 30 s).
 */
export function assertAdmin(viewer: Viewer | null): asserts viewer is Viewer {
  assertStaff(viewer);
  if (!hasRole(viewer, "admin")) throw new AppError("forbidden", "not_allowed", { reason: "not_allowed" });
}

/** A problem with one field of an admin form (the page shows it beside the field, in the user's language). */
export function adminFieldError(field: string, problem: string, params?: Record<string, string | number>): AppError {
  return new AppError("invalid_input", "invalid_input", { fields: { [field]: problem }, ...(params ? { params: { [field]: params } } : {}) });
}

/** A refusal of the whole change with a reason the page explains (e.g. "cycle", "would_leave_unrouted"). */
export function adminRefusal(reason: string, details: Record<string, unknown> = {}): AppError {
  return new AppError("conflict", reason, { reason, ...details });
}

export type AdminAudit = { action: string; entityType: string; entityId: string; data?: Record<string, unknown> };
export type AdminChange<T> = { result: T; audit: AdminAudit | AdminAudit[] };

// Serialises administration changes across instances: they are rare, and checks such as "no (kind, area) left
// without a route" or "no cycle in the tree" must see the state the change is applied to.
export const ADMIN_LOCK = 73_011_517;

export async function adminChange<T>(db: Database, viewer: Viewer | null, change: (tx: Tx, admin: Viewer) => Promise<AdminChange<T>>): Promise<T> {
  assertAdmin(viewer);
  const result = await runInTransaction(db, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ADMIN_LOCK})`);
    const done = await change(tx, viewer);
    for (const audit of Array.isArray(done.audit) ? done.audit : [done.audit]) await appendAudit(tx, { actorUserId: viewer.userId, ...audit });
    return done.result;
  });
  invalidateReferenceData(db);
  return result;
}
