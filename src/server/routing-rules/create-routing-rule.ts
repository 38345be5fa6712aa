import "server-only";
import { randomUUID } from "node:crypto";
import type { Database } from "@/db/client";
import { routingRules } from "@/db/schema";
import { adminChange, adminFieldError } from "@/server/admin/admin-frame";
import type { Viewer } from "@/server/auth/roles";
import { findDuplicate, loadRuleSetting, parseRuleFields, proposedRules, refuseIfProblems, ruleAuditData, toRoutingRule, type RuleFieldsInput } from "./rule-set";

/** Adds an active rule, refused if the rule set would then fail the check. */
export async function createRoutingRule(db: Database, viewer: Viewer | null, input: RuleFieldsInput, now = new Date()): Promise<{ id: string }> {
  return adminChange(db, viewer, async (tx) => {
    const setting = await loadRuleSetting(tx);
    const fields = parseRuleFields(input, setting, now);
    if (findDuplicate(setting, fields)) throw adminFieldError("unitId", "duplicate");
    const id = randomUUID();
    const after = proposedRules(setting.rules.map(toRoutingRule), [{ id, ...fields, active: true }]);
    refuseIfProblems(setting, after, now);
    await tx.insert(routingRules).values({ id, ...fields, active: true, updatedAt: now });
    return { result: { id }, audit: { action: "routing_rule.created", entityType: "routing_rule", entityId: id, data: { rule: ruleAuditData(fields) } } };
  });
}
