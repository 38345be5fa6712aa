import "server-only";
import { and, asc, eq, gte } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { areas, dialogueSessions, units } from "@/db/schema";

/** How many upcoming sessions the home page lists (its cache validator reads the same rows). */
export const UPCOMING_SESSIONS = 5;

export async function listUpcomingSessions(db: DbOrTx, now = new Date(), limit = UPCOMING_SESSIONS) {
  return db
    .select({
      id: dialogueSessions.id,
      title: dialogueSessions.title,
      topic: dialogueSessions.topic,
      location: dialogueSessions.location,
      startsAt: dialogueSessions.startsAt,
      endsAt: dialogueSessions.endsAt,
      unitName: units.name,
      unitNameEn: units.nameEn,
      areaName: areas.name,
    })
    .from(dialogueSessions)
    .innerJoin(units, eq(units.id, dialogueSessions.unitId))
    .leftJoin(areas, eq(areas.id, dialogueSessions.areaId))
    .where(and(eq(dialogueSessions.status, "scheduled"), gte(dialogueSessions.endsAt, now)))
    .orderBy(asc(dialogueSessions.startsAt))
    .limit(limit);
}
