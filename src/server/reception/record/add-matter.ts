import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { categories, receptionBookings, receptionMatters } from "@/db/schema";
import { runInTransaction } from "@/db/transaction";
import { REFUSAL_NOTICE_WORKING_DAYS } from "@/domain/reception/vocabulary";
import { appendAudit } from "@/server/audit/append-audit";
import type { Viewer } from "@/server/auth/roles";
import { loadCalendar } from "@/server/deadlines/policy-rows";
import { loadReceptionDayForStaff } from "../reception-access";
import { nextMatterNumber } from "./matter-number";
import { checkDayStarted, optionalUuid, parseRecordInput, receptionDateOf, recordFieldErrors, recordText, TEXT_LIMITS, touchDay } from "./record-frame";

/** What this form records; a matter registered as a case goes through the on-behalf form (submitCase). */
export const DIRECT_MATTER_OUTCOMES = ["answered", "guided", "refused"] as const;

export const addMatterSchema = z.object({
  summary: recordText(TEXT_LIMITS.summary),
  categoryId: optionalUuid,
  outcome: z.enum(DIRECT_MATTER_OUTCOMES, { error: "required" }),
  /** The answer given, where the citizen was guided, or the refusal's legal reason. */
  response: recordText(TEXT_LIMITS.response),
  /** The booking of the citizen who raised it, if they had booked: marked attended. */
  bookingId: optionalUuid,
});

export type AddMatterInput = { dayId?: unknown } & { [K in keyof z.input<typeof addMatterSchema>]?: unknown };

/**
 * Records one matter raised at a reception, once it has started: answered on the spot (with the answer), guided
 * to the competent body (with where), or refused (with the legal reason; the written refusal is due within
 * REFUSAL_NOTICE_WORKING_DAYS working days of the reception). The summary stays with the office: the public
 * page shows only how many of each.
 */
export async function addMatter(db: Database, viewer: Viewer | null, input: AddMatterInput, now = new Date()): Promise<{ id: string; number: number }> {
  await loadReceptionDayForStaff(db, viewer, String(input.dayId ?? ""), "record");
  return runInTransaction(db, async (tx) => {
    const { day, viewer: staff } = await loadReceptionDayForStaff(tx, viewer, String(input.dayId), "record", { forUpdate: true });
    checkDayStarted(day, now);
    const v = parseRecordInput(addMatterSchema, input);
    if (v.categoryId) {
      const [category] = await tx.select({ id: categories.id }).from(categories).where(and(eq(categories.id, v.categoryId), eq(categories.active, true)));
      if (!category) throw recordFieldErrors({ categoryId: "invalid" });
    }
    if (v.bookingId) {
      const [booking] = await tx
        .update(receptionBookings)
        .set({ status: "attended", markedAt: now })
        .where(and(eq(receptionBookings.id, v.bookingId), eq(receptionBookings.receptionDayId, day.id), inArray(receptionBookings.status, ["booked", "attended", "absent"])))
        .returning({ id: receptionBookings.id });
      if (!booking) throw recordFieldErrors({ bookingId: "invalid" });
    }
    const refusalNoticeDueOn = v.outcome === "refused" ? (await loadCalendar(tx)).addWorkingDays(receptionDateOf(day), REFUSAL_NOTICE_WORKING_DAYS) : null;
    const number = await nextMatterNumber(tx, day.id);
    const [row] = await tx
      .insert(receptionMatters)
      .values({
        receptionDayId: day.id,
        number,
        summary: v.summary,
        categoryId: v.categoryId ?? null,
        outcome: v.outcome,
        response: v.response,
        bookingId: v.bookingId ?? null,
        refusalNoticeDueOn,
        createdBy: staff.userId,
        createdAt: now,
      })
      .returning({ id: receptionMatters.id });
    await touchDay(tx, day, { type: "matter_added", data: { number, outcome: v.outcome }, actorUserId: staff.userId }, now);
    await appendAudit(tx, {
      actorUserId: staff.userId,
      action: "reception.matter_added",
      entityType: "reception_day",
      entityId: day.id,
      data: { matterId: row!.id, number, outcome: v.outcome, bookingId: v.bookingId ?? null, refusalNoticeDueOn },
    });
    return { id: row!.id, number };
  });
}
