// The rules of changing the organisation one node at a time (DOMAIN.md section 2): a move that would close a loop is
// refused with the path named; a closing date comes on or after the first day; the trees are shown with what is
// current apart from what is closed. Pure: the admin services load the nodes and call these.
import type { IsoDate } from "../types";
import { cycleThrough, type Dated, type TreeNode } from "./tree";

export type OrgNode = TreeNode & Dated & { code: string; name: string };

export type NodeState = "current" | "future" | "closed";

/** Closed once its last day is past; future until its first day comes. */
export function nodeState(node: Dated, today: IsoDate): NodeState {
  if (node.validTo !== null && node.validTo < today) return "closed";
  return node.validFrom > today ? "future" : "current";
}

/** A node that may still take children or work: valid today or from a day to come. */
export const isOpen = (node: Dated, today: IsoDate): boolean => nodeState(node, today) !== "closed";

export type MoveProblem =
  | { problem: "not_found" }
  | { problem: "parent_closed" }
  /** The nodes from the moved one down to the new parent: giving it that parent would close the loop. */
  | { problem: "cycle"; path: Pick<OrgNode, "id" | "code" | "name">[] };

/** Why `id` cannot take `parentId` as its parent (null: it can). A parent must exist and not be closed. */
export function moveProblem(nodes: readonly OrgNode[], id: string, parentId: string | null, today: IsoDate): MoveProblem | null {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  if (!byId.has(id)) return { problem: "not_found" };
  if (parentId === null) return null;
  const parent = byId.get(parentId);
  if (!parent) return { problem: "not_found" };
  const loop = cycleThrough(nodes, id, parentId);
  if (loop) {
    const path = [...loop].reverse().map((nodeId) => {
      const n = byId.get(nodeId)!;
      return { id: n.id, code: n.code, name: n.name };
    });
    return { problem: "cycle", path };
  }
  if (!isOpen(parent, today)) return { problem: "parent_closed" };
  return null;
}

export type CloseProblem = "already_closed" | "before_start";

/** Closing with a last day: not before its first day, and not a node already closed. */
export function closeProblem(node: Dated, validTo: IsoDate, today: IsoDate): CloseProblem | null {
  if (node.validTo !== null && node.validTo < today) return "already_closed";
  if (validTo < node.validFrom) return "before_start";
  return null;
}

/** The children that would still be open after `lastDay` (they must be moved or closed first). */
export function childrenOpenAfter<N extends TreeNode & Dated>(nodes: readonly N[], id: string, lastDay: IsoDate): N[] {
  return nodes.filter((n) => n.parentId === id && (n.validTo === null || n.validTo > lastDay));
}

export type Branch<N> = { node: N; children: Branch<N>[] };

/**
 * The trees to show: the open nodes (current and future) as nested branches under their open parents, and the
 * closed ones apart, each list in name order (Vietnamese collation). A node whose parent is closed or missing is
 * shown at the top; a loop in the data (which the admin services never make) cannot hide nodes or recurse forever.
 */
export function organisationTrees<N extends OrgNode>(nodes: readonly N[], today: IsoDate): { open: Branch<N>[]; closed: N[] } {
  const byName = (a: N, b: N) => a.name.localeCompare(b.name, "vi") || a.code.localeCompare(b.code);
  const open = nodes.filter((n) => isOpen(n, today)).sort(byName);
  const openIds = new Set(open.map((n) => n.id));
  const children = new Map<string, N[]>();
  for (const n of open) if (n.parentId !== null && openIds.has(n.parentId)) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n]);
  const placed = new Set<string>();
  const grow = (n: N): Branch<N> => {
    placed.add(n.id);
    return { node: n, children: (children.get(n.id) ?? []).filter((c) => !placed.has(c.id)).map(grow) };
  };
  const roots = open.filter((n) => n.parentId === null || !openIds.has(n.parentId)).map(grow);
  // Nodes on a loop have no root above them: show them at the top rather than lose them.
  for (const n of open) if (!placed.has(n.id)) roots.push(grow(n));
  return { open: roots, closed: nodes.filter((n) => !isOpen(n, today)).sort(byName) };
}

/** The fields that differ between two versions of a row, for the audit entry's before/after. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (after[key] !== before[key]) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}
