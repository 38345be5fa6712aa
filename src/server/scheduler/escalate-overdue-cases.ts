import "server-only";
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { caseEvents, cases } from "@/db/schema";
import { addCalendarDays, compareDates, toLocalDate, type WorkCalendar } from "@/domain/calendar";
import type { IsoDate } from "@/domain/types";
import { recordCaseEvent } from "@/server/cases/record-event";
import type { JobContext } from "./job-context";
import { casesDueBy, loadUnitTree, type DueCase, type UnitNode } from "./open-cases";
import { ESCALATE_AFTER_WORKING_DAYS, ESCALATE_AGAIN_EVERY_WORKING_DAYS } from "./settings";

/**
 * The public timeline event of an escalation (also written, dated back, for the demo's history). `round` counts
 * the escalations for the deadline now running: 1 the first time, then one more each time it goes up again.
 */
export function escalationEvent(c: DueCase, above: string | null, workingDaysOverdue: number, round = 1) {
  return {
    caseId: c.id,
    type: "case.escalated" as const,
    visibility: "public" as const,
    actorRole: "system" as const,
    fromUnitId: c.unitId,
    toUnitId: above,
    data: { workingDaysOverdue, dueOn: c.dueOn, deadline: c.status === "received" ? "acceptance" : "resolution", round },
  };
}

/** The case's last escalation, when it reported the deadline now running. */
export type EscalationSpell = { lastOn: IsoDate; lastToUnitId: string | null; round: number } | null;

/**
 * An escalation always comes after the deadline it reports: one dated on or before the current due date was for an
 * earlier deadline (since extended or resumed, or the acceptance before the resolution), and the case starts again
 * from its first step.
 */
export function currentSpell(c: Pick<DueCase, "dueOn" | "escalatedAt" | "escalatedToUnitId">, lastRound: number | null): EscalationSpell {
  if (!c.escalatedAt) return null;
  const lastOn = toLocalDate(c.escalatedAt);
  if (compareDates(lastOn, c.dueOn) <= 0) return null;
  return { lastOn, lastToUnitId: c.escalatedToUnitId, round: lastRound ?? 1 };
}

/** The working day from which the next escalation is due. */
export function nextEscalationOn(calendar: WorkCalendar, dueOn: IsoDate, spell: EscalationSpell): IsoDate {
  return spell ? calendar.addWorkingDays(spell.lastOn, ESCALATE_AGAIN_EVERY_WORKING_DAYS) : calendar.addWorkingDays(dueOn, ESCALATE_AFTER_WORKING_DAYS);
}

/**
 * Where the next escalation goes: the unit above the one it last went to; at the top of the tree, that unit again
 * (null when the case's own unit is the top). A case moved since to another line starts from the unit above its own.
 */
export function nextEscalationUnit(tree: Map<string, UnitNode>, caseUnitId: string, spell: EscalationSpell): string | null {
  const chain: string[] = [];
  for (let id = tree.get(caseUnitId)?.parentId ?? null; id !== null && !chain.includes(id); id = tree.get(id)?.parentId ?? null) chain.push(id);
  if (!spell || spell.lastToUnitId === null) return chain[0] ?? null;
  const at = chain.indexOf(spell.lastToUnitId);
  if (at === -1) return chain[0] ?? null;
  return chain[at + 1] ?? spell.lastToUnitId;
}

/** The round of each case's last escalation (events from before rounds were recorded count as the first). */
async function lastRounds(tx: Tx, caseIds: string[]): Promise<Map<string, number>> {
  if (caseIds.length === 0) return new Map();
  const rows = await tx
    .selectDistinctOn([caseEvents.caseId], { caseId: caseEvents.caseId, data: caseEvents.data })
    .from(caseEvents)
    .where(and(inArray(caseEvents.caseId, caseIds), eq(caseEvents.type, "case.escalated")))
    .orderBy(caseEvents.caseId, desc(caseEvents.id));
  return new Map(rows.map((r) => [r.caseId, typeof r.data?.round === "number" ? r.data.round : 1]));
}

/**
 * A case still overdue ESCALATE_AFTER_WORKING_DAYS working days after its deadline goes up one level, and again
 * every ESCALATE_AGAIN_EVERY_WORKING_DAYS working days while it stays overdue: the case records when and to which
 * unit, a public timeline event says so, and the hook on that event tells that unit's leaders and the overseers of
 * the subtree. Computed from the cases' state, so a morning the worker missed is made up on the next run, one step
 * per case (never several at once), and the next step counts from that run.
 */
export async function escalateOverdueCases(tx: Tx, { now, today, calendar }: JobContext) {
  const overdue = await casesDueBy(tx, addCalendarDays(today, -1));
  if (overdue.length === 0) return { escalated: 0, again: 0 };
  const [tree, rounds] = await Promise.all([loadUnitTree(tx), lastRounds(tx, overdue.filter((c) => c.escalatedAt !== null).map((c) => c.id))]);
  let escalated = 0;
  let again = 0;
  for (const c of overdue) {
    const spell = currentSpell(c, rounds.get(c.id) ?? null);
    if (compareDates(nextEscalationOn(calendar, c.dueOn, spell), today) > 0) continue;
    const above = nextEscalationUnit(tree, c.unitId, spell);
    const updated = await tx
      .update(cases)
      .set({ escalatedAt: now, escalatedToUnitId: above, version: sql`${cases.version} + 1`, updatedAt: now })
      // Only from the state read above: a concurrent change of the case leaves it to a later morning.
      .where(and(eq(cases.id, c.id), c.escalatedAt ? eq(cases.escalatedAt, c.escalatedAt) : isNull(cases.escalatedAt), eq(cases.status, c.status)))
      .returning({ id: cases.id });
    if (updated.length === 0) continue;
    await recordCaseEvent(tx, escalationEvent(c, above, calendar.workingDaysBetween(c.dueOn, today), spell ? spell.round + 1 : 1));
    escalated++;
    if (spell) again++;
  }
  return { escalated, again };
}
