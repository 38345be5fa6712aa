import "server-only";
import { eq, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { cases } from "@/db/schema";
import { canSee, mayDo, roleMayEver, type CaseRoles, type StaffAction, type StaffCaseFacts } from "@/domain/staff-permissions";
import type { Role } from "@/domain/types";
import { assertStaff, type Viewer } from "@/server/auth/roles";
import { AppError } from "@/server/errors";

export type CaseRow = typeof cases.$inferSelect;

/** Why a workspace action was refused; pages pick a translated message from it. */
export type StaffRefusal = "no_access" | "not_allowed" | "stale_version" | "not_found";

export function staffError(code: AppError["code"], reason: StaffRefusal, details: Record<string, unknown> = {}): AppError {
  return new AppError(code, reason, { reason, ...details });
}

/** The unit and every unit above it, nearest first. */
export async function unitLine(db: DbOrTx, unitId: string): Promise<string[]> {
  const result = await db.execute(sql`
    with recursive line(id, parent_id, depth) as (
      select id, parent_id, 0 from units where id = ${unitId}::uuid
      union all
      select u.id, u.parent_id, l.depth + 1 from units u join line l on u.id = l.parent_id where l.depth < 20
    )
    select id from line order by depth`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}

/** The roles the viewer holds over a unit: at the unit itself, and at any unit above it. */
export function rolesOver(viewer: Viewer, line: readonly string[]): CaseRoles {
  const atUnit = new Set<Role>();
  const above = new Set<Role>();
  for (const m of viewer.memberships) {
    if (m.unitId === line[0]) atUnit.add(m.role);
    else if (line.includes(m.unitId)) above.add(m.role);
  }
  return { atUnit, above };
}

export function factsOf(row: CaseRow): StaffCaseFacts {
  return {
    status: row.status,
    kind: row.kind,
    assigneeId: row.assigneeId,
    draftStatus: row.draftStatus,
    flagged: row.flaggedAt !== null,
  };
}

/**
 * Loads a case for a staff member and checks, from the case itself, that they may see it. Anonymous users and
 * citizens are refused before anything is read; a case outside the viewer's scope is refused like a missing one,
 * so that guessing ids tells nothing.
 */
export async function loadCaseForStaff(
  db: DbOrTx,
  viewer: Viewer | null,
  where: { id: string } | { code: string },
): Promise<{ row: CaseRow; roles: CaseRoles; viewer: Viewer }> {
  assertStaff(viewer);
  const key = "id" in where ? where.id : where.code;
  if (typeof key !== "string" || ("id" in where && !isUuid(key))) throw staffError("not_found", "not_found");
  const [row] = await db
    .select()
    .from(cases)
    .where("id" in where ? eq(cases.id, where.id) : eq(cases.code, where.code))
    .limit(1);
  if (!row) throw staffError("not_found", "not_found");
  return { row, roles: await visibleRoles(db, viewer, row), viewer };
}

/** The viewer's roles over the case's unit; a case they may not see is refused like a missing one. */
async function visibleRoles(db: DbOrTx, viewer: Viewer, row: CaseRow): Promise<CaseRoles> {
  const roles = rolesOver(viewer, await unitLine(db, row.unitId));
  if (!canSee(roles)) throw staffError("not_found", "not_found");
  return roles;
}

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/**
 * For every workspace verb, in this order: the viewer may see the case, holds a role that can ever do the
 * action (else "forbidden"), the form was rendered from the current version (else "this case changed,
 * reload"), and the case's state allows the action now. The row stays locked until the transaction ends, so
 * two officials acting at once are serialised and the second one sees the first one's version.
 */
export async function lockCaseForAction(
  tx: Tx,
  viewer: Viewer | null,
  caseId: unknown,
  version: unknown,
  action: StaffAction,
): Promise<{ row: CaseRow; roles: CaseRoles; viewer: Viewer }> {
  assertStaff(viewer);
  if (!isUuid(caseId)) throw staffError("not_found", "not_found");
  const [row] = await tx.select().from(cases).where(eq(cases.id, caseId)).for("update");
  if (!row) throw staffError("not_found", "not_found");
  const roles = await visibleRoles(tx, viewer, row);
  if (!roleMayEver(action, roles)) throw staffError("forbidden", "no_access");
  const expected = typeof version === "string" ? Number(version) : version;
  if (expected !== row.version) throw staffError("conflict", "stale_version", { currentVersion: row.version });
  if (!mayDo(action, roles, factsOf(row), viewer.userId)) throw staffError("conflict", "not_allowed");
  return { row, roles, viewer };
}

/** Every role the official holds over the case (at its unit, then above it), most senior first. */
export function heldRoles(roles: CaseRoles): Role[] {
  const order = ["leader", "handler", "intake", "overseer", "admin"] as const;
  return order.filter((role) => roles.atUnit.has(role) || roles.above.has(role));
}

/**
 * The role an official acts in for one action, as written on its timeline event: the most senior of their roles
 * that may do it (an intake officer who is also a handler accepts a case as intake officer).
 */
export function actingRole(action: StaffAction, roles: CaseRoles): Role {
  for (const role of heldRoles(roles)) {
    const only: CaseRoles = { atUnit: new Set(roles.atUnit.has(role) ? [role] : []), above: new Set(roles.above.has(role) ? [role] : []) };
    if (roleMayEver(action, only)) return role;
  }
  return actorRole(roles);
}

/** The actor's role when no one action is meant: the most senior role they hold at the case's unit. */
export function actorRole(roles: CaseRoles): Role {
  for (const role of ["leader", "handler", "intake", "overseer", "admin"] as const) {
    if (roles.atUnit.has(role)) return role;
  }
  for (const role of ["overseer", "leader", "admin"] as const) {
    if (roles.above.has(role)) return role;
  }
  return "intake";
}
