import { describe, expect, it } from "vitest";
import { matterAnswerState } from "./matter-answer";

describe("matterAnswerState", () => {
  const due = "2026-03-03";
  it("answered on the due date is on time, the day after is late", () => {
    expect(matterAnswerState({ answerDueOn: due, answeredOn: "2026-03-03" }, "2026-04-01")).toBe("on_time");
    expect(matterAnswerState({ answerDueOn: due, answeredOn: "2026-03-04" }, "2026-04-01")).toBe("late");
  });
  it("unanswered is pending through the due date, overdue after it", () => {
    expect(matterAnswerState({ answerDueOn: due, answeredOn: null }, "2026-03-03")).toBe("pending");
    expect(matterAnswerState({ answerDueOn: due, answeredOn: null }, "2026-03-04")).toBe("overdue");
  });
  it("without a due date, only an answer changes anything", () => {
    expect(matterAnswerState({ answerDueOn: null, answeredOn: null }, "2030-01-01")).toBe("pending");
    expect(matterAnswerState({ answerDueOn: null, answeredOn: "2026-01-01" }, "2030-01-01")).toBe("on_time");
  });
});
