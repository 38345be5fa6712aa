// The check a routing rule set must pass before it is saved (DOMAIN.md section 5). Pure: the caller loads the
// rules as they are and as they would be, the units and the areas.
import { routeCase, wouldConflict, type RoutingArea, type RoutingRule, type RoutingUnit } from "../routing";
import { CASE_KINDS, type CaseKind, type IsoDate } from "../types";

export type CheckArea = RoutingArea & { validFrom?: string | null; validTo?: string | null };
export type CheckContext = { units: readonly RoutingUnit[]; areas: readonly CheckArea[]; today: IsoDate };

/** A sample case the check routes, on both rule sets. */
export type Probe = { kind: CaseKind; areaId: string; categoryId: string | null; denouncedUnitId: string | null };

export type RuleSetProblem =
  /** Cases like this one had a unit with the current rules and would have none with the proposed ones. */
  | ({ problem: "unrouted" } & Probe)
  /** An active rule would send denunciations about a body to that body or a unit below it. */
  | { problem: "to_denounced_body"; ruleId: string; unitId: string; subjectUnitId: string };

const KIND_ORDER = new Map(CASE_KINDS.map((k, i) => [k, i]));
const byString = (a: string | null, b: string | null): number => ((a ?? "") < (b ?? "") ? -1 : (a ?? "") > (b ?? "") ? 1 : 0);
const validOn = (a: CheckArea, today: IsoDate) => (a.validFrom == null || a.validFrom <= today) && (a.validTo == null || today <= a.validTo);
/** Kinds a subject-unit rule can match. */
const ABOUT_A_BODY: readonly CaseKind[] = ["denunciation", "complaint"];

/**
 * The sample cases that tell two rule sets apart: every kind in every area valid today; with no field and with
 * each field some rule names (a field no rule names routes as "no field" does); for denunciations and complaints,
 * about no body and about each body some rule names.
 */
export function probesFor(rules: readonly RoutingRule[], ctx: CheckContext): Probe[] {
  const categories = [null, ...new Set(rules.flatMap((r) => (r.categoryId ? [r.categoryId] : [])))].sort(byString);
  const subjects = [null, ...new Set(rules.flatMap((r) => (r.subjectUnitId ? [r.subjectUnitId] : [])))].sort(byString);
  const areaIds = ctx.areas.filter((a) => validOn(a, ctx.today)).map((a) => a.id).sort(byString);
  const probes: Probe[] = [];
  for (const kind of CASE_KINDS)
    for (const areaId of areaIds)
      for (const categoryId of categories)
        for (const denouncedUnitId of ABOUT_A_BODY.includes(kind) ? subjects : [null]) probes.push({ kind, areaId, categoryId, denouncedUnitId });
  return probes;
}

function routes(rules: readonly RoutingRule[], p: Probe, ctx: CheckContext): boolean {
  const r = routeCase(
    { kind: p.kind, categoryId: p.categoryId, areaId: p.areaId, today: ctx.today, denounced: p.denouncedUnitId ? { unitId: p.denouncedUnitId } : null },
    { rules: [...rules], units: [...ctx.units], areas: [...ctx.areas] },
  );
  return !("error" in r);
}

const conflictKey = (r: RoutingRule) => `${r.unitId}|${r.subjectUnitId}|${r.kind}`;
const isConflicting = (r: RoutingRule, units: readonly RoutingUnit[]) =>
  r.active !== false && r.subjectUnitId != null && (r.kind === null || r.kind === "denunciation") && wouldConflict(r.unitId, r.subjectUnitId, units);

/**
 * What is wrong with replacing `before` by `after`: sample cases that had a unit and would have none, and rules
 * the change makes (or makes active) that send denunciations to the body denounced or below it. A problem the
 * current set already has is not the change's fault and is not reported. Sorted, so the order of the rules given
 * changes nothing.
 */
export function checkRuleSet(before: readonly RoutingRule[], after: readonly RoutingRule[], ctx: CheckContext): RuleSetProblem[] {
  const problems: RuleSetProblem[] = [];
  const existing = new Set(before.filter((r) => isConflicting(r, ctx.units)).map(conflictKey));
  for (const r of after) {
    if (isConflicting(r, ctx.units) && !existing.has(conflictKey(r))) {
      problems.push({ problem: "to_denounced_body", ruleId: r.id, unitId: r.unitId, subjectUnitId: r.subjectUnitId! });
    }
  }
  problems.sort((a, b) => (a.problem === "to_denounced_body" && b.problem === "to_denounced_body" ? byString(a.ruleId, b.ruleId) : 0));
  for (const p of probesFor([...before, ...after], ctx)) {
    if (routes(before, p, ctx) && !routes(after, p, ctx)) problems.push({ problem: "unrouted", ...p });
  }
  return problems;
}

/** The unrouted problems, one per (kind, area) (the first field and body), for a short explanation. */
export function unroutedPairs(problems: readonly RuleSetProblem[]): Extract<RuleSetProblem, { problem: "unrouted" }>[] {
  const seen = new Set<string>();
  const out: Extract<RuleSetProblem, { problem: "unrouted" }>[] = [];
  for (const p of problems) {
    if (p.problem !== "unrouted" || seen.has(`${p.kind}|${p.areaId}`)) continue;
    seen.add(`${p.kind}|${p.areaId}`);
    out.push(p);
  }
  return out.sort((a, b) => (KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)!) || byString(a.areaId, b.areaId));
}
