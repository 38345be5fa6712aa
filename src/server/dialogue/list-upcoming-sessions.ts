import "server-only";
import { and, asc, eq, gte, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { areas, dialogueSessions, units } from "@/db/schema";
import { HELD_STATUSES, UPCOMING_STATUSES } from "@/domain/dialogue/session-status";

/** How many upcoming sessions the home page lists (its cache validator reads the same rows). */
export const UPCOMING_SESSIONS = 5;

/** SQL lists of the statuses, for queries written by hand (the home page's validator, the headline figures). */
export const UPCOMING_STATUS_LIST = sql.raw(UPCOMING_STATUSES.map((s) => `'${s}'`).join(","));
export const HELD_STATUS_LIST = sql.raw(HELD_STATUSES.map((s) => `'${s}'`).join(","));

export async function listUpcomingSessions(db: DbOrTx, now = new Date(), limit = UPCOMING_SESSIONS) {
  return db
    .select({
      id: dialogueSessions.id,
      title: dialogueSessions.title,
      topic: dialogueSessions.topic,
      location: dialogueSessions.location,
      startsAt: dialogueSessions.startsAt,
      endsAt: dialogueSessions.endsAt,
      status: dialogueSessions.status,
      unitName: units.name,
      unitNameEn: units.nameEn,
      areaName: areas.name,
    })
    .from(dialogueSessions)
    .innerJoin(units, eq(units.id, dialogueSessions.unitId))
    .leftJoin(areas, eq(areas.id, dialogueSessions.areaId))
    .where(and(inArray(dialogueSessions.status, [...UPCOMING_STATUSES]), gte(dialogueSessions.endsAt, now)))
    .orderBy(asc(dialogueSessions.startsAt))
    .limit(limit);
}
