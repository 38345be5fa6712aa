import "server-only";
import { and, asc, count, eq, inArray, isNotNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { cases, commitments, dialogueAgendaItems, dialogueQuestions, dialogueSessionLeaders, units, users } from "@/db/schema";
import { minutesFigures, type MinutesFigures } from "@/domain/dialogue/minutes";
import type { DeclineReason } from "@/domain/dialogue/vocabulary";
import type { IsoDate } from "@/domain/types";
import { listAgenda, type Agenda } from "./agenda";
import { getPublicSession, type PublicSession } from "./get-public-session";
import { isUuid } from "./session-access";

/** The figures of a session as they stand now (the staff editor shows them before publishing). */
export async function countMinutesFigures(db: DbOrTx, sessionId: string): Promise<MinutesFigures> {
  const [questions, agenda, [made]] = await Promise.all([
    db
      .select({ status: dialogueQuestions.status, declineReason: dialogueQuestions.declineReason, answeredAt: dialogueQuestions.answeredAt })
      .from(dialogueQuestions)
      .where(eq(dialogueQuestions.sessionId, sessionId)),
    db
      .select({ caseId: dialogueAgendaItems.caseId, commitmentId: dialogueAgendaItems.commitmentId, answeredAt: dialogueAgendaItems.answeredAt })
      .from(dialogueAgendaItems)
      .where(eq(dialogueAgendaItems.sessionId, sessionId)),
    db.select({ n: count() }).from(commitments).where(eq(commitments.sessionId, sessionId)),
  ]);
  return minutesFigures({ questions, agenda, commitmentsMade: made?.n ?? 0 });
}

export type MinutesAnswer = { number: number; body: string; answer: string; at: Date | null; leaderName: string; position: string; positionEn: string };
export type MinutesCase = { number: number; body: string; code: string; otherBody: boolean };
export type MinutesCommitment = { id: string; body: string; dueOn: IsoDate; status: string; ownerUnit: { name: string; nameEn: string }; leaderName: string };

export type PublicMinutes = {
  session: PublicSession;
  figures: MinutesFigures;
  answered: MinutesAnswer[];
  passedOn: MinutesCase[];
  agenda: Agenda;
  commitments: MinutesCommitment[];
};

const leaders = alias(users, "minutes_leaders");
const seats = alias(dialogueSessionLeaders, "minutes_seats");

/** A session's published minutes as anyone may read them; null until they are published. */
export async function getPublicMinutes(db: DbOrTx, sessionId: string): Promise<PublicMinutes | null> {
  if (!isUuid(sessionId)) return null;
  const session = await getPublicSession(db, sessionId);
  if (!session || session.status !== "minutes_published" || !session.minutesPublishedAt) return null;
  const [figures, answered, passedOn, agenda, made] = await Promise.all([
    countMinutesFigures(db, sessionId),
    db
      .select({
        number: dialogueQuestions.number,
        body: dialogueQuestions.body,
        answer: dialogueQuestions.answer,
        at: dialogueQuestions.answeredAt,
        leaderName: leaders.name,
        position: seats.position,
        positionEn: seats.positionEn,
      })
      .from(dialogueQuestions)
      .leftJoin(leaders, eq(leaders.id, dialogueQuestions.answeredByUserId))
      .leftJoin(seats, and(eq(seats.sessionId, dialogueQuestions.sessionId), eq(seats.userId, dialogueQuestions.answeredByUserId)))
      .where(and(eq(dialogueQuestions.sessionId, sessionId), inArray(dialogueQuestions.status, ["answered", "case"]), isNotNull(dialogueQuestions.answer)))
      .orderBy(asc(dialogueQuestions.answeredAt), asc(dialogueQuestions.number)),
    db
      .select({ number: dialogueQuestions.number, body: dialogueQuestions.body, code: cases.code, declineReason: dialogueQuestions.declineReason })
      .from(dialogueQuestions)
      .innerJoin(cases, eq(cases.id, dialogueQuestions.caseId))
      .where(and(eq(dialogueQuestions.sessionId, sessionId), eq(dialogueQuestions.status, "case")))
      .orderBy(asc(dialogueQuestions.number)),
    listAgenda(db, sessionId),
    db
      .select({
        id: commitments.id,
        body: commitments.body,
        dueOn: commitments.dueOn,
        status: commitments.status,
        ownerName: units.name,
        ownerNameEn: units.nameEn,
        leaderName: users.name,
      })
      .from(commitments)
      .innerJoin(units, eq(units.id, commitments.ownerUnitId))
      .innerJoin(users, eq(users.id, commitments.leaderUserId))
      .where(eq(commitments.sessionId, sessionId))
      .orderBy(asc(commitments.createdAt), asc(commitments.id)),
  ]);
  return {
    session,
    figures,
    answered: answered.map((a) => ({ ...a, answer: a.answer ?? "", leaderName: a.leaderName ?? "", position: a.position ?? "", positionEn: a.positionEn ?? "" })),
    passedOn: passedOn.map((p) => ({ number: p.number, body: p.body, code: p.code, otherBody: p.declineReason === ("other_body" satisfies DeclineReason) })),
    agenda,
    commitments: made.map((c) => ({ id: c.id, body: c.body, dueOn: c.dueOn as IsoDate, status: c.status, ownerUnit: { name: c.ownerName, nameEn: c.ownerNameEn }, leaderName: c.leaderName ?? "" })),
  };
}
