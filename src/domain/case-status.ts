// The case state machine (DOMAIN.md section 3). Pure: callers write the timeline event.
import { CASE_STATUSES, type CaseStatus } from "./types";

export const CASE_ACTIONS = [
  "accept",
  "refuse",
  "transfer",
  "withdraw",
  "request_info",
  "provide_info",
  "info_timeout",
  "extend",
  "answer",
  "close",
  "reopen",
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export type TransitionInput = {
  /** Legal reason; required to refuse acceptance. */
  reason?: string | null;
  /** Where the filer should go instead; required to refuse acceptance. */
  redirect?: string | null;
};

export type TransitionError = "invalid_transition" | "reason_required" | "redirect_required";
export type TransitionResult = { ok: true; status: CaseStatus } | { ok: false; error: TransitionError };

/** Source statuses and target of each action. `transfer` and `extend` keep the status: they are events. */
const ACTIONS: Record<CaseAction, { from: readonly CaseStatus[]; to: CaseStatus }> = {
  accept: { from: ["received"], to: "accepted" },
  refuse: { from: ["received"], to: "not_accepted" },
  transfer: { from: ["received"], to: "received" },
  withdraw: { from: ["received", "accepted", "info_requested"], to: "withdrawn" },
  request_info: { from: ["accepted"], to: "info_requested" },
  provide_info: { from: ["info_requested"], to: "accepted" },
  info_timeout: { from: ["info_requested"], to: "accepted" },
  extend: { from: ["accepted"], to: "accepted" },
  answer: { from: ["accepted"], to: "answered" },
  close: { from: ["not_accepted", "answered"], to: "closed" },
  // Contested answer or second-instance complaint: the case starts over at (usually) the level above.
  reopen: { from: ["answered", "closed"], to: "received" },
};

const isBlank = (s: string | null | undefined): boolean => s == null || s.trim() === "";

export function transition(status: CaseStatus, action: CaseAction, input: TransitionInput = {}): TransitionResult {
  const rule = ACTIONS[action];
  if (!rule.from.includes(status)) return { ok: false, error: "invalid_transition" };
  // The law forbids a bare refusal: the filer must learn why and where to go.
  if (action === "refuse") {
    if (isBlank(input.reason)) return { ok: false, error: "reason_required" };
    if (isBlank(input.redirect)) return { ok: false, error: "redirect_required" };
  }
  return { ok: true, status: rule.to };
}

/** Actions possible from a status (given the required input), in CASE_ACTIONS order. */
export function allowedActions(status: CaseStatus): CaseAction[] {
  return CASE_ACTIONS.filter((a) => ACTIONS[a].from.includes(status));
}

/** The case is finished. A closed case can still be reopened when contested; a withdrawn one cannot. */
export function isTerminal(status: CaseStatus): boolean {
  return status === "closed" || status === "withdrawn";
}

export type ClockState = "acceptance" | "resolution" | "paused" | "stopped";

/** Which legal clock runs. "paused" means paused where the deadline policy allows it; the policy decides. */
export function clockState(status: CaseStatus): ClockState {
  switch (status) {
    case "received":
      return "acceptance";
    case "accepted":
      return "resolution";
    case "info_requested":
      return "paused";
    case "not_accepted":
    case "answered":
    case "closed":
    case "withdrawn":
      return "stopped";
  }
}

export const STATUS_LABELS: Record<CaseStatus, { vi: string; en: string }> = {
  received: { vi: "Đã tiếp nhận", en: "Received" },
  accepted: { vi: "Đã thụ lý / Đang giải quyết", en: "Accepted / In progress" },
  info_requested: { vi: "Chờ bổ sung thông tin", en: "Awaiting more information" },
  not_accepted: { vi: "Không thụ lý", en: "Not accepted" },
  answered: { vi: "Đã trả lời / Đã có kết quả", en: "Answered / Result issued" },
  closed: { vi: "Đã đóng", en: "Closed" },
  withdrawn: { vi: "Đã rút", en: "Withdrawn" },
};

export function isCaseStatus(s: string): s is CaseStatus {
  return (CASE_STATUSES as readonly string[]).includes(s);
}

export function isCaseAction(s: string): s is CaseAction {
  return (CASE_ACTIONS as readonly string[]).includes(s);
}
