import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database, Tx } from "@/db/client";
import { receptionDayEvents, receptionDays, receptionPositions } from "@/db/schema";
import { runInTransaction } from "@/db/transaction";
import { toLocalDate, type WorkCalendar } from "@/domain/calendar";
import { ONLINE_NOTICE_WORKING_DAYS, RECEPTION_MODES, type ReceptionDayStatus } from "@/domain/reception/vocabulary";
import type { ReceptionDayChangeData } from "@/emails/reception-day-change";
import { appendAudit } from "@/server/audit/append-audit";
import type { Viewer } from "@/server/auth/roles";
import { loadCalendar } from "@/server/deadlines/policy-rows";
import { vietnamInstant } from "@/domain/calendar";
import { loadReceptionDayForStaff, type ReceptionDayRow } from "../reception-access";
import { notifyBookedCitizens } from "./notify-booked-citizens";
import {
  capacityField,
  checkbox,
  checkVersion,
  dateField,
  httpsUrl,
  parsePlanInput,
  PLAN_LIMITS,
  planError,
  planFieldErrors,
  planText,
  timeField,
  type PlanProblem,
} from "./plan-input";

// The office's planning of one reception day: confirm, move, cancel, in person or online, bookings. Every verb
// runs in one frame (planAct): authorise from the day first, validate, then one transaction that locks the day,
// checks the form's version and the day's state, changes it, bumps its version, writes the public event and the
// audit entry, and tells the booked citizens when the day moved, was cancelled or changed its mode.

export type PlanRef = { dayId?: unknown; version?: unknown };

type Ctx = { tx: Tx; day: ReceptionDayRow; viewer: Viewer; now: Date; calendar: WorkCalendar };
type Change = {
  set: Partial<typeof receptionDays.$inferInsert>;
  event: { type: string; reason?: string | null; data?: Record<string, unknown> };
  notify?: ReceptionDayChangeData["change"];
};

/** A day can be planned until it is held or cancelled. */
const PLANNABLE: readonly ReceptionDayStatus[] = ["planned", "confirmed"];

async function planAct(
  db: Database,
  viewer: Viewer | null,
  ref: PlanRef,
  verb: string,
  now: Date,
  validate: () => void,
  change: (ctx: Ctx) => Promise<Change> | Change,
): Promise<{ version: number; eventId: number; notified: number }> {
  const dayId = String(ref.dayId ?? "");
  await loadReceptionDayForStaff(db, viewer, dayId, "plan");
  validate();
  const calendar = await loadCalendar(db);
  return runInTransaction(db, async (tx) => {
    const { day, viewer: staff } = await loadReceptionDayForStaff(tx, viewer, dayId, "plan", { forUpdate: true });
    checkVersion(day.version, ref.version);
    if (!PLANNABLE.includes(day.status)) throw planError("conflict", "not_plannable");
    const { set, event, notify } = await change({ tx, day, viewer: staff, now, calendar });
    const version = day.version + 1;
    await tx.update(receptionDays).set({ ...set, version, updatedAt: now }).where(eq(receptionDays.id, day.id));
    const [row] = await tx
      .insert(receptionDayEvents)
      .values({ receptionDayId: day.id, type: event.type, reason: event.reason ?? null, data: event.data ?? null, actorUserId: staff.userId, createdAt: now })
      .returning({ id: receptionDayEvents.id });
    await appendAudit(tx, {
      actorUserId: staff.userId,
      action: `reception.${verb}`,
      entityType: "reception_day",
      entityId: day.id,
      data: { event: event.type, reason: event.reason ?? null, ...(event.data ?? {}) },
    });
    let notified = 0;
    if (notify && day.booked > 0) {
      const after = { ...day, ...set } as ReceptionDayRow;
      notified = await notifyBookedCitizens(tx, {
        eventId: row!.id,
        dayId: day.id,
        change: notify,
        title: await positionTitle(tx, day),
        oldStartsAt: day.startsAt.toISOString(),
        startsAt: after.startsAt.toISOString(),
        place: after.place,
        onlineUrl: after.onlineUrl ?? null,
        reason: event.reason ?? null,
      });
    }
    return { version, eventId: row!.id, notified };
  });
}

async function positionTitle(tx: Tx, day: ReceptionDayRow): Promise<string> {
  const [row] = await tx.select({ title: receptionPositions.title }).from(receptionPositions).where(eq(receptionPositions.id, day.positionId));
  return row?.title ?? "";
}

const started = (day: ReceptionDayRow, now: Date) => day.startsAt <= now;
const localDate = (day: ReceptionDayRow) => toLocalDate(day.startsAt);

function times(date: string, startTime: string, endTime: string, now: Date, fields: Record<string, PlanProblem>) {
  const startsAt = vietnamInstant(date, startTime);
  const endsAt = vietnamInstant(date, endTime);
  if (endsAt <= startsAt) fields.endTime ??= "end_before_start";
  if (startsAt <= now) fields.startTime ??= "in_past";
  return { startsAt, endsAt };
}

function fail(fields: Record<string, PlanProblem>) {
  if (Object.keys(fields).length > 0) throw planFieldErrors(fields);
}

// ---------------------------------------------------------------------------------------------

const confirmSchema = z.object({
  place: planText(PLAN_LIMITS.place),
  startTime: timeField,
  endTime: timeField,
  plannedContent: planText(PLAN_LIMITS.content, false),
});

/** Announces a generated day: place, time on its date, and the planned content. Planned → confirmed. */
export async function confirmReceptionDay(db: Database, viewer: Viewer | null, input: PlanRef & { place?: unknown; startTime?: unknown; endTime?: unknown; plannedContent?: unknown }, now = new Date()) {
  let v!: z.infer<typeof confirmSchema>;
  return planAct(db, viewer, input, "confirm", now, () => (v = parsePlanInput(confirmSchema, input)), ({ day }) => {
    if (day.status !== "planned") throw planError("conflict", "not_plannable");
    const fields: Record<string, PlanProblem> = {};
    const { startsAt, endsAt } = times(localDate(day), v.startTime, v.endTime, now, fields);
    fail(fields);
    return {
      set: { status: "confirmed", place: v.place, startsAt, endsAt, plannedContent: v.plannedContent || null },
      event: { type: "confirmed", data: { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), place: v.place } },
    };
  });
}

const contentSchema = z.object({ plannedContent: planText(PLAN_LIMITS.content, false) });

/** Changes the planned content of a day (what the head will hear about), before it starts. */
export async function updateReceptionContent(db: Database, viewer: Viewer | null, input: PlanRef & { plannedContent?: unknown }, now = new Date()) {
  let v!: z.infer<typeof contentSchema>;
  return planAct(db, viewer, input, "update_content", now, () => (v = parsePlanInput(contentSchema, input)), ({ day }) => {
    if (started(day, now)) throw planError("conflict", "not_plannable");
    if ((day.plannedContent ?? "") === v.plannedContent) throw planFieldErrors({ plannedContent: "unchanged" });
    return { set: { plannedContent: v.plannedContent || null }, event: { type: "content_updated" } };
  });
}

const moveSchema = z.object({
  date: dateField,
  startTime: timeField,
  endTime: timeField,
  place: planText(PLAN_LIMITS.place, false),
  reason: planText(PLAN_LIMITS.reason),
});

/**
 * Moves a day to a new date, time or place, with a public reason. The new date must be a working day and still
 * to come; the event keeps the old date. Booked places move with it, and the booked citizens are told.
 */
export async function moveReceptionDay(
  db: Database,
  viewer: Viewer | null,
  input: PlanRef & { date?: unknown; startTime?: unknown; endTime?: unknown; place?: unknown; reason?: unknown },
  now = new Date(),
) {
  let v!: z.infer<typeof moveSchema>;
  return planAct(db, viewer, input, "move", now, () => (v = parsePlanInput(moveSchema, input)), ({ day, calendar }) => {
    const fields: Record<string, PlanProblem> = {};
    if (!calendar.isWorkingDay(v.date)) fields.date = "not_working_day";
    const { startsAt, endsAt } = times(v.date, v.startTime, v.endTime, now, fields);
    const place = v.place || day.place;
    if (startsAt.getTime() === day.startsAt.getTime() && endsAt.getTime() === day.endsAt.getTime() && place === day.place) fields.date ??= "unchanged";
    fail(fields);
    return {
      set: { startsAt, endsAt, place, statusReason: v.reason },
      event: {
        type: "moved",
        reason: v.reason,
        data: {
          oldStartsAt: day.startsAt.toISOString(),
          oldEndsAt: day.endsAt.toISOString(),
          oldPlace: day.place,
          startsAt: startsAt.toISOString(),
          endsAt: endsAt.toISOString(),
          place,
        },
      },
      notify: "moved",
    };
  });
}

const cancelSchema = z.object({ reason: planText(PLAN_LIMITS.reason) });

/** Cancels a day with a public reason; bookings close and the booked citizens are told. */
export async function cancelReceptionDay(db: Database, viewer: Viewer | null, input: PlanRef & { reason?: unknown }, now = new Date()) {
  let v!: z.infer<typeof cancelSchema>;
  return planAct(db, viewer, input, "cancel", now, () => (v = parsePlanInput(cancelSchema, input)), ({ day }) => ({
    set: { status: "cancelled", statusReason: v.reason, bookingsOpen: false },
    event: { type: "cancelled", reason: v.reason, data: { fromStatus: day.status, startsAt: day.startsAt.toISOString() } },
    notify: "cancelled",
  }));
}

const modeSchema = z.object({ mode: z.enum(RECEPTION_MODES, { error: "required" }), onlineUrl: httpsUrl });

/**
 * In person or online (Law 136/2025 art. 3a). Going online needs an https link and at least
 * ONLINE_NOTICE_WORKING_DAYS working days' notice before the day (Decree 154/2026), counted on the calendar;
 * the change is public and the booked citizens are told.
 */
export async function setReceptionMode(db: Database, viewer: Viewer | null, input: PlanRef & { mode?: unknown; onlineUrl?: unknown }, now = new Date()) {
  let v!: z.infer<typeof modeSchema>;
  return planAct(db, viewer, input, "set_mode", now, () => (v = parsePlanInput(modeSchema, input)), ({ day, calendar }): Change => {
    if (started(day, now)) throw planError("conflict", "not_plannable");
    if (v.mode === "online") {
      if (v.onlineUrl === "") throw planFieldErrors({ onlineUrl: "required" });
      if (day.mode === "online") {
        if (day.onlineUrl === v.onlineUrl) throw planFieldErrors({ onlineUrl: "unchanged" });
        return { set: { onlineUrl: v.onlineUrl }, event: { type: "online_link_changed", data: { onlineUrl: v.onlineUrl } }, notify: "online" };
      }
      const earliest = calendar.addWorkingDays(toLocalDate(now), ONLINE_NOTICE_WORKING_DAYS);
      if (earliest > localDate(day)) throw planFieldErrors({ mode: "too_late_for_online" });
      return { set: { mode: "online", onlineUrl: v.onlineUrl }, event: { type: "mode_online", data: { onlineUrl: v.onlineUrl } }, notify: "online" };
    }
    if (day.mode === "in_person") throw planFieldErrors({ mode: "unchanged" });
    return { set: { mode: "in_person", onlineUrl: null }, event: { type: "mode_in_person", data: { place: day.place } }, notify: "in_person" };
  });
}

const bookingsSchema = z.object({ capacity: capacityField, bookingsOpen: checkbox });

/** How many places can be booked (never below those already booked) and whether bookings are open. */
export async function setReceptionBookings(db: Database, viewer: Viewer | null, input: PlanRef & { capacity?: unknown; bookingsOpen?: unknown }, now = new Date()) {
  let v!: z.infer<typeof bookingsSchema>;
  return planAct(db, viewer, input, "set_bookings", now, () => (v = parsePlanInput(bookingsSchema, input)), ({ day }) => {
    if (v.capacity < day.booked) throw planFieldErrors({ capacity: "below_booked" });
    if (v.capacity === day.capacity && v.bookingsOpen === day.bookingsOpen) throw planFieldErrors({ capacity: "unchanged" });
    return {
      set: { capacity: v.capacity, bookingsOpen: v.bookingsOpen },
      event: { type: "bookings_changed", data: { capacity: v.capacity, bookingsOpen: v.bookingsOpen, oldCapacity: day.capacity, oldBookingsOpen: day.bookingsOpen } },
    };
  });
}
