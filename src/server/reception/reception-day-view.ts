import "server-only";
import { asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { areas, receptionDayEvents, receptionDays, receptionPositions, units, users } from "@/db/schema";
import type { PositionKind, ReceptionDayOrigin, ReceptionDayStatus, ReceptionMode } from "@/domain/reception/vocabulary";
import { isUuid } from "@/server/workspace/case-access";

/**
 * A reception day as the public sees it: when, where, whose, in person or online, its public history. Nothing
 * about the citizens who booked (only how many places are left). Staff pages add their own sections to it.
 */
export type ReceptionDayView = {
  id: string;
  positionId: string;
  positionKind: PositionKind;
  title: string;
  titleEn: string;
  unit: { id: string; name: string; nameEn: string };
  office: { id: string; name: string; nameEn: string };
  area: { id: string; name: string } | null;
  head: { userId: string; name: string | null } | null;
  origin: ReceptionDayOrigin;
  nominalOn: string | null;
  startsAt: Date;
  endsAt: Date;
  place: string;
  mode: ReceptionMode;
  onlineUrl: string | null;
  plannedContent: string | null;
  status: ReceptionDayStatus;
  statusReason: string | null;
  capacity: number;
  booked: number;
  bookingsOpen: boolean;
  version: number;
  updatedAt: Date;
  record: {
    receivedInPerson: boolean;
    receivedByName: string | null;
    citizensCount: number;
    delegationsCount: number;
    recordingRef: string | null;
    recordedAt: Date;
  } | null;
  conclusion: { text: string; publishedAt: Date } | null;
  events: { id: number; type: string; reason: string | null; data: Record<string, unknown> | null; createdAt: Date }[];
};

const officeUnits = alias(units, "office_units");

export async function getReceptionDayView(db: DbOrTx, id: string): Promise<ReceptionDayView | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({ d: receptionDays, p: receptionPositions, unit: units, office: officeUnits, area: areas, headName: users.name })
    .from(receptionDays)
    .innerJoin(receptionPositions, eq(receptionPositions.id, receptionDays.positionId))
    .innerJoin(units, eq(units.id, receptionDays.unitId))
    .innerJoin(officeUnits, eq(officeUnits.id, receptionDays.officeUnitId))
    .leftJoin(areas, eq(areas.id, receptionDays.areaId))
    .leftJoin(users, eq(users.id, receptionDays.headUserId))
    .where(eq(receptionDays.id, id))
    .limit(1);
  if (!row) return null;
  const { d, p } = row;
  const events = await db
    .select({ id: receptionDayEvents.id, type: receptionDayEvents.type, reason: receptionDayEvents.reason, data: receptionDayEvents.data, createdAt: receptionDayEvents.createdAt })
    .from(receptionDayEvents)
    .where(eq(receptionDayEvents.receptionDayId, id))
    .orderBy(asc(receptionDayEvents.id));
  return {
    id: d.id,
    positionId: p.id,
    positionKind: p.kind,
    title: p.title,
    titleEn: p.titleEn,
    unit: { id: row.unit.id, name: row.unit.name, nameEn: row.unit.nameEn },
    office: { id: row.office.id, name: row.office.name, nameEn: row.office.nameEn },
    area: row.area ? { id: row.area.id, name: row.area.name } : null,
    head: d.headUserId ? { userId: d.headUserId, name: row.headName } : null,
    origin: d.origin,
    nominalOn: d.nominalOn,
    startsAt: d.startsAt,
    endsAt: d.endsAt,
    place: d.place,
    mode: d.mode,
    onlineUrl: d.onlineUrl,
    plannedContent: d.plannedContent,
    status: d.status,
    statusReason: d.statusReason,
    capacity: d.capacity,
    booked: d.booked,
    bookingsOpen: d.bookingsOpen,
    version: d.version,
    updatedAt: d.updatedAt,
    record:
      d.recordedAt && d.receivedInPerson !== null
        ? {
            receivedInPerson: d.receivedInPerson,
            receivedByName: d.receivedByName,
            citizensCount: d.citizensCount ?? 0,
            delegationsCount: d.delegationsCount ?? 0,
            recordingRef: d.recordingRef,
            recordedAt: d.recordedAt,
          }
        : null,
    conclusion: d.conclusion && d.conclusionPublishedAt ? { text: d.conclusion, publishedAt: d.conclusionPublishedAt } : null,
    events,
  };
}
