// Turns a holiday library's list for Vietnam into proposed (unconfirmed) entries of the holiday table.
import type { HolidayEntry } from "./entries";

/** The part of a date-holidays item used here: `date` is the country's local date and time, "YYYY-MM-DD hh:mm:ss". */
export type LibraryHoliday = { date: string; type: string; name: string };

/**
 * Public holidays of a year as unconfirmed entries, skipping dates already in the table (so pre-filling twice
 * adds nothing). The day is read from the library's local date string, never from its `start` instant: the
 * instant is midnight in Vietnam (17:00 UTC the day before), and reading it in the server's zone shifts the day.
 * Only the statutory days come from the library; the Prime Minister's break (extra Tết days, swaps, days off in
 * lieu) is added by the admin.
 */
export function prefillEntries(list: readonly LibraryHoliday[], year: number, existingDates: ReadonlySet<string>): HolidayEntry[] {
  const seen = new Set(existingDates);
  const out: HolidayEntry[] = [];
  for (const item of list) {
    if (item.type !== "public") continue;
    const date = item.date.slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !date.startsWith(`${year}-`) || seen.has(date)) continue;
    seen.add(date);
    out.push({ date, kind: "holiday", name: item.name.trim(), confirmed: false });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : 1));
}
