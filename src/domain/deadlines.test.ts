import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  addCalendarDays,
  compareDates,
  createCalendar,
  daysBetween,
  fromDayNumber,
  isIsoDate,
  toDayNumber,
  weekday,
  type CalendarDay,
  type WorkCalendar,
} from "./calendar";
import {
  acceptanceDueDate,
  addPeriod,
  applyExtension,
  applyPause,
  daysLeft,
  isOverdue,
  resolutionDueDate,
  resolutionPeriod,
  selectPolicy,
  type DeadlinePolicy,
  type PeriodUnit,
} from "./deadlines";
import { DEFAULT_DEADLINE_POLICIES, RECEPTION_ANSWER_POLICY } from "./deadline-policies-data";
import { DEFAULT_HOLIDAYS } from "./holidays-data";
import { CASE_KINDS, type CaseKind, type Instance, type IsoDate } from "./types";

const VN = createCalendar(DEFAULT_HOLIDAYS);

function policy(id: string): DeadlinePolicy {
  const p = DEFAULT_DEADLINE_POLICIES.find((x) => x.id === id);
  if (!p) throw new Error(`missing policy ${id}`);
  return p;
}
const COMPLAINT_1 = policy("complaint-1-2026");
const COMPLAINT_2 = policy("complaint-2-2026");
const DENUNCIATION = policy("denunciation-2026");
const PETITION = policy("petition-2026");

function make(overrides: Partial<DeadlinePolicy> & { id: string }): DeadlinePolicy {
  return {
    kind: "complaint",
    instance: null,
    effectiveFrom: "2026-01-01",
    effectiveTo: null,
    acceptance: { amount: 10, unit: "working_days" },
    resolution: { amount: 30, unit: "days" },
    remoteResolution: null,
    extension: null,
    progressUpdateEveryDays: null,
    pausesOnInfoRequest: false,
    legalBasis: "test",
    ...overrides,
  };
}

// ---- arbitraries ----
const BASE = toDayNumber("2025-06-01");
const SPAN = toDayNumber("2028-06-30") - BASE;
const dateArb = fc.integer({ min: 0, max: SPAN }).map((i) => fromDayNumber(BASE + i));
const randomCalendarArb = fc
  .uniqueArray(
    fc.record({
      offset: fc.integer({ min: 0, max: SPAN }),
      kind: fc.constantFrom<CalendarDay["kind"]>("holiday", "day_off_in_lieu", "makeup_workday"),
    }),
    { selector: (r) => r.offset, maxLength: 250 },
  )
  .map((rs) => createCalendar(rs.map((r) => ({ date: fromDayNumber(BASE + r.offset), kind: r.kind }))));
const calendarArb: fc.Arbitrary<WorkCalendar> = fc.oneof(fc.constant(VN), randomCalendarArb);
const unitArb = fc.constantFrom<PeriodUnit>("working_days", "days");
const policyArb = fc.constantFrom(...DEFAULT_DEADLINE_POLICIES);

describe("selectPolicy", () => {
  it("finds a default policy for every kind and complaint instance", () => {
    for (const on of ["2026-01-01", "2026-07-01", "2027-12-31"]) {
      expect(selectPolicy(DEFAULT_DEADLINE_POLICIES, "complaint", 1, on)?.id).toBe("complaint-1-2026");
      expect(selectPolicy(DEFAULT_DEADLINE_POLICIES, "complaint", 2, on)?.id).toBe("complaint-2-2026");
      expect(selectPolicy(DEFAULT_DEADLINE_POLICIES, "denunciation", null, on)?.id).toBe("denunciation-2026");
      expect(selectPolicy(DEFAULT_DEADLINE_POLICIES, "petition", null, on)?.id).toBe("petition-2026");
      expect(selectPolicy(DEFAULT_DEADLINE_POLICIES, "report", null, on)?.id).toBe("report-2026");
      expect(selectPolicy(DEFAULT_DEADLINE_POLICIES, "contribution", null, on)?.id).toBe("contribution-2026");
    }
  });

  it("returns null before any policy is in force, or for an unknown instance", () => {
    expect(selectPolicy(DEFAULT_DEADLINE_POLICIES, "complaint", 1, "2025-12-31")).toBeNull();
    expect(selectPolicy(DEFAULT_DEADLINE_POLICIES, "complaint", null, "2026-03-01")).toBeNull();
    expect(selectPolicy([], "petition", null, "2026-03-01")).toBeNull();
  });

  it("uses the policy in force on the day received (both bounds inclusive)", () => {
    const old = make({ id: "old", effectiveFrom: "2026-01-01", effectiveTo: "2026-06-30" });
    const neu = make({ id: "new", effectiveFrom: "2026-07-01", effectiveTo: null });
    const ps = [neu, old];
    expect(selectPolicy(ps, "complaint", 1, "2026-01-01")?.id).toBe("old");
    expect(selectPolicy(ps, "complaint", 1, "2026-06-30")?.id).toBe("old");
    expect(selectPolicy(ps, "complaint", 1, "2026-07-01")?.id).toBe("new");
    expect(selectPolicy(ps, "complaint", 1, "2030-01-01")?.id).toBe("new");
    expect(selectPolicy(ps, "complaint", 1, "2025-12-31")).toBeNull();
    const gap = [make({ id: "a", effectiveTo: "2026-03-31" }), make({ id: "b", effectiveFrom: "2026-05-01" })];
    expect(selectPolicy(gap, "complaint", 1, "2026-04-15")).toBeNull();
  });

  it("an exact instance match beats an any-instance policy, even an older one", () => {
    const generic = make({ id: "generic", instance: null, effectiveFrom: "2026-03-01" });
    const first = make({ id: "first", instance: 1, effectiveFrom: "2026-01-01" });
    const ps = [generic, first];
    expect(selectPolicy(ps, "complaint", 1, "2026-04-01")?.id).toBe("first");
    expect(selectPolicy([first, generic], "complaint", 1, "2026-04-01")?.id).toBe("first");
    expect(selectPolicy(ps, "complaint", 2, "2026-04-01")?.id).toBe("generic");
    expect(selectPolicy(ps, "complaint", 1, "2026-02-01")?.id).toBe("first");
    expect(selectPolicy(ps, "complaint", 2, "2026-02-01")).toBeNull();
  });

  it("among equally specific overlaps, the latest effectiveFrom wins", () => {
    const a = make({ id: "a", instance: 1, effectiveFrom: "2026-01-01" });
    const b = make({ id: "b", instance: 1, effectiveFrom: "2026-07-01" });
    const c = make({ id: "c", instance: 1, effectiveFrom: "2026-04-01" });
    expect(selectPolicy([a, b, c], "complaint", 1, "2026-08-01")?.id).toBe("b");
    expect(selectPolicy([b, c, a], "complaint", 1, "2026-05-01")?.id).toBe("c");
    // Ties keep input order (deterministic).
    const a2 = make({ id: "a2", instance: 1, effectiveFrom: "2026-01-01" });
    expect(selectPolicy([a, a2], "complaint", 1, "2026-02-01")?.id).toBe("a");
  });

  it("ignores other kinds", () => {
    const p = make({ id: "d", kind: "denunciation" });
    expect(selectPolicy([p], "complaint", 1, "2026-02-01")).toBeNull();
  });

  it("property: the result is in force, of the kind, and matches the instance", () => {
    const generated = fc.record({
      id: fc.string(),
      kind: fc.constantFrom<CaseKind>(...CASE_KINDS),
      instance: fc.constantFrom<Instance | null>(1, 2, null),
      from: fc.integer({ min: 0, max: SPAN }),
      len: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.array(generated, { maxLength: 12 }),
        fc.constantFrom<CaseKind>(...CASE_KINDS),
        fc.constantFrom<Instance | null>(1, 2, null),
        dateArb,
        (raw, kind, instance, on) => {
          const ps = raw.map((r) =>
            make({
              id: r.id,
              kind: r.kind,
              instance: r.instance,
              effectiveFrom: fromDayNumber(BASE + r.from),
              effectiveTo: r.len === null ? null : fromDayNumber(BASE + r.from + r.len),
            }),
          );
          const got = selectPolicy(ps, kind, instance, on);
          const eligible = ps.filter(
            (p) =>
              p.kind === kind &&
              (p.instance === null || p.instance === instance) &&
              p.effectiveFrom <= on &&
              (p.effectiveTo === null || on <= p.effectiveTo),
          );
          if (eligible.length === 0) {
            expect(got).toBeNull();
            return;
          }
          expect(got).not.toBeNull();
          if (!got) return;
          expect(eligible).toContain(got);
          const specific = eligible.some((p) => p.instance !== null);
          expect(got.instance !== null).toBe(specific);
          for (const p of eligible) {
            if ((p.instance !== null) === specific) expect(p.effectiveFrom <= got.effectiveFrom).toBe(true);
          }
        },
      ),
    );
  });
});

describe("acceptanceDueDate", () => {
  it("complaint: 10 working days, across Tết 2026", () => {
    expect(acceptanceDueDate(VN, COMPLAINT_1, "2026-02-10")).toBe("2026-03-03");
    expect(acceptanceDueDate(VN, COMPLAINT_2, "2026-02-10")).toBe("2026-03-03");
  });

  it("denunciation: 7 working days; petition: 5", () => {
    expect(acceptanceDueDate(VN, DENUNCIATION, "2026-03-02")).toBe("2026-03-11"); // Mon -> Wed next week
    expect(acceptanceDueDate(VN, PETITION, "2026-03-07")).toBe("2026-03-13"); // received Saturday
    expect(acceptanceDueDate(VN, PETITION, "2025-12-29")).toBe("2026-01-06"); // across 1/1
  });

  it("the reception rule: 10 working days after the session", () => {
    expect(addPeriod(VN, "2026-02-10", RECEPTION_ANSWER_POLICY.period)).toBe("2026-03-03");
    expect(addPeriod(VN, "2026-04-20", RECEPTION_ANSWER_POLICY.period)).toBe("2026-05-07"); // skips 27/4, 30/4, 1/5
  });

  it("a policy in plain days uses the Civil Code rule", () => {
    const p = make({ id: "x", acceptance: { amount: 30, unit: "days" } });
    expect(acceptanceDueDate(VN, p, "2026-03-06")).toBe("2026-04-06");
  });
});

describe("resolutionDueDate", () => {
  it("complaint first instance: 30 days, remote 45", () => {
    expect(resolutionDueDate(VN, COMPLAINT_1, "2026-03-02", { remote: false })).toBe("2026-04-01");
    expect(resolutionDueDate(VN, COMPLAINT_1, "2026-03-02", { remote: true })).toBe("2026-04-16");
  });

  it("complaint second instance: 45 days, remote 60", () => {
    expect(resolutionDueDate(VN, COMPLAINT_2, "2026-03-02", { remote: false })).toBe("2026-04-16");
    // 2/3 + 60 = 1/5 (holiday), then weekend: Mon 4/5.
    expect(resolutionDueDate(VN, COMPLAINT_2, "2026-03-02", { remote: true })).toBe("2026-05-04");
  });

  it("a Civil Code end on a Sunday or in Tết moves to the next working day", () => {
    expect(resolutionDueDate(VN, COMPLAINT_1, "2026-03-06", { remote: false })).toBe("2026-04-06"); // Sun 5/4
    expect(resolutionDueDate(VN, DENUNCIATION, "2026-01-15", { remote: false })).toBe("2026-02-23"); // 14/2
    expect(resolutionDueDate(VN, PETITION, "2026-01-25", { remote: false })).toBe("2026-02-23"); // 14/2
    expect(resolutionDueDate(VN, COMPLAINT_1, "2026-03-28", { remote: false })).toBe("2026-04-28"); // in lieu
  });

  it("remote falls back to the normal period when the policy has no remote rule", () => {
    expect(resolutionDueDate(VN, DENUNCIATION, "2026-03-02", { remote: true })).toBe("2026-04-01");
    expect(resolutionPeriod(DENUNCIATION, { remote: true })).toEqual({ amount: 30, unit: "days" });
    expect(resolutionPeriod(COMPLAINT_1, { remote: true })).toEqual({ amount: 45, unit: "days" });
  });

  it("null when the policy has no resolution period", () => {
    const p = make({ id: "none", resolution: null, remoteResolution: null });
    expect(resolutionDueDate(VN, p, "2026-03-02", { remote: false })).toBeNull();
    expect(resolutionDueDate(VN, p, "2026-03-02", { remote: true })).toBeNull();
    // A remote-only rule still applies in a remote area.
    const remoteOnly = make({ id: "r", resolution: null, remoteResolution: { amount: 10, unit: "working_days" } });
    expect(resolutionDueDate(VN, remoteOnly, "2026-03-02", { remote: true })).toBe("2026-03-16");
    expect(resolutionDueDate(VN, remoteOnly, "2026-03-02", { remote: false })).toBeNull();
  });

  it("crosses the year boundary", () => {
    expect(resolutionDueDate(VN, COMPLAINT_1, "2026-12-02", { remote: false })).toBe("2027-01-04"); // 1/1 Fri, weekend
    expect(resolutionDueDate(VN, COMPLAINT_1, "2026-12-10", { remote: false })).toBe("2027-01-11"); // Sat 9/1
  });

  it("a working-day resolution period counts working days", () => {
    const p = make({ id: "wd", resolution: { amount: 10, unit: "working_days" } });
    expect(resolutionDueDate(VN, p, "2026-02-10", { remote: false })).toBe("2026-03-03");
  });
});

describe("applyPause", () => {
  it("working-day periods shift by the working days paused (across Tết)", () => {
    // Paused Thu 12/2, resumed Tue 24/2: (12/2, 24/2] holds 13/2, 23/2, 24/2.
    expect(applyPause(VN, "2026-03-03", "2026-02-12", "2026-02-24", "working_days")).toBe("2026-03-06");
    // Paused entirely inside Tết: nothing lost.
    expect(applyPause(VN, "2026-03-03", "2026-02-14", "2026-02-22", "working_days")).toBe("2026-03-03");
  });

  it("day periods shift by calendar days then end on a working day", () => {
    // 12 days: 10/3 + 12 = Sun 22/3 -> Mon 23/3.
    expect(applyPause(VN, "2026-03-10", "2026-02-12", "2026-02-24", "days")).toBe("2026-03-23");
    // Tết counts as calendar days for a day period.
    expect(applyPause(VN, "2026-03-10", "2026-02-14", "2026-02-22", "days")).toBe("2026-03-18");
    // Shift lands on 30/4: past 1/5 and the weekend.
    expect(applyPause(VN, "2026-04-20", "2026-03-01", "2026-03-11", "days")).toBe("2026-05-04");
  });

  it("a zero-length pause changes nothing", () => {
    expect(applyPause(VN, "2026-03-03", "2026-02-12", "2026-02-12", "working_days")).toBe("2026-03-03");
    expect(applyPause(VN, "2026-03-10", "2026-02-12", "2026-02-12", "days")).toBe("2026-03-10");
  });

  it("rejects a resume before the pause", () => {
    expect(() => applyPause(VN, "2026-03-03", "2026-02-12", "2026-02-11", "days")).toThrow(RangeError);
  });
});

describe("applyExtension", () => {
  it("complaint first instance: one extension of up to 15 days (30 -> 45)", () => {
    const due = resolutionDueDate(VN, COMPLAINT_1, "2026-03-02", { remote: false });
    expect(due).toBe("2026-04-01");
    if (due === null) return;
    expect(applyExtension(VN, COMPLAINT_1, due, 0, 15)).toEqual({ ok: true, dueDate: "2026-04-16" });
    expect(applyExtension(VN, COMPLAINT_1, due, 0, 10)).toEqual({ ok: true, dueDate: "2026-04-13" }); // Sat 11/4
    expect(applyExtension(VN, COMPLAINT_1, due, 0, 16)).toEqual({ ok: false, reason: "too_long" });
    expect(applyExtension(VN, COMPLAINT_1, due, 1, 15)).toEqual({ ok: false, reason: "too_many_extensions" });
  });

  it("an extension ending on a weekend moves to Monday", () => {
    expect(applyExtension(VN, COMPLAINT_1, "2026-04-03", 0, 15)).toEqual({ ok: true, dueDate: "2026-04-20" });
  });

  it("denunciation: two extensions of up to 30 days each", () => {
    const first = applyExtension(VN, DENUNCIATION, "2026-04-01", 0, 30);
    expect(first).toEqual({ ok: true, dueDate: "2026-05-04" }); // 1/5 holiday, weekend
    if (!first.ok) return;
    const second = applyExtension(VN, DENUNCIATION, first.dueDate, 1, 30);
    expect(second).toEqual({ ok: true, dueDate: "2026-06-03" });
    expect(applyExtension(VN, DENUNCIATION, "2026-06-03", 2, 30)).toEqual({ ok: false, reason: "too_many_extensions" });
    expect(applyExtension(VN, DENUNCIATION, "2026-04-01", 0, 31)).toEqual({ ok: false, reason: "too_long" });
  });

  it("refused when the policy allows none", () => {
    expect(applyExtension(VN, PETITION, "2026-04-01", 0, 5)).toEqual({ ok: false, reason: "no_extension_allowed" });
    const zero = make({ id: "z", extension: { maxCount: 0, maxDaysEach: 10 } });
    expect(applyExtension(VN, zero, "2026-04-01", 0, 5)).toEqual({ ok: false, reason: "no_extension_allowed" });
  });

  it("checks the count before the length", () => {
    expect(applyExtension(VN, COMPLAINT_1, "2026-04-01", 1, 99)).toEqual({ ok: false, reason: "too_many_extensions" });
  });

  it("counts working days when the resolution period is in working days", () => {
    const p = make({ id: "wd", resolution: { amount: 10, unit: "working_days" }, extension: { maxCount: 1, maxDaysEach: 5 } });
    expect(applyExtension(VN, p, "2026-02-12", 0, 5)).toEqual({ ok: true, dueDate: "2026-02-26" }); // 13/2 + 23-26/2
  });

  it("rejects nonsense input", () => {
    expect(() => applyExtension(VN, COMPLAINT_1, "2026-04-01", 0, 0)).toThrow(RangeError);
    expect(() => applyExtension(VN, COMPLAINT_1, "2026-04-01", 0, 2.5)).toThrow(RangeError);
    expect(() => applyExtension(VN, COMPLAINT_1, "2026-04-01", -1, 5)).toThrow(RangeError);
  });
});

describe("isOverdue and daysLeft (UTC+7)", () => {
  it("the last day ends at 23:59:59.999 local", () => {
    expect(isOverdue("2026-03-03", new Date("2026-03-03T23:59:59+07:00"))).toBe(false);
    expect(isOverdue("2026-03-03", new Date("2026-03-03T16:59:59.999Z"))).toBe(false);
    expect(isOverdue("2026-03-03", new Date("2026-03-04T00:00:00+07:00"))).toBe(true);
    expect(isOverdue("2026-03-03", new Date("2026-03-03T17:00:00.000Z"))).toBe(true);
    expect(isOverdue("2026-03-03", new Date("2026-03-03T00:00:00+07:00"))).toBe(false);
    // 20:00 UTC on the due date is already the next day in Vietnam.
    expect(isOverdue("2026-03-03", new Date("2026-03-03T20:00:00Z"))).toBe(true);
  });

  it("daysLeft counts local calendar days", () => {
    expect(daysLeft("2026-03-03", new Date("2026-03-03T10:00:00+07:00"))).toBe(0);
    expect(daysLeft("2026-03-03", new Date("2026-03-03T23:59:59+07:00"))).toBe(0);
    expect(daysLeft("2026-03-03", new Date("2026-03-02T23:00:00+07:00"))).toBe(1);
    expect(daysLeft("2026-03-03", new Date("2026-03-02T17:30:00Z"))).toBe(0); // 00:30 on 3/3 local
    expect(daysLeft("2026-03-03", new Date("2026-03-04T00:00:00+07:00"))).toBe(-1);
    expect(daysLeft("2027-01-04", new Date("2026-12-31T12:00:00+07:00"))).toBe(4);
  });

  it("property: overdue exactly when daysLeft < 0", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -5 * 86_400_000, max: 5 * 86_400_000 }), (due, offsetMs) => {
        const now = new Date(Date.parse(`${due}T12:00:00+07:00`) + offsetMs);
        expect(isOverdue(due, now)).toBe(daysLeft(due, now) < 0);
      }),
    );
  });
});

describe("deadline properties", () => {
  it("pausing never shortens a deadline", () => {
    fc.assert(
      fc.property(calendarArb, dateArb, dateArb, fc.integer({ min: 0, max: 90 }), unitArb, (cal, due, pausedOn, len, unit) => {
        const resumedOn = addCalendarDays(pausedOn, len);
        const shifted = applyPause(cal, due, pausedOn, resumedOn, unit);
        expect(compareDates(shifted, due)).toBeGreaterThanOrEqual(0);
        if (unit === "days") {
          expect(daysBetween(due, shifted)).toBeGreaterThanOrEqual(len);
          expect(cal.isWorkingDay(shifted)).toBe(true);
        } else {
          expect(cal.workingDaysBetween(due, shifted)).toBe(cal.workingDaysBetween(pausedOn, resumedOn));
        }
      }),
    );
  });

  it("a longer pause never gives an earlier deadline", () => {
    fc.assert(
      fc.property(
        calendarArb,
        dateArb,
        dateArb,
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        unitArb,
        (cal, due, pausedOn, len, more, unit) => {
          const short = applyPause(cal, due, pausedOn, addCalendarDays(pausedOn, len), unit);
          const long = applyPause(cal, due, pausedOn, addCalendarDays(pausedOn, len + more), unit);
          expect(compareDates(long, short)).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it("an extension never shortens a deadline", () => {
    fc.assert(
      fc.property(
        calendarArb,
        policyArb,
        dateArb,
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 40 }),
        (cal, p, due, soFar, days) => {
          const r = applyExtension(cal, p, due, soFar, days);
          if (r.ok) {
            expect(compareDates(r.dueDate, due)).toBe(1);
            expect(cal.isWorkingDay(r.dueDate)).toBe(true);
            expect(p.extension).not.toBeNull();
            expect(soFar).toBeLessThan(p.extension?.maxCount ?? 0);
            expect(days).toBeLessThanOrEqual(p.extension?.maxDaysEach ?? 0);
          } else if (p.extension === null) {
            expect(r.reason).toBe("no_extension_allowed");
          }
        },
      ),
    );
  });

  it("acceptance and resolution due dates are working days after the start", () => {
    fc.assert(
      fc.property(calendarArb, policyArb, dateArb, fc.boolean(), (cal, p, start, remote) => {
        const acc = acceptanceDueDate(cal, p, start);
        expect(cal.isWorkingDay(acc)).toBe(true);
        expect(compareDates(acc, start)).toBe(1);
        if (p.acceptance.unit === "working_days") expect(cal.workingDaysBetween(start, acc)).toBe(p.acceptance.amount);
        const res = resolutionDueDate(cal, p, start, { remote });
        const period = resolutionPeriod(p, { remote });
        if (period === null) {
          expect(res).toBeNull();
          return;
        }
        expect(res).not.toBeNull();
        if (res === null) return;
        expect(cal.isWorkingDay(res)).toBe(true);
        expect(daysBetween(start, res)).toBeGreaterThanOrEqual(period.amount);
      }),
    );
  });

  it("a remote area never gets a shorter resolution period", () => {
    fc.assert(
      fc.property(calendarArb, policyArb, dateArb, (cal, p, start) => {
        const normal = resolutionDueDate(cal, p, start, { remote: false });
        const remote = resolutionDueDate(cal, p, start, { remote: true });
        if (normal !== null && remote !== null) expect(compareDates(remote, normal)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe("DEFAULT_HOLIDAYS", () => {
  const byDate = new Map(DEFAULT_HOLIDAYS.map((d) => [d.date, d]));
  const isWeekendDay = (d: IsoDate) => weekday(d) === 0 || weekday(d) === 6;

  it("is valid: real dates, unique, in 2026-2027, named in Vietnamese, builds a calendar", () => {
    expect(byDate.size).toBe(DEFAULT_HOLIDAYS.length);
    for (const d of DEFAULT_HOLIDAYS) {
      expect(isIsoDate(d.date)).toBe(true);
      expect(d.date >= "2026-01-01" && d.date <= "2027-12-31").toBe(true);
      expect(d.name && d.name.length > 0).toBe(true);
    }
    expect(() => createCalendar(DEFAULT_HOLIDAYS)).not.toThrow();
  });

  it("has every fixed holiday in both years", () => {
    for (const y of ["2026", "2027"]) {
      for (const md of ["01-01", "04-30", "05-01", "09-02"]) expect(byDate.get(`${y}-${md}`)?.kind).toBe("holiday");
      // 2/9 plus an adjacent day.
      const adjacent = [byDate.get(`${y}-09-01`), byDate.get(`${y}-09-03`)].filter((d) => d?.kind === "holiday");
      expect(adjacent.length).toBe(1);
    }
    expect(byDate.get("2026-04-26")?.name).toContain("Hùng Vương");
    expect(byDate.get("2027-04-16")?.name).toContain("Hùng Vương");
  });

  it("Tết 2026: 14-22 February off, five statutory holidays", () => {
    for (let d = "2026-02-14"; d <= "2026-02-22"; d = addCalendarDays(d, 1)) expect(VN.isWorkingDay(d)).toBe(false);
    const tet = DEFAULT_HOLIDAYS.filter((d) => d.date.startsWith("2026-02") && d.kind === "holiday");
    expect(tet.map((d) => d.date)).toEqual(["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"]);
    expect(VN.isWorkingDay("2026-02-13")).toBe(true);
    expect(VN.isWorkingDay("2026-02-23")).toBe(true);
  });

  it("Tết 2027: five statutory holidays including mùng 1 (6/2), marked provisional", () => {
    const tet = DEFAULT_HOLIDAYS.filter((d) => d.date.startsWith("2027-02"));
    expect(tet.filter((d) => d.kind === "holiday").length).toBe(5);
    expect(byDate.get("2027-02-06")?.kind).toBe("holiday");
    for (const d of tet) expect(d.name).toContain("Thủ tướng");
    // Net effect: one continuous break, and the swapped Friday is worked back on a Saturday.
    for (let d = "2027-02-05"; d <= "2027-02-14"; d = addCalendarDays(d, 1)) expect(VN.isWorkingDay(d)).toBe(false);
    expect(VN.isWorkingDay("2027-02-20")).toBe(true);
  });

  it("a holiday on a weekend gives a weekday off in lieu within the next week", () => {
    for (const h of DEFAULT_HOLIDAYS.filter((d) => d.kind === "holiday" && isWeekendDay(d.date))) {
      const lieu = [1, 2, 3, 4, 5, 6, 7]
        .map((i) => byDate.get(addCalendarDays(h.date, i)))
        .filter((d) => d?.kind === "day_off_in_lieu" && !isWeekendDay(d.date));
      expect(lieu.length, h.date).toBeGreaterThan(0);
    }
    expect(byDate.get("2026-04-27")?.kind).toBe("day_off_in_lieu");
    expect(byDate.get("2027-05-03")?.kind).toBe("day_off_in_lieu");
  });

  it("weekday days off balance the statutory days per year", () => {
    // Statutory: 1/1, Tết 5, Hùng Kings, 30/4, 1/5, 2/9 + 1 = 11 days; weekday days off minus makeup days = 11.
    for (const y of ["2026", "2027"]) {
      const days = DEFAULT_HOLIDAYS.filter((d) => d.date.startsWith(y));
      const offWeekdays = days.filter((d) => d.kind !== "makeup_workday" && !isWeekendDay(d.date)).length;
      const makeups = days.filter((d) => d.kind === "makeup_workday").length;
      expect(offWeekdays - makeups, y).toBe(11);
      expect(days.filter((d) => d.kind === "holiday").length, y).toBe(11);
    }
  });

  it("makeup workdays fall on weekends", () => {
    for (const d of DEFAULT_HOLIDAYS.filter((x) => x.kind === "makeup_workday")) expect(isWeekendDay(d.date)).toBe(true);
  });
});

describe("DEFAULT_DEADLINE_POLICIES", () => {
  it("ids are unique and each has a legal basis; the confirmed ones start 2026-01-01", () => {
    expect(new Set(DEFAULT_DEADLINE_POLICIES.map((p) => p.id)).size).toBe(DEFAULT_DEADLINE_POLICIES.length);
    for (const p of DEFAULT_DEADLINE_POLICIES) {
      expect(p.legalBasis.length).toBeGreaterThan(0);
      expect(p.effectiveTo).toBeNull();
      if (p.confirmed !== false) expect(p.effectiveFrom).toBe("2026-01-01");
    }
    // The Decree 155/2026 version (seen only in an unofficial copy) waits for an admin to confirm it.
    expect(DEFAULT_DEADLINE_POLICIES.filter((p) => p.confirmed === false)).toMatchObject([
      { kind: "complaint", instance: 1, effectiveFrom: "2026-07-01", acceptance: { amount: 7, unit: "working_days" } },
    ]);
  });

  it("matches the DOMAIN.md table", () => {
    expect(COMPLAINT_1).toMatchObject({
      acceptance: { amount: 10, unit: "working_days" },
      resolution: { amount: 30, unit: "days" },
      remoteResolution: { amount: 45, unit: "days" },
      extension: { maxCount: 1, maxDaysEach: 15 },
    });
    expect(COMPLAINT_1.legalBasis).toContain("Luật Khiếu nại số 02/2011/QH13");
    expect(COMPLAINT_2).toMatchObject({
      acceptance: { amount: 10, unit: "working_days" },
      resolution: { amount: 45, unit: "days" },
      remoteResolution: { amount: 60, unit: "days" },
    });
    expect(DENUNCIATION).toMatchObject({
      acceptance: { amount: 7, unit: "working_days" },
      resolution: { amount: 30, unit: "days" },
      extension: { maxCount: 2, maxDaysEach: 30 },
    });
    expect(DENUNCIATION.legalBasis).toContain("Luật Tố cáo số 25/2018/QH14");
    for (const id of ["petition-2026", "report-2026"]) {
      expect(policy(id)).toMatchObject({
        acceptance: { amount: 5, unit: "working_days" },
        resolution: { amount: 20, unit: "days" },
        progressUpdateEveryDays: 7,
        extension: null,
      });
    }
    expect(policy("contribution-2026")).toMatchObject({
      acceptance: { amount: 10, unit: "working_days" },
      resolution: { amount: 30, unit: "days" },
    });
    expect(RECEPTION_ANSWER_POLICY.period).toEqual({ amount: 10, unit: "working_days" });
    expect(RECEPTION_ANSWER_POLICY.legalBasis).toContain("Luật Tiếp công dân số 42/2013/QH13");
  });

  it("complex-case extensions reach the totals in the table", () => {
    // 30 -> 45 and remote 45 -> 60 for first-instance complaints.
    const ext = COMPLAINT_1.extension?.maxDaysEach ?? 0;
    expect((COMPLAINT_1.resolution?.amount ?? 0) + ext).toBe(45);
    expect((COMPLAINT_1.remoteResolution?.amount ?? 0) + ext).toBe(60);
    expect((COMPLAINT_2.resolution?.amount ?? 0) + (COMPLAINT_2.extension?.maxDaysEach ?? 0)).toBe(60);
  });
});
