import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database, Tx } from "@/db/client";
import { dialogueModerationLog, dialogueQuestions, dialogueSessionLeaders, dialogueSessions } from "@/db/schema";
import { runInTransaction } from "@/db/transaction";
import { questionTransition, SUPPORTABLE_STATUSES, type QuestionTransitionError } from "@/domain/dialogue/question-status";
import { DECLINE_REASONS, PRIORITIES, type DeclineReason, type ModerationAction } from "@/domain/dialogue/vocabulary";
import type { SessionStatus } from "@/domain/dialogue/vocabulary";
import { appendAudit } from "@/server/audit/append-audit";
import { assertStaff, type Viewer } from "@/server/auth/roles";
import { touchSession } from "@/server/dialogue/live/notify-session";
import { isUuid, loadSessionForStaff, type SessionRow } from "@/server/dialogue/session-access";
import { AppError } from "@/server/errors";
import { fieldError, filerText, parseFilerInput } from "@/server/filer/filer-access";

export type QuestionRow = typeof dialogueQuestions.$inferSelect;

/** Longest recorded answer. */
export const ANSWER_MAX_LENGTH = 10_000;

/**
 * Why a moderation action is refused, carried as AppError.message and details.reason for the page to translate.
 * Authorisation refusals are loadSessionForStaff's (not_found, not_allowed).
 */
export type ModerationRefusal = "session_cancelled" | "not_live" | "not_allowed" | "not_found" | QuestionTransitionError;

function refusal(code: AppError["code"], reason: ModerationRefusal): AppError {
  return new AppError(code, reason, { reason });
}

type Ctx = { tx: Tx; session: SessionRow; question: QuestionRow; viewer: Viewer; now: Date };
type Change = {
  set: Partial<typeof dialogueQuestions.$inferInsert>;
  log: { action: ModerationAction; reason?: DeclineReason | null; data?: Record<string, unknown> };
  /** Runs after the question's row is updated (the session's current question, moved supports). */
  after?: () => Promise<void>;
};

/**
 * The frame of every moderation verb: authorise from the question's own session (never a unit from the form),
 * lock the session (moderators of one session act one after the other) and the question, check the state, change,
 * write the public moderation log and the audit entry, and tell the public page, all in one transaction.
 */
async function moderate(
  db: Database,
  viewer: Viewer | null,
  questionId: unknown,
  staffAction: "moderate" | "record_answer",
  now: Date,
  change: (ctx: Ctx) => Promise<Change>,
): Promise<{ questionId: string; number: number; sessionId: string }> {
  assertStaff(viewer);
  if (!isUuid(questionId)) throw refusal("not_found", "not_found");
  return runInTransaction(db, async (tx) => {
    const [owner] = await tx.select({ sessionId: dialogueQuestions.sessionId }).from(dialogueQuestions).where(eq(dialogueQuestions.id, questionId)).limit(1);
    if (!owner) throw refusal("not_found", "not_found");
    const { viewer: staff } = await loadSessionForStaff(tx, viewer, owner.sessionId, staffAction);
    // "No key update", not "update": supports reference the session (a key-share lock each) and must not wait for
    // a moderator, nor deadlock with one who waits for their question's row.
    const [session] = await tx.select().from(dialogueSessions).where(eq(dialogueSessions.id, owner.sessionId)).for("no key update");
    if (!session) throw refusal("not_found", "not_found");
    if (session.status === "cancelled") throw refusal("conflict", "session_cancelled");
    const [question] = await tx.select().from(dialogueQuestions).where(eq(dialogueQuestions.id, questionId)).for("update");
    if (!question) throw refusal("not_found", "not_found");
    const { set, log, after } = await change({ tx, session, question, viewer: staff, now });
    await tx
      .update(dialogueQuestions)
      .set({ ...set, version: question.version + 1, updatedAt: now })
      .where(eq(dialogueQuestions.id, question.id));
    if (after) await after();
    await tx.insert(dialogueModerationLog).values({
      sessionId: session.id,
      questionId: question.id,
      action: log.action,
      reason: log.reason ?? null,
      data: log.data ?? null,
      actorUserId: staff.userId,
      createdAt: now,
    });
    await appendAudit(tx, {
      actorUserId: staff.userId,
      action: `question.${log.action}`,
      entityType: "dialogue_question",
      entityId: question.id,
      data: { sessionId: session.id, number: question.number, fromStatus: question.status, ...(log.reason ? { reason: log.reason } : {}), ...(log.data ?? {}) },
    });
    await touchSession(tx, session.id);
    return { questionId: question.id, number: question.number, sessionId: session.id };
  });
}

function transitionOrRefuse(result: ReturnType<typeof questionTransition>) {
  if (!result.ok) throw refusal("conflict", result.error);
  return result.status;
}

/** The session's "answering now" is this question: cleared when it leaves the queue. */
async function clearCurrentIf(tx: Tx, session: SessionRow, questionId: string): Promise<void> {
  if (session.currentQuestionId !== questionId) return;
  await tx.update(dialogueSessions).set({ currentQuestionId: null }).where(eq(dialogueSessions.id, session.id));
}

const ref = { questionId: z.string() };

/** A pending question goes public, into the queue. */
export async function approveQuestion(db: Database, viewer: Viewer | null, input: { questionId: unknown }, now = new Date()) {
  return moderate(db, viewer, input.questionId, "moderate", now, async ({ question }) => ({
    set: { status: transitionOrRefuse(questionTransition(question.status, "approve")) },
    log: { action: "approve" },
  }));
}

/** "Belongs to another body" is not declined here: the question becomes a case (turnQuestionIntoCase). */
export const DECLINE_HERE = DECLINE_REASONS.filter((r) => r !== "other_body");
export const declineSchema = z.object({ ...ref, reason: z.enum(DECLINE_HERE as [DeclineReason, ...DeclineReason[]], { error: (issue) => (issue.input === undefined ? "required" : "invalid") }) });

/** Declined with a public reason from the short list; for abusive text or personal data the text is not shown. */
export async function declineQuestion(db: Database, viewer: Viewer | null, input: { questionId: unknown; reason?: unknown }, now = new Date()) {
  const v = parseFilerInput(declineSchema, { questionId: input.questionId, reason: input.reason || undefined });
  return moderate(db, viewer, v.questionId, "moderate", now, async ({ tx, session, question }) => ({
    set: { status: transitionOrRefuse(questionTransition(question.status, "decline", { reason: v.reason })), declineReason: v.reason },
    log: { action: "decline", reason: v.reason },
    after: () => clearCurrentIf(tx, session, question.id),
  }));
}

export const mergeSchema = z.object({ ...ref, targetNumber: z.coerce.number({ error: "required" }).int({ error: "invalid" }).min(1, { error: "invalid" }) });

/**
 * A duplicate goes into the question it repeats: its supporters become the target's (a person who supported both
 * counts once), the target's count is recounted from its supports, and the duplicate points to it.
 */
export async function mergeQuestion(db: Database, viewer: Viewer | null, input: { questionId: unknown; targetNumber?: unknown }, now = new Date()) {
  const v = parseFilerInput(mergeSchema, { questionId: input.questionId, targetNumber: input.targetNumber === "" ? undefined : input.targetNumber });
  return moderate(db, viewer, v.questionId, "moderate", now, async ({ tx, session, question }) => {
    const [target] = await tx
      .select()
      .from(dialogueQuestions)
      .where(and(eq(dialogueQuestions.sessionId, session.id), eq(dialogueQuestions.number, v.targetNumber)))
      .for("update");
    if (!target) throw fieldError("targetNumber", "invalid");
    const status = questionTransition(question.status, "merge", { target, self: question });
    if (!status.ok && status.error === "merge_target_invalid") throw fieldError("targetNumber", "invalid");
    return {
      set: { status: transitionOrRefuse(status), mergedIntoId: target.id },
      log: { action: "merge", data: { mergedIntoNumber: target.number } },
      after: async () => {
        await tx.execute(sql`
          insert into dialogue_supports (question_id, supporter_key, session_id, address_hash, created_at)
          select ${target.id}::uuid, supporter_key, session_id, address_hash, created_at
          from dialogue_supports where question_id = ${question.id}::uuid
          on conflict do nothing`);
        await tx.execute(sql`
          update dialogue_questions set
            support_count = (select count(*) from dialogue_supports where question_id = ${target.id}::uuid),
            priority = greatest(priority, ${question.priority}),
            version = version + 1, updated_at = ${now.toISOString()}::timestamptz
          where id = ${target.id}::uuid`);
        await clearCurrentIf(tx, session, question.id);
      },
    };
  });
}

export const prioritySchema = z.object({ ...ref, priority: z.coerce.number().refine((p) => (PRIORITIES as readonly number[]).includes(p), { error: "invalid" }) });

/** Higher comes first in the queue (then support, then who asked first). */
export async function setQuestionPriority(db: Database, viewer: Viewer | null, input: { questionId: unknown; priority?: unknown }, now = new Date()) {
  const v = parseFilerInput(prioritySchema, input);
  return moderate(db, viewer, v.questionId, "moderate", now, async ({ question }) => {
    if (!SUPPORTABLE_STATUSES.includes(question.status)) throw refusal("conflict", "invalid_transition");
    return { set: { priority: v.priority }, log: { action: "priority", data: { priority: v.priority } } };
  });
}

/** The question the leaders answer now, one at a time, while the session is live: shown on the projector. */
export async function answerQuestionNow(db: Database, viewer: Viewer | null, input: { questionId: unknown }, now = new Date()) {
  return moderate(db, viewer, input.questionId, "moderate", now, async ({ tx, session, question }) => {
    if (session.status !== "live") throw refusal("conflict", "not_live");
    if (question.status !== "approved") throw refusal("conflict", "invalid_transition");
    return {
      set: {},
      log: { action: "answer_now" },
      after: async () => {
        await tx.update(dialogueSessions).set({ currentQuestionId: question.id }).where(eq(dialogueSessions.id, session.id));
      },
    };
  });
}

/** Sessions whose answers may be recorded: during it, and after it (the secretary catches up from notes). */
const ANSWERING_STATUSES: readonly SessionStatus[] = ["live", "ended"];

export const answerSchema = z.object({
  ...ref,
  answer: filerText({ required: true, max: ANSWER_MAX_LENGTH }),
  leaderUserId: z.string({ error: "required" }).min(1, { error: "required" }),
});

/** The secretary records the answer and the leader who gave it (one of the session's leaders); it is published. */
export async function recordAnswer(db: Database, viewer: Viewer | null, input: { questionId: unknown; answer?: unknown; leaderUserId?: unknown }, now = new Date()) {
  const v = parseFilerInput(answerSchema, input);
  return moderate(db, viewer, v.questionId, "record_answer", now, async ({ tx, session, question, viewer: staff }) => {
    if (!ANSWERING_STATUSES.includes(session.status)) throw refusal("conflict", "not_live");
    const [leader] = await tx
      .select({ userId: dialogueSessionLeaders.userId })
      .from(dialogueSessionLeaders)
      .where(and(eq(dialogueSessionLeaders.sessionId, session.id), eq(dialogueSessionLeaders.userId, v.leaderUserId)));
    if (!leader) throw fieldError("leaderUserId", "invalid");
    return {
      set: {
        status: transitionOrRefuse(questionTransition(question.status, "answer", { answer: v.answer })),
        answer: v.answer,
        answeredByUserId: leader.userId,
        answerRecordedBy: staff.userId,
        answeredAt: now,
      },
      log: { action: "answer" },
      after: () => clearCurrentIf(tx, session, question.id),
    };
  });
}
