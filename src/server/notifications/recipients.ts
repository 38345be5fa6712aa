import "server-only";
import { and, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { caseParties, memberships, units, users } from "@/db/schema";
import type { IsoDate, Role } from "@/domain/types";
import { logger } from "@/lib/logger";
import { unsealPersonalData } from "@/server/privacy/personal-data";

export type StaffRecipient = { userId: string; email: string; name: string | null; locale: "vi" | "en" };
export type UnitRow = { id: string; name: string; nameEn: string; parentId: string | null };

/** Active users holding one of `roles` in one of `unitIds` on `on` (memberships valid that day, user not disabled). */
export async function unitMembers(db: DbOrTx, unitIds: string[], roles: Role[], on: IsoDate): Promise<StaffRecipient[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ userId: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        inArray(memberships.unitId, unitIds),
        inArray(memberships.role, roles),
        isNull(users.disabledAt),
        lte(memberships.validFrom, on),
        or(isNull(memberships.validTo), gte(memberships.validTo, on)),
      ),
    );
  return rows;
}

/** One user, if active. */
export async function activeUser(db: DbOrTx, userId: string): Promise<StaffRecipient | null> {
  const [row] = await db
    .select({ userId: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)))
    .limit(1);
  return row ?? null;
}

/** A unit and every unit above it (a case's unit is in the subtree of each of these). */
export async function unitAndAncestors(db: DbOrTx, unitId: string): Promise<string[]> {
  const result = await db.execute(sql`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 0 from units where id = ${unitId}::uuid
      union all
      select u.id, u.parent_id, up.depth + 1 from units u join up on u.id = up.parent_id where up.depth < 20
    )
    select id from up`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}

export async function loadUnits(db: DbOrTx, ids: (string | null | undefined)[]): Promise<Map<string, UnitRow>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: units.id, name: units.name, nameEn: units.nameEn, parentId: units.parentId }).from(units).where(inArray(units.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The filer's email, when they gave one and are not anonymous. A key problem is logged, never fatal to the change. */
export async function filerEmail(db: DbOrTx, caseId: string): Promise<string | null> {
  const [party] = await db
    .select({ keyId: caseParties.keyId, sealed: caseParties.sealed, anonymous: caseParties.anonymous })
    .from(caseParties)
    .where(and(eq(caseParties.caseId, caseId), eq(caseParties.role, "filer")))
    .limit(1);
  if (!party || party.anonymous) return null;
  try {
    const email = unsealPersonalData(party.keyId, party.sealed).email?.trim();
    return email ? email : null;
  } catch (error) {
    logger.error("cannot unseal filer for a notification", { caseId, error });
    return null;
  }
}
