import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { receptionDays } from "@/db/schema";
import { mayManageDuty, mayReceptionAction, type ReceptionStaffAction } from "@/domain/reception/permissions";
import type { CaseRoles } from "@/domain/staff-permissions";
import { assertStaff, type Viewer } from "@/server/auth/roles";
import { rolesOverUnit } from "@/server/dialogue/session-access";
import { AppError } from "@/server/errors";
import { isUuid } from "@/server/workspace/case-access";

export type ReceptionDayRow = typeof receptionDays.$inferSelect;

const notFound = () => new AppError("not_found", "not_found", { reason: "not_found" });

/**
 * Loads a reception day for a staff action and checks, from the day's office unit, that the viewer may do it.
 * Anonymous users and citizens are refused before anything is read; a day the viewer may not even see is refused
 * like a missing one. With `forUpdate`, the row is locked until the transaction ends ("no key update": bookings
 * and matters reference it), so concurrent changes to one day apply one after the other.
 */
export async function loadReceptionDayForStaff(
  db: DbOrTx,
  viewer: Viewer | null,
  dayId: string,
  action: ReceptionStaffAction,
  options: { forUpdate?: boolean } = {},
): Promise<{ day: ReceptionDayRow; roles: CaseRoles; viewer: Viewer; isHead: boolean }> {
  assertStaff(viewer);
  if (!isUuid(dayId)) throw notFound();
  const query = db.select().from(receptionDays).where(eq(receptionDays.id, dayId)).limit(1);
  const [day] = options.forUpdate ? await query.for("no key update") : await query;
  if (!day) throw notFound();
  const roles = await rolesOverUnit(db, viewer, day.officeUnitId);
  const isHead = day.headUserId === viewer.userId;
  if (!mayReceptionAction("view_staff", roles, { isHead })) throw notFound();
  if (!mayReceptionAction(action, roles, { isHead })) throw new AppError("forbidden", "not_allowed", { reason: "not_allowed" });
  return { day, roles, viewer, isHead };
}

/** Refuses anyone but an administrator (duty rules, positions, holders). */
export function assertDutyAdmin(viewer: Viewer | null): asserts viewer is Viewer {
  assertStaff(viewer);
  if (!mayManageDuty(viewer.memberships.map((m) => m.role))) throw new AppError("forbidden", "not_allowed", { reason: "not_allowed" });
}
