import "server-only";
import { and, asc, desc, eq, gte, inArray, isNull, lte, or } from "drizzle-orm";
import { z } from "zod";
import type { Database, DbOrTx } from "@/db/client";
import { receptionDayEvents, receptionDays, receptionPositionHolders, receptionPositions, units } from "@/db/schema";
import { runInTransaction } from "@/db/transaction";
import { mayReceptionAction } from "@/domain/reception/permissions";
import { DEFAULT_BOOKING_CAPACITY } from "@/domain/reception/vocabulary";
import { appendAudit } from "@/server/audit/append-audit";
import { assertStaff, type Viewer } from "@/server/auth/roles";
import { loadCalendar } from "@/server/deadlines/policy-rows";
import { rolesOverUnit } from "@/server/dialogue/session-access";
import { AppError } from "@/server/errors";
import { isUuid } from "@/server/workspace/case-access";
import { vietnamInstant } from "@/domain/calendar";
import { capacityField, dateField, parsePlanInput, PLAN_LIMITS, planFieldErrors, planText, timeField, type PlanProblem } from "./plan-input";

export type AddReceptionDayInput = {
  positionId?: unknown;
  date?: unknown;
  startTime?: unknown;
  endTime?: unknown;
  place?: unknown;
  plannedContent?: unknown;
  capacity?: unknown;
};

const addSchema = z.object({
  date: dateField,
  startTime: timeField,
  endTime: timeField,
  place: planText(PLAN_LIMITS.place, false),
  plannedContent: planText(PLAN_LIMITS.content, false),
  capacity: z.preprocess((v) => (v === undefined || v === "" ? DEFAULT_BOOKING_CAPACITY : v), capacityField),
});

/** Positions whose calendar the viewer's office runs (intake officers and leaders of the office unit). */
export async function plannablePositions(db: DbOrTx, viewer: Viewer) {
  const offices = viewer.memberships.filter((m) => m.role === "intake" || m.role === "leader").map((m) => m.unitId);
  if (offices.length === 0) return [];
  return db
    .select({
      id: receptionPositions.id,
      title: receptionPositions.title,
      titleEn: receptionPositions.titleEn,
      place: receptionPositions.place,
      startTime: receptionPositions.startTime,
      endTime: receptionPositions.endTime,
      unitName: units.name,
      unitNameEn: units.nameEn,
    })
    .from(receptionPositions)
    .innerJoin(units, eq(units.id, receptionPositions.unitId))
    .where(and(inArray(receptionPositions.officeUnitId, offices), eq(receptionPositions.active, true)))
    .orderBy(asc(receptionPositions.title));
}

/**
 * Adds an extra reception day for a position (origin "added", no duty key): announced at once, on a working day
 * still to come, with the position's holder on that date as the head. Authorised from the position's office unit.
 */
export async function addReceptionDay(db: Database, viewer: Viewer | null, input: AddReceptionDayInput, now = new Date()): Promise<{ id: string }> {
  assertStaff(viewer);
  const positionId = typeof input.positionId === "string" ? input.positionId.trim() : "";
  // A position one may not plan for, or none at all, is refused the same way, before reading the form.
  const refused = () => new AppError("forbidden", "not_allowed", { reason: "not_allowed" });
  if (!isUuid(positionId)) throw refused();
  const [position] = await db.select({ p: receptionPositions, areaId: units.areaId }).from(receptionPositions).innerJoin(units, eq(units.id, receptionPositions.unitId)).where(eq(receptionPositions.id, positionId));
  if (!position) throw refused();
  const roles = await rolesOverUnit(db, viewer, position.p.officeUnitId);
  if (!mayReceptionAction("plan", roles)) throw refused();
  const v = parsePlanInput(addSchema, input);
  const calendar = await loadCalendar(db);
  const fields: Record<string, PlanProblem> = {};
  if (!calendar.isWorkingDay(v.date)) fields.date = "not_working_day";
  const startsAt = vietnamInstant(v.date, v.startTime);
  const endsAt = vietnamInstant(v.date, v.endTime);
  if (endsAt <= startsAt) fields.endTime = "end_before_start";
  if (startsAt <= now) fields.date ??= "in_past";
  if (Object.keys(fields).length > 0) throw planFieldErrors(fields);
  const p = position.p;
  return runInTransaction(db, async (tx) => {
    const [holder] = await tx
      .select({ userId: receptionPositionHolders.userId })
      .from(receptionPositionHolders)
      .where(
        and(
          eq(receptionPositionHolders.positionId, p.id),
          lte(receptionPositionHolders.fromDate, v.date),
          or(isNull(receptionPositionHolders.toDate), gte(receptionPositionHolders.toDate, v.date)),
        ),
      )
      .orderBy(desc(receptionPositionHolders.fromDate))
      .limit(1);
    const place = v.place || p.place;
    const [day] = await tx
      .insert(receptionDays)
      .values({
        positionId: p.id,
        unitId: p.unitId,
        officeUnitId: p.officeUnitId,
        areaId: position.areaId,
        origin: "added",
        dutyKey: null,
        nominalOn: null,
        startsAt,
        endsAt,
        place,
        plannedContent: v.plannedContent || null,
        status: "confirmed",
        capacity: v.capacity,
        headUserId: holder?.userId ?? null,
        createdBy: viewer.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: receptionDays.id });
    await tx.insert(receptionDayEvents).values({ receptionDayId: day!.id, type: "added", data: { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), place }, actorUserId: viewer.userId, createdAt: now });
    await appendAudit(tx, { actorUserId: viewer.userId, action: "reception.add", entityType: "reception_day", entityId: day!.id, data: { positionId: p.id, startsAt: startsAt.toISOString(), place, capacity: v.capacity } });
    return { id: day!.id };
  });
}
