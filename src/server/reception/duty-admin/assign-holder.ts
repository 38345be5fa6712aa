import "server-only";
import { and, eq, gte, inArray, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { memberships, receptionDayEvents, receptionDays, receptionPositionHolders, receptionPositions } from "@/db/schema";
import { addCalendarDays, compareDates, isIsoDate } from "@/domain/calendar";
import type { Viewer } from "@/server/auth/roles";
import { parseFilerInput } from "@/server/filer/filer-access";
import { isUuid } from "@/server/workspace/case-access";
import { vietnamInstant } from "@/domain/calendar";
import { dutyAdminChange, dutyAdminError, dutyFieldError } from "./duty-admin-frame";

export const assignHolderSchema = z.object({
  positionId: z.string().refine(isUuid, { error: "required" }),
  userId: z.string().min(1, { error: "required" }),
  fromDate: z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string().min(1, { error: "required" }).refine(isIsoDate, { error: "invalid" })),
});

export type AssignHolderInput = { [K in keyof z.input<typeof assignHolderSchema>]?: unknown };

/**
 * Records that an official holds a seat from a date. The term of whoever held it then ends the day before; a
 * start on or before the current holder's own start is refused (correct the record with a later date). Days not
 * yet held from that date on (planned or confirmed) get the new head, each with a public event, so the calendar
 * and the duty pages name who is expected.
 */
export async function assignHolder(db: Database, viewer: Viewer | null, input: AssignHolderInput, now = new Date()): Promise<{ id: string; daysChanged: number }> {
  return dutyAdminChange(
    db,
    viewer,
    async (tx, admin) => {
      const v = parseFilerInput(assignHolderSchema, input);
      const [position] = await tx.select({ id: receptionPositions.id }).from(receptionPositions).where(eq(receptionPositions.id, v.positionId)).for("update");
      if (!position) throw dutyAdminError("not_found", "not_found");
      // An official: someone with a role in some unit (a citizen's account cannot hold a seat).
      const [official] = await tx.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.userId, v.userId)).limit(1);
      if (!official) throw dutyFieldError("userId", "invalid");
      const open = await tx
        .select()
        .from(receptionPositionHolders)
        .where(and(eq(receptionPositionHolders.positionId, v.positionId), or(isNull(receptionPositionHolders.toDate), gte(receptionPositionHolders.toDate, v.fromDate))));
      if (open.some((h) => compareDates(h.fromDate, v.fromDate) >= 0)) throw dutyFieldError("fromDate", "not_after_current");
      const dayBefore = addCalendarDays(v.fromDate, -1);
      const ended = open.map((h) => h.id);
      if (ended.length > 0) await tx.update(receptionPositionHolders).set({ toDate: dayBefore }).where(inArray(receptionPositionHolders.id, ended));
      const [row] = await tx
        .insert(receptionPositionHolders)
        .values({ positionId: v.positionId, userId: v.userId, fromDate: v.fromDate, createdBy: admin.userId, createdAt: now })
        .returning({ id: receptionPositionHolders.id });
      const changed = await tx
        .update(receptionDays)
        .set({ headUserId: v.userId, version: sql`${receptionDays.version} + 1`, updatedAt: now })
        .where(
          and(
            eq(receptionDays.positionId, v.positionId),
            inArray(receptionDays.status, ["planned", "confirmed"]),
            gte(receptionDays.startsAt, vietnamInstant(v.fromDate, "00:00")),
            or(isNull(receptionDays.headUserId), sql`${receptionDays.headUserId} <> ${v.userId}`),
          ),
        )
        .returning({ id: receptionDays.id });
      if (changed.length > 0) {
        await tx.insert(receptionDayEvents).values(changed.map((d) => ({ receptionDayId: d.id, type: "head_changed", data: { headUserId: v.userId, fromDate: v.fromDate }, actorUserId: admin.userId })));
      }
      return {
        result: { id: row!.id, daysChanged: changed.length },
        positionId: v.positionId,
        audit: { action: "reception.holder_assigned", entityType: "reception_position", entityId: v.positionId, data: { holderId: row!.id, userId: v.userId, fromDate: v.fromDate, endedHolders: ended, daysChanged: changed.length } },
      };
    },
    now,
  );
}
