import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { routeCase, type RoutingRule } from "../routing";
import { canMove, inTryOrder, moveRule, rankOf } from "./order";

const rule = (id: string, over: Partial<RoutingRule> = {}): RoutingRule => ({ id, kind: null, categoryId: null, areaId: null, unitId: `U-${id}`, priority: 0, ...over });

describe("try order", () => {
  it("about a body first, then more fields, then an area, then priority, then id", () => {
    const rules = [
      rule("any"),
      rule("cat", { categoryId: "land" }),
      rule("area", { areaId: "A" }),
      rule("kind-cat", { kind: "petition", categoryId: "land" }),
      rule("about", { subjectUnitId: "X" }),
      rule("cat-high", { categoryId: "health", priority: 5 }),
    ];
    expect(inTryOrder(rules).map((r) => r.id)).toEqual(["about", "kind-cat", "area", "cat-high", "cat", "any"]);
  });

  it("agrees with the router when every rule matches the case", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            id: fc.constantFrom("a", "b", "c", "d", "e"),
            kind: fc.option(fc.constant("denunciation" as const), { nil: null }),
            categoryId: fc.option(fc.constant("land"), { nil: null }),
            areaId: fc.option(fc.constant("A"), { nil: null }),
            subjectUnitId: fc.option(fc.constant("X"), { nil: null }),
            unitId: fc.constant("U"),
            priority: fc.integer({ min: -2, max: 2 }),
          }),
          { selector: (r) => r.id, minLength: 1 },
        ),
        (rules) => {
          const r = routeCase(
            { kind: "denunciation", categoryId: "land", areaId: "A", today: "2026-01-01", denounced: { unitId: "X" } },
            { rules, units: [{ id: "U", parentId: null, kind: "inspectorate", areaId: "A" }], areas: [{ id: "A", parentId: null }] },
          );
          expect("error" in r ? null : r.ruleId).toBe(inTryOrder(rules)[0]!.id);
        },
      ),
    );
  });
});

describe("moving", () => {
  const rules = [rule("a", { categoryId: "land" }), rule("b", { categoryId: "health" }), rule("c", { categoryId: "education" }), rule("any")];

  it("swaps a rule with its neighbour of the same rank, renumbering the group", () => {
    expect(moveRule(rules, "b", "up")).toEqual({ ok: true, priorities: [{ id: "b", priority: 2 }, { id: "a", priority: 1 }, { id: "c", priority: 0 }] });
    const moved = moveRule(rules, "a", "down");
    expect(moved.ok && moved.priorities.map((p) => p.id)).toEqual(["b", "a", "c"]);
  });

  it("cannot pass a rule of another rank, nor the ends", () => {
    expect(moveRule(rules, "a", "up")).toEqual({ ok: false, reason: "cannot_move" });
    expect(moveRule(rules, "c", "down")).toEqual({ ok: false, reason: "cannot_move" });
    expect(moveRule(rules, "any", "up")).toEqual({ ok: false, reason: "cannot_move" });
    expect(moveRule(rules, "nope", "up")).toEqual({ ok: false, reason: "not_found" });
    expect(canMove(rules, "b", "down")).toBe(true);
  });

  it("up then down puts the group back in its order", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), (i) => {
        const id = rules[i]!.id;
        const up = moveRule(rules, id, "up");
        if (!up.ok) return;
        const after = rules.map((r) => ({ ...r, priority: up.priorities.find((p) => p.id === r.id)?.priority ?? r.priority }));
        const back = moveRule(after, id, "down");
        expect(back.ok && back.priorities.map((p) => p.id)).toEqual(inTryOrder(rules.filter((r) => rankOf(r) === rankOf(rules[i]!))).map((r) => r.id));
      }),
    );
  });
});
