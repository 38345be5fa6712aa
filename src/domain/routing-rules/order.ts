// The order the router tries rules in, for the admin list, and moving a rule up or down in it. Pure.
import type { RoutingRule } from "../routing";

/**
 * The rank a rule has before priority counts: about a body first, then the number of fields it names, then one
 * naming an area before one that does not. Among rules of one rank, a nearer area wins case by case; priority
 * only breaks the remaining ties. Rules of one rank form a group, and only inside a group can priority reorder.
 */
export function rankOf(r: RoutingRule): string {
  const subject = r.subjectUnitId != null ? 1 : 0;
  const specificity = Number(r.kind !== null) + Number(r.categoryId !== null) + Number(r.areaId !== null) + subject;
  return `${subject}${specificity}${r.areaId !== null ? 1 : 0}`;
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Most specific first, then higher priority, then id (the router's own tie-break). */
export function inTryOrder<R extends RoutingRule>(rules: readonly R[]): R[] {
  return [...rules].sort((a, b) => byString(rankOf(b), rankOf(a)) || (b.priority ?? 0) - (a.priority ?? 0) || byString(a.id, b.id));
}

export type MoveResult = { ok: true; priorities: { id: string; priority: number }[] } | { ok: false; reason: "not_found" | "cannot_move" };

/**
 * Moves a rule one place up or down among the rules of its rank, by giving that group descending priorities in
 * the new order. A rule cannot pass one of another rank: specificity, not priority, decides between them.
 */
export function moveRule(rules: readonly RoutingRule[], id: string, direction: "up" | "down"): MoveResult {
  const rule = rules.find((r) => r.id === id);
  if (!rule) return { ok: false, reason: "not_found" };
  const group = inTryOrder(rules.filter((r) => rankOf(r) === rankOf(rule)));
  const at = group.findIndex((r) => r.id === id);
  const to = direction === "up" ? at - 1 : at + 1;
  if (to < 0 || to >= group.length) return { ok: false, reason: "cannot_move" };
  [group[at], group[to]] = [group[to]!, group[at]!];
  return { ok: true, priorities: group.map((r, i) => ({ id: r.id, priority: group.length - 1 - i })) };
}

/** Can the rule move that way at all (the list shows only the buttons that work)? */
export const canMove = (rules: readonly RoutingRule[], id: string, direction: "up" | "down"): boolean => moveRule(rules, id, direction).ok;
