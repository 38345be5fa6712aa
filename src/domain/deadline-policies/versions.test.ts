import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addCalendarDays, compareDates } from "../calendar";
import { DEFAULT_DEADLINE_POLICIES } from "../deadline-policies-data";
import { selectPolicy } from "../deadlines";
import type { IsoDate } from "../types";
import {
  checkVersion,
  draftFrom,
  isChangeable,
  planPlacement,
  planRemoval,
  planReplacement,
  type TimelineVersion,
  type VersionDraft,
  versionInForce,
  versionStatus,
} from "./versions";

const base = DEFAULT_DEADLINE_POLICIES.find((p) => p.id === "complaint-1-2026")!;
const draft = (over: Partial<VersionDraft> = {}): VersionDraft => ({ ...draftFrom(base), effectiveFrom: "2026-12-10", ...over });

const v = (id: string, effectiveFrom: IsoDate, effectiveTo: IsoDate | null, confirmed = true): TimelineVersion => ({
  id,
  kind: "complaint",
  instance: 1,
  effectiveFrom,
  effectiveTo,
  confirmed,
});

describe("checking a version", () => {
  it("accepts the defaults moved to a date from today", () => {
    for (const p of DEFAULT_DEADLINE_POLICIES) expect(checkVersion({ ...draftFrom(p), effectiveFrom: "2026-12-02" }, "2026-12-02")).toEqual({});
  });

  it("refuses numbers out of range, a remote period shorter than the normal one or without one", () => {
    expect(checkVersion(draft({ acceptance: { amount: 0, unit: "working_days" } }), null)).toEqual({ acceptanceAmount: "out_of_range" });
    expect(checkVersion(draft({ resolution: { amount: 400, unit: "days" } }), null)).toMatchObject({ resolutionAmount: "out_of_range" });
    expect(checkVersion(draft({ remoteResolution: { amount: 20, unit: "days" } }), null)).toEqual({ remoteResolutionAmount: "remote_shorter" });
    // In another unit the two are not compared.
    expect(checkVersion(draft({ remoteResolution: { amount: 20, unit: "working_days" } }), null)).toEqual({});
    expect(checkVersion(draft({ resolution: null }), null)).toEqual({ remoteResolutionAmount: "remote_without_resolution" });
    expect(checkVersion(draft({ extension: { maxCount: 9, maxDaysEach: 0 } }), null)).toEqual({ extensionMaxCount: "out_of_range", extensionMaxDays: "out_of_range" });
    expect(checkVersion(draft({ progressUpdateEveryDays: 0 }), null)).toEqual({ progressUpdateEveryDays: "out_of_range" });
    expect(checkVersion(draft({ acceptance: { amount: 7, unit: "weeks" as never } }), null)).toEqual({ acceptanceUnit: "invalid" });
  });

  it("needs a legal basis, an instance for complaints only, and dates in order from today", () => {
    expect(checkVersion(draft({ legalBasis: "  " }), null)).toEqual({ legalBasis: "required" });
    expect(checkVersion(draft({ legalBasis: "Luật" }), null)).toEqual({ legalBasis: "too_short" });
    expect(checkVersion(draft({ legalBasis: "x".repeat(501) }), null)).toEqual({ legalBasis: "too_long" });
    expect(checkVersion(draft({ note: "x".repeat(1001) }), null)).toEqual({ note: "too_long" });
    expect(checkVersion(draft({ instance: null }), null)).toEqual({ instance: "instance_mismatch" });
    expect(checkVersion({ ...draftFrom(DEFAULT_DEADLINE_POLICIES.find((p) => p.kind === "petition")!), instance: 1 }, null)).toEqual({ instance: "instance_mismatch" });
    expect(checkVersion(draft({ effectiveFrom: "2026-12-01" }), "2026-12-02")).toEqual({ effectiveFrom: "from_past" });
    expect(checkVersion(draft({ effectiveFrom: "2026-12-01" }), null)).toEqual({});
    expect(checkVersion(draft({ effectiveFrom: "2026-02-30" }), null)).toEqual({ effectiveFrom: "invalid" });
    expect(checkVersion(draft({ effectiveTo: "2026-12-09" }), null)).toEqual({ effectiveTo: "to_before_from" });
    expect(checkVersion(draft({ effectiveTo: "2026-12-10" }), null)).toEqual({});
  });
});

describe("status and the version in force", () => {
  it("says in force, past, future, unconfirmed", () => {
    expect(versionStatus(v("a", "2026-01-01", null), "2026-12-02")).toBe("in_force");
    expect(versionStatus(v("a", "2026-01-01", "2026-06-30"), "2026-12-02")).toBe("past");
    expect(versionStatus(v("a", "2026-01-01", "2026-12-02"), "2026-12-02")).toBe("in_force");
    expect(versionStatus(v("a", "2026-12-03", null), "2026-12-02")).toBe("future");
    expect(versionStatus(v("a", "2026-07-01", null, false), "2026-12-02")).toBe("unconfirmed");
  });

  it("never picks an unconfirmed version, and agrees with selectPolicy on the defaults", () => {
    const line = [v("old", "2026-01-01", null), v("new", "2026-07-01", null, false)];
    expect(versionInForce(line, { kind: "complaint", instance: 1 }, "2026-08-01")?.id).toBe("old");
    expect(versionInForce(line, { kind: "complaint", instance: 2 }, "2026-08-01")).toBeNull();
    const defaults = DEFAULT_DEADLINE_POLICIES.map((p) => ({ ...p, confirmed: p.confirmed ?? true }));
    for (const on of ["2026-03-01", "2026-08-01"]) {
      expect(versionInForce(defaults, { kind: "complaint", instance: 1 }, on)?.id).toBe(selectPolicy(DEFAULT_DEADLINE_POLICIES, "complaint", 1, on)?.id);
    }
  });

  it("lets a version be changed only while no case uses it and it is not in force", () => {
    expect(isChangeable(v("a", "2026-12-10", null), 0, "2026-12-02")).toBe("ok");
    expect(isChangeable(v("a", "2026-07-01", null, false), 0, "2026-12-02")).toBe("ok");
    expect(isChangeable(v("a", "2026-12-10", null), 1, "2026-12-02")).toBe("in_use");
    expect(isChangeable(v("a", "2026-01-01", null), 0, "2026-12-02")).toBe("in_force");
    expect(isChangeable(v("a", "2026-01-01", "2026-06-30"), 0, "2026-12-02")).toBe("in_force");
  });
});

describe("placing a version in its line", () => {
  it("a confirmed version ends the open-ended one before it the day before", () => {
    const line = [v("a", "2026-01-01", null)];
    expect(planPlacement(line, { ...v("b", "2026-12-10", null) })).toEqual({ ok: true, effectiveTo: null, ends: [{ id: "a", effectiveTo: "2026-12-09" }] });
  });

  it("an unconfirmed version changes nothing (the one in force stays in force)", () => {
    expect(planPlacement([v("a", "2026-01-01", null)], v("b", "2026-07-01", null, false))).toEqual({ ok: true, effectiveTo: null, ends: [] });
  });

  it("between two versions it ends the earlier and stops before the later", () => {
    const line = [v("a", "2026-01-01", "2027-02-28"), v("c", "2027-03-01", null)];
    expect(planPlacement(line, v("b", "2026-12-10", null))).toEqual({ ok: true, effectiveTo: "2027-02-28", ends: [{ id: "a", effectiveTo: "2026-12-09" }] });
    expect(planPlacement(line, v("b", "2026-12-10", "2027-03-01"))).toEqual({ ok: false, problem: "overlap", with: "c" });
  });

  it("refuses a start shared with another version, confirmed or not, and a version inside a closed one", () => {
    expect(planPlacement([v("a", "2026-01-01", null)], v("b", "2026-01-01", null))).toMatchObject({ ok: false, problem: "same_start", with: "a" });
    expect(planPlacement([v("a", "2026-07-01", null, false)], v("b", "2026-07-01", null, false))).toMatchObject({ ok: false, problem: "same_start" });
    expect(planPlacement([v("a", "2026-01-01", "2026-12-31")], v("b", "2026-03-01", "2026-04-30"))).toMatchObject({ ok: false, problem: "overlap", with: "a" });
  });

  it("taking a version out gives its days back to the one before", () => {
    const line = [v("a", "2026-01-01", "2026-12-09"), v("b", "2026-12-10", null)];
    expect(planRemoval(line, line[1]!)).toEqual([{ id: "a", effectiveTo: null }]);
    expect(planRemoval(line, v("x", "2026-12-20", null, false))).toEqual([]);
  });

  it("moving a version's start moves the end of the one before, and only changed ends are returned", () => {
    const line = [v("a", "2026-01-01", "2026-12-09"), v("b", "2026-12-10", null)];
    expect(planReplacement(line, line[1]!, v("b", "2027-01-01", null))).toEqual({ ok: true, effectiveTo: null, ends: [{ id: "a", effectiveTo: "2026-12-31" }] });
    expect(planReplacement(line, line[1]!, v("b", "2026-12-10", null))).toEqual({ ok: true, effectiveTo: null, ends: [] });
  });

  it("confirming a version dated in the past ends the one before on the day before its date", () => {
    const line = [v("a", "2026-01-01", null), v("b", "2026-07-01", null, false)];
    expect(planReplacement(line, line[1]!, { ...line[1]!, confirmed: true })).toEqual({ ok: true, effectiveTo: null, ends: [{ id: "a", effectiveTo: "2026-06-30" }] });
  });
});

/** A contiguous line: each version ends the day before the next starts, the last open-ended. */
function contiguous(line: readonly TimelineVersion[]): boolean {
  const sorted = [...line].sort((a, b) => compareDates(a.effectiveFrom, b.effectiveFrom));
  return sorted.every((x, i) => (i === sorted.length - 1 ? x.effectiveTo === null : x.effectiveTo === addCalendarDays(sorted[i + 1]!.effectiveFrom, -1)));
}

function applyEnds(line: readonly TimelineVersion[], ends: { id: string; effectiveTo: IsoDate | null }[]): TimelineVersion[] {
  const m = new Map(ends.map((e) => [e.id, e.effectiveTo]));
  return line.map((x) => (m.has(x.id) ? { ...x, effectiveTo: m.get(x.id)! } : x));
}

describe("properties", () => {
  const lineArb = fc.uniqueArray(fc.integer({ min: 0, max: 2000 }), { minLength: 1, maxLength: 6 }).map((offsets) => {
    const starts = [...offsets].sort((a, b) => a - b).map((o) => addCalendarDays("2026-01-01", o));
    return starts.map((s, i) => v(`v${i}`, s, i === starts.length - 1 ? null : addCalendarDays(starts[i + 1]!, -1)));
  });

  it("placing an open-ended confirmed version in a contiguous line keeps it contiguous; taking it out restores the line", () => {
    fc.assert(
      fc.property(lineArb, fc.integer({ min: 1, max: 2100 }), (line, offset) => {
        const from = addCalendarDays("2026-01-01", offset);
        const candidate = v("new", from, null);
        const placed = planPlacement(line, candidate);
        if (line.some((x) => x.effectiveFrom === from)) return !placed.ok && placed.problem === "same_start";
        if (!placed.ok) return false;
        const after = [...applyEnds(line, placed.ends), { ...candidate, effectiveTo: placed.effectiveTo }];
        if (!contiguous(after)) return false;
        const restored = applyEnds(after, planRemoval(after, after.at(-1)!)).filter((x) => x.id !== "new");
        return JSON.stringify(restored) === JSON.stringify(line);
      }),
    );
  });

  it("the version in force on any day after the line starts is exactly one, and an unconfirmed one never is", () => {
    fc.assert(
      fc.property(lineArb, fc.integer({ min: 0, max: 2500 }), (line, offset) => {
        const on = addCalendarDays("2026-01-01", offset);
        const withDraft = [...line, v("draft", on, null, false)];
        const found = versionInForce(withDraft, { kind: "complaint", instance: 1 }, on);
        const covering = line.filter((x) => versionStatus(x, on) === "in_force");
        return covering.length === (compareDates(on, line[0]!.effectiveFrom) >= 0 ? 1 : 0) && (found?.id ?? null) === (covering[0]?.id ?? null);
      }),
    );
  });
});
