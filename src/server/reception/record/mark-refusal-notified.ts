import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { receptionMatters } from "@/db/schema";
import { runInTransaction } from "@/db/transaction";
import { toLocalDate } from "@/domain/calendar";
import { appendAudit } from "@/server/audit/append-audit";
import type { Viewer } from "@/server/auth/roles";
import { isUuid } from "@/server/workspace/case-access";
import { loadReceptionDayForStaff } from "../reception-access";
import { dateField, parseRecordInput, receptionDateOf, recordError, recordFieldErrors, touchDay } from "./record-frame";

export const markRefusalNotifiedSchema = z.object({ notifiedOn: dateField });

export type MarkRefusalNotifiedInput = { dayId?: unknown; matterId?: unknown; notifiedOn?: unknown };

/**
 * Records the day the written refusal was sent to the citizen (due within 3 working days of the reception):
 * once, on or after the reception and never in the future. Whether it was late is public, as a count.
 */
export async function markRefusalNotified(db: Database, viewer: Viewer | null, input: MarkRefusalNotifiedInput, now = new Date()): Promise<{ late: boolean }> {
  await loadReceptionDayForStaff(db, viewer, String(input.dayId ?? ""), "record");
  return runInTransaction(db, async (tx) => {
    const { day, viewer: staff } = await loadReceptionDayForStaff(tx, viewer, String(input.dayId), "record", { forUpdate: true });
    if (!isUuid(input.matterId)) throw recordError("not_found", "not_found");
    const [matter] = await tx
      .select()
      .from(receptionMatters)
      .where(and(eq(receptionMatters.id, input.matterId), eq(receptionMatters.receptionDayId, day.id)))
      .limit(1);
    if (!matter) throw recordError("not_found", "not_found");
    if (matter.outcome !== "refused") throw recordError("conflict", "not_refused");
    if (matter.refusalNotifiedOn) throw recordError("conflict", "already_notified");
    const v = parseRecordInput(markRefusalNotifiedSchema, input);
    if (v.notifiedOn < receptionDateOf(day)) throw recordFieldErrors({ notifiedOn: "too_early" });
    if (v.notifiedOn > toLocalDate(now)) throw recordFieldErrors({ notifiedOn: "in_future" });
    await tx.update(receptionMatters).set({ refusalNotifiedOn: v.notifiedOn }).where(eq(receptionMatters.id, matter.id));
    const late = !!matter.refusalNoticeDueOn && v.notifiedOn > matter.refusalNoticeDueOn;
    await touchDay(tx, day, { type: "refusal_notified", data: { number: matter.number, late }, actorUserId: staff.userId }, now);
    await appendAudit(tx, {
      actorUserId: staff.userId,
      action: "reception.refusal_notified",
      entityType: "reception_day",
      entityId: day.id,
      data: { matterId: matter.id, number: matter.number, notifiedOn: v.notifiedOn, dueOn: matter.refusalNoticeDueOn, late },
    });
    return { late };
  });
}
