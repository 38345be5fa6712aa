import "server-only";
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memberships, units, users } from "@/db/schema";

/** Staff accounts with their roles, for the local outbox page (shown only on this machine, with demo data). */
export async function listDemoAccounts(db: DbOrTx) {
  const rows = await db
    .select({ email: users.email, name: users.name, role: memberships.role, unitName: units.name, unitNameEn: units.nameEn })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(units, eq(units.id, memberships.unitId))
    .orderBy(asc(users.email));
  return rows;
}
