import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addCalendarDays, createCalendar, type CalendarDay, type WorkCalendar } from "../calendar";
import { DEFAULT_HOLIDAYS } from "../holidays-data";
import type { IsoDate } from "../types";
import {
  allowedCommitmentActions,
  commitmentReminderDue,
  commitmentReminderKey,
  commitmentTransition,
  isCommitmentOverdue,
  REMIND_AFTER_EVERY_WORKING_DAYS,
  REMIND_BEFORE_WORKING_DAYS,
  type CommitmentReminder,
} from "./commitment-status";
import { COMMITMENT_STATUSES } from "./vocabulary";

const VN = createCalendar(DEFAULT_HOLIDAYS);

/** Any day from 2026 to the end of 2027 (the years the demo holiday table covers, Tết of both included). */
const dayArb = fc.integer({ min: 0, max: 729 }).map((n) => addCalendarDays("2026-01-01", n));

/** A random calendar: random extra days off and weekend make-up days, as an admin might enter them. */
const calendarArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 729 }), { maxLength: 40 })
  .chain((offsets) =>
    fc.tuple(
      fc.constant(offsets),
      fc.array(fc.boolean(), { minLength: offsets.length, maxLength: offsets.length }),
    ),
  )
  .map(([offsets, makeup]) => {
    const days: CalendarDay[] = offsets.map((n, i) => {
      const date = addCalendarDays("2026-01-01", n);
      const w = new Date(`${date}T00:00:00Z`).getUTCDay();
      const weekend = w === 0 || w === 6;
      return { date, kind: makeup[i] && weekend ? "makeup_workday" : "holiday" };
    });
    return createCalendar(days);
  });

const calendars = fc.oneof(fc.constant(VN), calendarArb);

const keyOf = (r: CommitmentReminder) => (r.kind === "before" ? "before" : `after-${r.round}`);

/** Runs the job on each of `days` (a worker's schedule) and returns the reminders it sends, deduped as the outbox does. */
function simulate(cal: WorkCalendar, dueOn: IsoDate, days: IsoDate[]): { on: IsoDate; key: string }[] {
  const sent = new Map<string, IsoDate>();
  for (const day of days) {
    const due = commitmentReminderDue(dueOn, day, cal);
    if (due && !sent.has(keyOf(due))) sent.set(keyOf(due), day);
  }
  return [...sent].map(([key, on]) => ({ key, on }));
}

function everyDay(from: IsoDate, count: number): IsoDate[] {
  return Array.from({ length: count }, (_, i) => addCalendarDays(from, i));
}

describe("commitment transitions", () => {
  it("progress keeps the status; keep and miss close it; kept is final", () => {
    expect(commitmentTransition("open", "progress", { text: "Đã khảo sát" })).toEqual({ ok: true, status: "open" });
    expect(commitmentTransition("open", "keep", { text: "Đã sửa xong" })).toEqual({ ok: true, status: "kept" });
    expect(commitmentTransition("open", "miss", { text: "Thiếu kinh phí" })).toEqual({ ok: true, status: "missed" });
    expect(commitmentTransition("missed", "keep", { text: "Đã làm, muộn" })).toEqual({ ok: true, status: "kept" });
    expect(commitmentTransition("missed", "miss", { text: "x" })).toEqual({ ok: false, error: "invalid_transition" });
    for (const action of ["progress", "keep", "miss"] as const) {
      expect(commitmentTransition("kept", action, { text: "x" })).toEqual({ ok: false, error: "invalid_transition" });
    }
    expect(allowedCommitmentActions("kept")).toEqual([]);
    expect(allowedCommitmentActions("open")).toEqual(["progress", "keep", "miss"]);
  });

  it("always wants something said in public", () => {
    fc.assert(
      fc.property(fc.constantFrom(...COMMITMENT_STATUSES), fc.constantFrom("progress", "keep", "miss" as const), fc.constantFrom(undefined, null, "", "   \n"), (s, a, text) => {
        const r = commitmentTransition(s, a, { text });
        expect(r.ok).toBe(false);
      }),
    );
  });

  it("flags an open commitment after its deadline only", () => {
    expect(isCommitmentOverdue({ status: "open", dueOn: "2026-12-01" }, "2026-12-01")).toBe(false);
    expect(isCommitmentOverdue({ status: "open", dueOn: "2026-12-01" }, "2026-12-02")).toBe(true);
    expect(isCommitmentOverdue({ status: "missed", dueOn: "2026-12-01" }, "2026-12-02")).toBe(false);
    expect(isCommitmentOverdue({ status: "kept", dueOn: "2026-12-01" }, "2027-12-02")).toBe(false);
  });
});

describe("commitment reminders over the working-day calendar", () => {
  it("a reminder is only ever due on a working day", () => {
    fc.assert(
      fc.property(calendars, dayArb, dayArb, (cal, dueOn, today) => {
        if (commitmentReminderDue(dueOn, today, cal) !== null) expect(cal.isWorkingDay(today)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('"before" comes at most REMIND_BEFORE_WORKING_DAYS working days before the deadline, never after it', () => {
    fc.assert(
      fc.property(calendars, dayArb, dayArb, (cal, dueOn, today) => {
        const due = commitmentReminderDue(dueOn, today, cal);
        if (due?.kind === "before") {
          expect(today <= dueOn).toBe(true);
          expect(cal.workingDaysBetween(today, dueOn)).toBeLessThanOrEqual(REMIND_BEFORE_WORKING_DAYS);
        }
        if (due?.kind === "after") expect(today > dueOn).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("after the deadline, a new round every REMIND_AFTER_EVERY_WORKING_DAYS working days, from the first working day past it", () => {
    fc.assert(
      fc.property(calendars, dayArb, (cal, dueOn) => {
        const first = cal.nextWorkingDay(dueOn);
        expect(commitmentReminderDue(dueOn, first, cal)).toEqual({ kind: "after", round: 1 });
        for (let n = 0; n < 3 * REMIND_AFTER_EVERY_WORKING_DAYS; n++) {
          const day = cal.addWorkingDays(first, n);
          expect(commitmentReminderDue(dueOn, day, cal)).toEqual({ kind: "after", round: Math.floor(n / REMIND_AFTER_EVERY_WORKING_DAYS) + 1 });
        }
      }),
      { numRuns: 300 },
    );
  });

  it("a worker running every day sends the before reminder once and each round once, each on the day it falls due", () => {
    fc.assert(
      fc.property(calendars, dayArb, (cal, dueOn) => {
        const days = everyDay(addCalendarDays(dueOn, -30), 30 + 40);
        const sent = simulate(cal, dueOn, days);
        // Sent on the first working day of the window, and only once.
        expect(sent.filter((s) => s.key === "before")).toEqual([{ key: "before", on: firstBeforeDay(cal, dueOn) }]);
        const after = sent.filter((s) => s.key.startsWith("after-"));
        after.forEach((s, i) => {
          expect(s.key).toBe(`after-${i + 1}`);
          expect(cal.workingDaysBetween(dueOn, s.on)).toBe(i * REMIND_AFTER_EVERY_WORKING_DAYS + 1);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("a worker that misses days still sends a reminder at most once, and catches up with the one due when it runs again", () => {
    fc.assert(
      fc.property(calendars, dayArb, fc.array(fc.boolean(), { minLength: 70, maxLength: 70 }), (cal, dueOn, runs) => {
        const all = everyDay(addCalendarDays(dueOn, -30), 70);
        const days = all.filter((_, i) => runs[i]);
        const sent = simulate(cal, dueOn, days);
        expect(new Set(sent.map((s) => s.key)).size).toBe(sent.length);
        // Whatever was due on a day the worker ran has been sent by the end of that day.
        for (const day of days) {
          const due = commitmentReminderDue(dueOn, day, cal);
          if (due) expect(sent.some((s) => s.key === keyOf(due) && s.on <= day)).toBe(true);
        }
        // Rounds come in order.
        const rounds = sent.filter((s) => s.key.startsWith("after-")).map((s) => Number(s.key.slice(6)));
        expect([...rounds].sort((a, b) => a - b)).toEqual(rounds);
      }),
      { numRuns: 300 },
    );
  });

  it("dedupe keys tell reminders and deadlines apart, and not the address's case", () => {
    const k = (r: CommitmentReminder, due: IsoDate = "2027-02-04", to = "a@example.com") => commitmentReminderKey("c1", due, r, to);
    expect(k({ kind: "before" })).not.toBe(k({ kind: "after", round: 1 }));
    expect(k({ kind: "after", round: 1 })).not.toBe(k({ kind: "after", round: 2 }));
    expect(k({ kind: "before" })).not.toBe(k({ kind: "before" }, "2027-02-05"));
    expect(k({ kind: "before" }, "2027-02-04", " A@Example.com")).toBe(k({ kind: "before" }));
  });

  describe("the demo holidays", () => {
    it("a deadline on the Thursday before Tết 2027: reminded from the Monday, late from the Monday after the break", () => {
      const dueOn = "2027-02-04"; // Thursday; Tết runs from Friday 5/2 to Sunday 14/2
      expect(commitmentReminderDue(dueOn, "2027-01-29", VN)).toBeNull(); // Friday: 4 working days before
      expect(commitmentReminderDue(dueOn, "2027-02-01", VN)).toEqual({ kind: "before" }); // Monday: 3
      expect(commitmentReminderDue(dueOn, "2027-02-04", VN)).toEqual({ kind: "before" }); // the day itself
      for (const day of ["2027-02-05", "2027-02-06", "2027-02-10", "2027-02-14"]) expect(commitmentReminderDue(dueOn, day, VN), day).toBeNull();
      expect(commitmentReminderDue(dueOn, "2027-02-15", VN)).toEqual({ kind: "after", round: 1 });
      // Five working days later, counting the make-up Saturday 20/2: Mon 15, Tue 16, Wed 17, Thu 18, Fri 19, Sat 20.
      expect(commitmentReminderDue(dueOn, "2027-02-19", VN)).toEqual({ kind: "after", round: 1 });
      expect(commitmentReminderDue(dueOn, "2027-02-20", VN)).toEqual({ kind: "after", round: 2 });
    });

    it("a deadline after Tết counts the working days across it", () => {
      // Three working days before Wednesday 17/2/2027 is Thursday 4/2/2027: Tết lies between.
      expect(commitmentReminderDue("2027-02-17", "2027-02-03", VN)).toBeNull();
      expect(commitmentReminderDue("2027-02-17", "2027-02-04", VN)).toEqual({ kind: "before" });
    });

    it("a deadline on a Saturday: before on the days up to Friday, late from Monday", () => {
      const dueOn = "2026-12-05"; // Saturday
      expect(commitmentReminderDue(dueOn, "2026-11-30", VN)).toBeNull(); // Monday: Tue to Fri are 4 working days
      expect(commitmentReminderDue(dueOn, "2026-12-01", VN)).toEqual({ kind: "before" }); // Tuesday: Wed, Thu, Fri
      expect(commitmentReminderDue(dueOn, "2026-12-04", VN)).toEqual({ kind: "before" });
      expect(commitmentReminderDue(dueOn, "2026-12-05", VN)).toBeNull();
      expect(commitmentReminderDue(dueOn, "2026-12-06", VN)).toBeNull();
      expect(commitmentReminderDue(dueOn, "2026-12-07", VN)).toEqual({ kind: "after", round: 1 });
    });
  });
});

/** The first day on which the "before" reminder is due, by walking the days. */
function firstBeforeDay(cal: WorkCalendar, dueOn: IsoDate): IsoDate {
  for (let d = addCalendarDays(dueOn, -30); d <= dueOn; d = addCalendarDays(d, 1)) {
    if (cal.isWorkingDay(d) && cal.workingDaysBetween(d, dueOn) <= REMIND_BEFORE_WORKING_DAYS) return d;
  }
  throw new Error("no before day");
}
