import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { memberships, units } from "@/db/schema";
import { ROLES, type Role } from "@/domain/types";
import { isUuid } from "@/server/workspace/case-access";
import { peopleFieldError } from "./people-frame";

const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v);

export const unitRoleShape = {
  unitId: z.preprocess(trimmed, z.string().min(1, { error: "required" }).refine(isUuid, { error: "invalid" })),
  role: z.preprocess(trimmed, z.string().min(1, { error: "required" }).refine((r): r is Role => (ROLES as readonly string[]).includes(r), { error: "invalid" })),
};

/**
 * Gives (userId, unit, role): nothing when it is already held (open-ended); a membership that ended of the same triple is
 * renewed from today. The unit must exist and not be closed. Returns whether anything changed.
 */
export async function grantMembership(tx: Tx, v: { userId: string; unitId: string; role: Role }): Promise<{ membershipId: string; changed: boolean }> {
  const [unit] = await tx.select({ id: units.id }).from(units).where(and(eq(units.id, v.unitId), isNull(units.validTo))).limit(1);
  if (!unit) throw peopleFieldError("unitId", "invalid");
  const [existing] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.userId, v.userId), eq(memberships.unitId, v.unitId), eq(memberships.role, v.role)))
    .for("update");
  if (existing) {
    if (existing.validTo === null) return { membershipId: existing.id, changed: false };
    await tx.update(memberships).set({ validFrom: sql`least(${memberships.validFrom}, current_date)`, validTo: null }).where(eq(memberships.id, existing.id));
    return { membershipId: existing.id, changed: true };
  }
  const [row] = await tx.insert(memberships).values({ userId: v.userId, unitId: v.unitId, role: v.role }).returning({ id: memberships.id });
  return { membershipId: row!.id, changed: true };
}
