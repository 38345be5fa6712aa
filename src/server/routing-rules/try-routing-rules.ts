import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { toLocalDate } from "@/domain/calendar";
import { routeCase, type RoutingDecision, type RoutingError, type RoutingRule } from "@/domain/routing";
import type { RuleSetProblem } from "@/domain/routing-rules/check";
import { CASE_KINDS } from "@/domain/types";
import { adminFieldError, assertAdmin } from "@/server/admin/admin-frame";
import type { Viewer } from "@/server/auth/roles";
import { AppError } from "@/server/errors";
import { parseFilerInput } from "@/server/filer/filer-access";
import { labelsFor, loadRuleSetting, parseRuleFields, problemIds, problemsOf, proposedRules, stepIds, toRoutingRule, type Labels, type RuleFieldsInput } from "./rule-set";

const emptyToNull = (v: unknown) => (typeof v === "string" ? (v.trim() === "" ? null : v.trim()) : (v ?? null));
const optionalId = z.preprocess(emptyToNull, z.uuid({ error: "unknown" }).nullable());

/** A sample case: its kind, field, area and, for a denunciation or complaint, the body it is about. */
export const sampleSchema = z.object({
  sampleKind: z.enum(CASE_KINDS, { error: (i) => (i.input === undefined || i.input === "" ? "required" : "invalid") }),
  sampleCategoryId: optionalId,
  sampleAreaId: optionalId,
  sampleSubjectUnitId: optionalId,
});
export const SAMPLE_FIELDS = ["sampleKind", "sampleCategoryId", "sampleAreaId", "sampleSubjectUnitId"] as const;
export type SampleInput = { [K in (typeof SAMPLE_FIELDS)[number]]?: unknown };

export type TryResult = {
  /** Where the sample goes with the rules as saved. */
  current: RoutingDecision | RoutingError;
  /** Where it would go with the change (absent when only the saved set was tried). */
  proposed?: RoutingDecision | RoutingError;
  /** What saving the change would be refused for (empty: it may be saved). */
  problems: RuleSetProblem[];
  labels: Labels;
};

/**
 * Runs a sample case through the router on the saved rule set and, when `change` is given (a rule's fields, with
 * `id` for an edit), on the set as it would be once saved, and says whether saving would be refused. Writes nothing.
 */
export async function tryRoutingRules(
  db: DbOrTx,
  viewer: Viewer | null,
  input: { sample: SampleInput; change?: (RuleFieldsInput & { id?: unknown }) | null },
  now = new Date(),
): Promise<TryResult> {
  assertAdmin(viewer);
  const sample = parseFilerInput(sampleSchema, input.sample);
  const setting = await loadRuleSetting(db);
  if (sample.sampleAreaId && !setting.areas.some((a) => a.id === sample.sampleAreaId)) throw adminFieldError("sampleAreaId", "unknown");
  if (sample.sampleCategoryId && !setting.categories.some((c) => c.id === sample.sampleCategoryId)) throw adminFieldError("sampleCategoryId", "unknown");
  if (sample.sampleSubjectUnitId && !setting.units.some((u) => u.id === sample.sampleSubjectUnitId)) throw adminFieldError("sampleSubjectUnitId", "unknown");

  const current = setting.rules.map(toRoutingRule);
  let after: RoutingRule[] | null = null;
  if (input.change) {
    const fields = parseRuleFields(input.change, setting, now);
    const editing = typeof input.change.id === "string" && input.change.id !== "" ? setting.rules.find((r) => r.id === input.change!.id) : undefined;
    if (input.change.id && !editing) throw new AppError("not_found", "not_found", { reason: "not_found" });
    after = proposedRules(current, [{ id: editing?.id ?? `new-${randomUUID()}`, ...fields, active: editing?.active ?? true }]);
  }
  const route = (rules: RoutingRule[]) =>
    routeCase(
      {
        kind: sample.sampleKind,
        categoryId: sample.sampleCategoryId,
        areaId: sample.sampleAreaId,
        today: toLocalDate(now),
        denounced: sample.sampleSubjectUnitId ? { unitId: sample.sampleSubjectUnitId } : null,
      },
      { rules, units: setting.units, areas: setting.areas },
    );
  const result = { current: route(current), ...(after ? { proposed: route(after) } : {}) };
  const problems = after ? problemsOf(setting, after, now).slice(0, 50) : [];
  const ids = [
    ...stepIds(result.current.steps),
    ...(result.proposed ? stepIds(result.proposed.steps) : []),
    ...problemIds(problems),
    ..."unitId" in result.current ? [result.current.unitId] : [],
    ...(result.proposed && "unitId" in result.proposed ? [result.proposed.unitId] : []),
  ];
  return { ...result, problems, labels: labelsFor(setting, ids) };
}
