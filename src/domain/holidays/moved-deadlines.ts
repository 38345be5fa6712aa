// Which open cases' running deadlines a change of the holiday table would move, by re-running the deadline
// functions under the old and the new calendar. A preview only: stored deadlines are never recomputed.
import type { WorkCalendar } from "../calendar";
import { acceptanceDueDate, resolutionDueDate, selectPolicy, type DeadlinePolicy } from "../deadlines";
import type { CaseKind, Instance, IsoDate } from "../types";

/** An open case whose clock runs: waiting for acceptance (acceptedOn null) or for its answer. */
export type RunningClock = {
  code: string;
  kind: CaseKind;
  instance: Instance;
  policyId: string | null;
  remote: boolean;
  receivedOn: IsoDate;
  acceptedOn: IsoDate | null;
};

export type MovedDeadline = { code: string; which: "acceptance" | "resolution"; before: IsoDate; after: IsoDate };

function dueOn(calendar: WorkCalendar, policy: DeadlinePolicy, c: RunningClock): IsoDate | null {
  return c.acceptedOn === null ? acceptanceDueDate(calendar, policy, c.receivedOn) : resolutionDueDate(calendar, policy, c.acceptedOn, { remote: c.remote });
}

export function movedDeadlines(clocks: readonly RunningClock[], policies: readonly DeadlinePolicy[], before: WorkCalendar, after: WorkCalendar): MovedDeadline[] {
  const byId = new Map(policies.map((p) => [p.id, p]));
  const moved: MovedDeadline[] = [];
  for (const c of clocks) {
    const policy = (c.policyId ? byId.get(c.policyId) : undefined) ?? selectPolicy(policies, c.kind, c.instance, c.receivedOn);
    if (!policy) continue;
    const was = dueOn(before, policy, c);
    const will = dueOn(after, policy, c);
    if (was !== null && will !== null && was !== will) moved.push({ code: c.code, which: c.acceptedOn === null ? "acceptance" : "resolution", before: was, after: will });
  }
  return moved.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
