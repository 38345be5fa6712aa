import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { routingRules } from "@/db/schema";
import { adminChange, adminFieldError } from "@/server/admin/admin-frame";
import type { Viewer } from "@/server/auth/roles";
import { AppError } from "@/server/errors";
import { parseFilerInput } from "@/server/filer/filer-access";
import { findDuplicate, loadRuleSetting, proposedRules, refuseIfProblems, toRoutingRule } from "./rule-set";

const schema = z.object({ id: z.uuid({ error: "not_found" }), active: z.preprocess((v) => v === true || v === "1" || v === "true", z.boolean()) });

/** Enables or disables a rule (a disabled rule is kept, and skipped by the router); refused if the set would fail the check. */
export async function setRoutingRuleActive(db: Database, viewer: Viewer | null, input: { id?: unknown; active?: unknown }, now = new Date()): Promise<{ id: string; active: boolean }> {
  return adminChange(db, viewer, async (tx) => {
    const { id, active } = parseFilerInput(schema, input);
    const setting = await loadRuleSetting(tx);
    const row = setting.rules.find((r) => r.id === id);
    if (!row) throw new AppError("not_found", "not_found", { reason: "not_found" });
    if (active && !row.active && findDuplicate(setting, { ...row, unitId: row.unitId, note: row.note ?? "" }, id)) throw adminFieldError("active", "duplicate");
    const after = proposedRules(setting.rules.map(toRoutingRule), [{ ...toRoutingRule(row), active }]);
    refuseIfProblems(setting, after, now);
    if (row.active !== active) await tx.update(routingRules).set({ active, updatedAt: now }).where(eq(routingRules.id, id));
    return {
      result: { id, active },
      audit: { action: active ? "routing_rule.enabled" : "routing_rule.disabled", entityType: "routing_rule", entityId: id, data: { before: row.active, after: active } },
    };
  });
}
