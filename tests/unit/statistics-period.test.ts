// Reporting periods: parsing a form's period, the standard periods, and how a period is split between whole
// months (from the rollups) and partial days (counted from the cases).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addCalendarDays, compareDates } from "@/domain/calendar";
import { monthEnd, monthOf, monthsBetween, nextMonth, parsePeriod, splitPeriod, standardPeriod } from "@/domain/statistics/period";
import type { IsoDate } from "@/domain/types";

const BASE = "2019-12-01";
const day = fc.integer({ min: 0, max: 3000 }).map((n) => addCalendarDays(BASE, n));
const range = fc.tuple(day, fc.integer({ min: 0, max: 900 })).map(([from, len]) => ({ from, to: addCalendarDays(from, len) }));

function daysOf(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; compareDates(d, to) <= 0; d = addCalendarDays(d, 1)) out.push(d);
  return out;
}

describe("splitPeriod", () => {
  it("covers every day of the period exactly once: whole months plus partial ranges", () => {
    fc.assert(
      fc.property(range, ({ from, to }) => {
        const split = splitPeriod(from, to);
        const covered: IsoDate[] = [];
        if (split.wholeMonths) {
          const w = split.wholeMonths;
          // whole months: from the first day of the first month to the last day of the last one
          expect(w.from).toBe(monthOf(w.from));
          expect(w.to).toBe(monthOf(w.to));
          covered.push(...daysOf(w.from, addCalendarDays(nextMonth(w.to), -1)));
        }
        for (const p of split.partial) {
          expect(compareDates(p.from, p.to)).toBeLessThanOrEqual(0);
          // a partial range never spans two months, and is never a whole month
          expect(monthOf(p.from)).toBe(monthOf(p.to));
          expect(p.from === monthOf(p.from) && p.to === addCalendarDays(nextMonth(p.from), -1)).toBe(false);
          covered.push(...daysOf(p.from, p.to));
        }
        expect(split.partial.length).toBeLessThanOrEqual(2);
        expect([...covered].sort()).toEqual(daysOf(from, to));
      }),
      { numRuns: 300 },
    );
  });

  it("uses the rollups for whole months and nothing for a reversed range", () => {
    expect(splitPeriod("2026-01-01", "2026-12-31")).toEqual({ wholeMonths: { from: "2026-01-01", to: "2026-12-01" }, partial: [] });
    expect(splitPeriod("2026-02-01", "2026-02-28")).toEqual({ wholeMonths: { from: "2026-02-01", to: "2026-02-01" }, partial: [] });
    expect(splitPeriod("2026-03-17", "2026-03-20")).toEqual({ wholeMonths: null, partial: [{ from: "2026-03-17", to: "2026-03-20" }] });
    expect(splitPeriod("2026-03-17", "2026-04-20")).toEqual({ wholeMonths: null, partial: [{ from: "2026-03-17", to: "2026-03-31" }, { from: "2026-04-01", to: "2026-04-20" }] });
    expect(splitPeriod("2026-03-17", "2026-06-20")).toEqual({ wholeMonths: { from: "2026-04-01", to: "2026-05-01" }, partial: [{ from: "2026-03-17", to: "2026-03-31" }, { from: "2026-06-01", to: "2026-06-20" }] });
    expect(splitPeriod("2026-03-02", "2026-03-01")).toEqual({ wholeMonths: null, partial: [] });
  });
});

describe("monthsBetween and month ends", () => {
  it("lists every month touched by the period, in order", () => {
    fc.assert(
      fc.property(range, ({ from, to }) => {
        const months = monthsBetween(from, to);
        const expected = [...new Set(daysOf(from, to).map(monthOf))];
        expect(months).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });
  it("knows leap years", () => {
    expect(monthEnd(2024, 2)).toBe("2024-02-29");
    expect(monthEnd(2026, 2)).toBe("2026-02-28");
    expect(monthEnd(2100, 2)).toBe("2100-02-28");
    expect(monthEnd(2026, 12)).toBe("2026-12-31");
  });
});

describe("standardPeriod", () => {
  it("gives months, quarters, six and nine months and the year", () => {
    expect(standardPeriod("month", 2026, 2)).toMatchObject({ from: "2026-02-01", to: "2026-02-28" });
    expect(standardPeriod("quarter", 2026, 4)).toMatchObject({ from: "2026-10-01", to: "2026-12-31" });
    expect(standardPeriod("half", 2026)).toMatchObject({ from: "2026-01-01", to: "2026-06-30", index: 1 });
    expect(standardPeriod("nine", 2026)).toMatchObject({ from: "2026-01-01", to: "2026-09-30" });
    expect(standardPeriod("year", 2026)).toMatchObject({ from: "2026-01-01", to: "2026-12-31" });
  });
  it("quarters tile the year", () => {
    const q = [1, 2, 3, 4].map((i) => standardPeriod("quarter", 2027, i));
    expect(q[0]!.from).toBe("2027-01-01");
    for (let i = 1; i < 4; i++) expect(q[i]!.from).toBe(addCalendarDays(q[i - 1]!.to, 1));
    expect(q[3]!.to).toBe("2027-12-31");
  });
});

describe("parsePeriod", () => {
  const today = "2026-05-14";
  it("defaults to the current period of the default kind", () => {
    expect(parsePeriod({}, today)).toEqual({ ok: true, period: standardPeriod("year", 2026) });
    expect(parsePeriod({ kind: "month" }, today)).toEqual({ ok: true, period: standardPeriod("month", 2026, 5) });
    expect(parsePeriod({ kind: "quarter" }, today)).toEqual({ ok: true, period: standardPeriod("quarter", 2026, 2) });
    expect(parsePeriod({ kind: "quarter", year: "2025" }, today)).toEqual({ ok: true, period: standardPeriod("quarter", 2025, 1) });
    expect(parsePeriod({}, today, "month")).toEqual({ ok: true, period: standardPeriod("month", 2026, 5) });
    expect(parsePeriod({ kind: " ", year: "", index: "" }, today)).toEqual({ ok: true, period: standardPeriod("year", 2026) });
  });
  it("reads what was given", () => {
    expect(parsePeriod({ kind: "month", year: "2025", index: "12" }, today)).toEqual({ ok: true, period: standardPeriod("month", 2025, 12) });
    expect(parsePeriod({ kind: "custom", from: "2026-03-17", to: "2026-04-02" }, today)).toEqual({ ok: true, period: { kind: "custom", from: "2026-03-17", to: "2026-04-02", year: 2026, index: 1 } });
    expect(parsePeriod({ kind: "custom", from: "2026-03-17", to: "2026-03-17" }, today).ok).toBe(true);
  });
  it("says what is wrong instead of guessing", () => {
    const err = (input: Parameters<typeof parsePeriod>[0]) => {
      const r = parsePeriod(input, today);
      return r.ok ? null : r.error;
    };
    expect(err({ kind: "week" })).toBe("bad_kind");
    expect(err({ kind: "year", year: "26" })).toBe("bad_year");
    expect(err({ kind: "year", year: "1999" })).toBe("bad_year");
    expect(err({ kind: "year", year: "2101" })).toBe("bad_year");
    expect(err({ kind: "year", year: "abcd" })).toBe("bad_year");
    expect(err({ kind: "month", index: "13" })).toBe("bad_index");
    expect(err({ kind: "month", index: "0" })).toBe("bad_index");
    expect(err({ kind: "quarter", index: "5" })).toBe("bad_index");
    expect(err({ kind: "month", index: "x" })).toBe("bad_index");
    expect(err({ kind: "half", index: "2" })).toBe("bad_index");
    expect(err({ kind: "custom", from: "2026-03-01" })).toBe("bad_date");
    expect(err({ kind: "custom", from: "2026-02-30", to: "2026-03-01" })).toBe("bad_date");
    expect(err({ kind: "custom", from: "1999-12-31", to: "2000-01-02" })).toBe("bad_year");
    expect(err({ kind: "custom", from: "2026-03-02", to: "2026-03-01" })).toBe("reversed");
    expect(err({ kind: "custom", from: "2000-01-01", to: "2012-01-01" })).toBe("too_long");
  });
  it("accepts any valid custom range up to ten years and returns it unchanged", () => {
    fc.assert(
      fc.property(range, ({ from, to }) => {
        const r = parsePeriod({ kind: "custom", from, to }, today);
        expect(r).toEqual({ ok: true, period: { kind: "custom", from, to, year: Number(from.slice(0, 4)), index: 1 } });
      }),
    );
  });
});
