// Who may do what to a case in the officials' workspace (DOMAIN.md sections 2, 3 and 8). Pure: the services
// load the viewer's roles over the case's unit and the case's facts, and ask here.
import { transition, type CaseAction } from "./case-status";
import type { CaseKind, CaseStatus, Role } from "./types";

export const STAFF_ACTIONS = [
  "accept",
  "refuse",
  "transfer",
  "assign",
  "note",
  "request_info",
  "resume",
  "save_draft",
  "submit_draft",
  "return_draft",
  "approve",
  "extend",
  "flag",
  "clear_flag",
  "view_identity",
] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];

/**
 * The roles a user holds over one case: at the case's own unit, and at a unit above it. Intake officers and
 * handlers act only in their own unit; a leader signs only for their own unit and reads the subtree below it;
 * overseers read and flag in their subtree; admins read.
 */
export type CaseRoles = { atUnit: ReadonlySet<Role>; above: ReadonlySet<Role> };

export type StaffCaseFacts = {
  status: CaseStatus;
  kind: CaseKind;
  assigneeId: string | null;
  draftStatus: "draft" | "submitted" | "returned" | null;
  flagged: boolean;
};

/** Can this user see the case at all? (own unit for everyone, the subtree for leaders, overseers and admins) */
export function canSee(roles: CaseRoles): boolean {
  if (roles.atUnit.size > 0) return true;
  return roles.above.has("leader") || roles.above.has("overseer") || roles.above.has("admin");
}

const OPEN: readonly CaseStatus[] = ["received", "accepted", "info_requested"];

/** Actions whose role requirement the user meets, whatever the case's state (refusing these is "forbidden"). */
export function roleMayEver(action: StaffAction, roles: CaseRoles): boolean {
  const at = roles.atUnit;
  switch (action) {
    case "accept":
    case "refuse":
    case "transfer":
    case "assign":
      return at.has("intake") || at.has("leader");
    case "note":
      return at.has("intake") || at.has("handler") || at.has("leader");
    case "request_info":
    case "resume":
    case "save_draft":
    case "submit_draft":
      return at.has("handler") || at.has("leader");
    case "return_draft":
    case "approve":
    case "extend":
    case "clear_flag":
      return at.has("leader");
    case "flag":
      return at.has("overseer") || roles.above.has("overseer") || roles.above.has("leader");
    case "view_identity":
      return at.has("intake") || at.has("handler") || at.has("leader");
  }
}

/** A handler acts on the cases assigned to them; a leader on any case of their unit. */
function isHandlerOfRecord(roles: CaseRoles, facts: StaffCaseFacts, userId: string): boolean {
  return roles.atUnit.has("leader") || (roles.atUnit.has("handler") && facts.assigneeId === userId);
}

function statusAllows(status: CaseStatus, action: CaseAction): boolean {
  // Refusal's reason and redirect are checked by the service with the user's text; here only the state counts.
  return transition(status, action, { reason: "-", redirect: "-" }).ok;
}

/**
 * Whether the user may do `action` now. Everything `roleMayEver` refuses is refused here too; the rest depends
 * on the case's state, the assignment and the draft.
 */
export function mayDo(action: StaffAction, roles: CaseRoles, facts: StaffCaseFacts, userId: string): boolean {
  if (!roleMayEver(action, roles)) return false;
  const open = OPEN.includes(facts.status);
  switch (action) {
    case "accept":
      return statusAllows(facts.status, "accept");
    case "refuse":
      return statusAllows(facts.status, "refuse");
    case "transfer":
      return statusAllows(facts.status, "transfer");
    case "assign":
      return open;
    case "note":
      return true;
    case "request_info":
      return statusAllows(facts.status, "request_info") && isHandlerOfRecord(roles, facts, userId);
    case "resume":
      // The filer did not send what was asked: the handler goes on without it.
      return statusAllows(facts.status, "info_timeout") && isHandlerOfRecord(roles, facts, userId);
    case "save_draft":
    case "submit_draft":
      return facts.status === "accepted" && facts.draftStatus !== "submitted" && isHandlerOfRecord(roles, facts, userId);
    case "return_draft":
    case "approve":
      return statusAllows(facts.status, "answer") && facts.draftStatus === "submitted";
    case "extend":
      return statusAllows(facts.status, "extend");
    case "flag":
      return open && !facts.flagged;
    case "clear_flag":
      return facts.flagged;
    case "view_identity":
      // A denouncer's identity is secret (Law on Denunciations art. 47): only the named handler sees it.
      return facts.kind !== "denunciation" || facts.assigneeId === userId;
  }
}

/** Every action the user may do now, in STAFF_ACTIONS order (for showing the right forms). */
export function availableActions(roles: CaseRoles, facts: StaffCaseFacts, userId: string): StaffAction[] {
  return STAFF_ACTIONS.filter((a) => mayDo(a, roles, facts, userId));
}

/** Roles someone must hold at the case's unit to be assigned to it. */
export const ASSIGNABLE_ROLES: readonly Role[] = ["handler", "leader"];
