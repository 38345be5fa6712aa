import "server-only";
import { and, asc, count, desc, eq, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { areas, receptionDays, receptionPositions, units, users } from "@/db/schema";
import { isIsoDate } from "@/domain/calendar";
import type { PositionKind, ReceptionDayOrigin, ReceptionDayStatus, ReceptionMode } from "@/domain/reception/vocabulary";
import type { Viewer } from "@/server/auth/roles";
import { visibleUnitIds } from "@/server/auth/unit-scope";
import { isUuid } from "@/server/workspace/case-access";

export const RECEPTION_PAGE_SIZE = 20;
/** A calendar feed holds what is coming and what took place in the last days. */
export const RECEPTION_FEED_PAST_DAYS = 90;
const FEED_MAX = 1000;

/** A reception day as a list shows it: nothing about who booked, only how many places are taken. */
export type ReceptionDayListRow = {
  id: string;
  positionId: string;
  positionKind: PositionKind;
  title: string;
  titleEn: string;
  unitName: string;
  unitNameEn: string;
  areaName: string | null;
  headName: string | null;
  origin: ReceptionDayOrigin;
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
  createdAt: Date;
  updatedAt: Date;
};

const columns = {
  id: receptionDays.id,
  positionId: receptionDays.positionId,
  positionKind: receptionPositions.kind,
  title: receptionPositions.title,
  titleEn: receptionPositions.titleEn,
  unitName: units.name,
  unitNameEn: units.nameEn,
  areaName: areas.name,
  headName: users.name,
  origin: receptionDays.origin,
  startsAt: receptionDays.startsAt,
  endsAt: receptionDays.endsAt,
  place: receptionDays.place,
  mode: receptionDays.mode,
  onlineUrl: receptionDays.onlineUrl,
  plannedContent: receptionDays.plannedContent,
  status: receptionDays.status,
  statusReason: receptionDays.statusReason,
  capacity: receptionDays.capacity,
  booked: receptionDays.booked,
  bookingsOpen: receptionDays.bookingsOpen,
  version: receptionDays.version,
  createdAt: receptionDays.createdAt,
  updatedAt: receptionDays.updatedAt,
};

function base(db: DbOrTx) {
  return db
    .select(columns)
    .from(receptionDays)
    .innerJoin(receptionPositions, eq(receptionPositions.id, receptionDays.positionId))
    .innerJoin(units, eq(units.id, receptionDays.unitId))
    .leftJoin(areas, eq(areas.id, receptionDays.areaId))
    .leftJoin(users, eq(users.id, receptionDays.headUserId));
}

function counted(db: DbOrTx) {
  return db
    .select({ n: count() })
    .from(receptionDays)
    .innerJoin(units, eq(units.id, receptionDays.unitId))
    .leftJoin(areas, eq(areas.id, receptionDays.areaId));
}

// ---------------------------------------------------------------------------------------------
// Filters, as plain GET parameters in Vietnamese like the site's addresses
// ---------------------------------------------------------------------------------------------

export type ReceptionFilters = { unitCode?: string; positionId?: string; areaCode?: string; month?: string; page: number };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
const code = (v: string | undefined) => (v && /^[a-z0-9_-]{1,64}$/i.test(v) ? v : undefined);

/** don-vi (unit code), vi-tri (position id), dia-ban (area code), thang (YYYY-MM), trang (page). Anything else is ignored. */
export function parseReceptionFilters(params: Record<string, string | string[] | undefined>): ReceptionFilters {
  const page = Number(first(params.trang) ?? "1");
  const position = first(params["vi-tri"]);
  const month = first(params.thang);
  return {
    unitCode: code(first(params["don-vi"])),
    positionId: position && isUuid(position) ? position : undefined,
    areaCode: code(first(params["dia-ban"])),
    month: month && /^\d{4}-\d{2}$/.test(month) && isIsoDate(`${month}-01`) ? month : undefined,
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** The query string for these filters (and a page), with its "?" or empty. */
export function receptionQuery(filters: Partial<ReceptionFilters>, page?: number): string {
  const q = new URLSearchParams();
  if (filters.unitCode) q.set("don-vi", filters.unitCode);
  if (filters.positionId) q.set("vi-tri", filters.positionId);
  if (filters.areaCode) q.set("dia-ban", filters.areaCode);
  if (filters.month) q.set("thang", filters.month);
  if (page && page > 1) q.set("trang", String(page));
  const s = q.toString();
  return s ? `?${s}` : "";
}

function scopeOf(filters: Omit<ReceptionFilters, "page" | "month">): SQL[] {
  const scope: SQL[] = [];
  if (filters.unitCode) scope.push(eq(units.code, filters.unitCode));
  if (filters.positionId) scope.push(eq(receptionDays.positionId, filters.positionId));
  if (filters.areaCode) scope.push(eq(areas.code, filters.areaCode));
  return scope;
}

/** The instants a month spans in Vietnam: [first day 00:00, next month's first day 00:00). */
export function monthRange(month: string): { from: Date; to: Date } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
  return { from: new Date(`${month}-01T00:00:00+07:00`), to: new Date(`${next}-01T00:00:00+07:00`) };
}

export type ReceptionCalendar = { rows: ReceptionDayListRow[]; total: number; page: number; pages: number; mode: "upcoming" | "month" };

/**
 * The public calendar: by default every day still to come (soonest first, cancelled ones included and shown as
 * cancelled), or every day of one month. Filtered by unit, position (the head's seat) and area; a page at a time.
 */
export async function listReceptionDays(db: DbOrTx, filters: ReceptionFilters, now = new Date()): Promise<ReceptionCalendar> {
  const scope = scopeOf(filters);
  let when: SQL;
  if (filters.month) {
    const { from, to } = monthRange(filters.month);
    when = and(gte(receptionDays.startsAt, from), lt(receptionDays.startsAt, to))!;
  } else {
    when = gte(receptionDays.endsAt, now);
  }
  const where = and(when, ...scope);
  const [total] = await counted(db).innerJoin(receptionPositions, eq(receptionPositions.id, receptionDays.positionId)).where(where);
  const n = total?.n ?? 0;
  const pages = Math.max(1, Math.ceil(n / RECEPTION_PAGE_SIZE));
  const page = Math.min(filters.page, pages);
  const rows = await base(db)
    .where(where)
    .orderBy(asc(receptionDays.startsAt), asc(receptionDays.id))
    .limit(RECEPTION_PAGE_SIZE)
    .offset((page - 1) * RECEPTION_PAGE_SIZE);
  return { rows, total: n, page, pages, mode: filters.month ? "month" : "upcoming" };
}

/** What the calendar can be filtered by: units and positions that have reception days, and areas. */
export async function receptionFilterOptions(db: DbOrTx) {
  const [unitRows, positionRows, areaRows] = await Promise.all([
    db
      .selectDistinct({ code: units.code, name: units.name, nameEn: units.nameEn })
      .from(units)
      .innerJoin(receptionPositions, eq(receptionPositions.unitId, units.id))
      .orderBy(asc(units.name)),
    db
      .select({ id: receptionPositions.id, title: receptionPositions.title, titleEn: receptionPositions.titleEn })
      .from(receptionPositions)
      .orderBy(asc(receptionPositions.title)),
    // Areas that have reception days, the province first ("exists": one row per area, however many days).
    db
      .select({ code: areas.code, name: areas.name, kind: areas.kind })
      .from(areas)
      .where(sql`exists (select 1 from ${receptionDays} where ${receptionDays.areaId} = ${areas.id})`)
      .orderBy(sql`${areas.kind} = 'province' desc`, asc(areas.name)),
  ]);
  return { units: unitRows, positions: positionRows, areas: areaRows.map(({ code: c, name }) => ({ code: c, name })) };
}

/** A calendar feed's days: coming and the last 90 days, cancelled ones included so subscribed calendars drop them. */
export async function listFeedDays(db: DbOrTx, filters: Omit<ReceptionFilters, "page" | "month">, now = new Date()): Promise<ReceptionDayListRow[]> {
  const since = new Date(now.getTime() - RECEPTION_FEED_PAST_DAYS * 86_400_000);
  return base(db)
    .where(and(gte(receptionDays.startsAt, since), ...scopeOf(filters)))
    .orderBy(asc(receptionDays.startsAt), asc(receptionDays.id))
    .limit(FEED_MAX);
}

// ---------------------------------------------------------------------------------------------
// The office's list
// ---------------------------------------------------------------------------------------------

/**
 * The days of the offices the viewer works in or oversees (visibleUnitIds over the day's office unit), and the
 * days the viewer is the head of: those that have passed without their record first (oldest first), then those
 * still to come (soonest first), then the others, most recent first.
 */
export async function listStaffReceptionDays(db: DbOrTx, viewer: Viewer, options: { page?: number } = {}, now = new Date()): Promise<Omit<ReceptionCalendar, "mode">> {
  const unitIds = await visibleUnitIds(db, viewer);
  const where = or(unitIds.length > 0 ? inArray(receptionDays.officeUnitId, unitIds) : undefined, eq(receptionDays.headUserId, viewer.userId));
  const [total] = await db.select({ n: count() }).from(receptionDays).where(where);
  const n = total?.n ?? 0;
  const pages = Math.max(1, Math.ceil(n / RECEPTION_PAGE_SIZE));
  const page = Math.min(Math.max(1, options.page ?? 1), pages);
  const coming = sql`(${receptionDays.endsAt} >= ${now.toISOString()}::timestamptz)`;
  // A day that has passed without its record is the office's work: those come first, oldest first.
  const toRecord = sql`(not ${coming} and ${receptionDays.status} in ('planned', 'confirmed'))`;
  const rows = await base(db)
    .where(where)
    .orderBy(
      desc(toRecord),
      sql`case when ${toRecord} then ${receptionDays.startsAt} end asc`,
      desc(coming),
      sql`case when ${coming} then ${receptionDays.startsAt} end asc`,
      desc(receptionDays.startsAt),
      asc(receptionDays.id),
    )
    .limit(RECEPTION_PAGE_SIZE)
    .offset((page - 1) * RECEPTION_PAGE_SIZE);
  return { rows, total: n, page, pages };
}

/** One day as lists show it (for its .ics file); null when there is none. */
export async function findReceptionDayRow(db: DbOrTx, id: string): Promise<ReceptionDayListRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await base(db).where(eq(receptionDays.id, id)).limit(1);
  return row ?? null;
}
