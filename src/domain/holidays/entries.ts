// The holiday table kept by admins (DOMAIN.md section 4), as pure data: what an entry is, which entries the
// working-day calendar counts, and what the table looks like after one change. No database, no Next.js.
import type { CalendarDay } from "../calendar";
import type { IsoDate } from "../types";

export const HOLIDAY_KINDS = ["holiday", "day_off_in_lieu", "makeup_workday"] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

export type HolidayEntry = { date: IsoDate; kind: HolidayKind; name: string; confirmed: boolean };

/**
 * The days deadline arithmetic counts: confirmed entries only. A pre-filled (unconfirmed) entry is a proposal
 * until the admin confirms it against the Prime Minister's decision, so it moves no deadline before then.
 */
export function calendarDays(entries: readonly HolidayEntry[]): CalendarDay[] {
  return entries.filter((e) => e.confirmed).map((e) => ({ date: e.date, kind: e.kind, name: e.name }));
}

export type HolidayChange =
  | { op: "add"; entry: HolidayEntry }
  | { op: "edit"; entry: HolidayEntry }
  | { op: "remove"; date: IsoDate };

/** The table after a change (an edit keeps the date: moving a day is a removal and an addition). */
export function applyHolidayChange(entries: readonly HolidayEntry[], change: HolidayChange): HolidayEntry[] {
  const date = change.op === "remove" ? change.date : change.entry.date;
  const rest = entries.filter((e) => e.date !== date);
  const next = change.op === "remove" ? rest : [...rest, change.entry];
  return next.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
