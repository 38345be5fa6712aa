// The question state machine. Pure: services write the moderation log and audit entries with the change.
import type { DeclineReason, QuestionStatus } from "./vocabulary";

export const QUESTION_ACTIONS = ["approve", "decline", "merge", "answer", "to_case"] as const;
export type QuestionAction = (typeof QUESTION_ACTIONS)[number];

export type QuestionTransitionError = "invalid_transition" | "reason_required" | "answer_required" | "merge_target_invalid";
export type QuestionTransition = { ok: true; status: QuestionStatus } | { ok: false; error: QuestionTransitionError };

const ACTIONS: Record<QuestionAction, { from: readonly QuestionStatus[]; to: QuestionStatus }> = {
  approve: { from: ["pending"], to: "approved" },
  decline: { from: ["pending", "approved"], to: "declined" },
  merge: { from: ["pending", "approved"], to: "merged" },
  answer: { from: ["approved"], to: "answered" },
  // A question that needs investigation becomes a case, answered or not; declining it as "belongs to another
  // body" makes it a case too.
  to_case: { from: ["pending", "approved", "answered"], to: "case" },
};

/** Statuses whose question shows on the public page, with its text. */
export const PUBLIC_QUESTION_STATUSES: readonly QuestionStatus[] = ["approved", "answered", "case"];

/** Statuses a question may be merged into (a live one that others can still support). */
export const MERGE_TARGET_STATUSES: readonly QuestionStatus[] = ["pending", "approved"];

/** Statuses a question may be supported in. */
export const SUPPORTABLE_STATUSES: readonly QuestionStatus[] = ["pending", "approved"];

export function questionTransition(
  status: QuestionStatus,
  action: QuestionAction,
  input: { reason?: DeclineReason | null; answer?: string | null; target?: { id: string; status: QuestionStatus; sessionId: string } | null; self?: { id: string; sessionId: string } } = {},
): QuestionTransition {
  const rule = ACTIONS[action];
  if (!rule.from.includes(status)) return { ok: false, error: "invalid_transition" };
  if (action === "decline" && !input.reason) return { ok: false, error: "reason_required" };
  if (action === "answer" && !input.answer?.trim()) return { ok: false, error: "answer_required" };
  if (action === "merge") {
    const t = input.target;
    const self = input.self;
    if (!t || !self || t.id === self.id || t.sessionId !== self.sessionId || !MERGE_TARGET_STATUSES.includes(t.status)) {
      return { ok: false, error: "merge_target_invalid" };
    }
  }
  return { ok: true, status: rule.to };
}

export function allowedQuestionActions(status: QuestionStatus): QuestionAction[] {
  return QUESTION_ACTIONS.filter((a) => ACTIONS[a].from.includes(status));
}

/** The live queue: approved questions by priority, then support, then who asked first. */
export function queueOrder<Q extends { priority: number; supportCount: number; number: number }>(questions: readonly Q[]): Q[] {
  return [...questions].sort((a, b) => b.priority - a.priority || b.supportCount - a.supportCount || a.number - b.number);
}

/**
 * Supporters of two questions merged: each person counts once. Returns the merged supporter set's size, which
 * is what the surviving question's count becomes.
 */
export function mergedSupportCount(target: Iterable<string>, merged: Iterable<string>): number {
  return new Set([...target, ...merged]).size;
}
