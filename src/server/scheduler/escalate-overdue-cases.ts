import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { cases } from "@/db/schema";
import { addCalendarDays } from "@/domain/calendar";
import { recordCaseEvent } from "@/server/cases/record-event";
import type { JobContext } from "./job-context";
import { casesDueBy, loadUnitTree, type DueCase } from "./open-cases";
import { ESCALATE_AFTER_WORKING_DAYS } from "./settings";

/** The public timeline event of an escalation (also written, dated back, for the demo's history). */
export function escalationEvent(c: DueCase, above: string | null, workingDaysOverdue: number) {
  return {
    caseId: c.id,
    type: "case.escalated" as const,
    visibility: "public" as const,
    actorRole: "system" as const,
    fromUnitId: c.unitId,
    toUnitId: above,
    data: { workingDaysOverdue, dueOn: c.dueOn, deadline: c.status === "received" ? "acceptance" : "resolution" },
  };
}

/**
 * A case still overdue ESCALATE_AFTER_WORKING_DAYS working days after its deadline goes up one level: the
 * case records the unit above, a public timeline event says so, and the hook on that event tells the unit
 * above's leaders and the overseers of the subtree. Once per case: the update only takes unescalated cases.
 */
export async function escalateOverdueCases(tx: Tx, { now, today, calendar }: JobContext) {
  const overdue = (await casesDueBy(tx, addCalendarDays(today, -1))).filter((c) => c.escalatedAt === null);
  if (overdue.length === 0) return { escalated: 0 };
  const tree = await loadUnitTree(tx);
  let escalated = 0;
  for (const c of overdue) {
    const workingDaysOverdue = calendar.workingDaysBetween(c.dueOn, today);
    if (workingDaysOverdue < ESCALATE_AFTER_WORKING_DAYS) continue;
    const above = tree.get(c.unitId)?.parentId ?? null;
    const updated = await tx
      .update(cases)
      .set({ escalatedAt: now, escalatedToUnitId: above, version: sql`${cases.version} + 1`, updatedAt: now })
      .where(and(eq(cases.id, c.id), isNull(cases.escalatedAt), eq(cases.status, c.status)))
      .returning({ id: cases.id });
    if (updated.length === 0) continue;
    await recordCaseEvent(tx, escalationEvent(c, above, workingDaysOverdue));
    escalated++;
  }
  return { escalated };
}
