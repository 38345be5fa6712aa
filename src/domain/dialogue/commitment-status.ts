// The commitment state machine and its reminders over the working-day calendar. Pure.
import type { WorkCalendar } from "../calendar";
import type { IsoDate } from "../types";
import type { CommitmentStatus } from "./vocabulary";

export const COMMITMENT_ACTIONS = ["progress", "keep", "miss"] as const;
export type CommitmentAction = (typeof COMMITMENT_ACTIONS)[number];

export type CommitmentTransition = { ok: true; status: CommitmentStatus } | { ok: false; error: "invalid_transition" | "text_required" };

const ACTIONS: Record<CommitmentAction, { from: readonly CommitmentStatus[]; to: CommitmentStatus | "same" }> = {
  progress: { from: ["open", "missed"], to: "same" },
  // A missed commitment may still be kept late: the record then shows both.
  keep: { from: ["open", "missed"], to: "kept" },
  miss: { from: ["open"], to: "missed" },
};

/** Every update says something in public: progress, the evidence it was kept, or why it was missed. */
export function commitmentTransition(status: CommitmentStatus, action: CommitmentAction, input: { text?: string | null }): CommitmentTransition {
  const rule = ACTIONS[action];
  if (!rule.from.includes(status)) return { ok: false, error: "invalid_transition" };
  if (!input.text?.trim()) return { ok: false, error: "text_required" };
  return { ok: true, status: rule.to === "same" ? status : rule.to };
}

export function allowedCommitmentActions(status: CommitmentStatus): CommitmentAction[] {
  return COMMITMENT_ACTIONS.filter((a) => ACTIONS[a].from.includes(status));
}

/** Flagged like an overdue case: still open after its deadline. */
export function isCommitmentOverdue(c: { status: CommitmentStatus; dueOn: IsoDate }, today: IsoDate): boolean {
  return c.status === "open" && c.dueOn < today;
}

/** The owner unit is reminded this many working days before the deadline, */
export const REMIND_BEFORE_WORKING_DAYS = 3;
/** and after it, on the first working day past it and then every this many working days while it stays open. */
export const REMIND_AFTER_EVERY_WORKING_DAYS = 5;

export type CommitmentReminder = { kind: "before" } | { kind: "after"; round: number };

/**
 * Which reminder, if any, is due for an open commitment on a working day `today`. The scheduler may miss days
 * (a stopped worker): a reminder is due on the first working day on or after its date, once (the caller
 * dedupes by kind and round), so nothing is skipped and nothing sent twice.
 */
export function commitmentReminderDue(dueOn: IsoDate, today: IsoDate, cal: WorkCalendar): CommitmentReminder | null {
  if (!cal.isWorkingDay(today)) return null;
  if (today <= dueOn) return cal.workingDaysBetween(today, dueOn) <= REMIND_BEFORE_WORKING_DAYS ? { kind: "before" } : null;
  // Working days in (dueOn, today]: 1 on the first working day after the deadline.
  const late = cal.workingDaysBetween(dueOn, today);
  if (late < 1) return null;
  return { kind: "after", round: Math.floor((late - 1) / REMIND_AFTER_EVERY_WORKING_DAYS) + 1 };
}

/**
 * The outbox's dedupe key of one reminder to one address: the same (commitment, deadline, reminder, address) is
 * queued once however many times the job runs, and a new deadline starts its reminders afresh.
 */
export function commitmentReminderKey(commitmentId: string, dueOn: IsoDate, reminder: CommitmentReminder, address: string): string {
  const which = reminder.kind === "before" ? "before" : `after-${reminder.round}`;
  return `commitment-reminder:${commitmentId}:${dueOn}:${which}:${address.trim().toLowerCase()}`;
}
