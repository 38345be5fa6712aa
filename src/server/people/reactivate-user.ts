import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import type { Viewer } from "@/server/auth/roles";
import { lockUser } from "./lock-user";
import { peopleChange } from "./people-frame";

/** Reactivates a deactivated account (it signs in again with a new link). */
export async function reactivateUser(db: Database, viewer: Viewer | null, input: { userId?: unknown }): Promise<void> {
  return peopleChange(db, viewer, async (tx) => {
    const user = await lockUser(tx, input.userId);
    if (user.disabledAt) await tx.update(users).set({ disabledAt: null }).where(eq(users.id, user.id));
    return { result: undefined, audit: { action: "people.reactivated", entityType: "user", entityId: user.id, data: { wasDeactivated: !!user.disabledAt } } };
  });
}
