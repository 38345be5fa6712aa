import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cycleThrough, findCycles, isValidOn, subtreeOf, type TreeNode } from "./tree";

const chain: TreeNode[] = [
  { id: "province", parentId: null },
  { id: "ward", parentId: "province" },
  { id: "hamlet", parentId: "ward" },
  { id: "other", parentId: "province" },
];

describe("cycleThrough", () => {
  it("refuses a node as its own parent or under its own descendant", () => {
    expect(cycleThrough(chain, "ward", "ward")).toEqual(["ward"]);
    expect(cycleThrough(chain, "province", "hamlet")).toEqual(["hamlet", "ward", "province"]);
  });
  it("allows a move to a sibling's subtree or to the top", () => {
    expect(cycleThrough(chain, "hamlet", "other")).toBeNull();
    expect(cycleThrough(chain, "ward", null)).toBeNull();
  });
});

describe("findCycles", () => {
  it("finds each loop once and nothing in a tree", () => {
    expect(findCycles(chain)).toEqual([]);
    const loops = findCycles([...chain, { id: "a", parentId: "b" }, { id: "b", parentId: "a" }, { id: "c", parentId: "a" }]);
    expect(loops).toHaveLength(1);
    expect(new Set(loops[0])).toEqual(new Set(["a", "b"]));
  });
  it("agrees with cycleThrough: a tree stays a tree exactly when the move closes no loop", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(7), { minLength: 8, maxLength: 8 }), fc.nat(7), fc.nat(8), (parents, id, parent) => {
        // A random forest: node i's parent is a lower-numbered node (or none).
        const nodes = parents.map((p, i) => ({ id: `n${i}`, parentId: i === 0 || p >= i ? null : `n${p}` }));
        const newParent = parent === 8 ? null : `n${parent}`;
        const moved = nodes.map((n) => (n.id === `n${id}` ? { ...n, parentId: newParent } : n));
        expect(cycleThrough(nodes, `n${id}`, newParent) === null).toBe(findCycles(moved).length === 0);
      }),
    );
  });
});

describe("subtreeOf and isValidOn", () => {
  it("collects a node and its descendants", () => {
    expect(subtreeOf(chain, "ward")).toEqual(new Set(["ward", "hamlet"]));
  });
  it("counts the first and last day as valid", () => {
    const n = { validFrom: "2025-07-01", validTo: "2026-06-30" };
    expect([isValidOn(n, "2025-06-30"), isValidOn(n, "2025-07-01"), isValidOn(n, "2026-06-30"), isValidOn(n, "2026-07-01")]).toEqual([false, true, true, false]);
  });
});
