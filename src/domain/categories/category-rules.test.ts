import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanText, inDisplayOrder, isCategoryCode, mayDeactivate, moveInOrder, nextSortOrder, type Ordered } from "./category-rules";

const list = (codes: string[]): Ordered[] => codes.map((code, i) => ({ id: `id-${code}`, code, sortOrder: i * 10 }));

function applyMoves(items: readonly Ordered[], moves: { id: string; sortOrder: number }[]): Ordered[] {
  const next = new Map(moves.map((m) => [m.id, m.sortOrder]));
  return items.map((c) => ({ ...c, sortOrder: next.get(c.id) ?? c.sortOrder }));
}
const codesOf = (items: readonly Ordered[]) => inDisplayOrder(items).map((c) => c.code);

describe("codes", () => {
  it("accepts lower-case codes with digits and underscores, starting with a letter", () => {
    for (const ok of ["land", "site_clearance", "a1", "x".repeat(40)]) expect(isCategoryCode(ok)).toBe(true);
    for (const bad of ["", "a", "Land", "đất", "1land", "_land", "site-clearance", "land use", "x".repeat(41)]) expect(isCategoryCode(bad)).toBe(false);
  });
});

describe("clean text", () => {
  it("composes accents, trims and makes runs of spaces and line breaks one space", () => {
    expect(cleanText("  Đất đai\r\n\n  và \t  nhà ở ")).toBe("Đất đai và nhà ở");
    expect(cleanText("Đa\u0302\u0301t")).toBe("Đất");
  });
});

describe("order", () => {
  it("shows fields by place, ties by code", () => {
    const items = [
      { id: "b", code: "b", sortOrder: 1 },
      { id: "a", code: "a", sortOrder: 1 },
      { id: "c", code: "c", sortOrder: 0 },
    ];
    expect(codesOf(items)).toEqual(["c", "a", "b"]);
  });

  it("puts a new field last", () => {
    expect(nextSortOrder([])).toBe(0);
    expect(nextSortOrder(list(["a", "b", "c"]))).toBe(21);
  });

  it("moves a field up or down by one place, renumbering 0…n-1", () => {
    const items = list(["a", "b", "c"]);
    const up = applyMoves(items, moveInOrder(items, "id-c", "up"));
    expect(codesOf(up)).toEqual(["a", "c", "b"]);
    expect(inDisplayOrder(up).map((c) => c.sortOrder)).toEqual([0, 1, 2]);
    expect(codesOf(applyMoves(items, moveInOrder(items, "id-a", "down")))).toEqual(["b", "a", "c"]);
  });

  it("does nothing at the ends or for an unknown field", () => {
    const items = list(["a", "b", "c"]).map((c, i) => ({ ...c, sortOrder: i }));
    expect(moveInOrder(items, "id-a", "up")).toEqual([]);
    expect(moveInOrder(items, "id-c", "down")).toEqual([]);
    expect(moveInOrder(items, "nope", "up")).toEqual([]);
  });

  const lists = fc
    .uniqueArray(fc.stringMatching(/^[a-z]{2,5}$/), { minLength: 1, maxLength: 12 })
    .chain((codes) => fc.tuple(fc.constant(codes), fc.array(fc.integer({ min: -5, max: 50 }), { minLength: codes.length, maxLength: codes.length })))
    .map(([codes, orders]) => codes.map((code, i) => ({ id: `id-${code}`, code, sortOrder: orders[i]! })));

  it("property: a move keeps every field once and changes only the two places swapped", () => {
    fc.assert(
      fc.property(lists, fc.nat(), fc.constantFrom("up" as const, "down" as const), (items, pick, direction) => {
        const id = items[pick % items.length]!.id;
        const before = codesOf(items);
        const after = codesOf(applyMoves(items, moveInOrder(items, id, direction)));
        expect([...after].sort()).toEqual([...before].sort());
        const at = before.indexOf(id.slice(3));
        const to = direction === "up" ? at - 1 : at + 1;
        const expected = [...before];
        if (to >= 0 && to < before.length) [expected[at], expected[to]] = [expected[to]!, expected[at]!];
        expect(after).toEqual(expected);
      }),
    );
  });

  it("property: up then down (not at an end) gives the order back", () => {
    fc.assert(
      fc.property(lists, fc.nat(), (items, pick) => {
        const ordered = inDisplayOrder(items);
        if (ordered.length < 2) return;
        const target = ordered[1 + (pick % (ordered.length - 1))]!;
        const up = applyMoves(items, moveInOrder(items, target.id, "up"));
        const back = applyMoves(up, moveInOrder(up, target.id, "down"));
        expect(codesOf(back)).toEqual(codesOf(items));
      }),
    );
  });
});

describe("deactivating", () => {
  it("refuses the last active field, allows any other", () => {
    const items = [
      { id: "a", active: true },
      { id: "b", active: false },
      { id: "c", active: true },
    ];
    expect(mayDeactivate(items, "a")).toBe(true);
    expect(mayDeactivate(items.slice(0, 2), "a")).toBe(false);
  });
});
