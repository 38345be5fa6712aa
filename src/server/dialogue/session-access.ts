import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { dialogueSessions } from "@/db/schema";
import { maySessionAction, type SessionStaffAction } from "@/domain/dialogue/permissions";
import type { CaseRoles } from "@/domain/staff-permissions";
import { assertStaff, type Viewer } from "@/server/auth/roles";
import { AppError } from "@/server/errors";
import { rolesOver, unitLine } from "@/server/workspace/case-access";

export type SessionRow = typeof dialogueSessions.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID.test(value);

/** The viewer's roles over a unit (at it, and above it). */
export async function rolesOverUnit(db: DbOrTx, viewer: Viewer, unitId: string): Promise<CaseRoles> {
  return rolesOver(viewer, await unitLine(db, unitId));
}

/**
 * Loads a session for a staff action and checks, from the session's hosting unit, that the viewer may do it.
 * Anonymous users and citizens are refused before anything is read; a session the viewer may not even see
 * (no role at or above its unit) is refused like a missing one. With `forUpdate`, the row is locked until the
 * transaction ends, so that concurrent changes to one session apply one after the other.
 */
export async function loadSessionForStaff(
  db: DbOrTx,
  viewer: Viewer | null,
  sessionId: string,
  action: SessionStaffAction,
  options: { forUpdate?: boolean } = {},
): Promise<{ session: SessionRow; roles: CaseRoles; viewer: Viewer }> {
  assertStaff(viewer);
  if (!isUuid(sessionId)) throw new AppError("not_found", "not_found", { reason: "not_found" });
  const query = db.select().from(dialogueSessions).where(eq(dialogueSessions.id, sessionId)).limit(1);
  // "no key update": supports and questions reference the session row; a plain FOR UPDATE would make each of them wait.
  const [session] = options.forUpdate ? await query.for("no key update") : await query;
  if (!session) throw new AppError("not_found", "not_found", { reason: "not_found" });
  const roles = await rolesOverUnit(db, viewer, session.unitId);
  if (!maySessionAction("view_staff", roles)) throw new AppError("not_found", "not_found", { reason: "not_found" });
  if (!maySessionAction(action, roles)) throw new AppError("forbidden", "not_allowed", { reason: "not_allowed" });
  return { session, roles, viewer };
}
