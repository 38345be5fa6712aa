// Legal deadlines computed from a policy (DOMAIN.md section 4). The numbers live in data with their
// legal basis and effective dates; this module only does the arithmetic.
import {
  addCalendarDays,
  addCalendarDaysCivil,
  compareDates,
  daysBetween,
  endOfLocalDay,
  toLocalDate,
  type WorkCalendar,
} from "./calendar";
import type { CaseKind, Instance, IsoDate } from "./types";

export type PeriodUnit = "working_days" | "days";
export type Period = { amount: number; unit: PeriodUnit };

export type DeadlinePolicy = {
  id: string;
  kind: CaseKind;
  /** null = applies to any instance. */
  instance: Instance | null;
  effectiveFrom: IsoDate;
  effectiveTo: IsoDate | null;
  acceptance: Period;
  /** null = no statutory resolution period. */
  resolution: Period | null;
  /** Remote/difficult area (vùng sâu, vùng xa). */
  remoteResolution: Period | null;
  /** Complex cases. */
  extension: { maxCount: number; maxDaysEach: number } | null;
  /** Petition/report: a progress update is due every N days. */
  progressUpdateEveryDays: number | null;
  pausesOnInfoRequest: boolean;
  /** e.g. "Luật Khiếu nại 2011, Điều 27-28". */
  legalBasis: string;
  /** False: entered from an unofficial text, applied to no case until an admin confirms it (absent = confirmed). */
  confirmed?: boolean;
  /** What this version changed, in the admin's words. */
  note?: string | null;
};

/** A single period not tied to a case kind (e.g. answering what was raised at a reception session). */
export type PeriodRule = {
  id: string;
  effectiveFrom: IsoDate;
  effectiveTo: IsoDate | null;
  period: Period;
  legalBasis: string;
  description: string;
};

/** The end of a period starting after `start`: working days, or plain days under the Civil Code. */
export function addPeriod(calendar: WorkCalendar, start: IsoDate, period: Period): IsoDate {
  return period.unit === "working_days"
    ? calendar.addWorkingDays(start, period.amount)
    : addCalendarDaysCivil(calendar, start, period.amount);
}

function inForce(p: { effectiveFrom: IsoDate; effectiveTo: IsoDate | null }, on: IsoDate): boolean {
  return compareDates(p.effectiveFrom, on) <= 0 && (p.effectiveTo === null || compareDates(on, p.effectiveTo) <= 0);
}

/**
 * The policy in force on the day the case was received (a case keeps it for life); an unconfirmed version never
 * applies. An exact
 * instance match beats an any-instance policy; then the latest effectiveFrom; ties keep input order.
 */
export function selectPolicy(
  policies: readonly DeadlinePolicy[],
  kind: CaseKind,
  instance: Instance | null,
  receivedOn: IsoDate,
): DeadlinePolicy | null {
  let best: DeadlinePolicy | null = null;
  for (const p of policies) {
    if (p.kind !== kind) continue;
    if (p.confirmed === false) continue;
    if (p.instance !== null && p.instance !== instance) continue;
    if (!inForce(p, receivedOn)) continue;
    if (best === null) {
      best = p;
      continue;
    }
    const specific = p.instance !== null;
    const bestSpecific = best.instance !== null;
    if (specific !== bestSpecific) {
      if (specific) best = p;
    } else if (compareDates(p.effectiveFrom, best.effectiveFrom) > 0) {
      best = p;
    }
  }
  return best;
}

export function acceptanceDueDate(calendar: WorkCalendar, policy: DeadlinePolicy, receivedOn: IsoDate): IsoDate {
  return addPeriod(calendar, receivedOn, policy.acceptance);
}

/** The resolution period to apply: the remote-area one when asked for and defined. */
export function resolutionPeriod(policy: DeadlinePolicy, opts: { remote: boolean }): Period | null {
  if (opts.remote && policy.remoteResolution !== null) return policy.remoteResolution;
  return policy.resolution;
}

/** null when the policy sets no resolution period. */
export function resolutionDueDate(
  calendar: WorkCalendar,
  policy: DeadlinePolicy,
  acceptedOn: IsoDate,
  opts: { remote: boolean },
): IsoDate | null {
  const period = resolutionPeriod(policy, opts);
  return period === null ? null : addPeriod(calendar, acceptedOn, period);
}

/**
 * Shifts a due date by a pause (e.g. waiting for the filer's information). The pause covers the
 * days in (pausedOn, resumedOn], counted like the period: working days for working-day periods,
 * calendar days otherwise, then the Civil Code rule moves a non-working end to the next working day.
 */
export function applyPause(
  calendar: WorkCalendar,
  dueDate: IsoDate,
  pausedOn: IsoDate,
  resumedOn: IsoDate,
  unit: PeriodUnit,
): IsoDate {
  if (compareDates(resumedOn, pausedOn) < 0) {
    throw new RangeError(`Pause resumes (${resumedOn}) before it starts (${pausedOn})`);
  }
  if (unit === "working_days") {
    return calendar.addWorkingDays(dueDate, calendar.workingDaysBetween(pausedOn, resumedOn));
  }
  const shifted = addCalendarDays(dueDate, daysBetween(pausedOn, resumedOn));
  // Never move a due date back, even if the input due date was itself not a working day.
  return calendar.isWorkingDay(shifted) ? shifted : calendar.nextWorkingDay(shifted);
}

export type ExtensionRefusal = "no_extension_allowed" | "too_many_extensions" | "too_long";
export type ExtensionResult = { ok: true; dueDate: IsoDate } | { ok: false; reason: ExtensionRefusal };

/**
 * Extends a due date for a complex case. `days` is counted in the unit of the policy's resolution
 * period (calendar days under the Civil Code unless that period is in working days).
 */
export function applyExtension(
  calendar: WorkCalendar,
  policy: DeadlinePolicy,
  dueDate: IsoDate,
  extensionsSoFar: number,
  days: number,
): ExtensionResult {
  if (!Number.isSafeInteger(days) || days < 1) throw new RangeError(`days must be an integer >= 1, got ${days}`);
  if (!Number.isSafeInteger(extensionsSoFar) || extensionsSoFar < 0) {
    throw new RangeError(`extensionsSoFar must be an integer >= 0, got ${extensionsSoFar}`);
  }
  const ext = policy.extension;
  if (ext === null || ext.maxCount <= 0) return { ok: false, reason: "no_extension_allowed" };
  if (extensionsSoFar >= ext.maxCount) return { ok: false, reason: "too_many_extensions" };
  if (days > ext.maxDaysEach) return { ok: false, reason: "too_long" };
  const unit: PeriodUnit = policy.resolution?.unit ?? "days";
  return { ok: true, dueDate: addPeriod(calendar, dueDate, { amount: days, unit }) };
}

/** Overdue once `now` is past 23:59:59.999 Vietnam time on the due date. */
export function isOverdue(dueDate: IsoDate, now: Date): boolean {
  return now.getTime() > endOfLocalDay(dueDate).getTime();
}

/** Calendar days from today (in Vietnam) to the due date: 0 on the last day, negative once overdue. */
export function daysLeft(dueDate: IsoDate, now: Date): number {
  return daysBetween(toLocalDate(now), dueDate);
}
