import "server-only";
import { and, count, eq, gte, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx, Tx } from "@/db/client";
import { cases, commitments, dialogueSessions, memberships, reorganisations, reorganisationUnits, routingRules, units } from "@/db/schema";
import { toLocalDate } from "@/domain/calendar";
import {
  membershipMove,
  MOVING_CASE_STATUSES,
  MOVING_SESSION_STATUSES,
  planReorganisation,
  STAYING_CASE_STATUSES,
  type MovedCounts,
  type PlanField,
  type ReorganisationPlan,
  type StayingCounts,
} from "@/domain/reorganisation/plan";
import { adminRefusal } from "@/server/admin/admin-frame";
import { recordCaseEvent } from "@/server/cases/record-event";
import { AppError } from "@/server/errors";
import { filerText, parseFilerInput } from "@/server/filer/filer-access";
import { closeReceptionOfOldUnits, countReceptionMoves } from "./reorganisation-reception";

/** What the admin's form sends: the old units (several), the successor, the date and the decision ordering it. */
export const reorganisationSchema = z.object({
  oldUnitIds: z.preprocess((v) => (v == null ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().max(64, { error: "invalid" })).max(200, { error: "invalid" })),
  successorId: z.preprocess((v) => (typeof v === "string" ? v.trim() : v == null ? "" : v), z.string().max(64, { error: "invalid" })),
  effectiveOn: z.preprocess((v) => (typeof v === "string" ? v : v == null ? "" : v), z.string().max(20, { error: "invalid" })),
  decision: filerText({ required: true, max: 300 }),
});
export type ReorganisationInput = { [K in keyof z.input<typeof reorganisationSchema>]?: unknown };
export const reorganisationIdSchema = z.object({ id: z.string().uuid({ error: "invalid" }) });

async function loadPlanUnits(db: DbOrTx) {
  return db.select({ id: units.id, parentId: units.parentId, validFrom: units.validFrom, validTo: units.validTo, successorId: units.successorId }).from(units);
}

/** Old units of the other planned reorganisations (one unit cannot be promised to two successors). */
async function plannedUnitIds(db: DbOrTx, except: string | null): Promise<Set<string>> {
  const rows = await db
    .select({ unitId: reorganisationUnits.unitId })
    .from(reorganisationUnits)
    .innerJoin(reorganisations, eq(reorganisations.id, reorganisationUnits.reorganisationId))
    .where(and(eq(reorganisations.status, "planned"), except ? ne(reorganisations.id, except) : undefined));
  return new Set(rows.map((r) => r.unitId));
}

/** The pure plan on the database's units, or an error by field the page shows beside the field. */
export async function checkedPlan(db: DbOrTx, input: { oldUnitIds: string[]; successorId: string; effectiveOn: string }, now: Date, except: string | null = null): Promise<ReorganisationPlan> {
  const [planUnits, planned] = await Promise.all([loadPlanUnits(db), plannedUnitIds(db, except)]);
  const result = planReorganisation({ ...input, today: toLocalDate(now), units: planUnits, plannedElsewhere: planned });
  if (result.ok) return result.plan;
  const fields = result.problems as Record<PlanField, string>;
  const codes = result.unitIds?.length ? await unitCodes(db, result.unitIds) : [];
  throw new AppError("invalid_input", "invalid_input", { fields, ...(codes.length ? { params: Object.fromEntries(Object.keys(fields).map((f) => [f, { units: codes.join(", ") }])) } : {}) });
}

async function unitCodes(db: DbOrTx, ids: string[]): Promise<string[]> {
  const rows = await db.select({ code: units.code }).from(units).where(inArray(units.id, ids));
  return rows.map((r) => r.code).sort();
}

export function parseReorganisationInput(input: unknown) {
  return parseFilerInput(reorganisationSchema, input);
}

/** How much moves to the successor and what stays, counted now. */
export async function countMoves(db: DbOrTx, plan: Pick<ReorganisationPlan, "oldUnitIds" | "effectiveOn" | "reparented">, now: Date): Promise<{ moved: MovedCounts; staying: StayingCounts }> {
  const old = plan.oldUnitIds;
  const [[c], [closed], [m], [s], [ms], [r], reception] = await Promise.all([
    db.select({ n: count() }).from(cases).where(and(inArray(cases.unitId, old), inArray(cases.status, [...MOVING_CASE_STATUSES]))),
    db.select({ n: count() }).from(cases).where(and(inArray(cases.unitId, old), inArray(cases.status, [...STAYING_CASE_STATUSES]))),
    db.select({ n: count() }).from(commitments).where(and(inArray(commitments.ownerUnitId, old), eq(commitments.status, "open"))),
    db.select({ n: count() }).from(dialogueSessions).where(and(inArray(dialogueSessions.unitId, old), inArray(dialogueSessions.status, [...MOVING_SESSION_STATUSES]))),
    db.select({ n: count() }).from(memberships).where(and(inArray(memberships.unitId, old), or(isNull(memberships.validTo), gte(memberships.validTo, plan.effectiveOn)))),
    db.select({ n: count() }).from(routingRules).where(and(eq(routingRules.active, true), or(inArray(routingRules.unitId, old), inArray(routingRules.subjectUnitId, old)))),
    countReceptionMoves(db, { oldUnitIds: old, effectiveOn: plan.effectiveOn, now }),
  ]);
  return {
    moved: { cases: c!.n, commitments: m!.n, sessions: s!.n, memberships: ms!.n, rules: r!.n, childUnits: plan.reparented.length, ...reception },
    staying: { closedCases: closed!.n },
  };
}

export type ReorganisationRow = typeof reorganisations.$inferSelect;

/** The reorganisation locked for the change; not found, or refused when it is no longer planned. */
export async function lockPlanned(tx: Tx, id: string): Promise<{ row: ReorganisationRow; oldUnitIds: string[] }> {
  const [row] = await tx.select().from(reorganisations).where(eq(reorganisations.id, id)).for("update");
  if (!row) throw new AppError("not_found", "not_found", { reason: "not_found" });
  if (row.status !== "planned") throw adminRefusal(`already_${row.status}`, { status: row.status });
  const old = await tx.select({ unitId: reorganisationUnits.unitId }).from(reorganisationUnits).where(eq(reorganisationUnits.reorganisationId, id));
  return { row, oldUnitIds: old.map((o) => o.unitId) };
}

/**
 * Applies a planned reorganisation in the caller's transaction (the admin's, or the scheduler's on its date):
 * old units closed the day before with their successor; open cases moved with one public timeline event each
 * (closed cases keep their unit); open commitments, sessions not yet held and active routing rules re-pointed;
 * memberships closed the day before and opened at the successor from the date (no duplicates); the old units'
 * reception seats ended with their days to come cancelled (see closeReceptionOfOldUnits); their children moved
 * under the successor; what moved stored on the reorganisation. The plan is checked again
 * against the units as they are now. Returns the counts.
 */
export async function applyInTx(tx: Tx, row: ReorganisationRow, oldUnitIds: string[], now: Date, actorUserId: string | null): Promise<MovedCounts> {
  const plan = await checkedPlan(tx, { oldUnitIds, successorId: row.successorUnitId, effectiveOn: row.effectiveOn }, now, row.id);
  if (!plan.due) throw adminRefusal("not_due", { effectiveOn: plan.effectiveOn });
  const successor = plan.successorId;
  const old = plan.oldUnitIds;
  const data = { reorganisationId: row.id, decision: row.decision };

  await tx.update(units).set({ validTo: plan.lastDay, successorId: successor }).where(inArray(units.id, old));

  const moving = await tx
    .select({ id: cases.id, unitId: cases.unitId })
    .from(cases)
    .where(and(inArray(cases.unitId, old), inArray(cases.status, [...MOVING_CASE_STATUSES])))
    .orderBy(cases.receivedAt)
    .for("update");
  if (moving.length > 0) {
    await tx
      .update(cases)
      .set({ unitId: successor, version: sql`${cases.version} + 1`, updatedAt: now })
      .where(inArray(cases.id, moving.map((c) => c.id)));
  }
  for (const c of moving) {
    await recordCaseEvent(tx, {
      caseId: c.id,
      type: "case.reorganised",
      visibility: "public",
      actorUserId,
      actorRole: actorUserId ? "admin" : "system",
      fromUnitId: c.unitId,
      toUnitId: successor,
      // The decision is the reason of the move (the filer's page shows reasons); it names no person.
      reason: row.decision,
      data,
      at: now,
    });
  }

  const movedCommitments = await tx
    .update(commitments)
    .set({ ownerUnitId: successor, version: sql`${commitments.version} + 1`, updatedAt: now })
    .where(and(inArray(commitments.ownerUnitId, old), eq(commitments.status, "open")))
    .returning({ id: commitments.id });
  const movedSessions = await tx
    .update(dialogueSessions)
    .set({ unitId: successor, version: sql`${dialogueSessions.version} + 1`, updatedAt: now })
    .where(and(inArray(dialogueSessions.unitId, old), inArray(dialogueSessions.status, [...MOVING_SESSION_STATUSES])))
    .returning({ id: dialogueSessions.id });

  const movedMemberships = await moveMemberships(tx, old, successor, plan.effectiveOn, plan.lastDay);
  const movedRules = await moveRules(tx, old, successor, now);
  const reception = await closeReceptionOfOldUnits(tx, {
    oldUnitIds: old,
    effectiveOn: plan.effectiveOn,
    lastDay: plan.lastDay,
    successorId: successor,
    decision: row.decision,
    reorganisationId: row.id,
    now,
    actorUserId,
  });

  for (const r of plan.reparented) await tx.update(units).set({ parentId: r.toParentId }).where(eq(units.id, r.unitId));

  const moved: MovedCounts = {
    cases: moving.length,
    commitments: movedCommitments.length,
    sessions: movedSessions.length,
    memberships: movedMemberships,
    rules: movedRules,
    childUnits: plan.reparented.length,
    ...reception,
  };
  await tx.update(reorganisations).set({ status: "applied", appliedAt: now, appliedBy: actorUserId, moved }).where(eq(reorganisations.id, row.id));
  return moved;
}

async function moveMemberships(tx: Tx, old: string[], successor: string, effectiveOn: string, lastDay: string): Promise<number> {
  const current = await tx
    .select()
    .from(memberships)
    .where(and(inArray(memberships.unitId, old), or(isNull(memberships.validTo), gte(memberships.validTo, effectiveOn))))
    .orderBy(memberships.validFrom, memberships.id);
  const held = await tx
    .select({ userId: memberships.userId, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.unitId, successor), or(isNull(memberships.validTo), gte(memberships.validTo, effectiveOn))));
  const heldAtSuccessor = new Set(held.map((h) => `${h.userId}:${h.role}`));
  for (const m of current) {
    const { action } = membershipMove(m, effectiveOn, heldAtSuccessor);
    if (action === "close_only" || action === "close_and_copy") await tx.update(memberships).set({ validTo: lastDay }).where(eq(memberships.id, m.id));
    if (action === "drop" || action === "move") await tx.delete(memberships).where(eq(memberships.id, m.id));
    if (action === "close_and_copy" || action === "move") {
      const validFrom = action === "move" ? m.validFrom : effectiveOn;
      // One row per (user, unit, role): an old, ended row at the successor is reopened rather than duplicated.
      await tx
        .insert(memberships)
        .values({ userId: m.userId, unitId: successor, role: m.role, validFrom, validTo: m.validTo })
        .onConflictDoUpdate({ target: [memberships.userId, memberships.unitId, memberships.role], set: { validFrom, validTo: m.validTo } });
      heldAtSuccessor.add(`${m.userId}:${m.role}`);
    }
  }
  return current.length;
}

/**
 * Active rules sending cases to an old unit now send them to the successor; rules about an old body (denunciations)
 * are about the successor. A rule that would then repeat another active rule, or send a denunciation about the
 * successor to the successor itself, is switched off instead (counted as moved; the routing page shows it off).
 */
async function moveRules(tx: Tx, old: string[], successor: string, now: Date): Promise<number> {
  const rules = await tx
    .select()
    .from(routingRules)
    .where(and(eq(routingRules.active, true), or(inArray(routingRules.unitId, old), inArray(routingRules.subjectUnitId, old))))
    .orderBy(routingRules.priority, routingRules.id);
  const oldSet = new Set(old);
  for (const rule of rules) {
    const unitId = oldSet.has(rule.unitId) ? successor : rule.unitId;
    const subjectUnitId = rule.subjectUnitId !== null && oldSet.has(rule.subjectUnitId) ? successor : rule.subjectUnitId;
    const same = (col: typeof routingRules.kind | typeof routingRules.categoryId | typeof routingRules.areaId | typeof routingRules.subjectUnitId, v: string | null) => (v === null ? isNull(col) : eq(col, v));
    const [twin] = await tx
      .select({ id: routingRules.id })
      .from(routingRules)
      .where(and(eq(routingRules.active, true), ne(routingRules.id, rule.id), eq(routingRules.unitId, unitId), same(routingRules.kind, rule.kind), same(routingRules.categoryId, rule.categoryId), same(routingRules.areaId, rule.areaId), same(routingRules.subjectUnitId, subjectUnitId)))
      .limit(1);
    const selfRouted = subjectUnitId !== null && subjectUnitId === unitId;
    await tx
      .update(routingRules)
      .set(twin || selfRouted ? { active: false, updatedAt: now } : { unitId, subjectUnitId, updatedAt: now })
      .where(eq(routingRules.id, rule.id));
  }
  return rules.length;
}

