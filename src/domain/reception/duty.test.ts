import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addCalendarDays, compareDates, createCalendar, fromDayNumber, toDayNumber, type CalendarDay, type WorkCalendar } from "../calendar";
import { DEFAULT_HOLIDAYS } from "../holidays-data";
import type { IsoDate } from "../types";
import {
  combineStates,
  dutyPeriods,
  generateDutySlots,
  isoWeekKey,
  judgeDutyByMonth,
  monthEnd,
  monthsBetween,
  ruleInForce,
  ruleSpans,
  scheduleDaysOfMonth,
  weekStart,
  type DutyRule,
  type HeldReception,
  type PositionSchedule,
} from "./duty";
import { DEFAULT_DUTY_RULES } from "./duty-rules-data";
import { POSITION_KINDS } from "./vocabulary";

const VN = createCalendar(DEFAULT_HOLIDAYS);
const TUESDAYS: PositionSchedule = { daysOfMonth: [], weekday: 2 };
const FIFTEENTH: PositionSchedule = { daysOfMonth: [15], weekday: 2 };
const on = (slots: { on: IsoDate }[]) => slots.map((s) => s.on);

describe("rules over time", () => {
  it("picks the version in force on each day, the change of 1/7/2026 included", () => {
    expect(ruleInForce(DEFAULT_DUTY_RULES, "commune_pc_chair", "2026-06-30")).toMatchObject({ times: 1, per: "week" });
    expect(ruleInForce(DEFAULT_DUTY_RULES, "commune_pc_chair", "2026-07-01")).toMatchObject({ times: 2, per: "month" });
    expect(ruleInForce(DEFAULT_DUTY_RULES, "province_pc_chair", "2025-06-30")).toBeNull();
    expect(ruleInForce(DEFAULT_DUTY_RULES, "province_pc_chair", "2030-01-01")).toMatchObject({ times: 1, per: "month" });
  });

  it("ends a version the day before the next begins, or on its own end date", () => {
    const spans = ruleSpans(DEFAULT_DUTY_RULES, "commune_pc_chair");
    expect(spans.map((s) => [s.from, s.to])).toEqual([
      ["2025-07-01", "2026-06-30"],
      ["2026-07-01", null],
    ]);
    const repealed: DutyRule = { ...DEFAULT_DUTY_RULES[0]!, id: "x", effectiveTo: "2026-03-31" };
    expect(ruleInForce([repealed], repealed.positionKind, "2026-04-01")).toBeNull();
    expect(ruleInForce([repealed], repealed.positionKind, "2026-03-31")).toBe(repealed);
  });

  it("has a rule for every kind of head", () => {
    for (const kind of POSITION_KINDS) expect(ruleInForce(DEFAULT_DUTY_RULES, kind, "2026-12-01"), kind).not.toBeNull();
  });
});

describe("periods", () => {
  it("numbers ISO weeks and finds their Monday", () => {
    expect(isoWeekKey("2026-01-01")).toBe("2026-W01");
    expect(isoWeekKey("2025-12-29")).toBe("2026-W01");
    expect(isoWeekKey("2026-12-31")).toBe("2026-W53");
    expect(isoWeekKey("2027-01-04")).toBe("2027-W01");
    expect(weekStart("2026-02-22")).toBe("2026-02-16");
    expect(weekStart("2026-02-16")).toBe("2026-02-16");
  });

  it("cuts the week that straddles a change of rule at the change", () => {
    const periods = dutyPeriods(DEFAULT_DUTY_RULES, "commune_pc_chair", "2026-06-22", "2026-07-10");
    expect(periods.map((p) => [p.periodKey, p.from, p.to])).toEqual([
      ["2026-W26", "2026-06-22", "2026-06-28"],
      ["2026-W27", "2026-06-29", "2026-06-30"],
      ["2026-07", "2026-07-01", "2026-07-31"],
    ]);
  });

  it("completes a schedule that names fewer days than the rule needs", () => {
    expect(scheduleDaysOfMonth({ daysOfMonth: [], weekday: 2 }, 1)).toEqual([15]);
    expect(scheduleDaysOfMonth({ daysOfMonth: [], weekday: 2 }, 2)).toEqual([5, 20]);
    expect(scheduleDaysOfMonth({ daysOfMonth: [10], weekday: 2 }, 2)).toEqual([5, 10]);
    expect(scheduleDaysOfMonth({ daysOfMonth: [25, 10, 10], weekday: 2 }, 2)).toEqual([10, 25]);
    expect(new Set(scheduleDaysOfMonth({ daysOfMonth: [], weekday: 2 }, 4)).size).toBe(4);
  });
});

describe("generated reception days", () => {
  it("keeps Gia Lai's 15th, moved to the next working day when it is a day off", () => {
    const slots = generateDutySlots(VN, DEFAULT_DUTY_RULES, "province_pc_chair", FIFTEENTH, "2026-01-01", "2026-12-31");
    // 15/2 is in Tết (14–22/2): Monday 23/2. 15/3, 15/8 and 15/11 are Sundays; the others are working days.
    expect(on(slots)).toEqual([
      "2026-01-15", "2026-02-23", "2026-03-16", "2026-04-15", "2026-05-15", "2026-06-15",
      "2026-07-15", "2026-08-17", "2026-09-15", "2026-10-15", "2026-11-16", "2026-12-15",
    ]);
    expect(slots.every((s) => s.nominalOn.endsWith("-15"))).toBe(true);
  });

  it("gives a commune chair a weekly Tuesday before 1/7/2026 and skips the week wholly inside Tết", () => {
    const feb = generateDutySlots(VN, DEFAULT_DUTY_RULES, "commune_pc_chair", TUESDAYS, "2026-02-01", "2026-02-28");
    // Week 16–22/2 has no working day at all: no duty that week.
    expect(on(feb)).toEqual(["2026-02-03", "2026-02-10", "2026-02-24"]);
  });

  it("moves a weekly day off to the next working day of the same week", () => {
    // Tuesday 1/9/2026 and Wednesday 2/9 are National Day's days off: Thursday 3/9.
    // The weekly rule ended on 30/6/2026: an older rule set keeps it in force for this case.
    const weekly = DEFAULT_DUTY_RULES.filter((r) => r.id === "commune_pc_chair-2025");
    const sept = generateDutySlots(VN, weekly, "commune_pc_chair", TUESDAYS, "2026-08-31", "2026-09-06");
    expect(on(sept)).toEqual(["2026-09-03"]);
    const friday = generateDutySlots(VN, weekly, "commune_pc_chair", { daysOfMonth: [], weekday: 5 }, "2026-04-27", "2026-05-03");
    // Week 27/4–3/5/2026: 27/4 in lieu, 30/4 and 1/5 holidays; Friday moves back to Wednesday 29/4.
    expect(on(friday)).toEqual(["2026-04-29"]);
  });

  it("switches to two days a month from 1/7/2026, the week before the change judged by the old rule", () => {
    const slots = generateDutySlots(VN, DEFAULT_DUTY_RULES, "commune_pc_chair", TUESDAYS, "2026-06-20", "2026-07-31");
    expect(slots.map((s) => [s.dutyKey, s.on])).toEqual([
      ["2026-W26@2026-06-23", "2026-06-23"],
      ["2026-W27@2026-06-30", "2026-06-30"],
      ["2026-07@2026-07-05", "2026-07-06"], // 5/7 is a Sunday
      ["2026-07@2026-07-20", "2026-07-20"],
    ]);
  });

  it("counts a make-up Saturday as a working day, and a day in lieu as a day off", () => {
    // 2027: 5/2 (Tết) moves past the days off in lieu to Monday 15/2; Saturday 20/2 is a make-up working day.
    const slots = generateDutySlots(VN, DEFAULT_DUTY_RULES, "commune_party_secretary", { daysOfMonth: [5, 20], weekday: 2 }, "2027-02-01", "2027-02-28");
    expect(on(slots)).toEqual(["2027-02-15", "2027-02-20"]);
  });

  it("never puts two duties of one period on the same day", () => {
    // 14/2 and 16/2/2026 both fall in Tết: both move, to 23/2 and 24/2.
    const slots = generateDutySlots(VN, DEFAULT_DUTY_RULES, "commune_party_secretary", { daysOfMonth: [16, 14], weekday: 2 }, "2026-02-01", "2026-02-28");
    expect(on(slots)).toEqual(["2026-02-23", "2026-02-24"]);
  });
});

// ---- property tests ----
const BASE = toDayNumber("2025-07-01");
const SPAN = toDayNumber("2028-06-30") - BASE;
const dateArb = fc.integer({ min: 0, max: SPAN }).map((i) => fromDayNumber(BASE + i));
const calendarArb: fc.Arbitrary<WorkCalendar> = fc.oneof(
  fc.constant(VN),
  fc
    .uniqueArray(fc.record({ offset: fc.integer({ min: 0, max: SPAN }), kind: fc.constantFrom<CalendarDay["kind"]>("holiday", "day_off_in_lieu", "makeup_workday") }), {
      selector: (r) => r.offset,
      maxLength: 200,
    })
    .map((rs) => createCalendar(rs.map((r) => ({ date: fromDayNumber(BASE + r.offset), kind: r.kind })))),
);
/** One to three versions of a kind's rule, with random rhythms and dates. */
const rulesArb: fc.Arbitrary<DutyRule[]> = fc
  .uniqueArray(fc.record({ from: dateArb, times: fc.integer({ min: 1, max: 4 }), per: fc.constantFrom<"week" | "month">("week", "month") }), { selector: (r) => r.from, minLength: 1, maxLength: 3 })
  .map((vs) => vs.map((v, i) => ({ id: `r${i}`, positionKind: "commune_pc_chair", times: v.per === "week" ? Math.min(v.times, 2) : v.times, per: v.per, legalBasis: `basis ${i}`, effectiveFrom: v.from, effectiveTo: null, confirmed: true })));
const scheduleArb: fc.Arbitrary<PositionSchedule> = fc.record({ daysOfMonth: fc.array(fc.integer({ min: 1, max: 31 }), { maxLength: 4 }), weekday: fc.integer({ min: 1, max: 5 }) });
const rangeArb = fc.tuple(dateArb, fc.integer({ min: 0, max: 200 })).map(([from, n]) => ({ from, to: addCalendarDays(from, n) }));

describe("generation, for any calendar, rules and schedule", () => {
  it("puts every duty on a working day, inside the rule's own period and dates", () => {
    fc.assert(
      fc.property(calendarArb, rulesArb, scheduleArb, rangeArb, (cal, rules, schedule, { from, to }) => {
        const periods = dutyPeriods(rules, "commune_pc_chair", addCalendarDays(from, -40), addCalendarDays(to, 40));
        for (const s of generateDutySlots(cal, rules, "commune_pc_chair", schedule, from, to)) {
          expect(cal.isWorkingDay(s.on)).toBe(true);
          // The rule of the nominal day is the one that required it (effective dates respected).
          expect(ruleInForce(rules, "commune_pc_chair", s.nominalOn)?.id).toBe(s.ruleId);
          const period = periods.find((p) => p.periodKey === s.periodKey && p.rule.id === s.ruleId)!;
          expect(compareDates(s.on, period.from) >= 0 && compareDates(s.on, period.to) <= 0).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("never drops a month's duty: a whole month under a monthly rule gets exactly its days, all distinct", () => {
    fc.assert(
      fc.property(calendarArb, fc.integer({ min: 1, max: 4 }), scheduleArb, fc.integer({ min: 0, max: 30 }), (cal, times, schedule, m) => {
        const rules: DutyRule[] = [{ id: "m", positionKind: "commune_pc_chair", times, per: "month", legalBasis: "b", effectiveFrom: "2025-07-01", effectiveTo: null, confirmed: true }];
        const month = monthsBetween("2025-07", "2028-06")[m]!;
        const from = `${month}-01`;
        const to = monthEnd(month);
        let workingDays = 0;
        for (let d = from; compareDates(d, to) <= 0; d = addCalendarDays(d, 1)) if (cal.isWorkingDay(d)) workingDays++;
        const slots = generateDutySlots(cal, rules, "commune_pc_chair", schedule, from, to);
        expect(slots).toHaveLength(Math.min(times, workingDays));
        expect(new Set(on(slots)).size).toBe(slots.length);
        expect(slots.every((s) => s.on.startsWith(month))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("gives the same days whether a range is generated at once or in two parts (so repeated runs add nothing)", () => {
    fc.assert(
      fc.property(calendarArb, rulesArb, scheduleArb, rangeArb, fc.integer({ min: 0, max: 200 }), (cal, rules, schedule, { from, to }, cut) => {
        const mid = addCalendarDays(from, Math.min(cut, Math.max(0, toDayNumber(to) - toDayNumber(from))));
        const whole = generateDutySlots(cal, rules, "commune_pc_chair", schedule, from, to);
        const parts = [...generateDutySlots(cal, rules, "commune_pc_chair", schedule, from, mid), ...generateDutySlots(cal, rules, "commune_pc_chair", schedule, addCalendarDays(mid, 1), to)];
        expect(parts.map((s) => s.dutyKey).sort()).toEqual(whole.map((s) => s.dutyKey).sort());
        expect(new Set(whole.map((s) => s.dutyKey)).size).toBe(whole.length);
      }),
      { numRuns: 150 },
    );
  });
});

describe("duty met or missed", () => {
  const judge = (held: HeldReception[], fromMonth: string, toMonth: string, today = "2026-12-02") =>
    judgeDutyByMonth({ calendar: VN, rules: DEFAULT_DUTY_RULES, kind: "commune_pc_chair", schedule: TUESDAYS, held, fromMonth, toMonth, today });

  it("hand-worked: 2 of 3 receptions in person and a deputy at the third is a missed month", () => {
    // February 2026, weekly Tuesdays: 3/2, 10/2, (17/2 in Tết: no duty that week), 24/2.
    const [feb] = judge(
      [
        { on: "2026-02-03", inPerson: true },
        { on: "2026-02-10", inPerson: true },
        { on: "2026-02-24", inPerson: false },
      ],
      "2026-02",
      "2026-02",
    );
    expect(feb).toMatchObject({ month: "2026-02", required: 3, heldInPerson: 2, delegated: 1, missed: 1, upcoming: 0, state: "missed" });
    expect(feb!.periods.map((p) => [p.periodKey, p.required, p.state])).toEqual([
      ["2026-W06", 1, "met"],
      ["2026-W07", 1, "met"],
      ["2026-W08", 0, "no_duty"],
      ["2026-W09", 1, "missed"],
    ]);
  });

  it("counts a reception held on another day of the same week, and the head's extra reception", () => {
    const [feb] = judge(
      [
        { on: "2026-02-05", inPerson: true }, // Thursday instead of Tuesday 3/2
        { on: "2026-02-10", inPerson: true },
        { on: "2026-02-24", inPerson: false },
        { on: "2026-02-26", inPerson: true }, // the head came himself later that week
      ],
      "2026-02",
      "2026-02",
    );
    expect(feb).toMatchObject({ required: 3, heldInPerson: 3, delegated: 1, missed: 0, state: "met" });
  });

  it("judges July 2026 by the new rule: two days in the month, wherever they fall", () => {
    const [jul] = judge(
      [
        { on: "2026-07-08", inPerson: true },
        { on: "2026-07-22", inPerson: true },
      ],
      "2026-07",
      "2026-07",
    );
    expect(jul).toMatchObject({ required: 2, heldInPerson: 2, state: "met" });
    expect(jul!.periods).toHaveLength(1);
    expect(jul!.periods[0]!.legalBasis).toContain("136/2025");
  });

  it("splits the week that straddles the change: 30/6 by the weekly rule, 2/7 by the monthly one", () => {
    const [jun, jul] = judge([{ on: "2026-07-02", inPerson: true }], "2026-06", "2026-07");
    const lastWeek = jun!.periods.find((p) => p.periodKey === "2026-W27")!;
    expect(lastWeek).toMatchObject({ from: "2026-06-29", to: "2026-06-30", required: 1, heldInPerson: 0, state: "missed" });
    expect(jul).toMatchObject({ required: 2, heldInPerson: 1, missed: 1, state: "missed" });
  });

  it("keeps a month that has not ended pending, with what is still to come", () => {
    const [dec] = judge([{ on: "2026-12-01", inPerson: true }], "2026-12", "2026-12", "2026-12-02");
    expect(dec).toMatchObject({ required: 2, heldInPerson: 1, missed: 0, upcoming: 1, state: "pending" });
    const [met] = judge([{ on: "2026-12-01", inPerson: true }, { on: "2026-12-02", inPerson: true }], "2026-12", "2026-12", "2026-12-02");
    expect(met!.state).toBe("met");
  });

  it("combines period states: missed over pending over met; no duty only when nothing is due", () => {
    expect(combineStates(["met", "pending", "missed"])).toBe("missed");
    expect(combineStates(["met", "pending"])).toBe("pending");
    expect(combineStates(["met", "no_duty"])).toBe("met");
    expect(combineStates(["no_duty"])).toBe("no_duty");
    expect(combineStates([])).toBe("no_duty");
  });

  const heldArb = fc.array(fc.record({ on: dateArb, inPerson: fc.boolean() }), { maxLength: 30 });
  it("for any record: a deputy's reception never changes the head's state, and an in-person one never makes it worse", () => {
    const order = { no_duty: 0, met: 0, pending: 1, missed: 2 } as const;
    fc.assert(
      fc.property(heldArb, dateArb, fc.boolean(), (held, extra, inPerson) => {
        const months = ["2026-05", "2026-08"] as const;
        const before = judge(held, ...months, "2026-09-15");
        const after = judge([...held, { on: extra, inPerson }], ...months, "2026-09-15");
        after.forEach((m, i) => {
          const b = before[i]!;
          expect(m.required).toBe(b.required);
          if (!inPerson) expect(m.state).toBe(b.state);
          else expect(order[m.state]).toBeLessThanOrEqual(order[b.state]);
          expect(m.missed + m.upcoming).toBe(m.periods.reduce((n, p) => n + Math.max(0, p.required - p.heldInPerson), 0));
        });
      }),
      { numRuns: 150 },
    );
  });
});

describe("edge cases of the schedule", () => {
  it("keeps both duties when the 30th and the 31st fall on February's last day", () => {
    const slots = generateDutySlots(VN, DEFAULT_DUTY_RULES, "commune_party_secretary", { daysOfMonth: [30, 31], weekday: 2 }, "2027-02-01", "2027-02-28");
    expect(slots).toHaveLength(2);
    expect(new Set(slots.map((s) => s.dutyKey)).size).toBe(2);
    expect(on(slots)).toEqual(["2027-02-25", "2027-02-26"]); // 28/2/2027 is a Sunday: back to Friday, then Thursday
  });
});
