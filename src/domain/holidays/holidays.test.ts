import { describe, expect, it } from "vitest";
import { createCalendar } from "../calendar";
import type { DeadlinePolicy } from "../deadlines";
import { applyHolidayChange, calendarDays, type HolidayEntry } from "./entries";
import { vietnamPublicHolidays } from "./lunar-source";
import { movedDeadlines, type RunningClock } from "./moved-deadlines";
import { prefillEntries } from "./prefill";

describe("prefill from date-holidays", () => {
  it("2027: Tết (mùng 1) on 6/2 and Hùng Kings' day on 16/4, unconfirmed holidays", () => {
    const entries = prefillEntries(vietnamPublicHolidays(2027), 2027, new Set());
    const byDate = new Map(entries.map((e) => [e.date, e]));
    expect(byDate.get("2027-02-06")).toMatchObject({ kind: "holiday", confirmed: false });
    expect(byDate.get("2027-02-06")?.name).toContain("Tết");
    expect(byDate.get("2027-04-16")?.name).toContain("Hùng");
    expect(byDate.has("2027-01-01")).toBe(true);
    expect(byDate.has("2027-09-02")).toBe(true);
    expect(entries.every((e) => e.confirmed === false && e.kind === "holiday")).toBe(true);
  });

  it("2028: Tết on 26/1", () => {
    const dates = prefillEntries(vietnamPublicHolidays(2028), 2028, new Set()).map((e) => e.date);
    expect(dates).toContain("2028-01-26");
  });

  it("public holidays only, the year asked for, dates already present skipped (twice adds nothing)", () => {
    const list = [
      { date: "2027-02-06 00:00:00", type: "public", name: "Tết Nguyên Đán" },
      { date: "2027-02-10 00:00:00", type: "observance", name: "Chiến thắng Ngọc Hồi" },
      { date: "2026-12-31 00:00:00", type: "public", name: "Other year" },
      { date: "2027-04-16 00:00:00", type: "public", name: "Giỗ tổ Hùng Vương" },
    ];
    const first = prefillEntries(list, 2027, new Set());
    expect(first.map((e) => e.date)).toEqual(["2027-02-06", "2027-04-16"]);
    expect(prefillEntries(list, 2027, new Set(first.map((e) => e.date)))).toEqual([]);
  });

  it("reads the library's local date, whatever the server's zone (the computed dates are Vietnam's)", () => {
    // The library's `date` string is Vietnam's local day; the test runs under any TZ with the same result.
    const tet = vietnamPublicHolidays(2027).find((h) => h.date.startsWith("2027-02-06"));
    expect(tet?.type).toBe("public");
  });
});

describe("the table and the calendar", () => {
  const rows: HolidayEntry[] = [
    { date: "2027-02-06", kind: "holiday", name: "Tết", confirmed: true },
    { date: "2027-02-08", kind: "holiday", name: "Tết (dự kiến)", confirmed: false },
  ];

  it("unconfirmed entries do not count as days off", () => {
    const cal = createCalendar(calendarDays(rows));
    expect(cal.isWorkingDay("2027-02-08")).toBe(true);
    expect(createCalendar(calendarDays(applyHolidayChange(rows, { op: "edit", entry: { ...rows[1]!, confirmed: true } }))).isWorkingDay("2027-02-08")).toBe(false);
  });

  it("add, edit and remove give the table after the change, sorted", () => {
    const added = applyHolidayChange(rows, { op: "add", entry: { date: "2027-01-01", kind: "holiday", name: "Tết Dương lịch", confirmed: true } });
    expect(added.map((e) => e.date)).toEqual(["2027-01-01", "2027-02-06", "2027-02-08"]);
    expect(applyHolidayChange(added, { op: "remove", date: "2027-02-06" }).map((e) => e.date)).toEqual(["2027-01-01", "2027-02-08"]);
    expect(applyHolidayChange(rows, { op: "edit", entry: { ...rows[0]!, name: "Mùng 1" } })[0]!.name).toBe("Mùng 1");
  });
});

describe("moved deadlines", () => {
  const policy: DeadlinePolicy = {
    id: "p1",
    kind: "petition",
    instance: null,
    effectiveFrom: "2020-01-01",
    effectiveTo: null,
    acceptance: { amount: 5, unit: "working_days" },
    resolution: { amount: 20, unit: "days" },
    remoteResolution: null,
    extension: null,
    progressUpdateEveryDays: null,
    pausesOnInfoRequest: false,
    legalBasis: "test",
  };
  const waiting: RunningClock = { code: "A", kind: "petition", instance: 1, policyId: "p1", remote: false, receivedOn: "2027-02-01", acceptedOn: null };
  const answering: RunningClock = { code: "B", kind: "petition", instance: 1, policyId: null, remote: false, receivedOn: "2027-01-01", acceptedOn: "2027-01-20" };
  const far: RunningClock = { code: "C", kind: "petition", instance: 1, policyId: "p1", remote: false, receivedOn: "2027-06-01", acceptedOn: null };

  it("a new day off inside a working-day period moves its acceptance deadline; others stay", () => {
    const before = createCalendar([]);
    const after = createCalendar([{ date: "2027-02-03", kind: "holiday" }]);
    expect(movedDeadlines([waiting, answering, far], [policy], before, after)).toEqual([{ code: "A", which: "acceptance", before: "2027-02-08", after: "2027-02-09" }]);
  });

  it("a day off on the last day of a plain-days period moves its resolution deadline (Civil Code)", () => {
    // Accepted 20/1, 20 days: 9/2/2027 (a Tuesday).
    const moved = movedDeadlines([answering], [policy], createCalendar([]), createCalendar([{ date: "2027-02-09", kind: "holiday" }]));
    expect(moved).toEqual([{ code: "B", which: "resolution", before: "2027-02-09", after: "2027-02-10" }]);
  });

  it("the same calendar moves nothing", () => {
    const cal = createCalendar([{ date: "2027-02-03", kind: "holiday" }]);
    expect(movedDeadlines([waiting, answering, far], [policy], cal, cal)).toEqual([]);
  });
});
