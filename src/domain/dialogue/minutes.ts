// The figures printed with a session's minutes (DOMAIN.md section 6: attendance, opinions raised, answered on the
// spot, passed on as cases). Pure: the service loads the rows, this counts them, so the page, the minutes and the
// periodic report count the same way.
import { DECLINE_REASONS, type DeclineReason, type QuestionStatus } from "./vocabulary";

export type MinutesQuestion = { status: QuestionStatus; declineReason: DeclineReason | null; answeredAt: Date | null };
export type MinutesAgendaItem = { caseId: string | null; commitmentId: string | null; answeredAt: Date | null };

export type MinutesFigures = {
  /** Every question received except those merged into another (a merged one is the same opinion, counted once). */
  opinionsRaised: number;
  /**
   * Questions a leader answered in the session: status "answered", and also those answered and then passed on as
   * a case (their answer stays recorded, so they count here and among the cases).
   */
  answeredOnSpot: number;
  /** Questions turned into cases (status "case"), whatever they were before. */
  passedOnAsCases: number;
  /** Of those, the ones that belong to another body (declined for "other_body" and registered as a case for it). */
  passedOnToOtherBody: number;
  /** Declined questions (status "declined") by their public reason. A merged question is not declined. */
  declinedByReason: Record<DeclineReason, number>;
  declined: number;
  /** Received but neither answered, declined nor passed on (still pending or approved when the session ended). */
  notReached: number;
  /** Merged into another question (its supports carried over). */
  merged: number;
  agendaCases: number;
  agendaCasesAnswered: number;
  agendaCommitments: number;
  agendaCommitmentsAnswered: number;
  /** Commitments made in the session (commitments whose session is this one). */
  commitmentsMade: number;
};

export function minutesFigures(input: { questions: readonly MinutesQuestion[]; agenda: readonly MinutesAgendaItem[]; commitmentsMade: number }): MinutesFigures {
  const declinedByReason = Object.fromEntries(DECLINE_REASONS.map((r) => [r, 0])) as Record<DeclineReason, number>;
  let opinionsRaised = 0;
  let answeredOnSpot = 0;
  let passedOnAsCases = 0;
  let passedOnToOtherBody = 0;
  let declined = 0;
  let notReached = 0;
  let merged = 0;
  for (const q of input.questions) {
    if (q.status === "merged") {
      merged++;
      continue;
    }
    opinionsRaised++;
    switch (q.status) {
      case "answered":
        answeredOnSpot++;
        break;
      case "case":
        passedOnAsCases++;
        if (q.declineReason === "other_body") passedOnToOtherBody++;
        if (q.answeredAt !== null) answeredOnSpot++;
        break;
      case "declined":
        declined++;
        // A declined question without a reason cannot be stored (the state machine needs one); counted apart
        // only in `declined`, never under a reason it did not have.
        if (q.declineReason) declinedByReason[q.declineReason]++;
        break;
      case "pending":
      case "approved":
        notReached++;
        break;
    }
  }
  const cases = input.agenda.filter((a) => a.caseId !== null);
  const commitments = input.agenda.filter((a) => a.commitmentId !== null);
  return {
    opinionsRaised,
    answeredOnSpot,
    passedOnAsCases,
    passedOnToOtherBody,
    declinedByReason,
    declined,
    notReached,
    merged,
    agendaCases: cases.length,
    agendaCasesAnswered: cases.filter((a) => a.answeredAt !== null).length,
    agendaCommitments: commitments.length,
    agendaCommitmentsAnswered: commitments.filter((a) => a.answeredAt !== null).length,
    commitmentsMade: input.commitmentsMade,
  };
}
