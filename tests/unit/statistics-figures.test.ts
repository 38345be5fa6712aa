// The figures' definitions (src/domain/statistics/figures.ts), their summary (summarise.ts) and the way the
// province's reports write numbers (number-format.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addCounters, caseFigures, COUNTER_KEYS, countersOf, emptyCounters, medianOf, share, sumCounters, type CaseFacts } from "@/domain/statistics/figures";
import { csvRate, formatCount, formatDays, formatRate, formatShare } from "@/domain/statistics/number-format";
import { summarise, type RollupData } from "@/domain/statistics/summarise";

const facts = (over: Partial<CaseFacts> = {}): CaseFacts => ({
  status: "received",
  receivedOn: "2026-03-02",
  acceptedOn: null,
  answeredOn: null,
  acceptanceDueOn: "2026-03-12",
  resolutionDueOn: null,
  satisfaction: null,
  contested: false,
  extensionsCount: 0,
  ...over,
});

describe("medianOf", () => {
  it("equals the median of the expanded, sorted list", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 6 })), { maxLength: 25 }), (pairs) => {
        const histogram = new Map<number, number>();
        for (const [days, n] of pairs) histogram.set(days, (histogram.get(days) ?? 0) + n);
        const list = pairs.flatMap(([days, n]) => Array<number>(n).fill(days)).sort((a, b) => a - b);
        const expected = list.length === 0 ? null : list.length % 2 ? list[(list.length - 1) / 2]! : (list[list.length / 2 - 1]! + list[list.length / 2]!) / 2;
        expect(medianOf(histogram)).toBe(expected);
      }),
    );
  });
  it("ignores empty buckets and gives null for nothing", () => {
    expect(medianOf(new Map())).toBeNull();
    expect(medianOf(new Map([[3, 0]]))).toBeNull();
    expect(medianOf(new Map([[10, 1], [2, 1]]))).toBe(6);
    expect(medianOf(new Map([[5, 0], [7, 3]]))).toBe(7);
  });
});

describe("countersOf", () => {
  it("counts a case just received as received only", () => {
    expect(countersOf(facts())).toEqual({ ...emptyCounters(), received: 1 });
  });
  it("counts a refusal (not_accepted, or closed without acceptance or answer) as refused", () => {
    expect(countersOf(facts({ status: "not_accepted" })).refused).toBe(1);
    expect(countersOf(facts({ status: "closed" })).refused).toBe(1);
    expect(countersOf(facts({ status: "closed", acceptedOn: "2026-03-05", answeredOn: "2026-03-20", resolutionDueOn: "2026-04-05" })).refused).toBe(0);
  });
  it("counts a withdrawal before acceptance only when the case was never accepted", () => {
    expect(countersOf(facts({ status: "withdrawn" })).withdrawnBeforeAcceptance).toBe(1);
    const after = countersOf(facts({ status: "withdrawn", acceptedOn: "2026-03-05", resolutionDueOn: "2026-04-05" }));
    expect(after.withdrawnBeforeAcceptance).toBe(0);
    expect(after.accepted).toBe(1);
  });
  it("is on time on the last day of the deadline, the extended one when there is one, and late the day after", () => {
    const answered = (answeredOn: string, resolutionDueOn: string | null) => countersOf(facts({ status: "answered", acceptedOn: "2026-03-05", answeredOn, resolutionDueOn }));
    expect(answered("2026-04-05", "2026-04-05").answeredOnTime).toBe(1);
    expect(answered("2026-04-06", "2026-04-05").answeredOnTime).toBe(0);
    expect(answered("2026-04-06", "2026-04-05").answered).toBe(1);
    // answered without acceptance (e.g. a contribution): judged against the acceptance deadline
    expect(countersOf(facts({ status: "answered", answeredOn: "2026-03-12" })).answeredOnTime).toBe(1);
    expect(countersOf(facts({ status: "answered", answeredOn: "2026-03-13" })).answeredOnTime).toBe(0);
  });
  it("counts ratings, satisfaction, contests and extensions", () => {
    const c = countersOf(facts({ status: "closed", acceptedOn: "2026-03-05", answeredOn: "2026-03-20", resolutionDueOn: "2026-04-05", satisfaction: "unsatisfied", contested: true, extensionsCount: 2 }));
    expect(c).toMatchObject({ rated: 1, satisfied: 0, contested: 1, extended: 1 });
    expect(countersOf(facts({ satisfaction: "satisfied" }))).toMatchObject({ rated: 1, satisfied: 1 });
  });
  it("keeps every counter 0 or 1 and the parts within their whole", () => {
    const statuses = ["received", "accepted", "info_requested", "not_accepted", "answered", "closed", "withdrawn"] as const;
    const date = fc.integer({ min: 0, max: 60 }).map((n) => `2026-03-${String(1 + (n % 28)).padStart(2, "0")}`);
    fc.assert(
      fc.property(
        fc.record({
          status: fc.constantFrom(...statuses),
          acceptedOn: fc.option(date),
          answeredOn: fc.option(date),
          resolutionDueOn: fc.option(date),
          satisfaction: fc.constantFrom("satisfied" as const, "unsatisfied" as const, null),
          contested: fc.boolean(),
          extensionsCount: fc.nat(3),
        }),
        (over) => {
          const c = countersOf(facts(over));
          for (const k of COUNTER_KEYS) expect([0, 1]).toContain(c[k]);
          expect(c.received).toBe(1);
          expect(c.answeredOnTime).toBeLessThanOrEqual(c.answered);
          expect(c.satisfied).toBeLessThanOrEqual(c.rated);
          expect(c.refused + c.withdrawnBeforeAcceptance).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe("caseFigures", () => {
  it("derives within competence and the three rates, with no rate of nothing", () => {
    const counters = { ...emptyCounters(), received: 400, refused: 30, withdrawnBeforeAcceptance: 5, accepted: 360, answered: 338, answeredOnTime: 313, rated: 0, satisfied: 0 };
    const f = caseFigures({ counters, daysToAccept: new Map([[3, 2], [5, 1]]), daysToAnswer: new Map(), overdueNow: 7, transferredIn: 2, transferredOut: 1 });
    expect(f.withinCompetence).toBe(365);
    expect(f.resolution).toEqual({ part: 338, whole: 365, rate: 338 / 365 });
    expect(f.onTime).toEqual({ part: 313, whole: 338, rate: 313 / 338 });
    expect(f.satisfaction).toEqual({ part: 0, whole: 0, rate: null });
    expect(f.medianDaysToAccept).toBe(3);
    expect(f.medianDaysToAnswer).toBeNull();
    expect(f).toMatchObject({ overdueNow: 7, transferredIn: 2, transferredOut: 1 });
  });
  it("share has no rate when the whole is zero", () => {
    expect(share(0, 0).rate).toBeNull();
    expect(share(1, 4).rate).toBe(0.25);
  });
  it("adds counters key by key", () => {
    const a = { ...emptyCounters(), received: 2, answered: 1 };
    const b = { ...emptyCounters(), received: 3, extended: 1 };
    expect(addCounters(a, b)).toEqual({ ...emptyCounters(), received: 5, answered: 1, extended: 1 });
    expect(sumCounters([a, b, a])).toEqual({ ...emptyCounters(), received: 7, answered: 2, extended: 1 });
    expect(sumCounters([])).toEqual(emptyCounters());
  });
});

describe("summarise", () => {
  const c = (received: number, answered = 0) => ({ ...emptyCounters(), received, answered });
  const data: RollupData = {
    figures: [
      { month: "2026-01-01", kind: "petition", instance: 1, counters: c(3, 2) },
      { month: "2026-03-01", kind: "complaint", instance: 2, counters: c(1) },
      { month: "2026-03-01", kind: "petition", instance: 1, counters: c(1, 1) },
    ],
    durations: [],
    fields: [
      { month: "2026-01-01", categoryId: "b", received: 2 },
      { month: "2026-03-01", categoryId: "a", received: 2 },
      { month: "2026-01-01", categoryId: "c", received: 1 },
    ],
    areas: [],
    transfers: [
      { month: "2026-01-01", fromUnitId: "u1", toUnitId: "u2", transfers: 1 },
      { month: "2026-01-01", fromUnitId: "x", toUnitId: "u1", transfers: 2 },
      { month: "2026-01-01", fromUnitId: "u2", toUnitId: "x", transfers: 4 },
    ],
  };
  it("keeps empty months, groups kinds with their instance, ranks fields with ties by id", () => {
    const s = summarise(data, { unitIds: null, from: "2026-01-01", to: "2026-03-31", overdueNow: 0 });
    expect(s.byMonth.map((m) => [m.month, m.counters.received])).toEqual([["2026-01-01", 3], ["2026-02-01", 0], ["2026-03-01", 2]]);
    expect(s.byKind.map((k) => [k.kind, k.instance, k.counters.received])).toEqual([["complaint", 2, 1], ["petition", 1, 4]]);
    expect(s.byField).toEqual([{ categoryId: "a", received: 2 }, { categoryId: "b", received: 2 }, { categoryId: "c", received: 1 }]);
    expect(s.figures.received).toBe(5);
    // the province: every transfer is inside it
    expect([s.figures.transferredIn, s.figures.transferredOut]).toEqual([0, 0]);
  });
  it("counts transfers across the scope's border only", () => {
    expect(summarise(data, { unitIds: ["u1", "u2"], from: "2026-01-01", to: "2026-03-31", overdueNow: 0 }).figures).toMatchObject({ transferredIn: 2, transferredOut: 4 });
    expect(summarise(data, { unitIds: ["u1"], from: "2026-01-01", to: "2026-03-31", overdueNow: 0 }).figures).toMatchObject({ transferredIn: 2, transferredOut: 1 });
  });
});

describe("number formats", () => {
  it("writes numbers as the province's reports do", () => {
    expect(formatCount(5018, "vi")).toBe("5.018");
    expect(formatCount(5018, "en")).toBe("5,018");
    expect(formatCount(0, "vi")).toBe("0");
    expect(formatRate(338 / 365, "vi")).toBe("92,6%");
    expect(formatRate(338 / 365, "en")).toBe("92.6%");
    expect(formatRate(1, "vi")).toBe("100,0%");
    expect(formatRate(null, "vi")).toBe("–");
    expect(formatShare(share(338, 365), "vi")).toBe("338/365");
    expect(formatShare(share(1200, 5018), "vi")).toBe("1.200/5.018");
    expect(formatDays(4.5, "vi")).toBe("4,5");
    expect(formatDays(4, "vi")).toBe("4");
    expect(formatDays(null, "en")).toBe("–");
    expect(csvRate(338 / 365)).toBe("0.9260");
    expect(csvRate(null)).toBe("");
  });
});
