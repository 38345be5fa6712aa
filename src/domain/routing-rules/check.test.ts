import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { wouldConflict, type RoutingRule, type RoutingUnit } from "../routing";
import { CASE_KINDS } from "../types";
import { checkRuleSet, probesFor, unroutedPairs, type CheckArea, type CheckContext } from "./check";

// Province P with communes C1 (its People's Committee PC1) and C2 (none); the province's board RB may be absent.
const AREAS: CheckArea[] = [
  { id: "P", parentId: null },
  { id: "C1", parentId: "P" },
  { id: "C2", parentId: "P" },
  { id: "OLD", parentId: "P", validTo: "2025-06-30" },
];
const UNITS: RoutingUnit[] = [
  { id: "PPC", parentId: null, kind: "peoples_committee", areaId: "P" },
  { id: "INS", parentId: "PPC", kind: "inspectorate", areaId: "P" },
  { id: "DEPT", parentId: "PPC", kind: "department", areaId: "P" },
  { id: "DEPT-OFFICE", parentId: "DEPT", kind: "department", areaId: "P" },
  { id: "PC1", parentId: "PPC", kind: "peoples_committee", areaId: "C1" },
];
const WITH_BOARD: RoutingUnit[] = [...UNITS, { id: "RB", parentId: "PPC", kind: "reception_board", areaId: "P" }];
const TODAY = "2026-03-15";
const ctx = (units = UNITS): CheckContext => ({ units, areas: AREAS, today: TODAY });
const rule = (id: string, unitId: string, over: Partial<RoutingRule> = {}): RoutingRule => ({ id, kind: null, categoryId: null, areaId: null, unitId, ...over });

describe("no (kind, area) left without a route", () => {
  const c2 = rule("c2", "INS", { areaId: "C2" });

  it("refuses removing or disabling the only route of an area, naming kind and area", () => {
    const gone = checkRuleSet([c2], [], ctx());
    expect(unroutedPairs(gone).map((p) => `${p.kind}/${p.areaId}`)).toEqual(CASE_KINDS.map((k) => `${k}/C2`));
    expect(checkRuleSet([c2], [{ ...c2, active: false }], ctx())).toEqual(gone);
  });

  it("refuses pointing it at a unit closed today", () => {
    const units = [...UNITS, { id: "SHUT", parentId: "PPC", kind: "department" as const, areaId: "P", validTo: "2026-01-01" }];
    expect(unroutedPairs(checkRuleSet([c2], [{ ...c2, unitId: "SHUT" }], ctx(units)))).toHaveLength(CASE_KINDS.length);
  });

  it("a narrower rule leaves the rest of the area unrouted: only that is named", () => {
    const narrower = { ...c2, kind: "petition" as const };
    const pairs = unroutedPairs(checkRuleSet([c2], [narrower], ctx()));
    expect(pairs.map((p) => p.kind)).toEqual(CASE_KINDS.filter((k) => k !== "petition"));
  });

  it("is fine when a fallback covers the area", () => {
    expect(checkRuleSet([c2], [], ctx(WITH_BOARD))).toEqual([]);
    expect(checkRuleSet([rule("c1", "INS", { areaId: "C1" })], [], ctx())).toEqual([]); // C1's People's Committee
  });

  it("does not blame the change for an area that had no route already, nor an area closed today", () => {
    expect(checkRuleSet([], [], ctx())).toEqual([]);
    expect(checkRuleSet([rule("old", "INS", { areaId: "OLD" })], [], ctx())).toEqual([]);
  });

  it("a field named by a rule is checked too", () => {
    const land = rule("land", "INS", { areaId: "C2", categoryId: "land" });
    const problems = checkRuleSet([c2, land], [land], ctx());
    expect(problems.every((p) => p.problem === "unrouted" && p.categoryId === null)).toBe(true);
    expect(problems.length).toBeGreaterThan(0);
  });
});

describe("no denunciation sent to the denounced body", () => {
  it("refuses a rule sending denunciations about a body to it or below it", () => {
    const toItself = rule("a", "DEPT", { kind: "denunciation", subjectUnitId: "DEPT" });
    const below = rule("b", "DEPT-OFFICE", { subjectUnitId: "DEPT" });
    expect(checkRuleSet([], [below, toItself], ctx(WITH_BOARD))).toEqual([
      { problem: "to_denounced_body", ruleId: "a", unitId: "DEPT", subjectUnitId: "DEPT" },
      { problem: "to_denounced_body", ruleId: "b", unitId: "DEPT-OFFICE", subjectUnitId: "DEPT" },
    ]);
  });

  it("allows the inspectorate, a complaint rule to the body itself, and an inactive rule", () => {
    const ok = [
      rule("ins", "INS", { kind: "denunciation", subjectUnitId: "DEPT" }),
      rule("complaint", "DEPT", { kind: "complaint", subjectUnitId: "DEPT" }),
      rule("off", "DEPT", { kind: "denunciation", subjectUnitId: "DEPT", active: false }),
    ];
    expect(checkRuleSet([], ok, ctx(WITH_BOARD))).toEqual([]);
  });

  it("does not blame an unrelated change for a conflicting rule already there", () => {
    const old = rule("a", "DEPT", { kind: "denunciation", subjectUnitId: "DEPT" });
    expect(checkRuleSet([old], [old, rule("new", "INS", { categoryId: "land" })], ctx(WITH_BOARD))).toEqual([]);
    expect(checkRuleSet([{ ...old, active: false }], [old], ctx(WITH_BOARD))).toHaveLength(1); // enabling it is
  });

  it("a denunciation about a body with no managing body is unrouted once a rule sends it there", () => {
    const units: RoutingUnit[] = [...WITH_BOARD, { id: "TOP", parentId: null, kind: "party_committee", areaId: "P" }];
    const toTop = rule("top", "TOP", { kind: "denunciation", subjectUnitId: "TOP" });
    const problems = checkRuleSet([rule("any", "INS", { kind: "denunciation" })], [toTop], ctx(units));
    expect(problems).toContainEqual({ problem: "to_denounced_body", ruleId: "top", unitId: "TOP", subjectUnitId: "TOP" });
    expect(problems.some((p) => p.problem === "unrouted" && p.denouncedUnitId === "TOP")).toBe(true);
  });
});

describe("probes", () => {
  it("every kind in every area valid today; fields and bodies the rules name", () => {
    const probes = probesFor([rule("x", "INS", { categoryId: "land", subjectUnitId: "DEPT" })], ctx());
    expect(new Set(probes.map((p) => p.areaId))).toEqual(new Set(["P", "C1", "C2"]));
    expect(probes.filter((p) => p.kind === "petition")).toHaveLength(3 * 2);
    expect(probes.filter((p) => p.kind === "denunciation")).toHaveLength(3 * 2 * 2);
  });
});

describe("properties", () => {
  const ruleArb = fc.record({
    id: fc.constantFrom("r1", "r2", "r3", "r4", "r5", "r6"),
    kind: fc.option(fc.constantFrom(...CASE_KINDS), { nil: null }),
    categoryId: fc.option(fc.constantFrom("land", "health"), { nil: null }),
    areaId: fc.option(fc.constantFrom("P", "C1", "C2"), { nil: null }),
    subjectUnitId: fc.option(fc.constantFrom("DEPT", "PC1"), { nil: null, freq: 3 }),
    unitId: fc.constantFrom("PPC", "INS", "DEPT", "DEPT-OFFICE", "PC1", "NOPE"),
    priority: fc.integer({ min: -1, max: 1 }),
    active: fc.boolean(),
  });
  const rulesArb = fc.uniqueArray(ruleArb, { selector: (r) => r.id, maxLength: 6 });
  const unitsArb = fc.constantFrom(UNITS, WITH_BOARD);

  it("a set compared with itself has no unrouted case", () => {
    fc.assert(fc.property(rulesArb, unitsArb, (rules, units) => {
      expect(checkRuleSet(rules, rules, ctx(units)).filter((p) => p.problem === "unrouted")).toEqual([]);
    }));
  });

  it("adding an active rule never takes a route away from a case about no body", () => {
    fc.assert(fc.property(rulesArb, ruleArb, unitsArb, (rules, extra, units) => {
      const added = { ...extra, id: "added", active: true };
      const lost = checkRuleSet(rules, [...rules, added], ctx(units)).filter((p) => p.problem === "unrouted" && p.denouncedUnitId === null);
      expect(lost).toEqual([]);
    }));
  });

  it("the order of the rules changes nothing", () => {
    fc.assert(
      fc.property(
        rulesArb.chain((b) => rulesArb.chain((a) => fc.tuple(fc.constant(b), fc.constant(a), fc.shuffledSubarray(b, { minLength: b.length }), fc.shuffledSubarray(a, { minLength: a.length })))),
        unitsArb,
        ([before, after, before2, after2], units) => {
          expect(checkRuleSet(before2, after2, ctx(units))).toEqual(checkRuleSet(before, after, ctx(units)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("an accepted set never sends a denunciation about a rule's body back to it", () => {
    fc.assert(fc.property(rulesArb, unitsArb, (rules, units) => {
      if (checkRuleSet([], rules, ctx(units)).length > 0) return;
      for (const r of rules.filter((x) => x.active && x.subjectUnitId && (x.kind === null || x.kind === "denunciation"))) {
        expect(wouldConflict(r.unitId, r.subjectUnitId!, units)).toBe(false);
      }
    }));
  });
});
