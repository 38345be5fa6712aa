"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { stringValues } from "@/lib/form-values";
import { logger } from "@/lib/logger";
import { getViewer } from "@/server/auth/viewer";
import { AppError } from "@/server/errors";
import { createRoutingRule } from "@/server/routing-rules/create-routing-rule";
import { moveRoutingRule } from "@/server/routing-rules/move-routing-rule";
import type { Labels } from "@/server/routing-rules/rule-set";
import { setRoutingRuleActive } from "@/server/routing-rules/set-routing-rule-active";
import { tryRoutingRules } from "@/server/routing-rules/try-routing-rules";
import { updateRoutingRule } from "@/server/routing-rules/update-routing-rule";
import type { RuleSetProblem } from "@/domain/routing-rules/check";
import { FORM_FIELDS, PAGE, type RuleFormState } from "./form-state";

function refused(error: unknown, values: Record<string, string>): RuleFormState {
  if (!(error instanceof AppError)) {
    logger.error("routing rule action failed", { error });
    return { values, fieldErrors: {}, formError: "failed" };
  }
  if (error.code === "invalid_input") return { values, fieldErrors: (error.details?.fields ?? {}) as Record<string, string>, formError: "invalid" };
  if (error.code === "not_found") return { values, fieldErrors: {}, formError: "not_found" };
  if (error.code === "forbidden" || error.code === "unauthenticated") return { values, fieldErrors: {}, formError: "no_access" };
  if (error.code === "conflict" && error.message === "cannot_move") return { values, fieldErrors: {}, formError: "cannot_move" };
  if (error.code === "conflict" && error.message === "rule_set_refused") {
    const d = error.details as { problems: RuleSetProblem[]; total: number; labels: Labels };
    return { values, fieldErrors: {}, formError: "refused", refusal: { problems: d.problems, total: d.total, labels: d.labels } };
  }
  logger.error("routing rule action refused unexpectedly", { error });
  return { values, fieldErrors: {}, formError: "failed" };
}

const sampleOf = (form: FormData) => ({
  sampleKind: form.get("sampleKind") ?? undefined,
  sampleCategoryId: form.get("sampleCategoryId") ?? undefined,
  sampleAreaId: form.get("sampleAreaId") ?? undefined,
  sampleSubjectUnitId: form.get("sampleSubjectUnitId") ?? undefined,
});
const ruleOf = (form: FormData) => ({
  id: form.get("id") ?? undefined,
  kind: form.get("kind") ?? undefined,
  categoryId: form.get("categoryId") ?? undefined,
  areaId: form.get("areaId") ?? undefined,
  subjectUnitId: form.get("subjectUnitId") ?? undefined,
  unitId: form.get("unitId") ?? undefined,
  priority: form.get("priority") ?? undefined,
  note: form.get("note") ?? undefined,
});

/**
 * The rule forms post here; `op` says which (create, update, test) and the pressed button's `intent` whether to
 * try the sample on the set as it would be ("try") or to save ("save"). Trying writes nothing.
 */
export async function ruleAction(_prev: RuleFormState, form: FormData): Promise<RuleFormState> {
  const op = String(form.get("op") ?? "");
  const intent = String(form.get("intent") ?? "save");
  const values = stringValues(form, FORM_FIELDS);
  let target: string;
  try {
    const [db, viewer] = await Promise.all([getDb(), getViewer()]);
    if (op === "test" || ((op === "create" || op === "update") && intent === "try")) {
      const tried = await tryRoutingRules(db, viewer, { sample: sampleOf(form), change: op === "test" ? null : ruleOf(form) });
      return { values, fieldErrors: {}, tried };
    }
    if (op === "create") {
      const { id } = await createRoutingRule(db, viewer, ruleOf(form));
      target = `${PAGE}?xong=created#quy-tac-${id}`;
    } else if (op === "update") {
      const { id } = await updateRoutingRule(db, viewer, ruleOf(form));
      target = `${PAGE}?xong=updated#quy-tac-${id}`;
    } else {
      return { values, fieldErrors: {}, formError: "failed" };
    }
  } catch (error) {
    return refused(error, values);
  }
  redirect(target);
}

/** The small forms of a listed rule: enable/disable (`op=active`) and move up/down (`op=move`). */
export async function rowAction(_prev: RuleFormState, form: FormData): Promise<RuleFormState> {
  const op = String(form.get("op") ?? "");
  const id = form.get("id") ?? undefined;
  let target: string;
  try {
    const [db, viewer] = await Promise.all([getDb(), getViewer()]);
    if (op === "active") {
      const { active } = await setRoutingRuleActive(db, viewer, { id, active: form.get("active") ?? undefined });
      target = `${PAGE}?xong=${active ? "enabled" : "disabled"}#quy-tac-${String(id)}`;
    } else if (op === "move") {
      await moveRoutingRule(db, viewer, { id, direction: form.get("direction") ?? undefined });
      target = `${PAGE}?xong=moved#quy-tac-${String(id)}`;
    } else {
      return { values: {}, fieldErrors: {}, formError: "failed" };
    }
  } catch (error) {
    return refused(error, {});
  }
  redirect(target);
}
