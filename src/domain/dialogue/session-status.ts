// The session state machine. Pure: services write the session's public history entry with the change.
import type { SessionStatus } from "./vocabulary";

export const SESSION_ACTIONS = [
  "open_questions",
  "start",
  "end",
  "publish_minutes",
  "postpone",
  "reschedule",
  "cancel",
] as const;
export type SessionAction = (typeof SESSION_ACTIONS)[number];

export type SessionTransitionError = "invalid_transition" | "reason_required";
export type SessionTransition = { ok: true; status: SessionStatus } | { ok: false; error: SessionTransitionError };

const ACTIONS: Record<SessionAction, { from: readonly SessionStatus[]; to: SessionStatus | "same" }> = {
  open_questions: { from: ["announced"], to: "open" },
  start: { from: ["announced", "open"], to: "live" },
  end: { from: ["live"], to: "ended" },
  // Minutes can be corrected after they are published: publishing again keeps the status.
  publish_minutes: { from: ["ended", "minutes_published"], to: "minutes_published" },
  postpone: { from: ["announced", "open"], to: "postponed" },
  // A postponed session gets its new date; questions sent before stay with it.
  reschedule: { from: ["postponed"], to: "announced" },
  cancel: { from: ["announced", "open", "postponed"], to: "cancelled" },
};

/** Postponing and cancelling are public and need a public reason. */
const NEEDS_REASON: readonly SessionAction[] = ["postpone", "cancel"];

export function sessionTransition(status: SessionStatus, action: SessionAction, input: { reason?: string | null } = {}): SessionTransition {
  const rule = ACTIONS[action];
  if (!rule.from.includes(status)) return { ok: false, error: "invalid_transition" };
  if (NEEDS_REASON.includes(action) && !input.reason?.trim()) return { ok: false, error: "reason_required" };
  return { ok: true, status: rule.to === "same" ? status : rule.to };
}

export function allowedSessionActions(status: SessionStatus): SessionAction[] {
  return SESSION_ACTIONS.filter((a) => ACTIONS[a].from.includes(status));
}

/** Sessions that are still coming (listed as upcoming, and on the home page). */
export const UPCOMING_STATUSES: readonly SessionStatus[] = ["announced", "open", "live", "postponed"];

/** Sessions that took place (counted as held). */
export const HELD_STATUSES: readonly SessionStatus[] = ["ended", "minutes_published"];

/**
 * Whether a citizen's question is taken now: while the session is open for questions (until they close, if a
 * closing time was set) and all through the live session.
 */
export function acceptsQuestions(session: { status: SessionStatus; questionsCloseAt: Date | null }, now: Date): boolean {
  if (session.status === "live") return true;
  if (session.status !== "open") return false;
  return session.questionsCloseAt === null || now < session.questionsCloseAt;
}

/** Why a question is refused, for the message the citizen sees. */
export function questionRefusal(session: { status: SessionStatus; questionsCloseAt: Date | null }, now: Date): "cancelled" | "closed" | "not_open" | null {
  if (acceptsQuestions(session, now)) return null;
  if (session.status === "cancelled") return "cancelled";
  if (session.status === "announced" || session.status === "postponed") return "not_open";
  return "closed";
}
