import "server-only";
import { and, asc, eq, ilike, inArray, isNull, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { memberships, units, users } from "@/db/schema";
import type { Role } from "@/domain/types";
import type { Viewer } from "@/server/auth/roles";
import { openAssignmentsOf, type OpenAssignment } from "./open-assignments";
import { assertPeopleAdmin } from "./people-frame";

export type PersonMembership = { id: string; unitId: string; unitName: string; unitNameEn: string; role: Role; validFrom: string; validTo: string | null };
export type Person = {
  id: string;
  email: string;
  name: string | null;
  /** Never signed in yet (an invitation not used). */
  invited: boolean;
  disabledAt: Date | null;
  memberships: PersonMembership[];
  /** Open cases still assigned to a deactivated account. */
  openAssignments: OpenAssignment[];
};
export type PeopleView = { people: Person[]; units: { id: string; name: string; nameEn: string }[]; query: string; truncated: boolean };

const LIMIT = 200;

/** Officials (accounts with memberships, invited ones included), with their memberships; searched by name or email. */
export async function listPeople(db: Database, viewer: Viewer | null, options: { query?: string } = {}): Promise<PeopleView> {
  assertPeopleAdmin(viewer);
  const query = (options.query ?? "").trim().slice(0, 100);
  const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const officials = db.select({ userId: memberships.userId }).from(memberships);
  const rows = await db
    .select({ id: users.id, email: users.email, name: users.name, emailVerified: users.emailVerified, disabledAt: users.disabledAt })
    .from(users)
    .where(and(inArray(users.id, officials), query ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined))
    .orderBy(asc(sql`coalesce(${users.name}, ${users.email})`), asc(users.email))
    .limit(LIMIT + 1);
  const shown = rows.slice(0, LIMIT);
  const ids = shown.map((r) => r.id);
  const held = ids.length
    ? await db
        .select({ id: memberships.id, userId: memberships.userId, unitId: memberships.unitId, unitName: units.name, unitNameEn: units.nameEn, role: memberships.role, validFrom: memberships.validFrom, validTo: memberships.validTo })
        .from(memberships)
        .innerJoin(units, eq(units.id, memberships.unitId))
        .where(inArray(memberships.userId, ids))
        .orderBy(asc(units.name), asc(memberships.role))
    : [];
  const disabled = shown.filter((r) => r.disabledAt).map((r) => r.id);
  const open = await openAssignmentsOf(db, disabled);
  const unitRows = await db.select({ id: units.id, name: units.name, nameEn: units.nameEn }).from(units).where(isNull(units.validTo)).orderBy(asc(units.name));
  return {
    query,
    truncated: rows.length > LIMIT,
    units: unitRows,
    people: shown.map((r) => ({
      id: r.id,
      email: r.email,
      name: r.name,
      invited: r.emailVerified === null,
      disabledAt: r.disabledAt,
      memberships: held.filter((m) => m.userId === r.id).map(({ userId: _u, ...m }) => m),
      openAssignments: open.get(r.id) ?? [],
    })),
  };
}
