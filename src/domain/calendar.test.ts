import { afterEach, describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  addCalendarDays,
  addCalendarDaysCivil,
  compareDates,
  createCalendar,
  daysBetween,
  endOfLocalDay,
  fromDayNumber,
  isIsoDate,
  isWeekend,
  toDayNumber,
  toLocalDate,
  weekday,
  type CalendarDay,
  type WorkCalendar,
} from "./calendar";
import { DEFAULT_HOLIDAYS } from "./holidays-data";
import type { IsoDate } from "./types";

const VN = createCalendar(DEFAULT_HOLIDAYS);
const PLAIN = createCalendar([]);

// ---- arbitraries shared by the property tests ----
const BASE = toDayNumber("2025-01-01");
const SPAN = toDayNumber("2028-12-31") - BASE;
const dateArb = fc.integer({ min: 0, max: SPAN }).map((i) => fromDayNumber(BASE + i));
const kindArb = fc.constantFrom<CalendarDay["kind"]>("holiday", "day_off_in_lieu", "makeup_workday");
const randomDaysArb = fc
  .uniqueArray(fc.record({ offset: fc.integer({ min: 0, max: SPAN }), kind: kindArb }), {
    selector: (r) => r.offset,
    maxLength: 300,
  })
  .map((rs): CalendarDay[] => rs.map((r) => ({ date: fromDayNumber(BASE + r.offset), kind: r.kind })));
/** The real table or a random one (possibly dense, with weekday makeups and weekend holidays). */
const calendarArb: fc.Arbitrary<WorkCalendar> = fc.oneof(
  fc.constant(VN),
  fc.constant(PLAIN),
  randomDaysArb.map((days) => createCalendar(days)),
);

function bruteCount(cal: WorkCalendar, a: IsoDate, b: IsoDate): number {
  let n = 0;
  for (let d = addCalendarDays(a, 1); compareDates(d, b) <= 0; d = addCalendarDays(d, 1)) {
    if (cal.isWorkingDay(d)) n++;
  }
  return n;
}

describe("date helpers", () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it("validates IsoDate strings", () => {
    expect(isIsoDate("2026-02-28")).toBe(true);
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2026-02-30")).toBe(false);
    expect(isIsoDate("2026-13-01")).toBe(false);
    expect(isIsoDate("2026-2-3")).toBe(false);
    expect(isIsoDate("2026-02-03T00:00")).toBe(false);
    expect(isIsoDate("")).toBe(false);
    expect(() => weekday("2026-02-30")).toThrow(RangeError);
    expect(() => addCalendarDays("nope", 1)).toThrow(RangeError);
  });

  it("toLocalDate gives the date in Vietnam (UTC+7)", () => {
    expect(toLocalDate(new Date("2026-01-01T16:59:59.999Z"))).toBe("2026-01-01");
    expect(toLocalDate(new Date("2026-01-01T17:00:00.000Z"))).toBe("2026-01-02");
    expect(toLocalDate(new Date("2025-12-31T17:00:00.000Z"))).toBe("2026-01-01");
    expect(toLocalDate(new Date("2025-12-31T16:59:59.999Z"))).toBe("2025-12-31");
    expect(toLocalDate(new Date("2026-03-03T23:59:59+07:00"))).toBe("2026-03-03");
    expect(toLocalDate(new Date("2026-03-04T00:00:00+07:00"))).toBe("2026-03-04");
    expect(() => toLocalDate(new Date("garbage"))).toThrow(RangeError);
  });

  it("endOfLocalDay is 16:59:59.999 UTC of that date", () => {
    expect(endOfLocalDay("2026-03-03").toISOString()).toBe("2026-03-03T16:59:59.999Z");
    expect(endOfLocalDay("2026-12-31").toISOString()).toBe("2026-12-31T16:59:59.999Z");
    expect(endOfLocalDay("2028-02-29").toISOString()).toBe("2028-02-29T16:59:59.999Z");
  });

  it("does not depend on the machine's time zone", () => {
    for (const tz of ["America/New_York", "Pacific/Kiritimati", "Asia/Ho_Chi_Minh", "UTC"]) {
      process.env.TZ = tz;
      expect(toLocalDate(new Date("2026-01-01T17:00:00.000Z"))).toBe("2026-01-02");
      expect(endOfLocalDay("2026-03-03").toISOString()).toBe("2026-03-03T16:59:59.999Z");
      expect(addCalendarDays("2026-03-28", 2)).toBe("2026-03-30"); // across EU/US DST changes
      expect(addCalendarDays("2026-11-01", 1)).toBe("2026-11-02");
      expect(weekday("2026-02-17")).toBe(2);
      expect(VN.addWorkingDays("2026-02-10", 10)).toBe("2026-03-03");
    }
  });

  it("adds calendar days across months, years and leap days", () => {
    expect(addCalendarDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addCalendarDays("2027-01-01", -1)).toBe("2026-12-31");
    expect(addCalendarDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addCalendarDays("2027-02-28", 1)).toBe("2027-03-01");
    expect(addCalendarDays("2026-01-31", 30)).toBe("2026-03-02");
    expect(addCalendarDays("2026-05-05", 0)).toBe("2026-05-05");
    expect(() => addCalendarDays("2026-05-05", 1.5)).toThrow(RangeError);
  });

  it("weekday is 0=Sun..6=Sat", () => {
    expect(weekday("2026-02-15")).toBe(0);
    expect(weekday("2026-02-16")).toBe(1);
    expect(weekday("2026-02-14")).toBe(6);
    expect(weekday("1970-01-01")).toBe(4);
    expect(weekday("1969-12-28")).toBe(0);
    expect(isWeekend("2026-02-14")).toBe(true);
    expect(isWeekend("2026-02-13")).toBe(false);
  });

  it("compares dates and counts days between", () => {
    expect(compareDates("2026-01-01", "2026-01-02")).toBe(-1);
    expect(compareDates("2026-01-02", "2026-01-01")).toBe(1);
    expect(compareDates("2026-01-02", "2026-01-02")).toBe(0);
    expect(daysBetween("2026-01-01", "2027-01-01")).toBe(365);
    expect(daysBetween("2028-01-01", "2029-01-01")).toBe(366);
    expect(daysBetween("2026-03-10", "2026-03-01")).toBe(-9);
  });

  it("property: day arithmetic is consistent", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -800, max: 800 }), fc.integer({ min: -800, max: 800 }), (d, a, b) => {
        expect(addCalendarDays(addCalendarDays(d, a), b)).toBe(addCalendarDays(d, a + b));
        expect(daysBetween(d, addCalendarDays(d, a))).toBe(a);
        expect(weekday(addCalendarDays(d, 7 * a))).toBe(weekday(d));
        expect(isIsoDate(addCalendarDays(d, a))).toBe(true);
        const e = addCalendarDays(d, a);
        expect(compareDates(e, d)).toBe(Math.sign(a) + 0);
        expect(Math.sign(d.localeCompare(e))).toBe(compareDates(d, e));
        // Agrees with the platform's own UTC weekday.
        expect(weekday(d)).toBe(new Date(`${d}T00:00:00Z`).getUTCDay());
      }),
    );
  });

  it("property: toLocalDate and endOfLocalDay agree", () => {
    fc.assert(
      fc.property(dateArb, (d) => {
        const end = endOfLocalDay(d);
        expect(toLocalDate(end)).toBe(d);
        expect(toLocalDate(new Date(end.getTime() + 1))).toBe(addCalendarDays(d, 1));
        expect(toLocalDate(new Date(end.getTime() - 86_399_999))).toBe(d); // 00:00:00.000 local
        expect(toLocalDate(new Date(end.getTime() - 86_400_000))).toBe(addCalendarDays(d, -1));
      }),
    );
    fc.assert(
      fc.property(fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2030-01-01T00:00:00Z"), noInvalidDate: true }), (t) => {
        const d = toLocalDate(t);
        expect(endOfLocalDay(d).getTime()).toBeGreaterThanOrEqual(t.getTime());
        expect(endOfLocalDay(addCalendarDays(d, -1)).getTime()).toBeLessThan(t.getTime());
      }),
    );
  });
});

describe("createCalendar", () => {
  it("Mon-Fri work, weekends do not", () => {
    expect(PLAIN.isWorkingDay("2026-03-06")).toBe(true); // Fri
    expect(PLAIN.isWorkingDay("2026-03-07")).toBe(false); // Sat
    expect(PLAIN.isWorkingDay("2026-03-08")).toBe(false); // Sun
    expect(PLAIN.isWorkingDay("2026-03-09")).toBe(true); // Mon
  });

  it("holidays and days off in lieu are not working days", () => {
    expect(VN.isWorkingDay("2026-01-01")).toBe(false);
    expect(VN.isWorkingDay("2026-01-02")).toBe(true);
    for (const d of ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"]) {
      expect(VN.isWorkingDay(d)).toBe(false);
    }
    expect(VN.isWorkingDay("2026-02-13")).toBe(true);
    expect(VN.isWorkingDay("2026-02-23")).toBe(true);
    expect(VN.isWorkingDay("2026-04-27")).toBe(false); // in lieu of Sunday 26/4
    expect(VN.isWorkingDay("2026-04-30")).toBe(false);
    expect(VN.isWorkingDay("2026-05-01")).toBe(false);
    expect(VN.isWorkingDay("2026-09-01")).toBe(false);
    expect(VN.isWorkingDay("2026-09-02")).toBe(false);
    expect(VN.isWorkingDay("2026-09-03")).toBe(true);
  });

  it("a Saturday marked makeup_workday is a working day", () => {
    expect(VN.isWorkingDay("2027-02-20")).toBe(true); // makeup Saturday
    expect(VN.isWorkingDay("2027-02-21")).toBe(false);
    expect(VN.addWorkingDays("2027-02-19", 1)).toBe("2027-02-20");
    expect(VN.nextWorkingDay("2027-02-19")).toBe("2027-02-20");
    expect(VN.workingDaysBetween("2027-02-19", "2027-02-22")).toBe(2); // Sat 20 + Mon 22

    const cal = createCalendar([
      { date: "2026-03-13", kind: "day_off_in_lieu", name: "swap" },
      { date: "2026-03-21", kind: "makeup_workday", name: "làm bù" },
      { date: "2026-03-22", kind: "makeup_workday" }, // a makeup Sunday, unusual but allowed
    ]);
    expect(cal.isWorkingDay("2026-03-13")).toBe(false);
    expect(cal.isWorkingDay("2026-03-21")).toBe(true);
    // From Thu 12/3: Sat 21 counts, Sun 22 counts.
    expect(cal.addWorkingDays("2026-03-12", 5)).toBe("2026-03-20");
    expect(cal.addWorkingDays("2026-03-12", 6)).toBe("2026-03-21");
    expect(cal.addWorkingDays("2026-03-12", 7)).toBe("2026-03-22");
    expect(cal.addWorkingDays("2026-03-12", 8)).toBe("2026-03-23");
    expect(cal.workingDaysBetween("2026-03-12", "2026-03-23")).toBe(8);
  });

  it("a makeup_workday on a weekday changes nothing", () => {
    const cal = createCalendar([{ date: "2026-03-11", kind: "makeup_workday" }]);
    expect(cal.isWorkingDay("2026-03-11")).toBe(true);
    expect(cal.workingDaysBetween("2026-03-08", "2026-03-14")).toBe(5);
  });

  it("a holiday on a weekend changes nothing by itself; the in-lieu day does", () => {
    const onlyHoliday = createCalendar([{ date: "2026-04-26", kind: "holiday" }]);
    expect(onlyHoliday.isWorkingDay("2026-04-27")).toBe(true);
    expect(onlyHoliday.workingDaysBetween("2026-04-24", "2026-05-01")).toBe(5);
    expect(VN.nextWorkingDay("2026-04-24")).toBe("2026-04-28");
    expect(VN.nextWorkingDay("2027-04-30")).toBe("2027-05-04"); // 1/5 Sat -> Mon 3/5 off
  });

  it("nextWorkingDay is strictly after", () => {
    expect(PLAIN.nextWorkingDay("2026-03-09")).toBe("2026-03-10");
    expect(PLAIN.nextWorkingDay("2026-03-06")).toBe("2026-03-09");
    expect(PLAIN.nextWorkingDay("2026-03-07")).toBe("2026-03-09");
    expect(VN.nextWorkingDay("2026-02-13")).toBe("2026-02-23");
    expect(VN.nextWorkingDay("2025-12-31")).toBe("2026-01-02");
    expect(VN.nextWorkingDay("2027-02-04")).toBe("2027-02-15");
  });

  it("addWorkingDays: start not counted, n = 0 returns start", () => {
    expect(VN.addWorkingDays("2026-03-09", 0)).toBe("2026-03-09");
    expect(VN.addWorkingDays("2026-03-07", 0)).toBe("2026-03-07"); // even a Saturday
    expect(VN.addWorkingDays("2026-03-09", 1)).toBe("2026-03-10");
    expect(VN.addWorkingDays("2026-03-06", 5)).toBe("2026-03-13"); // Fri: Mon..Fri next week
    expect(VN.addWorkingDays("2026-03-07", 5)).toBe("2026-03-13"); // received Saturday
    expect(VN.addWorkingDays("2026-03-08", 1)).toBe("2026-03-09");
  });

  it("10 working days from 2026-02-10 skip Tết (14-22 Feb)", () => {
    expect(VN.addWorkingDays("2026-02-10", 10)).toBe("2026-03-03");
    expect(VN.addWorkingDays("2026-02-10", 3)).toBe("2026-02-13");
    expect(VN.addWorkingDays("2026-02-10", 4)).toBe("2026-02-23");
    expect(VN.workingDaysBetween("2026-02-10", "2026-03-03")).toBe(10);
    expect(VN.workingDaysBetween("2026-02-13", "2026-02-22")).toBe(0);
  });

  it("Tết 2027 with a makeup Saturday", () => {
    expect(VN.addWorkingDays("2027-02-04", 1)).toBe("2027-02-15");
    expect(VN.addWorkingDays("2027-02-04", 6)).toBe("2027-02-20"); // 15..19 then makeup Sat 20
    expect(VN.addWorkingDays("2027-02-04", 7)).toBe("2027-02-22");
  });

  it("Hùng Kings and 30/4-1/5 in 2026", () => {
    // Fri 24/4: Tue 28, Wed 29, then 30/4, 1/5, weekend -> Mon 4/5.
    expect(VN.addWorkingDays("2026-04-24", 3)).toBe("2026-05-04");
    expect(VN.workingDaysBetween("2026-04-24", "2026-05-04")).toBe(3);
  });

  it("crosses the year boundary", () => {
    expect(VN.addWorkingDays("2025-12-30", 3)).toBe("2026-01-05");
    expect(VN.workingDaysBetween("2025-12-30", "2026-01-05")).toBe(3);
    expect(VN.addWorkingDays("2026-12-30", 2)).toBe("2027-01-04"); // 31/12, (1/1 off), Mon 4/1
  });

  it("workingDaysBetween counts (a, b] and is antisymmetric", () => {
    expect(PLAIN.workingDaysBetween("2026-03-09", "2026-03-09")).toBe(0);
    expect(PLAIN.workingDaysBetween("2026-03-09", "2026-03-10")).toBe(1);
    expect(PLAIN.workingDaysBetween("2026-03-06", "2026-03-08")).toBe(0);
    expect(PLAIN.workingDaysBetween("2026-03-05", "2026-03-06")).toBe(1);
    expect(PLAIN.workingDaysBetween("2026-03-06", "2026-03-20")).toBe(10);
    expect(VN.workingDaysBetween("2026-03-03", "2026-02-10")).toBe(-10);
    expect(VN.workingDaysBetween("2026-01-01", "2026-12-31")).toBe(250); // 1/1 is off anyway
  });

  it("a whole year of 2026 has the expected number of working days", () => {
    // 2026 has 261 weekdays (Jan 1 to Dec 31); weekday days off: 1/1, 16-20/2, 27/4, 30/4, 1/5, 1/9, 2/9 = 11.
    expect(VN.workingDaysBetween("2025-12-31", "2026-12-31")).toBe(261 - 11);
    expect(bruteCount(VN, "2025-12-31", "2026-12-31")).toBe(250);
  });

  it("rejects bad input", () => {
    expect(() =>
      createCalendar([
        { date: "2026-03-07", kind: "holiday" },
        { date: "2026-03-07", kind: "makeup_workday" },
      ]),
    ).toThrow(RangeError);
    expect(() => createCalendar([{ date: "2026-02-30", kind: "holiday" }])).toThrow(RangeError);
    expect(() => VN.addWorkingDays("2026-03-09", -1)).toThrow(RangeError);
    expect(() => VN.addWorkingDays("2026-03-09", 1.5)).toThrow(RangeError);
    expect(() => VN.isWorkingDay("2026/03/09")).toThrow(RangeError);
    // Duplicates of the same kind are fine; the first name wins.
    const cal = createCalendar([
      { date: "2026-03-10", kind: "holiday", name: "A" },
      { date: "2026-03-10", kind: "day_off_in_lieu", name: "B" },
    ]);
    expect(cal.isWorkingDay("2026-03-10")).toBe(false);
    expect(cal.dayInfo("2026-03-10")).toEqual({ date: "2026-03-10", kind: "holiday", name: "A" });
  });

  it("dayInfo returns the table entry or undefined, and is a copy", () => {
    expect(VN.dayInfo("2026-02-17")?.name).toContain("mùng 1");
    expect(VN.dayInfo("2026-03-09")).toBeUndefined();
    const info = VN.dayInfo("2026-01-01");
    if (info) info.name = "changed";
    expect(VN.dayInfo("2026-01-01")?.name).toBe("Tết Dương lịch");
  });

  it("handles a long run of days off (loop is bounded but sufficient)", () => {
    const days: CalendarDay[] = [];
    for (let i = 0; i < 120; i++) days.push({ date: addCalendarDays("2026-06-01", i), kind: "holiday" });
    const cal = createCalendar(days);
    expect(cal.nextWorkingDay("2026-05-29")).toBe("2026-09-29"); // 1/6 + 120 = 29/9 (Tue)
    expect(cal.workingDaysBetween("2026-05-29", "2026-09-29")).toBe(1);
    expect(cal.addWorkingDays("2026-05-29", 1)).toBe("2026-09-29");
    expect(cal.workingDaysBetween("2026-05-31", "2026-09-28")).toBe(0);
    // 500 working days is well under a second: the count is closed-form, the walk is linear.
    const far = cal.addWorkingDays("2026-05-01", 500);
    expect(cal.workingDaysBetween("2026-05-01", far)).toBe(500);
  });
});

describe("addCalendarDaysCivil (Civil Code art. 147-148)", () => {
  it("end on a working day stays", () => {
    expect(addCalendarDaysCivil(VN, "2026-03-02", 30)).toBe("2026-04-01");
    expect(addCalendarDaysCivil(VN, "2026-03-02", 0)).toBe("2026-03-02");
  });

  it("end on a Sunday moves to Monday", () => {
    expect(addCalendarDaysCivil(VN, "2026-03-06", 30)).toBe("2026-04-06"); // 5/4 is a Sunday
    expect(addCalendarDaysCivil(PLAIN, "2026-03-07", 0)).toBe("2026-03-09");
  });

  it("end on a holiday moves past the holiday run", () => {
    expect(addCalendarDaysCivil(VN, "2026-03-31", 30)).toBe("2026-05-04"); // 30/4 -> 1/5 -> weekend
    expect(addCalendarDaysCivil(VN, "2026-01-15", 30)).toBe("2026-02-23"); // 14/2 = start of Tết
    expect(addCalendarDaysCivil(VN, "2025-12-02", 30)).toBe("2026-01-02"); // 1/1
    expect(addCalendarDaysCivil(VN, "2026-03-28", 30)).toBe("2026-04-28"); // Mon 27/4 in lieu
  });

  it("rejects negative or fractional n", () => {
    expect(() => addCalendarDaysCivil(VN, "2026-03-02", -1)).toThrow(RangeError);
    expect(() => addCalendarDaysCivil(VN, "2026-03-02", 0.5)).toThrow(RangeError);
  });
});

describe("calendar properties", () => {
  it("adding n >= 1 working days lands on a working day after start", () => {
    fc.assert(
      fc.property(calendarArb, dateArb, fc.integer({ min: 1, max: 80 }), (cal, s, n) => {
        const end = cal.addWorkingDays(s, n);
        expect(cal.isWorkingDay(end)).toBe(true);
        expect(compareDates(end, s)).toBe(1);
        expect(daysBetween(s, end)).toBeGreaterThanOrEqual(n);
      }),
    );
  });

  it("addWorkingDays is strictly monotonic in n", () => {
    fc.assert(
      fc.property(calendarArb, dateArb, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 60 }), (cal, s, n, k) => {
        expect(compareDates(cal.addWorkingDays(s, n), cal.addWorkingDays(s, n + k))).toBe(-1);
      }),
    );
  });

  it("addWorkingDays(s, n + 1) = nextWorkingDay(addWorkingDays(s, n))", () => {
    fc.assert(
      fc.property(calendarArb, dateArb, fc.integer({ min: 0, max: 60 }), (cal, s, n) => {
        expect(cal.addWorkingDays(s, n + 1)).toBe(cal.nextWorkingDay(cal.addWorkingDays(s, n)));
      }),
    );
  });

  it("workingDaysBetween(start, addWorkingDays(start, n)) === n", () => {
    fc.assert(
      fc.property(calendarArb, dateArb, fc.integer({ min: 0, max: 120 }), (cal, s, n) => {
        expect(cal.workingDaysBetween(s, cal.addWorkingDays(s, n))).toBe(n);
      }),
    );
  });

  it("workingDaysBetween matches a day-by-day count and is antisymmetric", () => {
    fc.assert(
      fc.property(calendarArb, dateArb, fc.integer({ min: -400, max: 400 }), (cal, a, k) => {
        const b = addCalendarDays(a, k);
        const expected = k >= 0 ? bruteCount(cal, a, b) : 0 - bruteCount(cal, b, a);
        expect(cal.workingDaysBetween(a, b)).toBe(expected);
        expect(cal.workingDaysBetween(b, a)).toBe(0 - expected);
      }),
    );
  });

  it("the closed-form count matches a day-by-day count on random tables", () => {
    fc.assert(
      fc.property(randomDaysArb, dateArb, fc.integer({ min: 0, max: 500 }), (days, a, k) => {
        const cal = createCalendar(days);
        const b = addCalendarDays(a, k);
        expect(cal.workingDaysBetween(a, b)).toBe(bruteCount(cal, a, b));
      }),
    );
  });

  it("nextWorkingDay is the first working day strictly after", () => {
    fc.assert(
      fc.property(calendarArb, dateArb, (cal, d) => {
        const next = cal.nextWorkingDay(d);
        expect(cal.isWorkingDay(next)).toBe(true);
        expect(compareDates(next, d)).toBe(1);
        for (let x = addCalendarDays(d, 1); compareDates(x, next) < 0; x = addCalendarDays(x, 1)) {
          expect(cal.isWorkingDay(x)).toBe(false);
        }
      }),
    );
  });

  it("isWorkingDay follows the rule: table first, then Mon-Fri", () => {
    fc.assert(
      fc.property(randomDaysArb, dateArb, (days, d) => {
        const cal = createCalendar(days);
        const entry = days.find((e) => e.date === d);
        const expected = entry ? entry.kind === "makeup_workday" : !isWeekend(d);
        expect(cal.isWorkingDay(d)).toBe(expected);
      }),
    );
  });

  it("Civil Code result is the first working day on or after start + n", () => {
    fc.assert(
      fc.property(calendarArb, dateArb, fc.integer({ min: 0, max: 120 }), (cal, s, n) => {
        const nominal = addCalendarDays(s, n);
        const end = addCalendarDaysCivil(cal, s, n);
        expect(cal.isWorkingDay(end)).toBe(true);
        expect(compareDates(end, nominal)).toBeGreaterThanOrEqual(0);
        for (let x = nominal; compareDates(x, end) < 0; x = addCalendarDays(x, 1)) {
          expect(cal.isWorkingDay(x)).toBe(false);
        }
      }),
    );
  });
});
