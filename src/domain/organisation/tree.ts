// The organisation as trees (DOMAIN.md section 2): areas under areas, units under units. Pure; shared by the
// organisation admin (one change at a time) and the CSV import (a whole file at once).
import type { IsoDate } from "../types";

export type TreeNode = { id: string; parentId: string | null };
export type Dated = { validFrom: IsoDate; validTo: IsoDate | null };

/** Valid on a day: from its first day to its last (inclusive); validTo null means still open. */
export const isValidOn = (node: Dated, day: IsoDate): boolean => node.validFrom <= day && (node.validTo === null || day <= node.validTo);

/**
 * The path that a parent link would close into a loop, or null: giving `id` the parent `parentId` is a cycle when
 * `id` is `parentId` itself or one of its ancestors. The path runs from `parentId` up to `id`.
 */
export function cycleThrough(nodes: readonly TreeNode[], id: string, parentId: string | null): string[] | null {
  if (parentId === null) return null;
  const parents = new Map(nodes.map((n) => [n.id, n.parentId]));
  parents.set(id, parentId);
  const path: string[] = [];
  const seen = new Set<string>();
  let current: string | null = parentId;
  while (current !== null && !seen.has(current)) {
    path.push(current);
    if (current === id) return path;
    seen.add(current);
    current = parents.get(current) ?? null;
  }
  return null;
}

/** Every node that sits on a loop of parent links (each loop reported once, as the ids on it). */
export function findCycles(nodes: readonly TreeNode[]): string[][] {
  const parents = new Map(nodes.map((n) => [n.id, n.parentId]));
  const state = new Map<string, "walking" | "done">();
  const cycles: string[][] = [];
  for (const start of parents.keys()) {
    const walk: string[] = [];
    let current: string | null = start;
    while (current !== null && parents.has(current) && !state.has(current)) {
      state.set(current, "walking");
      walk.push(current);
      current = parents.get(current) ?? null;
    }
    if (current !== null && state.get(current) === "walking") cycles.push(walk.slice(walk.indexOf(current)));
    for (const id of walk) state.set(id, "done");
  }
  return cycles;
}

/** The node and everything below it. */
export function subtreeOf(nodes: readonly TreeNode[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const n of nodes) if (n.parentId !== null) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n.id]);
  const out = new Set<string>();
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}
