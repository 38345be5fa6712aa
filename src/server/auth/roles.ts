import "server-only";
import { and, eq, gte, isNull, lte, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memberships, units, users } from "@/db/schema";
import type { Role } from "@/domain/types";
import { AppError } from "@/server/errors";

export type Membership = { unitId: string; unitName: string; unitNameEn: string; role: Role };
export type Viewer = { userId: string; email: string; name: string | null; locale: "vi" | "en"; memberships: Membership[] };

/** Memberships valid today; a disabled user has none. */
export async function loadMemberships(db: DbOrTx, userId: string): Promise<Membership[]> {
  return db
    .select({ unitId: memberships.unitId, unitName: units.name, unitNameEn: units.nameEn, role: memberships.role })
    .from(memberships)
    .innerJoin(units, eq(units.id, memberships.unitId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.userId, userId),
        isNull(users.disabledAt),
        lte(memberships.validFrom, sql`current_date`),
        or(isNull(memberships.validTo), gte(memberships.validTo, sql`current_date`)),
      ),
    )
    .orderBy(units.name);
}

export function isStaff(viewer: Viewer | null): viewer is Viewer {
  return !!viewer && viewer.memberships.length > 0;
}

export function hasRole(viewer: Viewer | null, role: Role): boolean {
  return !!viewer && viewer.memberships.some((m) => m.role === role);
}

/** Staff areas refuse anonymous visitors (unauthenticated) and citizens (forbidden). */
export function assertStaff(viewer: Viewer | null): asserts viewer is Viewer {
  if (!viewer) throw new AppError("unauthenticated");
  if (!isStaff(viewer)) throw new AppError("forbidden");
}
