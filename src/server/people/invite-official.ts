import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import type { Role } from "@/domain/types";
import type { Viewer } from "@/server/auth/roles";
import { parseFilerInput } from "@/server/filer/filer-access";
import { grantMembership, unitRoleShape } from "./membership-input";
import { peopleChange, peopleFieldError } from "./people-frame";
import { queueInvitationLink } from "./sign-in-link";

const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v);

export const inviteSchema = z.object({
  email: z.preprocess(
    (v) => (typeof v === "string" ? v.normalize("NFKC").trim().toLowerCase() : v),
    z.string().min(1, { error: "required" }).max(254, { error: "too_long" }).pipe(z.email({ error: "invalid" })),
  ),
  name: z.preprocess(trimmed, z.string().max(200, { error: "too_long" }).optional().default("")),
  ...unitRoleShape,
});

export type InviteInput = { [K in keyof z.input<typeof inviteSchema>]?: unknown };

/**
 * Invites an official: the account is created when the address has none (with the name given, required then),
 * the membership (unit, role) is added unless held, and a sign-in link is emailed through the outbox. Inviting
 * again changes no account or membership; it sends a fresh link (the earlier one may have expired). A deactivated
 * account is not invited: reactivate it first.
 */
export async function inviteOfficial(db: Database, viewer: Viewer | null, input: InviteInput, now = new Date()): Promise<{ userId: string; created: boolean; membershipAdded: boolean }> {
  return peopleChange(db, viewer, async (tx) => {
    const v = parseFilerInput(inviteSchema, input);
    const [found] = await tx.select().from(users).where(eq(users.email, v.email)).limit(1);
    if (found?.disabledAt) throw peopleFieldError("email", "deactivated");
    if (!found && !v.name) throw peopleFieldError("name", "required");
    let userId = found?.id;
    if (!userId) {
      const [row] = await tx.insert(users).values({ email: v.email, name: v.name, locale: "vi" }).returning({ id: users.id });
      userId = row!.id;
    } else if (!found?.name && v.name) {
      await tx.update(users).set({ name: v.name }).where(eq(users.id, userId));
    }
    const granted = await grantMembership(tx, { userId, unitId: v.unitId, role: v.role as Role });
    await queueInvitationLink(tx, { email: v.email, locale: found?.locale ?? "vi" }, now);
    return {
      result: { userId, created: !found, membershipAdded: granted.changed },
      audit: { action: "people.invited", entityType: "user", entityId: userId, data: { unitId: v.unitId, role: v.role, created: !found, membershipAdded: granted.changed, membershipId: granted.membershipId } },
    };
  });
}
