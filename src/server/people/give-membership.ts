import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import type { Role } from "@/domain/types";
import type { Viewer } from "@/server/auth/roles";
import { parseFilerInput } from "@/server/filer/filer-access";
import { grantMembership, unitRoleShape } from "./membership-input";
import { peopleChange, peopleError } from "./people-frame";

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
