// Rule-based routing of a new case to a unit (DOMAIN.md section 5). Pure: the caller loads rules, units, areas.
import type { CaseKind, IsoDate, UnitKind } from "./types";

export type RoutingRule = {
  id: string;
  kind: CaseKind | null;
  categoryId: string | null;
  areaId: string | null;
  unitId: string;
  /**
   * The body a denunciation or complaint is about (`denounced.unitId`): the rule then matches only those, and ranks
   * before every rule without one.
   */
  subjectUnitId?: string | null;
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
export type AreaMatch = "exact" | "ancestor" | "any";
/** One step of a decision, structured so the admin tester can say it in the user's language. */
export type RoutingStep =
  | { step: "area_chain"; areaIds: string[] }
  | { step: "successor_cycle"; unitId: string }
  | { step: "unit_unknown"; unitId: string }
  | { step: "unit_expired"; unitId: string; validTo: string; successorId: string | null }
  | { step: "rule_inactive"; ruleId: string }
  | { step: "rule_unit_invalid"; ruleId: string; unitId: string; today: string }
  | { step: "rule_fired"; ruleId: string; specificity: number; area: AreaMatch; subject: boolean; unitId: string }
  | { step: "no_rule" }
  | { step: "commune_fallback"; unitId: string; areaId: string }
  | { step: "no_peoples_committee"; areaId: string }
  | { step: "province_fallback"; unitId: string; areaId: string }
  | { step: "no_reception_board" }
  | { step: "guard"; unitId: string; line: string[]; ruleId: string | null; reason: RoutingReason }
  | { step: "managing_body"; unitId: string }
  | { step: "no_managing_body"; unitId: string };
export type RoutingDecision = {
  unitId: string;
  reason: RoutingReason;
  /** The rule that fired; kept when the denunciation guard overrode it, so the audit shows both. */
  ruleId: string | null;
  /** Human-readable steps, in English, for the audit log. */
  trail: string[];
  /** The same steps, structured (the admin rule tester words them in the user's language). */
  steps: RoutingStep[];
};
export type RoutingError = { error: "no_unit"; trail: string[]; steps: RoutingStep[] };

/** The English line of a step, as kept in the audit log. */
export function describeStep(s: RoutingStep): string {
  switch (s.step) {
    case "area_chain":
      return `area chain: ${s.areaIds.join(" > ")}`;
    case "successor_cycle":
      return `successor cycle at unit ${s.unitId}`;
    case "unit_unknown":
      return `unit ${s.unitId} unknown`;
    case "unit_expired":
      return s.successorId
        ? `unit ${s.unitId} expired on ${s.validTo}, successor ${s.successorId}`
        : `unit ${s.unitId} expired on ${s.validTo} with no successor`;
    case "rule_inactive":
      return `rule ${s.ruleId} skipped: inactive`;
    case "rule_unit_invalid":
      return `rule ${s.ruleId} skipped: unit ${s.unitId} not valid on ${s.today}`;
    case "rule_fired": {
      const area = s.area === "exact" ? "exact area" : s.area === "any" ? "any area" : "ancestor area";
      return `rule ${s.ruleId} fired (specificity ${s.specificity}, ${area}${s.subject ? ", about the denounced body" : ""}): unit ${s.unitId}`;
    }
    case "no_rule":
      return "no rule matched";
    case "commune_fallback":
      return `fallback: People's Committee ${s.unitId} of area ${s.areaId}`;
    case "no_peoples_committee":
      return `no People's Committee for area ${s.areaId}`;
    case "province_fallback":
      return `fallback: citizen reception board ${s.unitId} of area ${s.areaId}`;
    case "no_reception_board":
      return "no citizen reception board found";
    case "guard":
      return (
        `denunciation guard: unit ${s.unitId} is in the line of denounced unit ${s.line.join("/")}` +
        (s.ruleId ? `; rule ${s.ruleId} overridden` : `; ${s.reason} overridden`)
      );
    case "managing_body":
      return `routed to managing body ${s.unitId}`;
    case "no_managing_body":
      return `no managing body above denounced unit ${s.unitId}`;
  }
}
export type RoutingContext = { rules: RoutingRule[]; units: RoutingUnit[]; areas: RoutingArea[] };

type Resolved = { unitId: string | null; steps: RoutingStep[] };

const isValidOn = (u: RoutingUnit, today: IsoDate): boolean => u.validTo == null || today <= u.validTo;

/** Follows successors of expired units (reorganisations) until a unit valid today; null if the chain breaks. */
function resolveUnit(id: string, today: IsoDate, units: ReadonlyMap<string, RoutingUnit>): Resolved {
  const steps: RoutingStep[] = [];
  const seen = new Set<string>();
  let current: string | null | undefined = id;
  while (current != null) {
    if (seen.has(current)) {
      steps.push({ step: "successor_cycle", unitId: current });
      return { unitId: null, steps };
    }
    seen.add(current);
    const unit = units.get(current);
    if (!unit) {
      steps.push({ step: "unit_unknown", unitId: current });
      return { unitId: null, steps };
    }
    if (isValidOn(unit, today)) return { unitId: unit.id, steps };
    steps.push({ step: "unit_expired", unitId: unit.id, validTo: unit.validTo ?? "", successorId: unit.successorId ?? null });
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

/** The kinds about a body: a denunciation (the body of the person denounced) or a complaint (the body that decided). */
const SUBJECT_KINDS: ReadonlySet<CaseKind> = new Set<CaseKind>(["denunciation", "complaint"]);

type Candidate = { rule: RoutingRule; subject: boolean; specificity: number; areaDistance: number };
const NO_AREA = Number.MAX_SAFE_INTEGER; // a rule without an area ranks after any area match

function compareCandidates(a: Candidate, b: Candidate): number {
  return (
    Number(b.subject) - Number(a.subject) ||
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
  trail: RoutingStep[],
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
  trail: RoutingStep[],
): { unitId: string; reason: RoutingReason; ruleId: string | null } | null {
  const candidates: Candidate[] = [];
  for (const rule of ctx.rules) {
    if (rule.kind !== null && rule.kind !== input.kind) continue;
    if (rule.categoryId !== null && rule.categoryId !== input.categoryId) continue;
    const subject = rule.subjectUnitId != null;
    if (subject && !(SUBJECT_KINDS.has(input.kind) && input.denounced?.unitId === rule.subjectUnitId)) continue;
    const distance = rule.areaId === null ? NO_AREA : chain.indexOf(rule.areaId);
    if (distance === -1) continue;
    const specificity =
      Number(rule.kind !== null) + Number(rule.categoryId !== null) + Number(rule.areaId !== null) + Number(subject);
    candidates.push({ rule, subject, specificity, areaDistance: distance });
  }
  candidates.sort(compareCandidates);

  for (const { rule, subject, specificity, areaDistance } of candidates) {
    if (rule.active === false) {
      trail.push({ step: "rule_inactive", ruleId: rule.id });
      continue;
    }
    const r = resolveUnit(rule.unitId, input.today, byId);
    trail.push(...r.steps);
    if (!r.unitId) {
      trail.push({ step: "rule_unit_invalid", ruleId: rule.id, unitId: rule.unitId, today: input.today });
      continue;
    }
    const area: AreaMatch = areaDistance === 0 ? "exact" : areaDistance === NO_AREA ? "any" : "ancestor";
    trail.push({ step: "rule_fired", ruleId: rule.id, specificity, area, subject, unitId: r.unitId });
    return { unitId: r.unitId, reason: "rule", ruleId: rule.id };
  }
  trail.push({ step: "no_rule" });

  if (input.areaId !== null) {
    const pc = firstUnitIn("peoples_committee", input.areaId, input, ctx.units, byId, trail);
    if (pc) {
      trail.push({ step: "commune_fallback", unitId: pc, areaId: input.areaId });
      return { unitId: pc, reason: "commune_fallback", ruleId: null };
    }
    trail.push({ step: "no_peoples_committee", areaId: input.areaId });
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
      trail.push({ step: "province_fallback", unitId: board, areaId });
      return { unitId: board, reason: "province_fallback", ruleId: null };
    }
  }
  trail.push({ step: "no_reception_board" });
  return null;
}

export function routeCase(input: RoutingInput, ctx: RoutingContext): RoutingDecision | RoutingError {
  const steps: RoutingStep[] = [];
  const result = decide(input, ctx, steps);
  const trail = steps.map(describeStep);
  return "error" in result ? { error: "no_unit", trail, steps } : { ...result, trail, steps };
}

type Decided = { unitId: string; reason: RoutingReason; ruleId: string | null } | { error: "no_unit" };

function decide(input: RoutingInput, ctx: RoutingContext, trail: RoutingStep[]): Decided {
  const byId = new Map(ctx.units.map((u) => [u.id, u]));
  const areas = new Map(ctx.areas.map((a) => [a.id, a]));
  const chain = areaChain(input.areaId, areas);
  if (chain.length > 0) trail.push({ step: "area_chain", areaIds: chain });

  const chosen = chooseUnit(input, ctx, byId, chain, trail);
  if (!chosen) return { error: "no_unit" };

  const denouncedId = input.kind === "denunciation" ? input.denounced?.unitId : undefined;
  if (!denouncedId) return chosen;

  // The denounced unit may have merged since: its people now sit in the successor, so both count.
  const current = resolveUnit(denouncedId, input.today, byId).unitId;
  const line = current && current !== denouncedId ? [denouncedId, current] : [denouncedId];
  const conflicts = (unitId: string) => line.some((d) => wouldConflict(unitId, d, ctx.units));
  if (!conflicts(chosen.unitId)) return chosen;

  trail.push({ step: "guard", unitId: chosen.unitId, line, ruleId: chosen.ruleId, reason: chosen.reason });
  // Go to the body that manages the denounced unit, climbing further if that body is itself conflicted.
  const seen = new Set<string>();
  let next = byId.get(current ?? denouncedId)?.parentId ?? byId.get(denouncedId)?.parentId ?? null;
  while (next != null && !seen.has(next)) {
    seen.add(next);
    const r = resolveUnit(next, input.today, byId);
    trail.push(...r.steps);
    if (r.unitId && !conflicts(r.unitId)) {
      trail.push({ step: "managing_body", unitId: r.unitId });
      return { unitId: r.unitId, reason: "denunciation_guard", ruleId: chosen.ruleId };
    }
    next = byId.get(r.unitId ?? next)?.parentId ?? null;
  }
  trail.push({ step: "no_managing_body", unitId: denouncedId });
  return { error: "no_unit" };
}
