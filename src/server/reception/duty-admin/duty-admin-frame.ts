import "server-only";
import type { Database, Tx } from "@/db/client";
import { runInTransaction } from "@/db/transaction";
import { toLocalDate } from "@/domain/calendar";
import { appendAudit } from "@/server/audit/append-audit";
import type { Viewer } from "@/server/auth/roles";
import { AppError } from "@/server/errors";
import { assertDutyAdmin } from "@/server/reception/reception-access";
import { reconcileDutyDays } from "./reconcile-duty-days";

export type DutyAdminRefusal = "stale_version" | "not_found" | "not_allowed";

export function dutyAdminError(code: AppError["code"], reason: DutyAdminRefusal): AppError {
  return new AppError(code, reason, { reason });
}

/** A field problem of the admin forms (their own, wider than a filer's: "taken", "not_after_current"). */
export function dutyFieldError(field: string, problem: string): AppError {
  return new AppError("invalid_input", "invalid_input", { fields: { [field]: problem } });
}

export type DutyChange<T> = {
  /** What the change returns, its audit entry, and which position's calendar to bring in line (all when absent). */
  result: T;
  audit: { action: string; entityType: string; entityId: string; data?: Record<string, unknown> };
  positionId?: string;
};

/**
 * The frame every duty admin verb shares: an administrator only (refused before anything is read), one
 * transaction holding the change, its audit entry and the calendar brought in line with the new rules,
 * positions or holders (generateReceptionDays over the daily job's window, and planned days no rule needs any
 * more withdrawn), so the public calendar and the duty pages agree at once.
 */
export async function dutyAdminChange<T>(db: Database, viewer: Viewer | null, change: (tx: Tx, viewer: Viewer) => Promise<DutyChange<T>>, now = new Date()): Promise<T> {
  assertDutyAdmin(viewer);
  return runInTransaction(db, async (tx) => {
    const done = await change(tx, viewer);
    const reconciled = await reconcileDutyDays(tx, { today: toLocalDate(now), now, positionId: done.positionId, actorUserId: viewer.userId });
    await appendAudit(tx, { actorUserId: viewer.userId, ...done.audit, data: { ...done.audit.data, calendar: reconciled } });
    return done.result;
  });
}
