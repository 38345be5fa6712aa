import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { dialogueQuestions, users } from "@/db/schema";
import { PUBLIC_QUESTION_STATUSES, queueOrder } from "@/domain/dialogue/question-status";
import { DECLINE_REASONS, HIDDEN_WHEN_DECLINED, type DeclineReason, type QuestionStatus } from "@/domain/dialogue/vocabulary";
import type { Viewer } from "@/server/auth/roles";
import { isUuid, loadSessionForStaff } from "@/server/dialogue/session-access";

export type PublicQuestion = {
  id: string;
  number: number;
  body: string;
  status: QuestionStatus;
  priority: number;
  supportCount: number;
  answer: string | null;
  answeredByUserId: string | null;
  answeredAt: Date | null;
  caseId: string | null;
  createdAt: Date;
};

/** Questions anyone may read (approved, answered, turned into a case), in the queue's order. */
export async function listPublicQuestions(db: DbOrTx, sessionId: string): Promise<PublicQuestion[]> {
  if (!isUuid(sessionId)) return [];
  const rows = await db
    .select({
      id: dialogueQuestions.id,
      number: dialogueQuestions.number,
      body: dialogueQuestions.body,
      status: dialogueQuestions.status,
      priority: dialogueQuestions.priority,
      supportCount: dialogueQuestions.supportCount,
      answer: dialogueQuestions.answer,
      answeredByUserId: dialogueQuestions.answeredByUserId,
      answeredAt: dialogueQuestions.answeredAt,
      caseId: dialogueQuestions.caseId,
      createdAt: dialogueQuestions.createdAt,
    })
    .from(dialogueQuestions)
    .where(and(eq(dialogueQuestions.sessionId, sessionId), inArray(dialogueQuestions.status, [...PUBLIC_QUESTION_STATUSES])));
  return queueOrder(rows);
}

/** A declined question as the public page shows it: its reason always, its text unless that was the reason. */
export type DeclinedQuestion = { number: number; reason: DeclineReason | null; body: string | null };
export type DeclinedSummary = { total: number; counts: Record<DeclineReason, number>; questions: DeclinedQuestion[] };

export async function listDeclinedQuestions(db: DbOrTx, sessionId: string): Promise<DeclinedSummary> {
  const counts = Object.fromEntries(DECLINE_REASONS.map((r) => [r, 0])) as Record<DeclineReason, number>;
  if (!isUuid(sessionId)) return { total: 0, counts, questions: [] };
  const rows = await db
    .select({ number: dialogueQuestions.number, reason: dialogueQuestions.declineReason, body: dialogueQuestions.body })
    .from(dialogueQuestions)
    .where(and(eq(dialogueQuestions.sessionId, sessionId), eq(dialogueQuestions.status, "declined")))
    .orderBy(asc(dialogueQuestions.number));
  for (const r of rows) if (r.reason) counts[r.reason]++;
  return {
    total: rows.length,
    counts,
    questions: rows.map((r) => ({ number: r.number, reason: r.reason, body: r.reason && HIDDEN_WHEN_DECLINED.includes(r.reason) ? null : r.body })),
  };
}

export type StaffQuestion = PublicQuestion & {
  declineReason: DeclineReason | null;
  mergedIntoNumber: number | null;
  answeredByName: string | null;
  hasContact: boolean;
  consentContact: boolean;
  version: number;
};

/** Every question of the session, pending ones too, for its moderators; the contact stays sealed. */
export async function listStaffQuestions(db: DbOrTx, viewer: Viewer | null, sessionId: string): Promise<StaffQuestion[]> {
  await loadSessionForStaff(db, viewer, sessionId, "view_staff");
  const target = alias(dialogueQuestions, "target");
  const rows = await db
    .select({
      id: dialogueQuestions.id,
      number: dialogueQuestions.number,
      body: dialogueQuestions.body,
      status: dialogueQuestions.status,
      priority: dialogueQuestions.priority,
      supportCount: dialogueQuestions.supportCount,
      answer: dialogueQuestions.answer,
      answeredByUserId: dialogueQuestions.answeredByUserId,
      answeredAt: dialogueQuestions.answeredAt,
      caseId: dialogueQuestions.caseId,
      createdAt: dialogueQuestions.createdAt,
      declineReason: dialogueQuestions.declineReason,
      mergedIntoNumber: target.number,
      answeredByName: users.name,
      askerSealed: dialogueQuestions.askerSealed,
      consentContact: dialogueQuestions.consentContact,
      version: dialogueQuestions.version,
    })
    .from(dialogueQuestions)
    .leftJoin(target, eq(target.id, dialogueQuestions.mergedIntoId))
    .leftJoin(users, eq(users.id, dialogueQuestions.answeredByUserId))
    .where(eq(dialogueQuestions.sessionId, sessionId))
    .orderBy(asc(dialogueQuestions.number));
  return rows.map(({ askerSealed, ...r }) => ({ ...r, hasContact: askerSealed !== null }));
}
