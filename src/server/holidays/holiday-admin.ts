import "server-only";
import { and, asc, eq, gt, gte, inArray, isNull, lt } from "drizzle-orm";
import { z } from "zod";
import type { Database, DbOrTx, Tx } from "@/db/client";
import { cases, holidays, receptionDays, receptionPositions } from "@/db/schema";
import { runInTransaction } from "@/db/transaction";
import { addCalendarDays, createCalendar, isIsoDate, toLocalDate, vietnamInstant } from "@/domain/calendar";
import { applyHolidayChange, calendarDays, HOLIDAY_KINDS, type HolidayChange, type HolidayEntry } from "@/domain/holidays/entries";
import { movedDeadlines, type MovedDeadline, type RunningClock } from "@/domain/holidays/moved-deadlines";
import type { Instance } from "@/domain/types";
import { appendAudit } from "@/server/audit/append-audit";
import { assertStaff, hasRole, type Viewer } from "@/server/auth/roles";
import { loadPolicies } from "@/server/deadlines/policy-rows";
import { AppError } from "@/server/errors";
import { filerText, parseFilerInput } from "@/server/filer/filer-access";
import { invalidateReferenceData } from "@/server/intake/reference-data";

/** Administrators only, refused before anything is read. */
export function assertHolidayAdmin(viewer: Viewer | null): asserts viewer is Viewer {
  assertStaff(viewer);
  if (!hasRole(viewer, "admin")) throw new AppError("forbidden", "not_allowed", { reason: "not_allowed" });
}

export function holidayFieldError(field: string, problem: string): AppError {
  return new AppError("invalid_input", "invalid_input", { fields: { [field]: problem } });
}

const isoDate = z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string({ error: "required" }).min(1, { error: "required" }).refine(isIsoDate, { error: "invalid" }));

export const holidayEntrySchema = z.object({
  date: isoDate,
  kind: z.enum(HOLIDAY_KINDS, { error: (issue) => (issue.input === undefined || issue.input === "" ? "required" : "invalid") }),
  name: filerText({ required: true, max: 200 }),
  /** A checkbox: "on" once the admin has checked the Prime Minister's decision. */
  confirmed: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
});
export const removeHolidaySchema = z.object({ date: isoDate });

export type HolidayEntryInput = { [K in keyof z.input<typeof holidayEntrySchema>]?: unknown };
export type HolidayOp = HolidayChange["op"];

export async function loadHolidayEntries(db: DbOrTx): Promise<HolidayEntry[]> {
  const rows = await db.select().from(holidays).orderBy(asc(holidays.date));
  return rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name, confirmed: r.confirmed }));
}

/** Open cases whose clock runs (waiting for acceptance, or accepted and not paused). */
async function loadRunningClocks(db: DbOrTx): Promise<RunningClock[]> {
  const rows = await db
    .select({ code: cases.code, kind: cases.kind, instance: cases.instance, policyId: cases.policyId, remote: cases.remoteArea, receivedAt: cases.receivedAt, acceptedAt: cases.acceptedAt, status: cases.status })
    .from(cases)
    .where(and(inArray(cases.status, ["received", "accepted"]), isNull(cases.pausedAt)));
  return rows.map((r) => ({
    code: r.code,
    kind: r.kind,
    instance: r.instance as Instance,
    policyId: r.policyId,
    remote: r.remote,
    receivedOn: toLocalDate(r.receivedAt),
    acceptedOn: r.status === "accepted" && r.acceptedAt ? toLocalDate(r.acceptedAt) : null,
  }));
}

/** The open deadlines a change of the table would move (stored deadlines are never rewritten). */
export async function deadlinesMovedBy(db: DbOrTx, before: readonly HolidayEntry[], after: readonly HolidayEntry[]): Promise<MovedDeadline[]> {
  const [clocks, policies] = await Promise.all([loadRunningClocks(db), loadPolicies(db)]);
  return movedDeadlines(clocks, policies, createCalendar(calendarDays(before)), createCalendar(calendarDays(after)));
}

/** A reception day still to be held on a date the change makes a day off: the office moves it (nothing does it alone). */
export type ReceptionDayOnDayOff = { id: string; title: string; titleEn: string; startsAt: Date };

/**
 * Reception days already planned on the changed date when it stops being a working day. They are not re-planned:
 * they are public, and citizens may have booked them; the preview and the saved change name them so the office
 * moves each one with a reason (and the booked citizens are told).
 */
export async function receptionDaysOnNewDayOff(db: DbOrTx, before: readonly HolidayEntry[], after: readonly HolidayEntry[], date: string, now: Date): Promise<ReceptionDayOnDayOff[]> {
  if (!isIsoDate(date)) return [];
  const [was, will] = [createCalendar(calendarDays(before)), createCalendar(calendarDays(after))];
  if (!was.isWorkingDay(date) || will.isWorkingDay(date)) return [];
  const start = vietnamInstant(date, "00:00");
  const end = vietnamInstant(addCalendarDays(date, 1), "00:00");
  return db
    .select({ id: receptionDays.id, title: receptionPositions.title, titleEn: receptionPositions.titleEn, startsAt: receptionDays.startsAt })
    .from(receptionDays)
    .innerJoin(receptionPositions, eq(receptionPositions.id, receptionDays.positionId))
    .where(and(gte(receptionDays.startsAt, start), lt(receptionDays.startsAt, end), gt(receptionDays.startsAt, now), inArray(receptionDays.status, ["planned", "confirmed"])))
    .orderBy(receptionDays.startsAt, receptionPositions.title);
}

/** What a change does beyond the table: the open deadlines it would move, the reception days on a new day off. */
export async function holidayChangeEffects(db: DbOrTx, before: readonly HolidayEntry[], change: HolidayChange, now: Date): Promise<HolidayChangeResult> {
  const after = applyHolidayChange(before, change);
  const date = change.op === "remove" ? change.date : change.entry.date;
  const [moved, receptionDays] = await Promise.all([deadlinesMovedBy(db, before, after), receptionDaysOnNewDayOff(db, before, after, date, now)]);
  return { moved, receptionDays };
}

/** Validates a change against the table: a new date must be free, an edited or removed one must exist. */
export async function parseHolidayChange(db: DbOrTx, op: HolidayOp, input: unknown): Promise<HolidayChange> {
  if (op === "remove") {
    const { date } = parseFilerInput(removeHolidaySchema, input);
    const [row] = await db.select({ date: holidays.date }).from(holidays).where(eq(holidays.date, date));
    if (!row) throw new AppError("not_found", "not_found", { reason: "not_found" });
    return { op, date };
  }
  const entry = parseFilerInput(holidayEntrySchema, input);
  const [row] = await db.select({ date: holidays.date }).from(holidays).where(eq(holidays.date, entry.date));
  if (op === "add" && row) throw holidayFieldError("date", "taken");
  if (op === "edit" && !row) throw new AppError("not_found", "not_found", { reason: "not_found" });
  return { op, entry };
}

export type HolidayChangeResult = { moved: MovedDeadline[]; receptionDays: ReceptionDayOnDayOff[] };

/**
 * The frame every holiday verb shares: an administrator only, the change validated against the table, then one
 * transaction holding the change and its audit entry (with the open deadlines it would move, recorded, not
 * applied). Intake then reads the new calendar at once in this process.
 */
export async function holidayAdminChange(db: Database, viewer: Viewer | null, op: HolidayOp, input: unknown, now = new Date()): Promise<HolidayChangeResult> {
  assertHolidayAdmin(viewer);
  const result = await runInTransaction(db, async (tx: Tx) => {
    const change = await parseHolidayChange(tx, op, input);
    const before = await loadHolidayEntries(tx);
    const { moved, receptionDays: onDayOff } = await holidayChangeEffects(tx, before, change, now);
    if (change.op === "remove") {
      await tx.delete(holidays).where(eq(holidays.date, change.date));
    } else if (change.op === "add") {
      await tx.insert(holidays).values(change.entry);
    } else {
      const { date, ...rest } = change.entry;
      await tx.update(holidays).set(rest).where(eq(holidays.date, date));
    }
    const date = change.op === "remove" ? change.date : change.entry.date;
    const action = change.op === "add" ? "holiday.added" : change.op === "edit" ? "holiday.updated" : "holiday.removed";
    const previous = before.find((e) => e.date === date) ?? null;
    await appendAudit(tx, {
      actorUserId: viewer.userId,
      action,
      entityType: "holiday",
      entityId: date,
      data: { previous, entry: change.op === "remove" ? null : change.entry, movedDeadlines: moved.length, movedCases: moved.map((m) => m.code), receptionDaysOnDayOff: onDayOff.map((d) => d.id) },
    });
    return { moved, receptionDays: onDayOff };
  });
  invalidateReferenceData(db);
  return result;
}
