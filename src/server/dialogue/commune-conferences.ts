import "server-only";
import { and, asc, eq, gte, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { areas, dialogueSessions, units } from "@/db/schema";
import { toLocalDate } from "@/domain/calendar";
import { HELD_STATUSES, UPCOMING_STATUSES } from "@/domain/dialogue/session-status";
import type { SessionStatus } from "@/domain/dialogue/vocabulary";

/** The commune-level areas, which must each hold a dialogue conference a year (Law 10/2022 art. 32). */
export const COMMUNE_AREA_KINDS = ["commune", "ward", "special_zone"] as const;
/** Who holds it: the commune's People's Committee, or its Fatherland Front. */
export const CONFERENCE_HOSTS = ["peoples_committee", "fatherland_front"] as const;

export type ConferenceState = "held" | "scheduled" | "none";
export type CommuneConference = {
  areaId: string;
  areaCode: string;
  areaName: string;
  state: ConferenceState;
  /** The conference held (the latest) or, if none yet, the next one scheduled. */
  session: { id: string; startsAt: Date; status: SessionStatus } | null;
};

/**
 * For the current year in Vietnam, each commune, ward and special zone: whether its People's Committee or
 * Fatherland Front has held this year's dialogue conference, has one scheduled, or neither. A conference is a
 * session of kind "conference" hosted by a unit of the area.
 */
export async function communeConferences(db: DbOrTx, now = new Date()): Promise<{ year: number; rows: CommuneConference[] }> {
  const year = Number(toLocalDate(now).slice(0, 4));
  const from = new Date(`${year}-01-01T00:00:00+07:00`);
  const to = new Date(`${year + 1}-01-01T00:00:00+07:00`);
  const [areaRows, sessions] = await Promise.all([
    db
      .select({ id: areas.id, code: areas.code, name: areas.name })
      .from(areas)
      .where(and(inArray(areas.kind, [...COMMUNE_AREA_KINDS]), or(isNull(areas.validTo), gte(areas.validTo, sql`current_date`))))
      .orderBy(asc(areas.name)),
    db
      .select({ id: dialogueSessions.id, startsAt: dialogueSessions.startsAt, status: dialogueSessions.status, areaId: units.areaId })
      .from(dialogueSessions)
      .innerJoin(units, eq(units.id, dialogueSessions.unitId))
      .where(
        and(
          eq(dialogueSessions.kind, "conference"),
          inArray(units.kind, [...CONFERENCE_HOSTS]),
          gte(dialogueSessions.startsAt, from),
          lt(dialogueSessions.startsAt, to),
          inArray(dialogueSessions.status, [...HELD_STATUSES, ...UPCOMING_STATUSES]),
        ),
      )
      .orderBy(asc(dialogueSessions.startsAt)),
  ]);
  const rows = areaRows.map((area): CommuneConference => {
    const own = sessions.filter((s) => s.areaId === area.id);
    const held = own.filter((s) => HELD_STATUSES.includes(s.status)).at(-1);
    const next = own.find((s) => UPCOMING_STATUSES.includes(s.status));
    const pick = held ?? next;
    return {
      areaId: area.id,
      areaCode: area.code,
      areaName: area.name,
      state: held ? "held" : next ? "scheduled" : "none",
      session: pick ? { id: pick.id, startsAt: pick.startsAt, status: pick.status } : null,
    };
  });
  return { year, rows };
}
