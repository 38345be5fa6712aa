import type { Role } from "@/domain/types";

/** Only an administrator manages people (invitations, memberships, deactivation). */
export function mayManagePeople(roles: readonly Role[]): boolean {
  return roles.includes("admin");
}

/** An admin membership that counts for the last-admin rule: valid today, held by an account that is not deactivated. */
export type AdminSeat = { membershipId: string; userId: string; active: boolean };

export type LastAdminRefusal = "last_admin";

/**
 * Whether removing one membership would leave no active administrator. Removing a non-admin membership, or an
 * admin membership while another active account still holds an admin membership, is fine.
 */
export function removingLeavesNoAdmin(seats: readonly AdminSeat[], membershipId: string): boolean {
  const target = seats.find((s) => s.membershipId === membershipId);
  if (!target || !target.active) return false;
  return !seats.some((s) => s.active && s.membershipId !== membershipId);
}

/** Whether deactivating an account (oneself included) would leave no active administrator. */
export function deactivatingLeavesNoAdmin(seats: readonly AdminSeat[], userId: string): boolean {
  const holdsAdmin = seats.some((s) => s.active && s.userId === userId);
  if (!holdsAdmin) return false;
  return !seats.some((s) => s.active && s.userId !== userId);
}
