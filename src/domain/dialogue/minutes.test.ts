import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { minutesFigures, type MinutesQuestion } from "./minutes";
import { DECLINE_REASONS, QUESTION_STATUSES } from "./vocabulary";

const at = new Date("2026-12-14T02:00:00Z");
const q = (status: MinutesQuestion["status"], declineReason: MinutesQuestion["declineReason"] = null, answered = false): MinutesQuestion => ({
  status,
  declineReason,
  answeredAt: answered ? at : null,
});

describe("the minutes' figures", () => {
  it("counts a hand-worked session", () => {
    // 10 questions received: 2 merged into others, 3 answered, 1 answered then passed on as a case, 1 passed on
    // for another body, 2 declined (abusive, off topic), 1 still approved when the session ended.
    const questions = [
      q("merged"),
      q("merged"),
      q("answered", null, true),
      q("answered", null, true),
      q("answered", null, true),
      q("case", null, true),
      q("case", "other_body"),
      q("declined", "abusive"),
      q("declined", "off_topic"),
      q("approved"),
    ];
    const agenda = [
      { caseId: "c1", commitmentId: null, answeredAt: at },
      { caseId: "c2", commitmentId: null, answeredAt: null },
      { caseId: null, commitmentId: "k1", answeredAt: at },
    ];
    const f = minutesFigures({ questions, agenda, commitmentsMade: 2 });
    expect(f).toEqual({
      opinionsRaised: 8,
      answeredOnSpot: 4,
      passedOnAsCases: 2,
      passedOnToOtherBody: 1,
      declinedByReason: { off_topic: 1, abusive: 1, personal_data: 0, already_answered: 0, other_body: 0 },
      declined: 2,
      notReached: 1,
      merged: 2,
      agendaCases: 2,
      agendaCasesAnswered: 1,
      agendaCommitments: 1,
      agendaCommitmentsAnswered: 1,
      commitmentsMade: 2,
    });
  });

  it("counts nothing for an empty session", () => {
    const f = minutesFigures({ questions: [], agenda: [], commitmentsMade: 0 });
    expect(f.opinionsRaised).toBe(0);
    expect(Object.values(f.declinedByReason).every((n) => n === 0)).toBe(true);
  });

  it("puts every opinion raised in exactly one place: answered (not a case), case, declined or not reached", () => {
    const question = fc.record({
      status: fc.constantFrom(...QUESTION_STATUSES),
      declineReason: fc.option(fc.constantFrom(...DECLINE_REASONS), { nil: null }),
      answeredAt: fc.option(fc.constant(at), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(question, { maxLength: 60 }), (questions) => {
        // Declined questions always carry a reason in the database.
        const stored = questions.map((x) => (x.status === "declined" && !x.declineReason ? { ...x, declineReason: "off_topic" as const } : x));
        const f = minutesFigures({ questions: stored, agenda: [], commitmentsMade: 0 });
        const answeredOnly = stored.filter((x) => x.status === "answered").length;
        expect(answeredOnly + f.passedOnAsCases + f.declined + f.notReached).toBe(f.opinionsRaised);
        expect(f.opinionsRaised + f.merged).toBe(stored.length);
        expect(Object.values(f.declinedByReason).reduce((a, b) => a + b, 0)).toBe(f.declined);
        expect(f.passedOnToOtherBody).toBeLessThanOrEqual(f.passedOnAsCases);
      }),
    );
  });
});
