import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { dialogueSessionEvents, dialogueSessions } from "@/db/schema";
import { runInTransaction } from "@/db/transaction";
import { sessionTransition, type SessionAction } from "@/domain/dialogue/session-status";
import type { SessionStatus } from "@/domain/dialogue/vocabulary";
import { appendAudit } from "@/server/audit/append-audit";
import type { Viewer } from "@/server/auth/roles";
import { touchSession } from "./live/notify-session";
import { loadSessionForStaff, type SessionRow } from "./session-access";
import { checkDates, checkVersion, parseSessionInput, SESSION_LIMITS, sessionDateSchema, sessionError, sessionFieldErrors, sessionText, type SessionFieldProblem } from "./session-details";

/** The status changes made from the session's controls (publishing the minutes is the minutes editor's). */
export const STATUS_ACTIONS = ["open_questions", "start", "end", "postpone", "reschedule", "cancel"] as const satisfies readonly SessionAction[];
export type StatusAction = (typeof STATUS_ACTIONS)[number];

export type ChangeSessionStatusInput = {
  sessionId?: unknown;
  version?: unknown;
  action?: unknown;
  reason?: unknown;
  date?: unknown;
  startTime?: unknown;
  endTime?: unknown;
};

const EVENT_TYPE: Record<StatusAction, string> = {
  open_questions: "questions_opened",
  start: "started",
  end: "ended",
  postpone: "postponed",
  reschedule: "rescheduled",
  cancel: "cancelled",
};

const actionSchema = z.object({ action: z.enum(STATUS_ACTIONS, { error: "invalid" }), reason: sessionText(SESSION_LIMITS.reason, false) });

type NewDate = { startsAt: Date; endsAt: Date } | null;

/** The new date of a postponement (optional) or a rescheduling (required), checked like a new session's. */
function parseNewDate(action: StatusAction, input: ChangeSessionStatusInput, now: Date): NewDate {
  const given = [input.date, input.startTime, input.endTime].some((v) => typeof v === "string" && v.trim() !== "");
  if (action !== "reschedule" && !(action === "postpone" && given)) return null;
  const parsed = parseSessionInput(sessionDateSchema, input);
  const fields: Record<string, SessionFieldProblem> = {};
  const dates = checkDates(parsed, now, fields);
  if (Object.keys(fields).length > 0) throw sessionFieldErrors(fields);
  return dates;
}

type Change = { set: Partial<typeof dialogueSessions.$inferInsert>; events: (typeof dialogueSessionEvents.$inferInsert)[] };

function moved(session: SessionRow, to: NonNullable<NewDate>) {
  return { oldStartsAt: session.startsAt.toISOString(), oldEndsAt: session.endsAt.toISOString(), startsAt: to.startsAt.toISOString(), endsAt: to.endsAt.toISOString() };
}

/** A new date: the closing time for questions keeps its distance to the start. */
function rescheduled(session: SessionRow, to: NonNullable<NewDate>): Partial<typeof dialogueSessions.$inferInsert> {
  const shift = to.startsAt.getTime() - session.startsAt.getTime();
  const close = session.questionsCloseAt ? new Date(session.questionsCloseAt.getTime() + shift) : null;
  return { startsAt: to.startsAt, endsAt: to.endsAt, questionsCloseAt: close && close <= to.endsAt ? close : null };
}

/**
 * Moves a session through its states (sessionTransition): opening questions, starting, ending, postponing (a
 * public reason; with a new date it is rescheduled at once, and both steps are in its history), rescheduling a
 * postponed session, cancelling (a public reason). A rescheduled session that takes questions in advance is
 * open for them again. Refused for a stale form and for a change its state does not allow.
 */
export async function changeSessionStatus(db: Database, viewer: Viewer | null, input: ChangeSessionStatusInput, now = new Date()): Promise<{ status: SessionStatus; version: number }> {
  await loadSessionForStaff(db, viewer, String(input.sessionId ?? ""), "change_status");
  const v = parseSessionInput(actionSchema, input);
  return runInTransaction(db, async (tx) => {
    const { session, viewer: staff } = await loadSessionForStaff(tx, viewer, String(input.sessionId), "change_status", { forUpdate: true });
    checkVersion(session.version, input.version);
    const step = sessionTransition(session.status, v.action, { reason: v.reason });
    if (!step.ok && step.error === "reason_required") throw sessionFieldErrors({ reason: "required" });
    if (!step.ok) throw sessionError("conflict", "invalid_transition");
    const newDate = parseNewDate(v.action, input, now);
    const reason = v.reason === "" ? null : v.reason;
    const base = { sessionId: session.id, actorUserId: staff.userId, createdAt: now };
    const event = (type: string, from: SessionStatus, to: SessionStatus, data: Record<string, unknown> = {}, why: string | null = null) => ({
      ...base,
      type,
      fromStatus: from,
      toStatus: to,
      reason: why,
      data,
    });

    let change: Change;
    let status: SessionStatus = step.status;
    switch (v.action) {
      case "open_questions":
        change = { set: { status, questionsInAdvance: true }, events: [event(EVENT_TYPE.open_questions, session.status, status)] };
        break;
      case "start":
        change = { set: { status, startedAt: now }, events: [event(EVENT_TYPE.start, session.status, status)] };
        break;
      case "end":
        change = { set: { status, endedAt: now, currentQuestionId: null }, events: [event(EVENT_TYPE.end, session.status, status)] };
        break;
      case "cancel":
        change = { set: { status, statusReason: reason }, events: [event(EVENT_TYPE.cancel, session.status, status, {}, reason)] };
        break;
      case "postpone": {
        const events = [event(EVENT_TYPE.postpone, session.status, status, { oldStartsAt: session.startsAt.toISOString(), oldEndsAt: session.endsAt.toISOString() }, reason)];
        let set: Change["set"] = { status, statusReason: reason };
        if (newDate) {
          const again = rescheduledStatus(session);
          events.push(event(EVENT_TYPE.reschedule, status, again, moved(session, newDate)));
          set = { ...set, ...rescheduled(session, newDate), status: again };
          status = again;
        }
        change = { set, events };
        break;
      }
      case "reschedule": {
        const again = rescheduledStatus(session);
        change = { set: { ...rescheduled(session, newDate!), status: again }, events: [event(EVENT_TYPE.reschedule, session.status, again, moved(session, newDate!))] };
        status = again;
        break;
      }
    }
    await tx.update(dialogueSessions).set(change.set).where(eq(dialogueSessions.id, session.id));
    await tx.insert(dialogueSessionEvents).values(change.events);
    await touchSession(tx, session.id);
    await appendAudit(tx, {
      actorUserId: staff.userId,
      action: `dialogue_session.${v.action}`,
      entityType: "dialogue_session",
      entityId: session.id,
      data: { fromStatus: session.status, toStatus: status, reason, ...(newDate ? moved(session, newDate) : {}) },
    });
    return { status, version: session.version + 1 };
  });
}

/** After a new date: "announced" (sessionTransition), then open again when it takes questions in advance. */
function rescheduledStatus(session: SessionRow): SessionStatus {
  const announced = sessionTransition("postponed", "reschedule");
  if (!announced.ok) return "announced";
  if (!session.questionsInAdvance) return announced.status;
  const open = sessionTransition(announced.status, "open_questions");
  return open.ok ? open.status : announced.status;
}
