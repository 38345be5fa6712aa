import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Database, DbOrTx, Tx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { runInTransaction } from "@/db/transaction";
import { cases, commitments, commitmentUpdates, dialogueAgendaItems, dialogueSessionLeaders, units, users } from "@/db/schema";
import { toLocalDate } from "@/domain/calendar";
import type { SessionStatus } from "@/domain/dialogue/vocabulary";
import { normalizeTrackingCode } from "@/domain/tracking-code";
import type { CaseStatus, IsoDate } from "@/domain/types";
import { appendAudit } from "@/server/audit/append-audit";
import type { Viewer } from "@/server/auth/roles";
import { recordCaseEvent } from "@/server/cases/record-event";
import { overdueWhere } from "@/server/cases/overdue";
import { AppError } from "@/server/errors";
import { filerText, parseFilerInput } from "@/server/filer/filer-access";
import { staffError } from "@/server/workspace/case-access";
import { touchSession } from "./live/notify-session";
import { isUuid, loadSessionForStaff, type SessionRow } from "./session-access";

/** Cases that may go on an agenda: open (not yet answered, refused, closed or withdrawn), overdue or not. */
export const AGENDA_CASE_STATUSES: readonly CaseStatus[] = ["received", "accepted", "info_requested"];

/** The agenda is set while the session is still to come (or running); after it, it is the record. */
export const AGENDA_EDITABLE_SESSION_STATUSES: readonly SessionStatus[] = ["announced", "open", "live", "postponed"];

/** An agenda item is answered during the session or, by the secretary writing it up, after it. */
export const AGENDA_ANSWER_SESSION_STATUSES: readonly SessionStatus[] = ["live", "ended", "minutes_published"];

export const AGENDA_ANSWER_MAX = 5000;

/** Why a case cannot go on the agenda, shown beside the code field. */
export type AgendaCaseProblem = "required" | "invalid" | "case_not_found" | "case_closed" | "case_other_area" | "case_on_agenda" | "case_sealed";

function codeError(problem: AgendaCaseProblem): AppError {
  return new AppError("invalid_input", "invalid_input", { fields: { code: problem } });
}

/** The area and every area above it (a province-wide session takes up any commune's case). */
async function areaLine(db: DbOrTx, areaId: string): Promise<string[]> {
  const result = await db.execute(sql`
    with recursive line(id, parent_id, depth) as (
      select id, parent_id, 0 from areas where id = ${areaId}::uuid
      union all
      select a.id, a.parent_id, l.depth + 1 from areas a join line l on a.id = l.parent_id where l.depth < 10
    )
    select id from line`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}

const sessionWhen = (session: SessionRow) => ({ sessionId: session.id, sessionTitle: session.title, sessionStartsAt: session.startsAt.toISOString() });

// ---------------------------------------------------------------------------------------------
// Add and remove
// ---------------------------------------------------------------------------------------------

/**
 * Puts an open or overdue case of the session's area on its agenda, by its tracking code. The case's public
 * timeline says so (and its status page changes with it).
 */
export async function addCaseToAgenda(db: Database, viewer: Viewer | null, input: { sessionId?: unknown; code?: unknown }) {
  await loadSessionForStaff(db, viewer, String(input.sessionId ?? ""), "agenda");
  const typed = typeof input.code === "string" ? input.code.trim() : "";
  if (!typed) throw codeError("required");
  const code = normalizeTrackingCode(typed);
  if (!code) throw codeError("invalid");
  return runInTransaction(db, async (tx) => {
    const { session, viewer: staff } = await loadSessionForStaff(tx, viewer, String(input.sessionId), "agenda", { forUpdate: true });
    if (!AGENDA_EDITABLE_SESSION_STATUSES.includes(session.status)) throw staffError("conflict", "not_allowed");
    const [row] = await tx.select({ id: cases.id, kind: cases.kind, status: cases.status, areaId: cases.areaId }).from(cases).where(eq(cases.code, code)).for("update");
    if (!row) throw codeError("case_not_found");
    // A denunciation's content and filer are sealed by law; a public agenda would expose them.
    if (row.kind === "denunciation") throw codeError("case_sealed");
    if (!AGENDA_CASE_STATUSES.includes(row.status)) throw codeError("case_closed");
    if (session.areaId && !(await areaLine(tx, row.areaId)).includes(session.areaId)) throw codeError("case_other_area");
    const [item] = await tx
      .insert(dialogueAgendaItems)
      .values({ sessionId: session.id, caseId: row.id, addedBy: staff.userId })
      .onConflictDoNothing()
      .returning({ id: dialogueAgendaItems.id });
    if (!item) throw codeError("case_on_agenda");
    await recordCaseEvent(tx, { caseId: row.id, type: "case.dialogue_agenda", visibility: "public", actorUserId: staff.userId, actorRole: "intake", data: sessionWhen(session) });
    await appendAudit(tx, { actorUserId: staff.userId, action: "dialogue_agenda.added", entityType: "dialogue_session", entityId: session.id, data: { itemId: item.id, caseId: row.id } });
    await touchSession(tx, session.id);
    return { itemId: item.id, code };
  });
}

/** Takes a case off the agenda before it was answered. Commitments carried over stay: they are asked about again. */
export async function removeAgendaItem(db: Database, viewer: Viewer | null, input: { sessionId?: unknown; itemId?: unknown }) {
  await loadSessionForStaff(db, viewer, String(input.sessionId ?? ""), "agenda");
  if (!isUuid(input.itemId)) throw staffError("not_found", "not_found");
  return runInTransaction(db, async (tx) => {
    const { session, viewer: staff } = await loadSessionForStaff(tx, viewer, String(input.sessionId), "agenda", { forUpdate: true });
    const item = await lockItem(tx, session.id, input.itemId as string);
    if (!item.caseId || item.answeredAt || !AGENDA_EDITABLE_SESSION_STATUSES.includes(session.status)) throw staffError("conflict", "not_allowed");
    await tx.delete(dialogueAgendaItems).where(eq(dialogueAgendaItems.id, item.id));
    await recordCaseEvent(tx, { caseId: item.caseId, type: "case.dialogue_agenda_removed", visibility: "public", actorUserId: staff.userId, actorRole: "intake", data: sessionWhen(session) });
    await appendAudit(tx, { actorUserId: staff.userId, action: "dialogue_agenda.removed", entityType: "dialogue_session", entityId: session.id, data: { itemId: item.id, caseId: item.caseId } });
    await touchSession(tx, session.id);
  });
}

async function lockItem(tx: Tx, sessionId: string, itemId: string) {
  const [item] = await tx
    .select()
    .from(dialogueAgendaItems)
    .where(and(eq(dialogueAgendaItems.id, itemId), eq(dialogueAgendaItems.sessionId, sessionId)))
    .for("update");
  if (!item) throw staffError("not_found", "not_found");
  return item;
}

// ---------------------------------------------------------------------------------------------
// Answer
// ---------------------------------------------------------------------------------------------

export const answerAgendaSchema = z.object({
  itemId: z.string().refine(isUuid, { error: "invalid" }),
  leaderUserId: z.string().min(1, { error: "required" }),
  answer: filerText({ required: true, max: AGENDA_ANSWER_MAX }),
});

/**
 * Records the answer a leader of the session gave to an agenda item, during or after the session. For a case,
 * the answer goes on the case's public timeline ("answered at the dialogue session of …") and the case's
 * version moves, so its cached status page changes; for a carried commitment, it becomes a public progress
 * update. One transaction.
 */
export async function answerAgendaItem(
  db: Database,
  viewer: Viewer | null,
  input: { sessionId?: unknown; itemId?: unknown; leaderUserId?: unknown; answer?: unknown },
  now = new Date(),
) {
  await loadSessionForStaff(db, viewer, String(input.sessionId ?? ""), "record_answer");
  const v = parseFilerInput(answerAgendaSchema, input);
  return runInTransaction(db, async (tx) => {
    const { session, viewer: staff, roles } = await loadSessionForStaff(tx, viewer, String(input.sessionId), "record_answer", { forUpdate: true });
    if (!AGENDA_ANSWER_SESSION_STATUSES.includes(session.status)) throw staffError("conflict", "not_allowed");
    const item = await lockItem(tx, session.id, v.itemId);
    if (item.answeredAt) throw staffError("conflict", "not_allowed");
    const [leader] = await tx
      .select({ name: users.name, position: dialogueSessionLeaders.position, positionEn: dialogueSessionLeaders.positionEn })
      .from(dialogueSessionLeaders)
      .innerJoin(users, eq(users.id, dialogueSessionLeaders.userId))
      .where(and(eq(dialogueSessionLeaders.sessionId, session.id), eq(dialogueSessionLeaders.userId, v.leaderUserId)));
    if (!leader) throw new AppError("invalid_input", "invalid_input", { fields: { leaderUserId: "invalid" } });
    await tx.update(dialogueAgendaItems).set({ answer: v.answer, answeredByUserId: v.leaderUserId, answeredAt: now }).where(eq(dialogueAgendaItems.id, item.id));
    if (item.caseId) {
      const [c] = await tx.select({ version: cases.version }).from(cases).where(eq(cases.id, item.caseId)).for("update");
      await tx.update(cases).set({ version: c!.version + 1, updatedAt: now }).where(eq(cases.id, item.caseId));
      await recordCaseEvent(tx, {
        caseId: item.caseId,
        type: "case.dialogue_answer",
        visibility: "public",
        actorUserId: staff.userId,
        actorRole: roles.atUnit.has("leader") ? "leader" : roles.atUnit.has("intake") ? "intake" : "handler",
        // Public: a leader's name and position are public, and so is what was said in the session.
        data: { ...sessionWhen(session), leaderName: leader.name ?? "", leaderPosition: leader.position, leaderPositionEn: leader.positionEn, answer: v.answer },
      });
    } else if (item.commitmentId) {
      const date = new Intl.DateTimeFormat("vi-VN", { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric" }).format(session.startsAt);
      await tx.insert(commitmentUpdates).values({
        commitmentId: item.commitmentId,
        kind: "progress",
        // One text for both languages, as every update is written: the session's title is in Vietnamese.
        body: `Trả lời tại buổi đối thoại “${session.title}” ngày ${date} (${leader.name ?? ""}, ${leader.position}): ${v.answer}`,
        actorUserId: staff.userId,
      });
      await tx.update(commitments).set({ version: sql`${commitments.version} + 1`, updatedAt: now }).where(eq(commitments.id, item.commitmentId));
    }
    await appendAudit(tx, {
      actorUserId: staff.userId,
      action: "dialogue_agenda.answered",
      entityType: "dialogue_session",
      entityId: session.id,
      data: { itemId: item.id, caseId: item.caseId, commitmentId: item.commitmentId, leaderUserId: v.leaderUserId },
    });
    await touchSession(tx, session.id);
  });
}

// ---------------------------------------------------------------------------------------------
// List (public)
// ---------------------------------------------------------------------------------------------

export type AgendaAnswer = { text: string; at: Date; leaderName: string; position: string; positionEn: string };

export type AgendaCase = {
  itemId: string;
  code: string;
  title: string;
  status: CaseStatus;
  overdue: boolean;
  unit: { name: string; nameEn: string };
  answer: AgendaAnswer | null;
};

export type AgendaCommitment = {
  itemId: string;
  commitmentId: string;
  body: string;
  status: string;
  dueOn: IsoDate;
  ownerUnit: { name: string; nameEn: string };
  answer: AgendaAnswer | null;
};

export type Agenda = { cases: AgendaCase[]; commitments: AgendaCommitment[] };

const caseUnits = alias(units, "agenda_case_units");
const ownerUnits = alias(units, "agenda_owner_units");
const answerers = alias(users, "agenda_answerers");
const answererSeats = alias(dialogueSessionLeaders, "agenda_answerer_seats");

/** A session's agenda as anyone may see it: public fields only, in the order items were added. */
export async function listAgenda(db: DbOrTx, sessionId: string, now = new Date()): Promise<Agenda> {
  if (!isUuid(sessionId)) return { cases: [], commitments: [] };
  const today = toLocalDate(now);
  const rows = await db
    .select({
      itemId: dialogueAgendaItems.id,
      caseId: dialogueAgendaItems.caseId,
      commitmentId: dialogueAgendaItems.commitmentId,
      answer: dialogueAgendaItems.answer,
      answeredAt: dialogueAgendaItems.answeredAt,
      leaderName: answerers.name,
      position: answererSeats.position,
      positionEn: answererSeats.positionEn,
      code: cases.code,
      title: cases.title,
      caseStatus: cases.status,
      overdue: sql<boolean>`coalesce(${overdueWhere(today)}, false)`,
      caseUnitName: caseUnits.name,
      caseUnitNameEn: caseUnits.nameEn,
      commitmentBody: commitments.body,
      commitmentStatus: commitments.status,
      dueOn: commitments.dueOn,
      ownerName: ownerUnits.name,
      ownerNameEn: ownerUnits.nameEn,
    })
    .from(dialogueAgendaItems)
    .leftJoin(cases, eq(cases.id, dialogueAgendaItems.caseId))
    .leftJoin(caseUnits, eq(caseUnits.id, cases.unitId))
    .leftJoin(commitments, eq(commitments.id, dialogueAgendaItems.commitmentId))
    .leftJoin(ownerUnits, eq(ownerUnits.id, commitments.ownerUnitId))
    .leftJoin(answerers, eq(answerers.id, dialogueAgendaItems.answeredByUserId))
    .leftJoin(answererSeats, and(eq(answererSeats.sessionId, dialogueAgendaItems.sessionId), eq(answererSeats.userId, dialogueAgendaItems.answeredByUserId)))
    .where(eq(dialogueAgendaItems.sessionId, sessionId))
    .orderBy(asc(dialogueAgendaItems.createdAt), asc(dialogueAgendaItems.id));
  const answerOf = (r: (typeof rows)[number]): AgendaAnswer | null =>
    r.answer && r.answeredAt ? { text: r.answer, at: r.answeredAt, leaderName: r.leaderName ?? "", position: r.position ?? "", positionEn: r.positionEn ?? "" } : null;
  const agenda: Agenda = { cases: [], commitments: [] };
  for (const r of rows) {
    if (r.caseId && r.code && r.caseStatus) {
      agenda.cases.push({
        itemId: r.itemId,
        code: r.code,
        title: r.title ?? "",
        status: r.caseStatus,
        overdue: r.overdue === true,
        unit: { name: r.caseUnitName ?? "", nameEn: r.caseUnitNameEn ?? "" },
        answer: answerOf(r),
      });
    } else if (r.commitmentId && r.commitmentBody !== null && r.dueOn) {
      agenda.commitments.push({
        itemId: r.itemId,
        commitmentId: r.commitmentId,
        body: r.commitmentBody,
        status: r.commitmentStatus ?? "open",
        dueOn: r.dueOn as IsoDate,
        ownerUnit: { name: r.ownerName ?? "", nameEn: r.ownerNameEn ?? "" },
        answer: answerOf(r),
      });
    }
  }
  return agenda;
}
