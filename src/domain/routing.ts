// Rule-based routing of a new case to a unit (DOMAIN.md section 5). Pure: the caller loads rules, units, areas.
import type { CaseKind, IsoDate, UnitKind } from "./types";

export type RoutingRule = {
  id: string;
  kind: CaseKind | null;
  categoryId: string | null;
  areaId: string | null;
  unitId: string;
  priority?: number;
  active?: boolean;
};
export type RoutingUnit = {
  id: string;
  parentId: string | null;
  kind: UnitKind;
  areaId: string | null;
  /** Last day the unit exists (inclusive). */
  validTo?: string | null;
  successorId?: string | null;
};
export type RoutingArea = { id: string; parentId: string | null };
export type RoutingInput = {
  kind: CaseKind;
  categoryId: string | null;
  areaId: string | null;
  today: IsoDate;
  denounced?: { unitId: string; positionRank?: number } | null;
};
export type RoutingReason = "rule" | "commune_fallback" | "province_fallback" | "denunciation_guard";
export type RoutingDecision = {
  unitId: string;
  reason: RoutingReason;
  /** The rule that fired; kept when the denunciation guard overrode it, so the audit shows both. */
  ruleId: string | null;
  /** Human-readable steps, in English, for the audit log and the admin rule tester. */
  trail: string[];
};
export type RoutingError = { error: "no_unit"; trail: string[] };
export type RoutingContext = { rules: RoutingRule[]; units: RoutingUnit[]; areas: RoutingArea[] };

type Resolved = { unitId: string | null; steps: string[] };

const isValidOn = (u: RoutingUnit, today: IsoDate): boolean => u.validTo == null || today <= u.validTo;

/** Follows successors of expired units (reorganisations) until a unit valid today; null if the chain breaks. */
function resolveUnit(id: string, today: IsoDate, units: ReadonlyMap<string, RoutingUnit>): Resolved {
  const steps: string[] = [];
  const seen = new Set<string>();
  let current: string | null | undefined = id;
  while (current != null) {
    if (seen.has(current)) {
      steps.push(`successor cycle at unit ${current}`);
      return { unitId: null, steps };
    }
    seen.add(current);
    const unit = units.get(current);
    if (!unit) {
      steps.push(`unit ${current} unknown`);
      return { unitId: null, steps };
    }
    if (isValidOn(unit, today)) return { unitId: unit.id, steps };
    steps.push(
      unit.successorId
        ? `unit ${unit.id} expired on ${unit.validTo}, successor ${unit.successorId}`
        : `unit ${unit.id} expired on ${unit.validTo} with no successor`,
    );
    current = unit.successorId;
  }
  return { unitId: null, steps };
}

/** The area and its ancestors, nearest first. */
function areaChain(areaId: string | null, areas: ReadonlyMap<string, RoutingArea>): string[] {
  const chain: string[] = [];
  let current = areaId;
  while (current != null && !chain.includes(current)) {
    chain.push(current);
    current = areas.get(current)?.parentId ?? null;
  }
  return chain;
}

/** Is `unitId` inside `ancestorId`'s subtree (strictly below it)? Guards against parent cycles. */
function isBelow(unitId: string, ancestorId: string, units: ReadonlyMap<string, RoutingUnit>): boolean {
  const seen = new Set<string>([unitId]);
  let current = units.get(unitId)?.parentId ?? null;
  while (current != null && !seen.has(current)) {
    if (current === ancestorId) return true;
    seen.add(current);
    current = units.get(current)?.parentId ?? null;
  }
  return false;
}

/**
 * Would routing a denunciation to `unitId` put it in the hands of the denounced unit? True for the unit itself
 * and, when `units` is given, for any unit below it: a subordinate body cannot investigate the people it answers to.
 */
export function wouldConflict(unitId: string, denouncedUnitId: string, units?: readonly RoutingUnit[]): boolean {
  if (unitId === denouncedUnitId) return true;
  if (!units) return false;
  return isBelow(unitId, denouncedUnitId, new Map(units.map((u) => [u.id, u])));
}

// Plain code-unit comparison: locale-independent, so the order is the same on every server.
const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

type Candidate = { rule: RoutingRule; specificity: number; areaDistance: number };
const NO_AREA = Number.MAX_SAFE_INTEGER; // a rule without an area ranks after any area match

function compareCandidates(a: Candidate, b: Candidate): number {
  return (
    b.specificity - a.specificity ||
    a.areaDistance - b.areaDistance ||
    (b.rule.priority ?? 0) - (a.rule.priority ?? 0) ||
    byString(a.rule.id, b.rule.id) ||
    byString(a.rule.unitId, b.rule.unitId)
  );
}

/** First unit of the given kind in an area that resolves; units valid today before merged ones. */
function firstUnitIn(
  kind: UnitKind,
  areaId: string,
  input: RoutingInput,
  units: readonly RoutingUnit[],
  byId: ReadonlyMap<string, RoutingUnit>,
  trail: string[],
): string | null {
  const found = units
    .filter((u) => u.kind === kind && u.areaId === areaId)
    .sort((a, b) => Number(!isValidOn(a, input.today)) - Number(!isValidOn(b, input.today)) || byString(a.id, b.id));
  for (const u of found) {
    const r = resolveUnit(u.id, input.today, byId);
    trail.push(...r.steps);
    if (r.unitId) return r.unitId;
  }
  return null;
}

function chooseUnit(
  input: RoutingInput,
  ctx: RoutingContext,
  byId: ReadonlyMap<string, RoutingUnit>,
  chain: readonly string[],
  trail: string[],
): { unitId: string; reason: RoutingReason; ruleId: string | null } | null {
  const candidates: Candidate[] = [];
  for (const rule of ctx.rules) {
    if (rule.kind !== null && rule.kind !== input.kind) continue;
    if (rule.categoryId !== null && rule.categoryId !== input.categoryId) continue;
    const distance = rule.areaId === null ? NO_AREA : chain.indexOf(rule.areaId);
    if (distance === -1) continue;
    const specificity = Number(rule.kind !== null) + Number(rule.categoryId !== null) + Number(rule.areaId !== null);
    candidates.push({ rule, specificity, areaDistance: distance });
  }
  candidates.sort(compareCandidates);

  for (const { rule, specificity, areaDistance } of candidates) {
    if (rule.active === false) {
      trail.push(`rule ${rule.id} skipped: inactive`);
      continue;
    }
    const r = resolveUnit(rule.unitId, input.today, byId);
    trail.push(...r.steps);
    if (!r.unitId) {
      trail.push(`rule ${rule.id} skipped: unit ${rule.unitId} not valid on ${input.today}`);
      continue;
    }
    const area = areaDistance === 0 ? "exact area" : areaDistance === NO_AREA ? "any area" : "ancestor area";
    trail.push(`rule ${rule.id} fired (specificity ${specificity}, ${area}): unit ${r.unitId}`);
    return { unitId: r.unitId, reason: "rule", ruleId: rule.id };
  }
  trail.push("no rule matched");

  if (input.areaId !== null) {
    const pc = firstUnitIn("peoples_committee", input.areaId, input, ctx.units, byId, trail);
    if (pc) {
      trail.push(`fallback: People's Committee ${pc} of area ${input.areaId}`);
      return { unitId: pc, reason: "commune_fallback", ruleId: null };
    }
    trail.push(`no People's Committee for area ${input.areaId}`);
  }

  // Nearest area up the chain with a citizen reception board. With no or an unknown area, the province's board,
  // but only when there is a single root: guessing between provinces would misroute.
  const roots = ctx.areas.filter((a) => a.parentId === null);
  const lookIn = [...chain];
  const onlyRoot = roots.length === 1 ? roots[0]?.id : undefined;
  if (onlyRoot !== undefined && !lookIn.includes(onlyRoot)) lookIn.push(onlyRoot);
  for (const areaId of lookIn) {
    const board = firstUnitIn("reception_board", areaId, input, ctx.units, byId, trail);
    if (board) {
      trail.push(`fallback: citizen reception board ${board} of area ${areaId}`);
      return { unitId: board, reason: "province_fallback", ruleId: null };
    }
  }
  trail.push("no citizen reception board found");
  return null;
}

export function routeCase(input: RoutingInput, ctx: RoutingContext): RoutingDecision | RoutingError {
  const byId = new Map(ctx.units.map((u) => [u.id, u]));
  const areas = new Map(ctx.areas.map((a) => [a.id, a]));
  const chain = areaChain(input.areaId, areas);
  const trail: string[] = [];
  if (chain.length > 0) trail.push(`area chain: ${chain.join(" > ")}`);

  const chosen = chooseUnit(input, ctx, byId, chain, trail);
  if (!chosen) return { error: "no_unit", trail };

  const denouncedId = input.kind === "denunciation" ? input.denounced?.unitId : undefined;
  if (!denouncedId) return { ...chosen, trail };

  // The denounced unit may have merged since: its people now sit in the successor, so both count.
  const current = resolveUnit(denouncedId, input.today, byId).unitId;
  const line = current && current !== denouncedId ? [denouncedId, current] : [denouncedId];
  const conflicts = (unitId: string) => line.some((d) => wouldConflict(unitId, d, ctx.units));
  if (!conflicts(chosen.unitId)) return { ...chosen, trail };

  trail.push(
    `denunciation guard: unit ${chosen.unitId} is in the line of denounced unit ${line.join("/")}` +
      (chosen.ruleId ? `; rule ${chosen.ruleId} overridden` : `; ${chosen.reason} overridden`),
  );
  // Go to the body that manages the denounced unit, climbing further if that body is itself conflicted.
  const seen = new Set<string>();
  let next = byId.get(current ?? denouncedId)?.parentId ?? byId.get(denouncedId)?.parentId ?? null;
  while (next != null && !seen.has(next)) {
    seen.add(next);
    const r = resolveUnit(next, input.today, byId);
    trail.push(...r.steps);
    if (r.unitId && !conflicts(r.unitId)) {
      trail.push(`routed to managing body ${r.unitId}`);
      return { unitId: r.unitId, reason: "denunciation_guard", ruleId: chosen.ruleId, trail };
    }
    next = byId.get(r.unitId ?? next)?.parentId ?? null;
  }
  trail.push(`no managing body above denounced unit ${denouncedId}`);
  return { error: "no_unit", trail };
}
