// Where a matter registered as a case stands against its 10-working-day answer date (answer_due_on). Pure.
import type { IsoDate } from "../types";

export type MatterAnswerState = "on_time" | "late" | "overdue" | "pending";

/**
 * "on_time": answered on or before the due date; "late": answered after it; "overdue": not answered and the due
 * date has passed; "pending": not answered, still within time. A date is a local (Vietnam) date.
 */
export function matterAnswerState(m: { answerDueOn: IsoDate | null; answeredOn: IsoDate | null }, today: IsoDate): MatterAnswerState {
  if (m.answeredOn) return m.answerDueOn && m.answeredOn > m.answerDueOn ? "late" : "on_time";
  if (m.answerDueOn && today > m.answerDueOn) return "overdue";
  return "pending";
}
