import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { cases, receptionMatters } from "@/db/schema";
import { toLocalDate } from "@/domain/calendar";
import { matterAnswerState, type MatterAnswerState } from "@/domain/reception/matter-answer";
import type { IsoDate } from "@/domain/types";
import { listCommitments, type CommitmentList } from "@/server/commitments/list-commitments";
import { isUuid } from "@/server/workspace/case-access";

/** What the public sees of a held reception's matters: counts only, never a summary or a citizen. */
export type ReceptionOutcome = {
  matters: {
    total: number;
    answered: number;
    guided: number;
    refused: number;
    /** Written refusal notices sent after their 3-working-day date, or still unsent past it. */
    refusalNoticesLate: number;
    cases: Record<MatterAnswerState, number> & { total: number };
  };
  conclusionItems: CommitmentList;
};

/** The matters raised at a reception by outcome, the cases' answers against their dates, and the conclusion items. */
export async function getReceptionOutcome(db: DbOrTx, dayId: string, today: IsoDate): Promise<ReceptionOutcome | null> {
  if (!isUuid(dayId)) return null;
  const [rows, conclusionItems] = await Promise.all([
    db
      .select({
        outcome: receptionMatters.outcome,
        answerDueOn: receptionMatters.answerDueOn,
        refusalNoticeDueOn: receptionMatters.refusalNoticeDueOn,
        refusalNotifiedOn: receptionMatters.refusalNotifiedOn,
        answeredAt: cases.answeredAt,
        closedAt: cases.closedAt,
      })
      .from(receptionMatters)
      .leftJoin(cases, eq(cases.id, receptionMatters.caseId))
      .where(eq(receptionMatters.receptionDayId, dayId)),
    listCommitments(db, { receptionDayId: dayId }, today),
  ]);
  const matters: ReceptionOutcome["matters"] = {
    total: rows.length,
    answered: 0,
    guided: 0,
    refused: 0,
    refusalNoticesLate: 0,
    cases: { total: 0, on_time: 0, late: 0, overdue: 0, pending: 0 },
  };
  for (const r of rows) {
    if (r.outcome === "case") {
      matters.cases.total++;
      // A case closed without an answer (not accepted, withdrawn) was still dealt with on the day it closed.
      const done = r.answeredAt ?? r.closedAt;
      matters.cases[matterAnswerState({ answerDueOn: r.answerDueOn as IsoDate | null, answeredOn: done ? toLocalDate(done) : null }, today)]++;
      continue;
    }
    matters[r.outcome]++;
    if (r.outcome === "refused" && r.refusalNoticeDueOn) {
      const notified = r.refusalNotifiedOn ?? null;
      if (notified ? notified > r.refusalNoticeDueOn : today > r.refusalNoticeDueOn) matters.refusalNoticesLate++;
    }
  }
  return { matters, conclusionItems };
}
