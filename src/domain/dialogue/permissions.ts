// Who may do what in dialogue sessions and commitments. Pure: services load the viewer's roles over the
// session's hosting unit (or the commitment's owner unit), from the resource, and ask here.
import type { CaseRoles } from "../staff-permissions";

export const SESSION_STAFF_ACTIONS = [
  "schedule",
  "edit",
  "change_status",
  "moderate",
  "record_answer",
  "to_case",
  "agenda",
  "commit",
  "publish_minutes",
  "view_staff",
] as const;
export type SessionStaffAction = (typeof SESSION_STAFF_ACTIONS)[number];

/**
 * Roles at the hosting unit: a leader's office (its intake officers and leaders) schedules and runs the session;
 * every staff member of the unit moderates and records answers as secretary; registering a question as a case
 * is an intake officer's or a leader's (as for any case registered on a citizen's behalf). Roles above the
 * unit only read.
 */
export function maySessionAction(action: SessionStaffAction, roles: CaseRoles): boolean {
  const at = roles.atUnit;
  switch (action) {
    case "schedule":
    case "edit":
    case "change_status":
    case "to_case":
    case "agenda":
    case "commit":
    case "publish_minutes":
      return at.has("intake") || at.has("leader");
    case "moderate":
    case "record_answer":
      return at.has("intake") || at.has("handler") || at.has("leader");
    case "view_staff":
      return at.size > 0 || roles.above.has("leader") || roles.above.has("overseer") || roles.above.has("admin");
  }
}

export const COMMITMENT_STAFF_ACTIONS = ["progress", "close"] as const;
export type CommitmentStaffAction = (typeof COMMITMENT_STAFF_ACTIONS)[number];

/**
 * Roles at the commitment's owner unit: its staff report progress; its leader (or a leader above it) says it
 * was kept or missed.
 */
export function mayCommitmentAction(action: CommitmentStaffAction, roles: CaseRoles): boolean {
  const at = roles.atUnit;
  if (action === "progress") return at.has("intake") || at.has("handler") || at.has("leader");
  return at.has("leader") || roles.above.has("leader");
}
