import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findCycles } from "../organisation/tree";
import { membershipMove, parsePlanDate, planReorganisation, type PlanInput, type PlanUnit } from "./plan";

const unit = (id: string, parentId: string | null, extra: Partial<PlanUnit> = {}): PlanUnit => ({ id, parentId, validFrom: "2025-07-01", validTo: null, successorId: null, ...extra });

// province ─┬─ a ─┬─ a1
//           │     └─ a2
//           ├─ b ── b1
//           └─ c
const UNITS: PlanUnit[] = [unit("province", null), unit("a", "province"), unit("a1", "a"), unit("a2", "a"), unit("b", "province"), unit("b1", "b"), unit("c", "province")];
const base: PlanInput = { oldUnitIds: ["a", "b"], successorId: "c", effectiveOn: "2026-09-01", today: "2026-08-01", units: UNITS };

describe("planReorganisation", () => {
  it("closes the old units the day before, puts their children under the successor, and waits for the date", () => {
    const result = planReorganisation(base);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan).toMatchObject({ oldUnitIds: ["a", "b"], successorId: "c", effectiveOn: "2026-09-01", lastDay: "2026-08-31", due: false });
    expect(result.plan.reparented).toEqual([
      { unitId: "a1", fromParentId: "a", toParentId: "c" },
      { unitId: "a2", fromParentId: "a", toParentId: "c" },
      { unitId: "b1", fromParentId: "b", toParentId: "c" },
    ]);
  });

  it("is due on its date and after it; the last day crosses a month and a year", () => {
    const today = planReorganisation({ ...base, effectiveOn: "2026-08-01" });
    expect(today.ok && today.plan.due).toBe(true);
    const newYear = planReorganisation({ ...base, effectiveOn: "01/01/2026", today: "2026-03-01" });
    expect(newYear.ok && newYear.plan).toMatchObject({ effectiveOn: "2026-01-01", lastDay: "2025-12-31", due: true });
  });

  it("needs old units, a successor and a real date", () => {
    const result = planReorganisation({ ...base, oldUnitIds: [" "], successorId: "", effectiveOn: "" });
    expect(result).toEqual({ ok: false, problems: { oldUnitIds: "required", successorId: "required", effectiveOn: "required" } });
    for (const bad of ["2026-02-30", "1/9/26", "2026/09/01", "tomorrow", "31/02/2026"]) {
      expect(planReorganisation({ ...base, effectiveOn: bad })).toMatchObject({ ok: false, problems: { effectiveOn: "invalid" } });
    }
  });

  it("refuses unknown units", () => {
    expect(planReorganisation({ ...base, oldUnitIds: ["a", "zzz"] })).toMatchObject({ ok: false, problems: { oldUnitIds: "unknown" } });
    expect(planReorganisation({ ...base, successorId: "zzz" })).toMatchObject({ ok: false, problems: { successorId: "unknown" } });
  });

  it("refuses a successor among the old units", () => {
    expect(planReorganisation({ ...base, successorId: "a" })).toMatchObject({ ok: false, problems: { successorId: "successor_is_old" } });
  });

  it("refuses a successor not valid on the date (closed before, or not yet created)", () => {
    const closed = UNITS.map((u) => (u.id === "c" ? { ...u, validTo: "2026-06-30" } : u));
    expect(planReorganisation({ ...base, units: closed })).toMatchObject({ ok: false, problems: { successorId: "successor_not_valid" } });
    const later = UNITS.map((u) => (u.id === "c" ? { ...u, validFrom: "2026-10-01" } : u));
    expect(planReorganisation({ ...base, units: later })).toMatchObject({ ok: false, problems: { successorId: "successor_not_valid" } });
    const fromTheDate = UNITS.map((u) => (u.id === "c" ? { ...u, validFrom: "2026-09-01" } : u));
    expect(planReorganisation({ ...base, units: fromTheDate }).ok).toBe(true);
  });

  it("refuses an old unit already closed or merged, naming it", () => {
    const merged = UNITS.map((u) => (u.id === "b" ? { ...u, validTo: "2025-12-31", successorId: "c" } : u));
    expect(planReorganisation({ ...base, units: merged })).toEqual({ ok: false, problems: { oldUnitIds: "already_closed" }, unitIds: ["b"] });
    const closed = UNITS.map((u) => (u.id === "a" ? { ...u, validTo: "2027-01-01" } : u));
    expect(planReorganisation({ ...base, units: closed })).toMatchObject({ ok: false, problems: { oldUnitIds: "already_closed" }, unitIds: ["a"] });
  });

  it("refuses an old unit already in another planned reorganisation", () => {
    expect(planReorganisation({ ...base, plannedElsewhere: new Set(["b"]) })).toEqual({ ok: false, problems: { oldUnitIds: "already_planned" }, unitIds: ["b"] });
  });

  it("refuses an old unit that starts after its last day", () => {
    const young = UNITS.map((u) => (u.id === "a" ? { ...u, validFrom: "2026-09-01" } : u));
    expect(planReorganisation({ ...base, units: young })).toMatchObject({ ok: false, problems: { oldUnitIds: "not_started" }, unitIds: ["a"] });
  });

  it("refuses a successor whose own successors lead back to an old unit", () => {
    // c was merged into a earlier (and is still listed valid until after the date): a loop of successors.
    const loop = UNITS.map((u) => (u.id === "c" ? { ...u, validTo: "2026-12-31", successorId: "a" } : u));
    expect(planReorganisation({ ...base, units: loop })).toMatchObject({ ok: false, problems: { successorId: "successor_loop" } });
  });

  it("a successor below an old unit goes up to the nearest unit that stays", () => {
    const result = planReorganisation({ ...base, oldUnitIds: ["a"], successorId: "a1" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.reparented).toEqual([
      { unitId: "a1", fromParentId: "a", toParentId: "province" },
      { unitId: "a2", fromParentId: "a", toParentId: "a1" },
    ]);
  });

  it("counts each old unit once", () => {
    const result = planReorganisation({ ...base, oldUnitIds: ["a", "a", "b"] });
    expect(result.ok && result.plan.oldUnitIds).toEqual(["a", "b"]);
  });

  it("property: whatever units merge into whatever successor, a valid plan leaves no loop and nothing under an old unit", () => {
    const ids = ["u0", "u1", "u2", "u3", "u4", "u5", "u6", "u7"];
    // A random forest: each unit's parent comes earlier in the list (so the input has no loop).
    const forest = fc.tuple(...ids.map((_, i) => (i === 0 ? fc.constant(null) : fc.option(fc.integer({ min: 0, max: i - 1 }), { nil: null }))));
    fc.assert(
      fc.property(forest, fc.subarray(ids, { minLength: 1 }), fc.constantFrom(...ids), (parents, oldIds, successorId) => {
        const units = ids.map((id, i) => unit(id, parents[i] === null ? null : ids[parents[i]!]!));
        const result = planReorganisation({ oldUnitIds: oldIds, successorId, effectiveOn: "2026-09-01", today: "2026-08-01", units });
        if (oldIds.includes(successorId)) return !result.ok && result.problems.successorId === "successor_is_old";
        if (!result.ok) return false;
        const moved = new Map(result.plan.reparented.map((r) => [r.unitId, r.toParentId]));
        const after = units.filter((u) => !oldIds.includes(u.id)).map((u) => ({ id: u.id, parentId: moved.has(u.id) ? moved.get(u.id)! : u.parentId }));
        return findCycles(after).length === 0 && after.every((u) => u.parentId === null || !oldIds.includes(u.parentId));
      }),
    );
  });
});

describe("parsePlanDate", () => {
  it("reads both forms and refuses impossible days", () => {
    expect(parsePlanDate("2026-09-01")).toBe("2026-09-01");
    expect(parsePlanDate(" 1/9/2026 ")).toBe("2026-09-01");
    expect(parsePlanDate("29/02/2028")).toBe("2028-02-29");
    expect(parsePlanDate("29/02/2027")).toBeNull();
    expect(parsePlanDate("2026-9-1")).toBeNull();
  });
});

describe("membershipMove", () => {
  const m = { id: "m1", userId: "u", role: "handler", validFrom: "2025-07-01" };
  it("closes one that started before the date and copies it to the successor", () => {
    expect(membershipMove(m, "2026-09-01", new Set())).toEqual({ membershipId: "m1", action: "close_and_copy" });
  });
  it("copies nothing when the person already holds that role at the successor", () => {
    expect(membershipMove(m, "2026-09-01", new Set(["u:handler"]))).toEqual({ membershipId: "m1", action: "close_only" });
    expect(membershipMove(m, "2026-09-01", new Set(["u:leader"])).action).toBe("close_and_copy");
  });
  it("moves one that starts on or after the date (or drops it if already held there)", () => {
    expect(membershipMove({ ...m, validFrom: "2026-09-01" }, "2026-09-01", new Set()).action).toBe("move");
    expect(membershipMove({ ...m, validFrom: "2026-10-01" }, "2026-09-01", new Set(["u:handler"])).action).toBe("drop");
  });
});
