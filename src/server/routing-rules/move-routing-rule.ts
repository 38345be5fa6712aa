import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { routingRules } from "@/db/schema";
import { moveRule } from "@/domain/routing-rules/order";
import { adminChange, adminRefusal } from "@/server/admin/admin-frame";
import type { Viewer } from "@/server/auth/roles";
import { AppError } from "@/server/errors";
import { parseFilerInput } from "@/server/filer/filer-access";
import { loadRuleSetting, refuseIfProblems, toRoutingRule } from "./rule-set";

const schema = z.object({ id: z.uuid({ error: "not_found" }), direction: z.enum(["up", "down"], { error: "invalid" }) });

/**
 * Moves a rule one place up or down among the rules of its rank (same specificity): their priorities are
 * renumbered in the new order. The check still runs: a denunciation may reach another rule's unit and, through
 * the guard, no unit at all.
 */
export async function moveRoutingRule(db: Database, viewer: Viewer | null, input: { id?: unknown; direction?: unknown }, now = new Date()): Promise<{ id: string }> {
  return adminChange(db, viewer, async (tx) => {
    const { id, direction } = parseFilerInput(schema, input);
    const setting = await loadRuleSetting(tx);
    const moved = moveRule(setting.rules.map(toRoutingRule), id, direction);
    if (!moved.ok && moved.reason === "not_found") throw new AppError("not_found", "not_found", { reason: "not_found" });
    if (!moved.ok) throw adminRefusal("cannot_move");
    const priorityOf = new Map(moved.priorities.map((p) => [p.id, p.priority]));
    refuseIfProblems(setting, setting.rules.map((r) => ({ ...toRoutingRule(r), priority: priorityOf.get(r.id) ?? r.priority })), now);
    const before = Object.fromEntries(setting.rules.map((r) => [r.id, r.priority]));
    const changed = moved.priorities.filter((p) => before[p.id] !== p.priority);
    for (const p of changed) await tx.update(routingRules).set({ priority: p.priority, updatedAt: now }).where(eq(routingRules.id, p.id));
    return {
      result: { id },
      audit: { action: "routing_rule.moved", entityType: "routing_rule", entityId: id, data: { direction, priorities: changed.map((p) => ({ ...p, before: before[p.id] })) } },
    };
  });
}
