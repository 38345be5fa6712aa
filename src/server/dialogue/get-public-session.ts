import "server-only";
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { areas, dialogueSessionEvents, dialogueSessionLeaders, dialogueSessions, units, users } from "@/db/schema";
import { isUuid, type SessionRow } from "./session-access";

export type PublicLeader = { userId: string; name: string; position: string; positionEn: string };
export type PublicSessionEvent = { type: string; fromStatus: string | null; toStatus: string | null; reason: string | null; data: Record<string, unknown> | null; at: Date };

/** Everything public about one session besides its questions, agenda and commitments (their sections load those). */
export type PublicSession = SessionRow & {
  unitName: string;
  unitNameEn: string;
  areaName: string | null;
  areaCode: string | null;
  leaders: PublicLeader[];
  history: PublicSessionEvent[];
};

/** A session as anyone may see it; null for an id that is not a session's. */
export async function getPublicSession(db: DbOrTx, id: string): Promise<PublicSession | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({ session: dialogueSessions, unitName: units.name, unitNameEn: units.nameEn, areaName: areas.name, areaCode: areas.code })
    .from(dialogueSessions)
    .innerJoin(units, eq(units.id, dialogueSessions.unitId))
    .leftJoin(areas, eq(areas.id, dialogueSessions.areaId))
    .where(eq(dialogueSessions.id, id))
    .limit(1);
  if (!row) return null;
  const [leaders, history] = await Promise.all([
    db
      .select({ userId: dialogueSessionLeaders.userId, name: users.name, position: dialogueSessionLeaders.position, positionEn: dialogueSessionLeaders.positionEn })
      .from(dialogueSessionLeaders)
      .innerJoin(users, eq(users.id, dialogueSessionLeaders.userId))
      .where(eq(dialogueSessionLeaders.sessionId, id))
      .orderBy(asc(dialogueSessionLeaders.sort), asc(users.name)),
    db
      .select({
        type: dialogueSessionEvents.type,
        fromStatus: dialogueSessionEvents.fromStatus,
        toStatus: dialogueSessionEvents.toStatus,
        reason: dialogueSessionEvents.reason,
        data: dialogueSessionEvents.data,
        at: dialogueSessionEvents.createdAt,
      })
      .from(dialogueSessionEvents)
      .where(eq(dialogueSessionEvents.sessionId, id))
      .orderBy(asc(dialogueSessionEvents.id)),
  ]);
  return {
    ...row.session,
    unitName: row.unitName,
    unitNameEn: row.unitNameEn,
    areaName: row.areaName,
    areaCode: row.areaCode,
    leaders: leaders.map((l) => ({ ...l, name: l.name ?? "" })),
    history,
  };
}
