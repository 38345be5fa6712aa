// Who may do what with reception days. Pure: services load the viewer's roles over the day's office unit (the
// unit whose staff run the head's calendar: the citizen reception board for the province's heads, the commune's
// People's Committee for its chair) from the resource, and ask here.
import type { CaseRoles } from "../staff-permissions";

export const RECEPTION_STAFF_ACTIONS = ["plan", "view_bookings", "record", "conclude", "briefing", "view_staff"] as const;
export type ReceptionStaffAction = (typeof RECEPTION_STAFF_ACTIONS)[number];

/**
 * The office's intake officers and leaders plan the days (confirm, move, add, cancel), see the bookings (the
 * citizens' names stay with the receiving office) and record what happened; the conclusion notice is the head's,
 * published by a leader of the office. The head of the day reads the briefing, as do the office and the leaders
 * and overseers above it, who may also read the staff view.
 */
export function mayReceptionAction(action: ReceptionStaffAction, roles: CaseRoles, opts: { isHead: boolean } = { isHead: false }): boolean {
  const at = roles.atUnit;
  const office = at.has("intake") || at.has("leader");
  switch (action) {
    case "plan":
    case "view_bookings":
    case "record":
      return office;
    case "conclude":
      return at.has("leader") || opts.isHead;
    case "briefing":
      return office || opts.isHead || roles.above.has("leader") || roles.above.has("overseer");
    case "view_staff":
      return at.size > 0 || opts.isHead || roles.above.has("leader") || roles.above.has("overseer") || roles.above.has("admin");
  }
}

/** Duty rules, positions and their holders are the administrators'. */
export function mayManageDuty(roles: readonly string[]): boolean {
  return roles.includes("admin");
}
