// Reception duty (DOMAIN.md section 6): which days a head must receive citizens, and whether each month's duty
// was met. Pure and deterministic over the working-day calendar; dates are "YYYY-MM-DD" in Vietnam.
//
// The rules, in one place:
// - A rule version ("commune chair: 1 day a week") is in force from its effective date until the next version of
//   the same kind begins (or its own end date). Every day is judged by the rule in force on that day, so a month
//   that straddles a change of law is split: the part before by the old rule, the part after by the new.
// - A rule's periods are calendar months or ISO weeks (Monday to Sunday), cut to the dates the version is in force.
// - Each period needs `times` reception days. Their nominal dates come from the position's schedule (days of the
//   month, such as Gia Lai's 15th, or a weekday). A nominal date that is a day off moves to the next free working
//   day of the same period, or else the previous one, so a holiday never drops a month's duty; a period with no
//   working day at all (a week inside Tết) needs none.
// - A held reception counts for the period that contains its date, under the rule in force that day. It counts as
//   the head's duty only when the head received in person: a deputy's reception is recorded and shown, never counted.
// - A period is met when its in-person reception days (distinct dates) reach what it needs; it is missed when it
//   has ended short; otherwise it is pending. A month is missed if any of its periods is missed, pending if any is
//   pending, met if all are met, and "no duty" when none needs a reception. A week belongs to the month of its
//   nominal duty date (or of its Monday when it has none).
import { addCalendarDays, compareDates, fromDayNumber, toDayNumber, weekday, type WorkCalendar } from "../calendar";
import type { IsoDate } from "../types";
import { DEFAULT_TWO_DAYS_OF_MONTH, GIA_LAI_FIXED_DAY, type DutyPeriod, type PositionKind } from "./vocabulary";

export type DutyRule = {
  id: string;
  positionKind: PositionKind;
  times: number;
  per: DutyPeriod;
  legalBasis: string;
  effectiveFrom: IsoDate;
  effectiveTo: IsoDate | null;
  confirmed: boolean;
};

/** A position's usual schedule: days of the month for a monthly rule, an ISO weekday (1 = Monday) for a weekly one. */
export type PositionSchedule = { daysOfMonth: readonly number[]; weekday: number };

/** One reception day a rule requires. `dutyKey` is stable, so generation can be repeated without duplicates. */
export type DutySlot = {
  dutyKey: string;
  periodKey: string;
  per: DutyPeriod;
  ruleId: string;
  /** The schedule's date before any move. */
  nominalOn: IsoDate;
  /** The working day it falls on. */
  on: IsoDate;
};

export type DutyPeriodSpan = { periodKey: string; per: DutyPeriod; rule: DutyRule; from: IsoDate; to: IsoDate };

// ---------------------------------------------------------------------------------------------
// Rules over time
// ---------------------------------------------------------------------------------------------

/** The version of a kind's rule in force on a date, or null. */
export function ruleInForce(rules: readonly DutyRule[], kind: PositionKind, date: IsoDate): DutyRule | null {
  let best: DutyRule | null = null;
  for (const r of rules) {
    if (r.positionKind !== kind || compareDates(r.effectiveFrom, date) > 0) continue;
    if (!best || compareDates(r.effectiveFrom, best.effectiveFrom) > 0) best = r;
  }
  if (best?.effectiveTo && compareDates(best.effectiveTo, date) < 0) return null;
  return best;
}

/** The dates [from, to] each version of a kind is in force, in order. */
export function ruleSpans(rules: readonly DutyRule[], kind: PositionKind): { rule: DutyRule; from: IsoDate; to: IsoDate | null }[] {
  const own = rules.filter((r) => r.positionKind === kind).sort((a, b) => compareDates(a.effectiveFrom, b.effectiveFrom));
  return own.map((rule, i) => {
    const next = own[i + 1];
    const cut = next ? addCalendarDays(next.effectiveFrom, -1) : null;
    const to = rule.effectiveTo && (!cut || compareDates(rule.effectiveTo, cut) < 0) ? rule.effectiveTo : cut;
    return { rule, from: rule.effectiveFrom, to };
  });
}

// ---------------------------------------------------------------------------------------------
// Periods
// ---------------------------------------------------------------------------------------------

export function monthOf(date: IsoDate): string {
  return date.slice(0, 7);
}

export function monthStart(month: string): IsoDate {
  return `${month}-01`;
}

export function monthEnd(month: string): IsoDate {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
  return addCalendarDays(next, -1);
}

export function nextMonth(month: string): string {
  return monthOf(addCalendarDays(monthEnd(month), 1));
}

/** Months from a to b inclusive ("YYYY-MM"). */
export function monthsBetween(a: string, b: string): string[] {
  const out: string[] = [];
  for (let m = a; m <= b; m = nextMonth(m)) out.push(m);
  return out;
}

/** The Monday of a date's ISO week. */
export function weekStart(date: IsoDate): IsoDate {
  return addCalendarDays(date, 1 - (weekday(date) || 7));
}

/** "2026-W05": the ISO week-numbering year and week of a date. */
export function isoWeekKey(date: IsoDate): string {
  const monday = toDayNumber(weekStart(date));
  const thursday = fromDayNumber(monday + 3);
  const year = Number(thursday.slice(0, 4));
  const jan4 = toDayNumber(`${year}-01-04`);
  const firstMonday = toDayNumber(weekStart(fromDayNumber(jan4)));
  const week = Math.floor((monday - firstMonday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

const maxDate = (a: IsoDate, b: IsoDate) => (compareDates(a, b) >= 0 ? a : b);
const minDate = (a: IsoDate, b: IsoDate | null) => (b === null || compareDates(a, b) <= 0 ? a : b);

/** The rule periods (months or weeks, cut to each version's dates) that overlap [from, to]. */
export function dutyPeriods(rules: readonly DutyRule[], kind: PositionKind, from: IsoDate, to: IsoDate): DutyPeriodSpan[] {
  const out: DutyPeriodSpan[] = [];
  for (const span of ruleSpans(rules, kind)) {
    const a = maxDate(span.from, from);
    const b = minDate(to, span.to);
    if (compareDates(a, b) > 0) continue;
    if (span.rule.per === "month") {
      for (const m of monthsBetween(monthOf(a), monthOf(b))) {
        out.push({ periodKey: m, per: "month", rule: span.rule, from: maxDate(monthStart(m), span.from), to: minDate(monthEnd(m), span.to) });
      }
    } else {
      for (let w = weekStart(a); compareDates(w, b) <= 0; w = addCalendarDays(w, 7)) {
        out.push({ periodKey: isoWeekKey(w), per: "week", rule: span.rule, from: maxDate(w, span.from), to: minDate(addCalendarDays(w, 6), span.to) });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------------

/** The days of the month a monthly rule uses: the schedule's, completed when it names fewer than the rule needs. */
export function scheduleDaysOfMonth(schedule: PositionSchedule, times: number): number[] {
  const days = [...new Set(schedule.daysOfMonth.filter((d) => Number.isInteger(d) && d >= 1 && d <= 31))];
  const defaults = times === 1 ? [GIA_LAI_FIXED_DAY] : times === 2 ? [...DEFAULT_TWO_DAYS_OF_MONTH] : [];
  for (const d of defaults) if (days.length < times && !days.includes(d)) days.push(d);
  // More than the defaults: spread the rest over the month.
  for (let i = 0; days.length < times && i < 28; i++) {
    const d = 1 + Math.floor((i * 28) / Math.max(times, 1));
    if (!days.includes(d)) days.push(d);
  }
  return days.slice(0, times).sort((x, y) => x - y);
}

function nominalDates(period: DutyPeriodSpan, schedule: PositionSchedule): IsoDate[] {
  const { rule } = period;
  if (period.per === "month") {
    const month = period.periodKey;
    const last = Number(monthEnd(month).slice(8));
    return scheduleDaysOfMonth(schedule, rule.times).map((d) => `${month}-${String(Math.min(d, last)).padStart(2, "0")}`);
  }
  const monday = weekStart(period.from);
  const first = Math.min(Math.max(Math.trunc(schedule.weekday), 1), 5);
  return Array.from({ length: Math.min(rule.times, 5) }, (_, i) => addCalendarDays(monday, ((first - 1 + i) % 5)));
}

/**
 * The working day a nominal date falls on: itself when it is a free working day of the period, else the next free
 * working day of the period, else the previous one; null when the period has none left.
 */
export function placeOnWorkingDay(calendar: WorkCalendar, nominal: IsoDate, from: IsoDate, to: IsoDate, taken: ReadonlySet<IsoDate>): IsoDate | null {
  const free = (d: IsoDate) => calendar.isWorkingDay(d) && !taken.has(d);
  if (compareDates(nominal, from) >= 0 && compareDates(nominal, to) <= 0 && free(nominal)) return nominal;
  for (let d = addCalendarDays(nominal, 1); compareDates(d, to) <= 0; d = addCalendarDays(d, 1)) {
    if (compareDates(d, from) >= 0 && free(d)) return d;
  }
  for (let d = addCalendarDays(nominal, -1); compareDates(d, from) >= 0; d = addCalendarDays(d, -1)) {
    if (compareDates(d, to) <= 0 && free(d)) return d;
  }
  return null;
}

/** The reception days a period needs, placed on working days. */
export function periodSlots(calendar: WorkCalendar, period: DutyPeriodSpan, schedule: PositionSchedule): DutySlot[] {
  const taken = new Set<IsoDate>();
  const slots: DutySlot[] = [];
  const keys = new Set<string>();
  for (const nominal of nominalDates(period, schedule)) {
    // A nominal date outside the version's dates (a month cut by a change of law) is the other version's to judge.
    if (compareDates(nominal, period.from) < 0 || compareDates(nominal, period.to) > 0) continue;
    const on = placeOnWorkingDay(calendar, nominal, period.from, period.to, taken);
    if (!on) continue;
    taken.add(on);
    // The 30th and 31st both fall on the 28th in February: the second keeps a key of its own.
    let dutyKey = `${period.periodKey}@${nominal}`;
    for (let i = 2; keys.has(dutyKey); i++) dutyKey = `${period.periodKey}@${nominal}~${i}`;
    keys.add(dutyKey);
    slots.push({ dutyKey, periodKey: period.periodKey, per: period.per, ruleId: period.rule.id, nominalOn: nominal, on });
  }
  return slots;
}

/** Every reception day the rules require of a position whose nominal date lies in [from, to]. */
export function generateDutySlots(
  calendar: WorkCalendar,
  rules: readonly DutyRule[],
  kind: PositionKind,
  schedule: PositionSchedule,
  from: IsoDate,
  to: IsoDate,
): DutySlot[] {
  return dutyPeriods(rules, kind, from, to)
    .flatMap((p) => periodSlots(calendar, p, schedule))
    .filter((s) => compareDates(s.nominalOn, from) >= 0 && compareDates(s.nominalOn, to) <= 0)
    .sort((a, b) => compareDates(a.on, b.on));
}

// ---------------------------------------------------------------------------------------------
// Compliance
// ---------------------------------------------------------------------------------------------

/** A held reception of the position: its date, and whether the head received in person. */
export type HeldReception = { on: IsoDate; inPerson: boolean };

export type DutyState = "met" | "missed" | "pending" | "no_duty";

export type PeriodJudgement = {
  periodKey: string;
  per: DutyPeriod;
  from: IsoDate;
  to: IsoDate;
  ruleId: string;
  legalBasis: string;
  required: number;
  /** Distinct dates the head received in person. */
  heldInPerson: number;
  /** Receptions held by someone else: recorded, never counted. */
  delegated: number;
  missed: number;
  upcoming: number;
  state: DutyState;
};

export type MonthJudgement = Omit<PeriodJudgement, "periodKey" | "per" | "from" | "to" | "ruleId" | "legalBasis"> & {
  month: string;
  periods: PeriodJudgement[];
};

function judgePeriod(calendar: WorkCalendar, period: DutyPeriodSpan, schedule: PositionSchedule, held: readonly HeldReception[], today: IsoDate): PeriodJudgement {
  const required = periodSlots(calendar, period, schedule).length;
  const inside = held.filter((h) => compareDates(h.on, period.from) >= 0 && compareDates(h.on, period.to) <= 0);
  const heldInPerson = new Set(inside.filter((h) => h.inPerson).map((h) => h.on)).size;
  const delegated = inside.filter((h) => !h.inPerson).length;
  const short = Math.max(0, required - heldInPerson);
  const ended = compareDates(today, period.to) > 0;
  const state: DutyState = required === 0 ? "no_duty" : short === 0 ? "met" : ended ? "missed" : "pending";
  return {
    periodKey: period.periodKey,
    per: period.per,
    from: period.from,
    to: period.to,
    ruleId: period.rule.id,
    legalBasis: period.rule.legalBasis,
    required,
    heldInPerson,
    delegated,
    missed: ended ? short : 0,
    upcoming: ended ? 0 : short,
    state,
  };
}

/** The month a period is shown under: a week goes with its first duty date, or its Monday. */
function periodMonth(calendar: WorkCalendar, period: DutyPeriodSpan, schedule: PositionSchedule): string {
  if (period.per === "month") return period.periodKey;
  const first = periodSlots(calendar, period, schedule)[0];
  return monthOf(first ? first.nominalOn : period.from);
}

export function combineStates(states: readonly DutyState[]): DutyState {
  const due = states.filter((s) => s !== "no_duty");
  if (due.length === 0) return "no_duty";
  if (due.includes("missed")) return "missed";
  if (due.includes("pending")) return "pending";
  return "met";
}

/**
 * Month by month, what the rules required of a position and what it held, from `fromMonth` to `toMonth`
 * ("YYYY-MM"). `held` are the position's recorded receptions (any origin: an extra reception the office added
 * counts like a generated one). Periods with no rule in force are left out.
 */
export function judgeDutyByMonth(input: {
  calendar: WorkCalendar;
  rules: readonly DutyRule[];
  kind: PositionKind;
  schedule: PositionSchedule;
  held: readonly HeldReception[];
  fromMonth: string;
  toMonth: string;
  today: IsoDate;
}): MonthJudgement[] {
  const { calendar, schedule, today } = input;
  // Weeks at the edges may start in the month before or end in the month after.
  const from = addCalendarDays(monthStart(input.fromMonth), -6);
  const to = addCalendarDays(monthEnd(input.toMonth), 6);
  const byMonth = new Map<string, PeriodJudgement[]>(monthsBetween(input.fromMonth, input.toMonth).map((m) => [m, []]));
  for (const period of dutyPeriods(input.rules, input.kind, from, to)) {
    const month = periodMonth(calendar, period, schedule);
    const list = byMonth.get(month);
    if (!list) continue;
    list.push(judgePeriod(calendar, period, schedule, input.held, today));
  }
  return [...byMonth].map(([month, periods]) => {
    const sum = (k: "required" | "heldInPerson" | "delegated" | "missed" | "upcoming") => periods.reduce((n, p) => n + p[k], 0);
    return {
      month,
      periods,
      required: sum("required"),
      heldInPerson: sum("heldInPerson"),
      delegated: sum("delegated"),
      missed: sum("missed"),
      upcoming: sum("upcoming"),
      state: combineStates(periods.map((p) => p.state)),
    };
  });
}
