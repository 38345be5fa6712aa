// How the reception duty of seats is summed over a statistics period (judgeInPeriod): a whole month counts every
// duty period the duty pages show under it, a custom period only the weeks wholly inside it, and only whole months
// are judged met or missed.
import { describe, expect, it } from "vitest";
import { createCalendar } from "@/domain/calendar";
import { judgeDutyByMonth } from "@/domain/reception/duty";
import { DEFAULT_DUTY_RULES } from "@/domain/reception/duty-rules-data";
import type { PositionDuty } from "@/server/reception/duty/duty-figures";
import { judgeInPeriod } from "@/server/statistics/get-participation-figures";

// A commune chair in October 2025: one reception a week (the rule until 2026-06-30), on Tuesdays. October 2025's
// weeks, by their Tuesday: Oct 7, 14, 21 and 28 (the week of Sep 29 belongs to September, its Tuesday is Sep 30;
// the week of Oct 27 to Nov 2 belongs to October). Held in person on Oct 7, 14 and 28; today is 2025-11-15.
function seat(held: string[]): PositionDuty {
  const months = judgeDutyByMonth({
    calendar: createCalendar([]),
    rules: DEFAULT_DUTY_RULES,
    kind: "commune_pc_chair",
    schedule: { daysOfMonth: [], weekday: 2 },
    held: held.map((on) => ({ on, inPerson: true })),
    fromMonth: "2025-10",
    toMonth: "2025-10",
    today: "2025-11-15",
  });
  return {
    position: { id: "p", kind: "commune_pc_chair", title: "", titleEn: "", active: true, unit: { id: "u", name: "", nameEn: "" }, area: null, holders: [], currentHead: null },
    rules: [],
    months: months.map((m) => ({ ...m, matters: { total: 0, answered: 0, cases: 0, casesOnTime: 0, casesOverdue: 0, casesPending: 0, guided: 0, refused: 0, refusalsLate: 0 }, heads: [] })),
  };
}

describe("reception duty over a statistics period", () => {
  const duty = [seat(["2025-10-07", "2025-10-14", "2025-10-28"])];

  it("a whole month: its four weeks (the last one ends in November), the month missed", () => {
    expect(judgeInPeriod(duty, { from: "2025-10-01", to: "2025-10-31" }, "2025-11-15")).toEqual({ receptionDaysRequired: 4, receptionDaysHeld: 3, receptionMonthsMet: 0, receptionMonthsMissed: 1 });
  });

  it("a custom period: only the weeks wholly inside it, no month judged", () => {
    expect(judgeInPeriod(duty, { from: "2025-10-01", to: "2025-10-26" }, "2025-11-15")).toEqual({ receptionDaysRequired: 3, receptionDaysHeld: 2, receptionMonthsMet: 0, receptionMonthsMissed: 0 });
    expect(judgeInPeriod(duty, { from: "2025-10-13", to: "2025-11-02" }, "2025-11-15")).toEqual({ receptionDaysRequired: 3, receptionDaysHeld: 2, receptionMonthsMet: 0, receptionMonthsMissed: 0 });
  });

  it("periods not yet begun are left out; a month where every week was held is met", () => {
    const all = [seat(["2025-10-07", "2025-10-14", "2025-10-21", "2025-10-28"])];
    expect(judgeInPeriod(all, { from: "2025-10-01", to: "2025-10-31" }, "2025-11-15")).toEqual({ receptionDaysRequired: 4, receptionDaysHeld: 4, receptionMonthsMet: 1, receptionMonthsMissed: 0 });
    // On Oct 15 only the weeks of Oct 6 and Oct 13 have begun.
    expect(judgeInPeriod(all, { from: "2025-10-01", to: "2025-10-31" }, "2025-10-15").receptionDaysRequired).toBe(2);
  });
});
