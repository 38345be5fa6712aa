// Working-day calendar for Vietnam (DOMAIN.md section 4). Pure and deterministic: dates are
// "YYYY-MM-DD" strings in Asia/Ho_Chi_Minh, handled as integer day numbers so the machine's
// time zone never matters.
import type { IsoDate } from "./types";

const MS_PER_DAY = 86_400_000;
/** Asia/Ho_Chi_Minh is UTC+7 all year (no DST). */
const VN_OFFSET_MS = 7 * 3_600_000;
const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

/** Days since 1970-01-01, or null when the string is not a real calendar date. */
function tryDayNumber(date: string): number | null {
  const m = ISO_DATE_RE.exec(date);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  // Round trip rejects 2026-02-30 and years 0-99 (which Date.UTC maps to 19xx).
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return t / MS_PER_DAY;
}

export function isIsoDate(value: string): value is IsoDate {
  return tryDayNumber(value) !== null;
}

/** @internal Day number of a date; throws on malformed input so bad data fails loudly. */
export function toDayNumber(date: IsoDate): number {
  const n = tryDayNumber(date);
  if (n === null) throw new RangeError(`Invalid IsoDate: ${JSON.stringify(date)}`);
  return n;
}

/** @internal Inverse of toDayNumber. */
export function fromDayNumber(day: number): IsoDate {
  const dt = new Date(day * MS_PER_DAY);
  const y = dt.getUTCFullYear();
  if (y < 0 || y > 9999) throw new RangeError(`Date out of range: day ${day}`);
  const mm = String(dt.getUTCMonth() + 1).padStart(2, "0");
  const dd = String(dt.getUTCDate()).padStart(2, "0");
  return `${String(y).padStart(4, "0")}-${mm}-${dd}`;
}

function assertInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be an integer, got ${n}`);
}

function assertNonNegativeInteger(n: number, what: string): void {
  assertInteger(n, what);
  if (n < 0) throw new RangeError(`${what} must be >= 0, got ${n}`);
}

/** The date in Vietnam of an instant. */
export function toLocalDate(instant: Date): IsoDate {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError("Invalid Date");
  return fromDayNumber(Math.floor((t + VN_OFFSET_MS) / MS_PER_DAY));
}

/** The instant of a local date and time of day "HH:MM" in Vietnam (UTC+7 all year). */
export function vietnamInstant(date: IsoDate, time: string): Date {
  return new Date(`${date}T${time}:00+07:00`);
}

/** The last millisecond of a local date: 23:59:59.999 in Vietnam = 16:59:59.999 UTC. */
export function endOfLocalDay(date: IsoDate): Date {
  return new Date((toDayNumber(date) + 1) * MS_PER_DAY - VN_OFFSET_MS - 1);
}

export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  assertInteger(n, "n");
  return fromDayNumber(toDayNumber(date) + n);
}

function weekdayOf(day: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((day + 4) % 7) + 7) % 7;
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return weekdayOf(toDayNumber(date));
}

export function isWeekend(date: IsoDate): boolean {
  const w = weekday(date);
  return w === 0 || w === 6;
}

/** -1, 0 or 1, for sorting. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const d = toDayNumber(a) - toDayNumber(b);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

/** b - a in days (negative when b is before a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

// ---------------------------------------------------------------------------------------------
// Calendar
// ---------------------------------------------------------------------------------------------

export type CalendarDayKind = "holiday" | "day_off_in_lieu" | "makeup_workday";

export type CalendarDay = { date: IsoDate; kind: CalendarDayKind; name?: string };

export type WorkCalendar = {
  /** Mon-Fri unless a holiday or day off in lieu; a weekend makeup workday is working. */
  isWorkingDay(date: IsoDate): boolean;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate;
  /** The day on which the n-th working day after `start` falls (start not counted); n = 0 returns start. */
  addWorkingDays(start: IsoDate, n: number): IsoDate;
  /** Working days in (a, b]; negative (minus the count in (b, a]) when b < a. */
  workingDaysBetween(a: IsoDate, b: IsoDate): number;
  /** The table entry for a date, for labels such as a holiday's name. */
  dayInfo(date: IsoDate): CalendarDay | undefined;
};

/** Weekdays (Mon-Fri) among day numbers [0, k), for any integer k; day 4 (1970-01-05) is a Monday. */
function weekdaysBefore(k: number): number {
  const x = k - 4;
  const weeks = Math.floor(x / 7);
  return weeks * 5 + Math.min(x - weeks * 7, 5);
}

/** Entries of a sorted array in (a, b]. */
function countInRange(sorted: readonly number[], a: number, b: number): number {
  return upperBound(sorted, b) - upperBound(sorted, a);
}

/** Index of the first element > x. */
function upperBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? Infinity) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Builds a calendar from a holiday table. Throws on malformed dates or on a date marked both
 * off and working, since either is a data error an admin must fix.
 */
export function createCalendar(days: readonly CalendarDay[]): WorkCalendar {
  const off = new Set<number>();
  const makeup = new Set<number>();
  const info = new Map<number, CalendarDay>();

  for (const entry of days) {
    const d = toDayNumber(entry.date);
    const isOff = entry.kind === "holiday" || entry.kind === "day_off_in_lieu";
    if (isOff ? makeup.has(d) : off.has(d)) {
      throw new RangeError(`Calendar conflict on ${entry.date}: both a day off and a makeup workday`);
    }
    (isOff ? off : makeup).add(d);
    if (!info.has(d)) info.set(d, { ...entry });
  }

  // Only entries that change the weekday rule matter for counting.
  const offWeekdays = [...off].filter((d) => weekdayOf(d) >= 1 && weekdayOf(d) <= 5).sort((x, y) => x - y);
  const makeupWeekends = [...makeup].filter((d) => weekdayOf(d) === 0 || weekdayOf(d) === 6).sort((x, y) => x - y);

  // A run of non-working days holds at most every off weekday plus the weekends around them.
  const maxRun = 2 * off.size + 7;

  const working = (d: number): boolean => {
    if (off.has(d)) return false;
    if (makeup.has(d)) return true;
    const w = weekdayOf(d);
    return w >= 1 && w <= 5;
  };

  const nextWorking = (d: number): number => {
    for (let i = 1; i <= maxRun; i++) {
      if (working(d + i)) return d + i;
    }
    throw new Error("unreachable: no working day found"); // guarded by maxRun
  };

  const countWorking = (a: number, b: number): number => {
    if (b < a) return 0 - countWorking(b, a); // "0 -" avoids returning -0
    const weekdays = weekdaysBefore(b + 1) - weekdaysBefore(a + 1);
    return weekdays - countInRange(offWeekdays, a, b) + countInRange(makeupWeekends, a, b);
  };

  return {
    isWorkingDay: (date) => working(toDayNumber(date)),
    nextWorkingDay: (date) => fromDayNumber(nextWorking(toDayNumber(date))),
    addWorkingDays: (start, n) => {
      assertNonNegativeInteger(n, "n");
      let d = toDayNumber(start);
      for (let i = 0; i < n; i++) d = nextWorking(d);
      return fromDayNumber(d);
    },
    workingDaysBetween: (a, b) => countWorking(toDayNumber(a), toDayNumber(b)),
    dayInfo: (date) => {
      const e = info.get(toDayNumber(date));
      return e ? { ...e } : undefined;
    },
  };
}

/**
 * Civil Code 2015 art. 147-148 for periods in plain days: the starting day is not counted, and
 * a period ending on a non-working day ends at the close of the next working day.
 */
export function addCalendarDaysCivil(calendar: WorkCalendar, start: IsoDate, n: number): IsoDate {
  assertNonNegativeInteger(n, "n");
  const end = addCalendarDays(start, n);
  return calendar.isWorkingDay(end) ? end : calendar.nextWorkingDay(end);
}
