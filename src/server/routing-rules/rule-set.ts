import "server-only";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { areas, categories, routingRules, units } from "@/db/schema";
import { toLocalDate } from "@/domain/calendar";
import type { RoutingRule, RoutingStep } from "@/domain/routing";
import { checkRuleSet, type RuleSetProblem } from "@/domain/routing-rules/check";
import { inTryOrder } from "@/domain/routing-rules/order";
import { CASE_KINDS, type CaseKind } from "@/domain/types";
import { adminFieldError, adminRefusal } from "@/server/admin/admin-frame";
import { filerText, parseFilerInput } from "@/server/filer/filer-access";

/** Everything the router and the check read: the rules, and the organisation they point into. */
export type RuleSetting = {
  rules: (typeof routingRules.$inferSelect)[];
  units: (typeof units.$inferSelect)[];
  areas: (typeof areas.$inferSelect)[];
  categories: (typeof categories.$inferSelect)[];
};

export async function loadRuleSetting(db: DbOrTx): Promise<RuleSetting> {
  const [ruleRows, unitRows, areaRows, categoryRows] = await Promise.all([
    db.select().from(routingRules),
    db.select().from(units),
    db.select().from(areas),
    db.select().from(categories),
  ]);
  return { rules: ruleRows, units: unitRows, areas: areaRows, categories: categoryRows };
}

export const toRoutingRule = (r: typeof routingRules.$inferSelect): RoutingRule => ({
  id: r.id,
  kind: r.kind,
  categoryId: r.categoryId,
  areaId: r.areaId,
  subjectUnitId: r.subjectUnitId,
  unitId: r.unitId,
  priority: r.priority,
  active: r.active,
});

const emptyToNull = (v: unknown) => (typeof v === "string" ? (v.trim() === "" ? null : v.trim()) : (v ?? null));
const optionalId = z.preprocess(emptyToNull, z.uuid({ error: "unknown" }).nullable());

export const ruleFieldsSchema = z.object({
  kind: z.preprocess(emptyToNull, z.enum(CASE_KINDS, { error: "invalid" }).nullable()),
  categoryId: optionalId,
  areaId: optionalId,
  subjectUnitId: optionalId,
  unitId: z.preprocess(emptyToNull, z.uuid({ error: "required" }).nullable()).refine((v) => v !== null, { error: "required" }),
  priority: z.preprocess((v) => (v === "" || v == null ? 0 : v), z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).min(-1000, { error: "invalid" }).max(1000, { error: "invalid" })),
  note: filerText({ max: 500 }),
});
export type RuleFields = z.infer<typeof ruleFieldsSchema> & { unitId: string };
export type RuleFieldsInput = { [K in keyof z.input<typeof ruleFieldsSchema>]?: unknown };
export const RULE_FIELDS = ["kind", "categoryId", "areaId", "subjectUnitId", "unitId", "priority", "note"] as const;

export const ruleIdSchema = z.object({ id: z.uuid({ error: "not_found" }) });

/** Validates a rule's fields against the organisation as it is today: every id known, the receiving unit open. */
export function parseRuleFields(input: unknown, setting: RuleSetting, now: Date): RuleFields {
  const fields = parseFilerInput(ruleFieldsSchema, input) as RuleFields;
  const today = toLocalDate(now);
  const unit = setting.units.find((u) => u.id === fields.unitId);
  if (!unit) throw adminFieldError("unitId", "unknown");
  if (unit.validTo != null && unit.validTo < today) throw adminFieldError("unitId", "closed");
  if (fields.categoryId && !setting.categories.some((c) => c.id === fields.categoryId)) throw adminFieldError("categoryId", "unknown");
  if (fields.areaId && !setting.areas.some((a) => a.id === fields.areaId)) throw adminFieldError("areaId", "unknown");
  if (fields.subjectUnitId) {
    if (!setting.units.some((u) => u.id === fields.subjectUnitId)) throw adminFieldError("subjectUnitId", "unknown");
    // Only denunciations and complaints are about a body: with another kind the rule would never match.
    if (fields.kind !== null && fields.kind !== "denunciation" && fields.kind !== "complaint") throw adminFieldError("subjectUnitId", "subject_kind");
  }
  return fields;
}

/** The same match and receiving unit as an active rule already there (other than `exceptId`). */
export function findDuplicate(setting: RuleSetting, f: RuleFields, exceptId?: string): string | null {
  const same = setting.rules.find(
    (r) => r.active && r.id !== exceptId && r.kind === f.kind && r.categoryId === f.categoryId && r.areaId === f.areaId && r.subjectUnitId === f.subjectUnitId && r.unitId === f.unitId,
  );
  return same?.id ?? null;
}

export type Labels = Record<string, { vi: string; en: string }>;

/** Names, in both languages, of the units, areas, fields and rules a list of problems or steps mentions. */
export function labelsFor(setting: RuleSetting, ids: Iterable<string | null | undefined>): Labels {
  const out: Labels = {};
  for (const id of ids) {
    if (!id || out[id]) continue;
    const unit = setting.units.find((u) => u.id === id);
    const area = setting.areas.find((a) => a.id === id);
    const category = setting.categories.find((c) => c.id === id);
    if (unit) out[id] = { vi: unit.name, en: unit.nameEn };
    else if (area) out[id] = { vi: area.name, en: area.nameEn ?? area.name };
    else if (category) out[id] = { vi: category.nameVi, en: category.nameEn };
    else {
      const at = inTryOrder(setting.rules.map(toRoutingRule)).findIndex((r) => r.id === id);
      const note = setting.rules[setting.rules.findIndex((r) => r.id === id)]?.note;
      if (at >= 0) out[id] = { vi: `số ${at + 1}${note ? ` (${note})` : ""}`, en: `no. ${at + 1}${note ? ` (${note})` : ""}` };
    }
  }
  return out;
}

export const problemIds = (ps: readonly RuleSetProblem[]) =>
  ps.flatMap((p) => (p.problem === "unrouted" ? [p.areaId, p.categoryId, p.denouncedUnitId] : [p.ruleId, p.unitId, p.subjectUnitId]));

export function stepIds(steps: readonly RoutingStep[]): string[] {
  return steps.flatMap((s) => {
    switch (s.step) {
      case "area_chain":
        return s.areaIds;
      case "guard":
        return [s.unitId, ...s.line, s.ruleId ?? ""];
      case "rule_inactive":
        return [s.ruleId];
      case "rule_unit_invalid":
      case "rule_fired":
        return [s.ruleId, s.unitId];
      case "commune_fallback":
      case "province_fallback":
        return [s.unitId, s.areaId];
      case "no_peoples_committee":
        return [s.areaId];
      case "no_rule":
      case "no_reception_board":
        return [];
      default:
        return [s.unitId];
    }
  });
}

/** The rule set a change would give: each rule of `replace` takes the place of the one with its id, or is added. */
export function proposedRules(current: readonly RoutingRule[], replace: readonly RoutingRule[]): RoutingRule[] {
  const byId = new Map(current.map((r) => [r.id, r]));
  for (const r of replace) byId.set(r.id, r);
  return [...byId.values()];
}

export function checkContext(setting: RuleSetting, now: Date) {
  return { units: setting.units, areas: setting.areas, today: toLocalDate(now) };
}

/** The problems of a change, none when it may be saved. */
export function problemsOf(setting: RuleSetting, after: readonly RoutingRule[], now: Date): RuleSetProblem[] {
  return checkRuleSet(setting.rules.map(toRoutingRule), after, checkContext(setting, now));
}

/** Refuses a change the check finds fault with, with the problems and the names they mention. */
export function refuseIfProblems(setting: RuleSetting, after: readonly RoutingRule[], now: Date): void {
  const problems = problemsOf(setting, after, now);
  if (problems.length === 0) return;
  throw adminRefusal("rule_set_refused", { problems: problems.slice(0, 50), total: problems.length, labels: labelsFor(setting, problemIds(problems.slice(0, 50))) });
}

export const ruleAuditData = (r: typeof routingRules.$inferSelect | RuleFields | null) =>
  r && { kind: r.kind as CaseKind | null, categoryId: r.categoryId, areaId: r.areaId, subjectUnitId: r.subjectUnitId, unitId: r.unitId, priority: r.priority, note: r.note, ...("active" in r ? { active: r.active } : {}) };
