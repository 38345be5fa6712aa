import "server-only";
import { eq } from "drizzle-orm";
import { auth } from "@/auth";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { loadMemberships, type Viewer } from "./roles";

/** The signed-in user with their roles, or null for an anonymous visitor. */
export async function getViewer(): Promise<Viewer | null> {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user || user.disabledAt) return null;
  return { userId, email: user.email, name: user.name, locale: user.locale, memberships: await loadMemberships(db, userId) };
}
