import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { changedFields, childrenOpenAfter, closeProblem, moveProblem, nodeState, organisationTrees, type OrgNode, type Branch } from "./changes";
import { findCycles } from "./tree";

const node = (id: string, parentId: string | null, extra: Partial<OrgNode> = {}): OrgNode => ({ id, parentId, code: `c-${id}`, name: id, validFrom: "2025-07-01", validTo: null, ...extra });
const today = "2026-07-20";
const tree: OrgNode[] = [node("Tỉnh", null), node("Phường A", "Tỉnh"), node("Tổ 1", "Phường A"), node("Xã B", "Tỉnh"), node("Xã cũ", "Tỉnh", { validTo: "2025-06-30", validFrom: "2020-01-01" })];

describe("nodeState", () => {
  it("is closed after its last day, future before its first, current in between (both ends inclusive)", () => {
    expect(nodeState({ validFrom: "2025-07-01", validTo: null }, today)).toBe("current");
    expect(nodeState({ validFrom: "2025-07-01", validTo: today }, today)).toBe("current");
    expect(nodeState({ validFrom: "2025-07-01", validTo: "2026-07-19" }, today)).toBe("closed");
    expect(nodeState({ validFrom: today, validTo: null }, today)).toBe("current");
    expect(nodeState({ validFrom: "2026-07-21", validTo: null }, today)).toBe("future");
  });
});

describe("moveProblem", () => {
  it("refuses a node under itself or under its own descendant, naming the path from it down to the new parent", () => {
    expect(moveProblem(tree, "Phường A", "Phường A", today)).toEqual({ problem: "cycle", path: [{ id: "Phường A", code: "c-Phường A", name: "Phường A" }] });
    const loop = moveProblem(tree, "Tỉnh", "Tổ 1", today);
    expect(loop?.problem).toBe("cycle");
    expect(loop && "path" in loop && loop.path.map((p) => p.id)).toEqual(["Tỉnh", "Phường A", "Tổ 1"]);
  });
  it("allows a move to another branch or to the top", () => {
    expect(moveProblem(tree, "Tổ 1", "Xã B", today)).toBeNull();
    expect(moveProblem(tree, "Phường A", null, today)).toBeNull();
  });
  it("refuses a closed parent and an unknown node or parent", () => {
    expect(moveProblem(tree, "Tổ 1", "Xã cũ", today)).toEqual({ problem: "parent_closed" });
    expect(moveProblem(tree, "Tổ 1", "nowhere", today)).toEqual({ problem: "not_found" });
    expect(moveProblem(tree, "nobody", null, today)).toEqual({ problem: "not_found" });
  });
  it("never lets a forest become cyclic (property)", () => {
    // A random forest: each node's parent is an earlier node or none.
    const forest = fc.array(fc.option(fc.nat(), { nil: null }), { minLength: 1, maxLength: 12 }).map((ps) => ps.map((p, i) => node(String(i), p === null || i === 0 ? null : String(p % i))));
    fc.assert(
      fc.property(forest, fc.nat(), fc.option(fc.nat(), { nil: null }), (nodes, a, b) => {
        const id = String(a % nodes.length);
        const parentId = b === null ? null : String(b % nodes.length);
        const moved = nodes.map((n) => (n.id === id ? { ...n, parentId } : n));
        expect(moveProblem(nodes, id, parentId, today) === null).toBe(findCycles(moved).length === 0);
      }),
    );
  });
});

describe("closeProblem and children still open", () => {
  it("needs a last day on or after the first, and refuses a node already closed", () => {
    expect(closeProblem({ validFrom: "2025-07-01", validTo: null }, "2025-07-01", today)).toBeNull();
    expect(closeProblem({ validFrom: "2025-07-01", validTo: null }, "2025-06-30", today)).toBe("before_start");
    expect(closeProblem({ validFrom: "2020-01-01", validTo: "2025-06-30" }, "2026-12-31", today)).toBe("already_closed");
    // A closing date planned ahead may be moved.
    expect(closeProblem({ validFrom: "2020-01-01", validTo: "2026-12-31" }, "2026-09-30", today)).toBeNull();
  });
  it("lists the children still open after the last day", () => {
    const nodes = [...tree, node("Tổ 2", "Phường A", { validTo: "2026-08-01" })];
    expect(childrenOpenAfter(nodes, "Phường A", "2026-08-31").map((n) => n.id)).toEqual(["Tổ 1"]);
    expect(childrenOpenAfter(nodes, "Phường A", "2026-07-31").map((n) => n.id)).toEqual(["Tổ 1", "Tổ 2"]);
    expect(childrenOpenAfter(nodes, "Tổ 1", "2026-07-31")).toEqual([]);
  });
});

describe("organisationTrees", () => {
  const flat = (bs: Branch<OrgNode>[], depth = 0): string[] => bs.flatMap((b) => [`${depth}:${b.node.id}`, ...flat(b.children, depth + 1)]);
  it("nests the open nodes in name order and lists the closed apart", () => {
    const { open, closed } = organisationTrees(tree, today);
    expect(flat(open)).toEqual(["0:Tỉnh", "1:Phường A", "2:Tổ 1", "1:Xã B"]);
    expect(closed.map((n) => n.id)).toEqual(["Xã cũ"]);
  });
  it("shows a node whose parent is closed at the top, and a future node in the tree", () => {
    const nodes = [...tree, node("Thôn", "Xã cũ"), node("Xã mới", "Tỉnh", { validFrom: "2027-01-01" })];
    expect(flat(organisationTrees(nodes, today).open)).toEqual(["0:Thôn", "0:Tỉnh", "1:Phường A", "2:Tổ 1", "1:Xã B", "1:Xã mới"]);
  });
  it("shows every node exactly once, even with a loop in the data (property)", () => {
    const any = fc.array(fc.option(fc.nat(), { nil: null }), { minLength: 1, maxLength: 12 }).map((ps) => ps.map((p, i) => node(String(i), p === null ? null : String(p % ps.length))));
    fc.assert(
      fc.property(any, (nodes) => {
        const ids = flat(organisationTrees(nodes, today).open).map((s) => s.split(":")[1]);
        expect([...ids].sort()).toEqual(nodes.map((n) => n.id).sort());
      }),
    );
  });
});

describe("changedFields", () => {
  it("keeps only what changed, before and after", () => {
    expect(changedFields({ name: "A", nameEn: "A", kind: "ward" }, { name: "B", nameEn: "A" })).toEqual({ before: { name: "A" }, after: { name: "B" } });
  });
});
