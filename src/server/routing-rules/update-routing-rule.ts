import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { routingRules } from "@/db/schema";
import { adminChange, adminFieldError } from "@/server/admin/admin-frame";
import type { Viewer } from "@/server/auth/roles";
import { AppError } from "@/server/errors";
import { parseFilerInput } from "@/server/filer/filer-access";
import { findDuplicate, loadRuleSetting, parseRuleFields, proposedRules, refuseIfProblems, ruleAuditData, ruleIdSchema, toRoutingRule, type RuleFieldsInput } from "./rule-set";

/** Changes what a rule matches, where it sends cases, its priority or note; refused if the set would fail the check. */
export async function updateRoutingRule(db: Database, viewer: Viewer | null, input: RuleFieldsInput & { id?: unknown }, now = new Date()): Promise<{ id: string }> {
  return adminChange(db, viewer, async (tx) => {
    const { id } = parseFilerInput(ruleIdSchema, input);
    const setting = await loadRuleSetting(tx);
    const before = setting.rules.find((r) => r.id === id);
    if (!before) throw new AppError("not_found", "not_found", { reason: "not_found" });
    const fields = parseRuleFields(input, setting, now);
    if (before.active && findDuplicate(setting, fields, id)) throw adminFieldError("unitId", "duplicate");
    const after = proposedRules(setting.rules.map(toRoutingRule), [{ id, ...fields, active: before.active }]);
    refuseIfProblems(setting, after, now);
    await tx.update(routingRules).set({ ...fields, updatedAt: now }).where(eq(routingRules.id, id));
    return { result: { id }, audit: { action: "routing_rule.updated", entityType: "routing_rule", entityId: id, data: { before: ruleAuditData(before), after: ruleAuditData(fields) } } };
  });
}
