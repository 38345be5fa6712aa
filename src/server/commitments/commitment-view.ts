import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { cases, commitments, dialogueQuestions, dialogueSessionLeaders, dialogueSessions, receptionDays, receptionPositions, units, users } from "@/db/schema";
import { isCommitmentOverdue } from "@/domain/dialogue/commitment-status";
import type { CommitmentStatus } from "@/domain/dialogue/vocabulary";
import type { IsoDate } from "@/domain/types";

/** A commitment as anyone may see it, with what the lists and its page show beside it. */
export type PublicCommitment = {
  id: string;
  body: string;
  status: CommitmentStatus;
  dueOn: IsoDate;
  overdue: boolean;
  closedAt: Date | null;
  createdAt: Date;
  version: number;
  session: { id: string; title: string; startsAt: Date } | null;
  /** An item of a reception's conclusion notice: the reception it came from (session is then null). */
  reception: { id: string; startsAt: Date; title: string; titleEn: string } | null;
  ownerUnit: { id: string; name: string; nameEn: string };
  leader: { userId: string; name: string; position: string | null; positionEn: string | null };
  question: { id: string; number: number } | null;
  /** The case it came from; a denunciation's kind is kept so that pages never show more than its code. */
  case: { code: string; kind: string } | null;
};

/** The select and joins every read of commitments shares. */
export function commitmentQuery(db: DbOrTx) {
  return db
    .select({
      c: commitments,
      sessionTitle: dialogueSessions.title,
      sessionStartsAt: dialogueSessions.startsAt,
      unitName: units.name,
      unitNameEn: units.nameEn,
      leaderName: users.name,
      position: dialogueSessionLeaders.position,
      positionEn: dialogueSessionLeaders.positionEn,
      receptionStartsAt: receptionDays.startsAt,
      receptionTitle: receptionPositions.title,
      receptionTitleEn: receptionPositions.titleEn,
      questionNumber: dialogueQuestions.number,
      caseCode: cases.code,
      caseKind: cases.kind,
    })
    .from(commitments)
    .innerJoin(units, eq(units.id, commitments.ownerUnitId))
    .innerJoin(users, eq(users.id, commitments.leaderUserId))
    .leftJoin(dialogueSessions, eq(dialogueSessions.id, commitments.sessionId))
    .leftJoin(
      dialogueSessionLeaders,
      and(eq(dialogueSessionLeaders.sessionId, commitments.sessionId), eq(dialogueSessionLeaders.userId, commitments.leaderUserId)),
    )
    .leftJoin(receptionDays, eq(receptionDays.id, commitments.receptionDayId))
    .leftJoin(receptionPositions, eq(receptionPositions.id, receptionDays.positionId))
    .leftJoin(dialogueQuestions, eq(dialogueQuestions.id, commitments.questionId))
    .leftJoin(cases, eq(cases.id, commitments.caseId))
    .$dynamic();
}

type Row = Awaited<ReturnType<ReturnType<typeof commitmentQuery>["execute"]>>[number];

export function toPublicCommitment(r: Row, today: IsoDate): PublicCommitment {
  const c = r.c;
  return {
    id: c.id,
    body: c.body,
    status: c.status,
    dueOn: c.dueOn as IsoDate,
    overdue: isCommitmentOverdue({ status: c.status, dueOn: c.dueOn as IsoDate }, today),
    closedAt: c.closedAt,
    createdAt: c.createdAt,
    version: c.version,
    session: c.sessionId && r.sessionTitle !== null && r.sessionStartsAt !== null ? { id: c.sessionId, title: r.sessionTitle, startsAt: r.sessionStartsAt } : null,
    reception:
      c.receptionDayId && r.receptionStartsAt !== null
        ? { id: c.receptionDayId, startsAt: r.receptionStartsAt, title: r.receptionTitle ?? "", titleEn: r.receptionTitleEn ?? "" }
        : null,
    ownerUnit: { id: c.ownerUnitId, name: r.unitName, nameEn: r.unitNameEn },
    // A conclusion item's leader is the head of the reception: their seat is the position received at.
    leader: { userId: c.leaderUserId, name: r.leaderName ?? "", position: r.position ?? r.receptionTitle, positionEn: r.positionEn ?? r.receptionTitleEn },
    question: c.questionId && r.questionNumber !== null ? { id: c.questionId, number: r.questionNumber } : null,
    case: r.caseCode !== null && r.caseKind !== null ? { code: r.caseCode, kind: r.caseKind } : null,
  };
}

/** Open ones first, soonest (so most overdue) deadline first; then the closed ones, latest first. */
export const COMMITMENT_ORDER = [
  sql`case when ${commitments.status} = 'open' then 0 else 1 end`,
  sql`case when ${commitments.status} = 'open' then ${commitments.dueOn} end asc`,
  sql`${commitments.closedAt} desc nulls last`,
  sql`${commitments.createdAt} desc`,
];
