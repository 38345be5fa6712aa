import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { removingLeavesNoAdmin } from "@/domain/people/rules";
import type { Role } from "@/domain/types";
import type { Viewer } from "@/server/auth/roles";
import { parseFilerInput } from "@/server/filer/filer-access";
import { isUuid } from "@/server/workspace/case-access";
import { grantMembership, unitRoleShape } from "./membership-input";
import { loadAdminSeats, peopleChange, peopleError } from "./people-frame";

export const giveSchema = z.object({ userId: z.string().min(1, { error: "required" }), ...unitRoleShape });
export type GiveMembershipInput = { [K in keyof z.input<typeof giveSchema>]?: unknown };

/** Gives an existing account a role in a unit (nothing changes when it already holds it). */
export async function giveMembership(db: Database, viewer: Viewer | null, input: GiveMembershipInput): Promise<{ membershipId: string; changed: boolean }> {
  return peopleChange(db, viewer, async (tx) => {
    const v = parseFilerInput(giveSchema, input);
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, v.userId)).limit(1);
    if (!user) throw peopleError("not_found", "not_found");
    const granted = await grantMembership(tx, { userId: v.userId, unitId: v.unitId, role: v.role as Role });
    return { result: granted, audit: { action: "people.membership_given", entityType: "user", entityId: v.userId, data: { unitId: v.unitId, role: v.role, ...granted } } };
  });
}

/**
 * Removes a membership (the row goes; the audit entry keeps what it was). The last active admin membership is
 * not removed: someone must still be able to administer the platform.
 */
export async function removeMembership(db: Database, viewer: Viewer | null, input: { membershipId?: unknown }): Promise<void> {
  return peopleChange(db, viewer, async (tx) => {
    const id = typeof input.membershipId === "string" ? input.membershipId : "";
    if (!isUuid(id)) throw peopleError("not_found", "not_found");
    const [row] = await tx.select().from(memberships).where(eq(memberships.id, id)).for("update");
    if (!row) throw peopleError("not_found", "not_found");
    if (row.role === "admin" && removingLeavesNoAdmin(await loadAdminSeats(tx), row.id)) throw peopleError("conflict", "last_admin");
    await tx.delete(memberships).where(eq(memberships.id, id));
    return {
      result: undefined,
      audit: { action: "people.membership_removed", entityType: "user", entityId: row.userId, data: { membershipId: row.id, unitId: row.unitId, role: row.role, validFrom: row.validFrom, validTo: row.validTo } },
    };
  });
}
