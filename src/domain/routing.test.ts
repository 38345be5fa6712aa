import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CASE_KINDS } from "./types";
import {
  describeStep,
  routeCase,
  wouldConflict,
  type RoutingArea,
  type RoutingContext,
  type RoutingDecision,
  type RoutingError,
  type RoutingInput,
  type RoutingRule,
  type RoutingUnit,
} from "./routing";

// Province P with communes C1, C2, C3 (C3 merged into C1 on 1/7/2025) and a ward W1. H1 is a hamlet under C1,
// only here to give the area tree a third level.
const AREAS: RoutingArea[] = [
  { id: "P", parentId: null },
  { id: "C1", parentId: "P" },
  { id: "C2", parentId: "P" },
  { id: "C3", parentId: "P" },
  { id: "W1", parentId: "P" },
  { id: "H1", parentId: "C1" },
];

const UNITS: RoutingUnit[] = [
  { id: "PPC", parentId: null, kind: "peoples_committee", areaId: "P" },
  { id: "RB", parentId: "PPC", kind: "reception_board", areaId: "P" },
  { id: "INS", parentId: "PPC", kind: "inspectorate", areaId: "P" },
  { id: "DEPT", parentId: "PPC", kind: "department", areaId: "P" },
  { id: "DEPT-OFFICE", parentId: "DEPT", kind: "department", areaId: "P" },
  { id: "PC1", parentId: "PPC", kind: "peoples_committee", areaId: "C1" },
  { id: "PC3", parentId: "PPC", kind: "peoples_committee", areaId: "C3", validTo: "2025-06-30", successorId: "PC1" },
  { id: "PCW1", parentId: "PPC", kind: "peoples_committee", areaId: "W1" },
  // C2 has no People's Committee in this sample.
];

const TODAY = "2026-03-15";
const ctx = (rules: RoutingRule[], units = UNITS, areas = AREAS): RoutingContext => ({ rules, units, areas });
const input = (over: Partial<RoutingInput> = {}): RoutingInput => ({
  kind: "petition",
  categoryId: "land",
  areaId: "C1",
  today: TODAY,
  ...over,
});
const rule = (id: string, unitId: string, over: Partial<RoutingRule> = {}): RoutingRule => ({
  id,
  kind: null,
  categoryId: null,
  areaId: null,
  unitId,
  ...over,
});

function decided(r: RoutingDecision | RoutingError): RoutingDecision {
  if ("error" in r) throw new Error(`expected a decision, got ${r.error}: ${r.trail.join("; ")}`);
  return r;
}

describe("rule specificity", () => {
  const rules = [
    rule("kind", "DEPT", { kind: "petition" }),
    rule("kind-cat", "INS", { kind: "petition", categoryId: "land" }),
    rule("kind-cat-area", "PC1", { kind: "petition", categoryId: "land", areaId: "C1" }),
  ];

  it("picks the rule matching the most fields", () => {
    expect(decided(routeCase(input(), ctx(rules)))).toMatchObject({
      unitId: "PC1",
      reason: "rule",
      ruleId: "kind-cat-area",
    });
    expect(decided(routeCase(input({ areaId: "C2" }), ctx(rules))).ruleId).toBe("kind-cat");
    expect(decided(routeCase(input({ areaId: "C2", categoryId: "health" }), ctx(rules))).ruleId).toBe("kind");
  });

  it("a rule with a category never matches a case without one", () => {
    expect(decided(routeCase(input({ areaId: "C2", categoryId: null }), ctx(rules))).ruleId).toBe("kind");
  });

  it("a rule for another kind never matches", () => {
    const r = routeCase(input({ kind: "complaint", areaId: "C2" }), ctx(rules));
    expect(decided(r).reason).toBe("province_fallback");
  });

  it("records which rule fired in the trail", () => {
    const { trail } = decided(routeCase(input(), ctx(rules)));
    expect(trail).toContain("rule kind-cat-area fired (specificity 3, exact area): unit PC1");
  });
});

describe("area matching", () => {
  it("a rule for an ancestor area matches, even two levels up", () => {
    const rules = [rule("prov", "INS", { areaId: "P" })];
    expect(decided(routeCase(input({ areaId: "C1" }), ctx(rules))).ruleId).toBe("prov");
    expect(decided(routeCase(input({ areaId: "H1" }), ctx(rules))).ruleId).toBe("prov");
  });

  it("a rule for a sibling or a descendant area does not match", () => {
    const rules = [rule("c2", "INS", { areaId: "C2" }), rule("h1", "DEPT", { areaId: "H1" })];
    expect(decided(routeCase(input({ areaId: "C1" }), ctx(rules))).reason).toBe("commune_fallback");
  });

  it("a rule with an area never matches a case without an area", () => {
    const rules = [rule("prov", "INS", { areaId: "P" })];
    expect(decided(routeCase(input({ areaId: null }), ctx(rules))).reason).toBe("province_fallback");
  });

  it("exact area beats ancestor area at equal specificity, whatever the priority", () => {
    const rules = [
      rule("a-prov", "INS", { kind: "petition", areaId: "P", priority: 100 }),
      rule("b-commune", "PC1", { kind: "petition", areaId: "C1" }),
    ];
    expect(decided(routeCase(input(), ctx(rules))).ruleId).toBe("b-commune");
  });

  it("a nearer ancestor beats a farther one", () => {
    const rules = [rule("a-prov", "INS", { areaId: "P" }), rule("b-commune", "PC1", { areaId: "C1" })];
    expect(decided(routeCase(input({ areaId: "H1" }), ctx(rules))).ruleId).toBe("b-commune");
  });

  it("at equal specificity a rule naming an area beats one that does not", () => {
    const rules = [
      rule("a-cat", "DEPT", { kind: "petition", categoryId: "land" }),
      rule("b-area", "INS", { kind: "petition", areaId: "P" }),
    ];
    expect(decided(routeCase(input(), ctx(rules))).ruleId).toBe("b-area");
  });

  it("more fields beat a closer area", () => {
    const rules = [
      rule("exact", "PC1", { areaId: "C1" }),
      rule("kind-cat-prov", "INS", { kind: "petition", categoryId: "land", areaId: "P" }),
    ];
    expect(decided(routeCase(input(), ctx(rules))).ruleId).toBe("kind-cat-prov");
  });

  it("survives a cycle in the area tree", () => {
    const areas = [...AREAS, { id: "X", parentId: "Y" }, { id: "Y", parentId: "X" }];
    const rules = [rule("y", "INS", { areaId: "Y" })];
    expect(decided(routeCase(input({ areaId: "X" }), ctx(rules, UNITS, areas))).ruleId).toBe("y");
  });
});

describe("ties", () => {
  it("higher priority wins, then the smaller rule id", () => {
    const base = { kind: "petition" as const };
    expect(
      decided(routeCase(input(), ctx([rule("a", "INS", base), rule("b", "DEPT", { ...base, priority: 5 })]))).ruleId,
    ).toBe("b");
    expect(decided(routeCase(input(), ctx([rule("b", "DEPT", base), rule("a", "INS", base)]))).ruleId).toBe("a");
    expect(
      decided(routeCase(input(), ctx([rule("a", "INS", { ...base, priority: -1 }), rule("b", "DEPT", base)]))).ruleId,
    ).toBe("b");
  });
});

describe("inactive rules and unit validity", () => {
  it("skips an inactive rule and says so", () => {
    const rules = [
      rule("off", "PC1", { kind: "petition", categoryId: "land", active: false }),
      rule("on", "INS", { kind: "petition" }),
    ];
    const d = decided(routeCase(input(), ctx(rules)));
    expect(d.ruleId).toBe("on");
    expect(d.trail).toContain("rule off skipped: inactive");
  });

  it("treats active: undefined as active", () => {
    expect(decided(routeCase(input(), ctx([rule("r", "INS")]))).ruleId).toBe("r");
  });

  it("skips a rule whose unit expired without successor", () => {
    const gone: RoutingUnit = { id: "GONE", parentId: "PPC", kind: "department", areaId: "P", validTo: "2025-06-30" };
    const units = [...UNITS, gone];
    const rules = [
      rule("gone", "GONE", { kind: "petition", categoryId: "land" }),
      rule("kind", "INS", { kind: "petition" }),
    ];
    const d = decided(routeCase(input(), ctx(rules, units)));
    expect(d.ruleId).toBe("kind");
    expect(d.trail).toContain("rule gone skipped: unit GONE not valid on 2026-03-15");
  });

  it("a unit is still valid on its last day", () => {
    const units = [...UNITS, { id: "LAST", parentId: "PPC", kind: "department" as const, areaId: "P", validTo: TODAY }];
    expect(decided(routeCase(input(), ctx([rule("r", "LAST")], units))).unitId).toBe("LAST");
    expect(decided(routeCase(input({ today: "2026-03-16" }), ctx([rule("r", "LAST")], units))).reason).toBe(
      "commune_fallback",
    );
  });

  it("skips a rule pointing to an unknown unit", () => {
    const rules = [rule("ghost", "NOPE", { kind: "petition" }), rule("any", "INS")];
    expect(decided(routeCase(input(), ctx(rules))).ruleId).toBe("any");
  });

  it("an expired unit resolves to its successor", () => {
    const d = decided(routeCase(input(), ctx([rule("old", "PC3")])));
    expect(d).toMatchObject({ unitId: "PC1", reason: "rule", ruleId: "old" });
    expect(d.trail).toContain("unit PC3 expired on 2025-06-30, successor PC1");
  });

  it("follows a chain of successors", () => {
    const units: RoutingUnit[] = [
      ...UNITS,
      { id: "A", parentId: null, kind: "department", areaId: "P", validTo: "2024-12-31", successorId: "B" },
      { id: "B", parentId: null, kind: "department", areaId: "P", validTo: "2025-06-30", successorId: "C" },
      { id: "C", parentId: null, kind: "department", areaId: "P" },
    ];
    expect(decided(routeCase(input(), ctx([rule("r", "A")], units))).unitId).toBe("C");
  });

  it("a successor cycle is detected and the rule skipped", () => {
    const units: RoutingUnit[] = [
      ...UNITS,
      { id: "A", parentId: null, kind: "department", areaId: "P", validTo: "2024-12-31", successorId: "B" },
      { id: "B", parentId: null, kind: "department", areaId: "P", validTo: "2025-06-30", successorId: "A" },
    ];
    const d = decided(routeCase(input(), ctx([rule("loop", "A", { kind: "petition" }), rule("any", "INS")], units)));
    expect(d.ruleId).toBe("any");
    expect(d.trail).toContain("successor cycle at unit A");
  });

  it("a self-successor is a cycle too", () => {
    const units: RoutingUnit[] = [
      { id: "S", parentId: null, kind: "department", areaId: "P", validTo: "2024-12-31", successorId: "S" },
    ];
    expect(routeCase(input(), ctx([rule("r", "S")], units))).toMatchObject({ error: "no_unit" });
  });

  it("a successor that does not exist breaks the chain", () => {
    const units: RoutingUnit[] = [
      { id: "S", parentId: null, kind: "department", areaId: "P", validTo: "2024-12-31", successorId: "missing" },
    ];
    const r = routeCase(input(), ctx([rule("r", "S")], units));
    expect(r).toMatchObject({ error: "no_unit" });
    expect(r.trail).toContain("unit missing unknown");
  });
});

describe("fallbacks", () => {
  it("no rule: the commune People's Committee of the area", () => {
    const d = decided(routeCase(input({ areaId: "C1" }), ctx([])));
    expect(d).toMatchObject({ unitId: "PC1", reason: "commune_fallback", ruleId: null });
    expect(d.trail).toContain("no rule matched");
    expect(decided(routeCase(input({ areaId: "W1" }), ctx([]))).unitId).toBe("PCW1");
  });

  it("a merged commune's People's Committee resolves to its successor", () => {
    expect(decided(routeCase(input({ areaId: "C3" }), ctx([])))).toMatchObject({
      unitId: "PC1",
      reason: "commune_fallback",
    });
  });

  it("prefers a People's Committee valid today over a merged one in the same area", () => {
    const units: RoutingUnit[] = [
      ...UNITS,
      {
        id: "AA-OLD",
        parentId: "PPC",
        kind: "peoples_committee",
        areaId: "C2",
        validTo: "2025-06-30",
        successorId: "PC1",
      },
      { id: "ZZ-NEW", parentId: "PPC", kind: "peoples_committee", areaId: "C2" },
    ];
    expect(decided(routeCase(input({ areaId: "C2" }), ctx([], units))).unitId).toBe("ZZ-NEW");
  });

  it("no People's Committee: the provincial citizen reception board", () => {
    const d = decided(routeCase(input({ areaId: "C2" }), ctx([])));
    expect(d).toMatchObject({ unitId: "RB", reason: "province_fallback", ruleId: null });
  });

  it("a commune without its own People's Committee goes to the reception board", () => {
    const units = UNITS.filter((u) => u.id !== "PC1");
    expect(decided(routeCase(input({ areaId: "C1" }), ctx([], units))).unitId).toBe("RB");
  });

  it("the nearest ancestor area with a reception board wins", () => {
    const units: RoutingUnit[] = [
      ...UNITS.filter((u) => u.id !== "PC1"),
      { id: "RB-C1", parentId: "PC1", kind: "reception_board", areaId: "C1" },
    ];
    expect(decided(routeCase(input({ areaId: "H1" }), ctx([], units))).unitId).toBe("RB-C1");
  });

  it("no area, or an unknown one: the board of the only province", () => {
    expect(decided(routeCase(input({ areaId: null }), ctx([]))).unitId).toBe("RB");
    expect(decided(routeCase(input({ areaId: "ELSEWHERE" }), ctx([]))).unitId).toBe("RB");
  });

  it("no area and several provinces: no guess", () => {
    const areas = [...AREAS, { id: "P2", parentId: null }];
    const units: RoutingUnit[] = [...UNITS, { id: "RB2", parentId: null, kind: "reception_board", areaId: "P2" }];
    expect(routeCase(input({ areaId: null }), ctx([], units, areas))).toMatchObject({ error: "no_unit" });
  });

  it("an expired reception board without successor is not used", () => {
    const units = UNITS.map((u) => (u.id === "RB" ? { ...u, validTo: "2025-01-01" } : u));
    expect(routeCase(input({ areaId: "C2" }), ctx([], units))).toMatchObject({ error: "no_unit" });
  });
});

describe("no unit at all", () => {
  it("returns no_unit with a trail", () => {
    const r = routeCase(input(), ctx([], [], []));
    expect(r).toEqual({
      error: "no_unit",
      trail: expect.arrayContaining(["no rule matched"]) as string[],
      steps: expect.arrayContaining([{ step: "no_rule" }]) as unknown[],
    });
    expect(routeCase(input({ areaId: null }), ctx([], [], []))).toMatchObject({ error: "no_unit" });
  });

  it("all rules point nowhere and there is no fallback", () => {
    const r = routeCase(input(), ctx([rule("r", "NOPE")], [], AREAS));
    expect(r).toMatchObject({ error: "no_unit" });
  });
});

describe("denunciation guard", () => {
  const den = (unitId: string, over: Partial<RoutingInput> = {}) =>
    input({ kind: "denunciation", categoryId: null, denounced: { unitId }, ...over });
  const rules = [rule("den-commune", "PC1", { kind: "denunciation", areaId: "C1" })];

  it("a rule pointing at the denounced unit is overridden: the managing body gets it", () => {
    const d = decided(routeCase(den("PC1"), ctx(rules)));
    expect(d).toMatchObject({ unitId: "PPC", reason: "denunciation_guard", ruleId: "den-commune" });
    expect(d.trail.some((s) => s.includes("rule den-commune overridden"))).toBe(true);
    expect(d.trail).toContain("routed to managing body PPC");
  });

  it("applies when the commune fallback would pick the denounced unit", () => {
    const d = decided(routeCase(den("PC1"), ctx([])));
    expect(d).toMatchObject({ unitId: "PPC", reason: "denunciation_guard", ruleId: null });
    expect(d.trail.some((s) => s.includes("commune_fallback overridden"))).toBe(true);
  });

  it("applies when the province fallback would pick the denounced unit", () => {
    expect(decided(routeCase(den("RB", { areaId: "C2" }), ctx([])))).toMatchObject({
      unitId: "PPC",
      reason: "denunciation_guard",
    });
  });

  it("leaves the decision alone when the chosen unit is not the denounced one", () => {
    expect(decided(routeCase(den("PCW1"), ctx(rules)))).toMatchObject({ unitId: "PC1", reason: "rule" });
  });

  it("the managing body above the denounced unit is allowed", () => {
    const up = [rule("den", "PPC", { kind: "denunciation" })];
    expect(decided(routeCase(den("PC1"), ctx(up)))).toMatchObject({ unitId: "PPC", reason: "rule" });
  });

  it("a unit below the denounced unit is in its line and is overridden too", () => {
    const toOffice = [rule("den", "DEPT-OFFICE", { kind: "denunciation" })];
    expect(decided(routeCase(den("DEPT"), ctx(toOffice)))).toMatchObject({
      unitId: "PPC",
      reason: "denunciation_guard",
    });
  });

  it("the denounced top unit has no managing body here: no_unit rather than a conflicted unit", () => {
    const toIns = [rule("den", "INS", { kind: "denunciation" })];
    const r = routeCase(den("PPC"), ctx(toIns));
    expect(r).toMatchObject({ error: "no_unit" });
    expect(r.trail).toContain("no managing body above denounced unit PPC");
  });

  it("a denounced unit that merged: its successor is in the line too", () => {
    const d = decided(routeCase(den("PC3"), ctx(rules)));
    expect(d).toMatchObject({ unitId: "PPC", reason: "denunciation_guard" });
  });

  it("a managing body that merged resolves to its successor", () => {
    const units: RoutingUnit[] = [
      ...UNITS.map((u) => (u.id === "PPC" ? { ...u, validTo: "2025-06-30", successorId: "PPC-NEW" } : u)),
      { id: "PPC-NEW", parentId: null, kind: "peoples_committee", areaId: "P" },
    ];
    expect(decided(routeCase(den("PC1"), ctx(rules, units)))).toMatchObject({
      unitId: "PPC-NEW",
      reason: "denunciation_guard",
    });
  });

  it("only for denunciations", () => {
    const complaint = input({ kind: "complaint", denounced: { unitId: "PC1" } });
    expect(decided(routeCase(complaint, ctx([])))).toMatchObject({ unitId: "PC1", reason: "commune_fallback" });
  });

  it("denounced: null or absent changes nothing", () => {
    expect(decided(routeCase(den("PC1", { denounced: null }), ctx(rules))).unitId).toBe("PC1");
    expect(decided(routeCase(input({ kind: "denunciation" }), ctx([]))).unitId).toBe("PC1");
  });

  it("survives a cycle in the unit tree", () => {
    const units: RoutingUnit[] = [
      { id: "X", parentId: "Y", kind: "peoples_committee", areaId: "C1" },
      { id: "Y", parentId: "X", kind: "department", areaId: "P" },
    ];
    expect(routeCase(den("X"), ctx([], units))).toMatchObject({ error: "no_unit" });
  });
});

describe("rules about the denounced body (subject unit)", () => {
  const den = (unitId: string | null, over: Partial<RoutingInput> = {}) =>
    input({ kind: "denunciation", categoryId: "land", denounced: unitId ? { unitId } : null, ...over });
  const aboutDept = rule("about-dept", "INS", { kind: "denunciation", subjectUnitId: "DEPT" });

  it("matches only a denunciation about that body", () => {
    expect(decided(routeCase(den("DEPT"), ctx([aboutDept])))).toMatchObject({ ruleId: "about-dept", unitId: "INS" });
    expect(decided(routeCase(den("PCW1"), ctx([aboutDept]))).reason).toBe("commune_fallback");
    expect(decided(routeCase(den(null), ctx([aboutDept]))).reason).toBe("commune_fallback");
  });

  it("a complaint about that body matches too; other kinds never do", () => {
    const anyKind = rule("about-dept", "INS", { subjectUnitId: "DEPT" });
    expect(decided(routeCase(input({ kind: "complaint", denounced: { unitId: "DEPT" } }), ctx([anyKind]))).ruleId).toBe("about-dept");
    expect(decided(routeCase(input({ kind: "petition", denounced: { unitId: "DEPT" } }), ctx([anyKind]))).reason).toBe("commune_fallback");
  });

  it("ranks before any rule without a subject, however specific", () => {
    const rules = [rule("exact", "PC1", { kind: "denunciation", categoryId: "land", areaId: "C1", priority: 100 }), aboutDept];
    const d = decided(routeCase(den("DEPT"), ctx(rules)));
    expect(d.ruleId).toBe("about-dept");
    expect(d.trail).toContain("rule about-dept fired (specificity 2, any area, about the denounced body): unit INS");
    expect(d.steps).toContainEqual({ step: "rule_fired", ruleId: "about-dept", specificity: 2, area: "any", subject: true, unitId: "INS" });
  });

  it("the guard still applies to a rule sending it to the denounced body", () => {
    const toItself = rule("to-itself", "DEPT", { kind: "denunciation", subjectUnitId: "DEPT" });
    expect(decided(routeCase(den("DEPT"), ctx([toItself])))).toMatchObject({ unitId: "PPC", reason: "denunciation_guard", ruleId: "to-itself" });
  });
});

describe("steps", () => {
  it("every trail line is the English wording of the structured step at the same place", () => {
    const r = routeCase(input({ kind: "denunciation", denounced: { unitId: "PC1" } }), ctx([rule("off", "INS", { active: false }), rule("r", "PC3")]));
    expect(r.trail).toEqual(r.steps.map(describeStep));
    expect(r.steps.map((s) => s.step)).toEqual(["area_chain", "rule_inactive", "unit_expired", "rule_fired", "guard", "managing_body"]);
  });
});

describe("wouldConflict", () => {
  it("the denounced unit itself conflicts", () => {
    expect(wouldConflict("PC1", "PC1")).toBe(true);
    expect(wouldConflict("PPC", "PC1")).toBe(false);
  });

  it("with units, anything below the denounced unit conflicts, anything above or beside does not", () => {
    expect(wouldConflict("DEPT-OFFICE", "DEPT", UNITS)).toBe(true);
    expect(wouldConflict("DEPT-OFFICE", "PPC", UNITS)).toBe(true);
    expect(wouldConflict("PPC", "DEPT", UNITS)).toBe(false);
    expect(wouldConflict("INS", "DEPT", UNITS)).toBe(false);
    expect(wouldConflict("DEPT-OFFICE", "DEPT")).toBe(false); // without the tree only identity is known
  });
});

describe("properties", () => {
  const unitIds = [...UNITS.map((u) => u.id), "NOPE"];
  const areaIds = AREAS.map((a) => a.id);
  const ruleArb = fc.record({
    id: fc.constantFrom("r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8"),
    kind: fc.option(fc.constantFrom(...CASE_KINDS), { nil: null }),
    categoryId: fc.option(fc.constantFrom("land", "health"), { nil: null }),
    areaId: fc.option(fc.constantFrom(...areaIds), { nil: null }),
    unitId: fc.constantFrom(...unitIds),
    subjectUnitId: fc.option(fc.constantFrom("DEPT", "PC1", "PC3"), { nil: null, freq: 3 }),
    priority: fc.option(fc.integer({ min: -2, max: 2 }), { nil: undefined }),
    active: fc.option(fc.boolean(), { nil: undefined }),
  });
  // Unique ids, as in the database.
  const rulesArb = fc.uniqueArray(ruleArb, { selector: (r) => r.id, maxLength: 8 });
  const inputArb = fc.record({
    kind: fc.constantFrom(...CASE_KINDS),
    categoryId: fc.option(fc.constantFrom("land", "health"), { nil: null }),
    areaId: fc.option(fc.constantFrom(...areaIds, "ELSEWHERE"), { nil: null }),
    today: fc.constantFrom("2025-06-30", TODAY),
    denounced: fc.option(fc.record({ unitId: fc.constantFrom(...unitIds) }), { nil: null }),
  });
  const shuffled = <T>(xs: T[]) => fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length });

  it("shuffling rules, units and areas does not change the decision or its trail", () => {
    fc.assert(
      fc.property(
        rulesArb.chain((rules) => fc.tuple(fc.constant(rules), shuffled(rules), shuffled(UNITS), shuffled(AREAS))),
        inputArb,
        ([rules, rules2, units2, areas2], inp) => {
          expect(routeCase(inp, ctx(rules2, units2, areas2))).toEqual(routeCase(inp, ctx(rules)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("the chosen unit is always known, valid on the day and, for a denunciation, outside the denounced line", () => {
    fc.assert(
      fc.property(rulesArb, inputArb, (rules, inp) => {
        const r = routeCase(inp, ctx(rules));
        if ("error" in r) return;
        const unit = UNITS.find((u) => u.id === r.unitId);
        expect(unit).toBeDefined();
        expect(unit?.validTo == null || inp.today <= unit.validTo).toBe(true);
        if (inp.kind === "denunciation" && inp.denounced) {
          expect(wouldConflict(r.unitId, inp.denounced.unitId, UNITS)).toBe(false);
        }
        if (r.reason === "rule") expect(rules.some((x) => x.id === r.ruleId && x.active !== false)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("adding a catch-all rule never changes a decision made by a rule", () => {
    fc.assert(
      fc.property(rulesArb, inputArb, (rules, inp) => {
        const before = routeCase(inp, ctx(rules));
        if ("error" in before || before.reason !== "rule") return;
        const after = decided(routeCase(inp, ctx([...rules, rule("~catch-all", "RB", { priority: -3 })])));
        expect(after.unitId).toBe(before.unitId);
        expect(after.ruleId).toBe(before.ruleId);
      }),
    );
  });
});
