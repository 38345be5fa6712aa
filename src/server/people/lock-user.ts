import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { users } from "@/db/schema";
import { peopleError } from "./people-frame";

/** The account a people verb changes, locked until the transaction ends. */
export async function lockUser(tx: DbOrTx, userId: unknown) {
  if (typeof userId !== "string" || userId.length === 0) throw peopleError("not_found", "not_found");
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
  if (!user) throw peopleError("not_found", "not_found");
  return user;
}
