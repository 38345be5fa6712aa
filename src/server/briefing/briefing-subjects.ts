import "server-only";
import type { DbOrTx } from "@/db/client";
import { getPublicSession } from "@/server/dialogue/get-public-session";
import { getReceptionDayView } from "@/server/reception/reception-day-view";
import { nextSessionFor, type BriefingSubject } from "./build-briefing";

/** A reception day as a briefing's subject (its head; the questions of the next session in its area). No check. */
export async function receptionSubject(db: DbOrTx, dayId: string, now: Date, showBookedCitizens: boolean): Promise<BriefingSubject | null> {
  const day = await getReceptionDayView(db, dayId);
  if (!day) return null;
  return {
    kind: "reception",
    id: day.id,
    title: day.title,
    titleEn: day.titleEn,
    startsAt: day.startsAt,
    endsAt: day.endsAt,
    place: day.place,
    unit: day.unit,
    area: day.area,
    heads: day.head ? [{ userId: day.head.userId, name: day.head.name, position: day.title, positionEn: day.titleEn }] : [],
    questionsSessionId: await nextSessionFor(db, day.unit.id, day.area?.id ?? null, now),
    showBookedCitizens,
  };
}

/** A dialogue session as a briefing's subject (its leaders; its own questions). No check. */
export async function sessionSubject(db: DbOrTx, sessionId: string): Promise<BriefingSubject | null> {
  const session = await getPublicSession(db, sessionId);
  if (!session) return null;
  return {
    kind: "session",
    id: session.id,
    title: session.title,
    // A session's title is written once, in Vietnamese.
    titleEn: session.title,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    place: session.location,
    unit: { id: session.unitId, name: session.unitName, nameEn: session.unitNameEn },
    area: session.areaId && session.areaName ? { id: session.areaId, name: session.areaName } : null,
    heads: session.leaders.map((l) => ({ userId: l.userId, name: l.name, position: l.position, positionEn: l.positionEn })),
    questionsSessionId: session.id,
    showBookedCitizens: false,
  };
}
