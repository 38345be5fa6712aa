import "server-only";
import { and, asc, count, desc, eq, gte, inArray, isNull, not, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { areas, dialogueSessionLeaders, dialogueSessions, units, users } from "@/db/schema";
import { UPCOMING_STATUSES } from "@/domain/dialogue/session-status";
import type { SessionKind, SessionStatus } from "@/domain/dialogue/vocabulary";
import type { Viewer } from "@/server/auth/roles";
import { visibleUnitIds } from "@/server/auth/unit-scope";

export const CALENDAR_PAGE_SIZE = 20;
/** The public calendar lists at most this many upcoming sessions (a province rarely has more). */
export const CALENDAR_UPCOMING_MAX = 100;
/** A calendar feed holds what is coming and what took place in the last days. */
export const FEED_PAST_DAYS = 90;

export type SessionListRow = {
  id: string;
  kind: SessionKind;
  title: string;
  topic: string;
  location: string;
  startsAt: Date;
  endsAt: Date;
  status: SessionStatus;
  statusReason: string | null;
  version: number;
  unitCode: string;
  unitName: string;
  unitNameEn: string;
  areaCode: string | null;
  areaName: string | null;
  leaders: { name: string; position: string; positionEn: string }[];
};

const columns = {
  id: dialogueSessions.id,
  kind: dialogueSessions.kind,
  title: dialogueSessions.title,
  topic: dialogueSessions.topic,
  location: dialogueSessions.location,
  startsAt: dialogueSessions.startsAt,
  endsAt: dialogueSessions.endsAt,
  status: dialogueSessions.status,
  statusReason: dialogueSessions.statusReason,
  version: dialogueSessions.version,
  unitCode: units.code,
  unitName: units.name,
  unitNameEn: units.nameEn,
  areaCode: areas.code,
  areaName: areas.name,
};

/** Still coming: an upcoming state and not yet over (a live session is coming until it is ended). */
function upcomingWhere(now: Date): SQL {
  return and(inArray(dialogueSessions.status, [...UPCOMING_STATUSES]), or(gte(dialogueSessions.endsAt, now), eq(dialogueSessions.status, "live")))!;
}

async function withLeaders<T extends { id: string }>(db: DbOrTx, rows: T[]): Promise<(T & { leaders: SessionListRow["leaders"] })[]> {
  if (rows.length === 0) return [];
  const leaders = await db
    .select({ sessionId: dialogueSessionLeaders.sessionId, name: users.name, email: users.email, position: dialogueSessionLeaders.position, positionEn: dialogueSessionLeaders.positionEn })
    .from(dialogueSessionLeaders)
    .innerJoin(users, eq(users.id, dialogueSessionLeaders.userId))
    .where(inArray(dialogueSessionLeaders.sessionId, rows.map((r) => r.id)))
    .orderBy(asc(dialogueSessionLeaders.sort), asc(users.name));
  return rows.map((row) => ({
    ...row,
    leaders: leaders.filter((l) => l.sessionId === row.id).map((l) => ({ name: l.name ?? "", position: l.position, positionEn: l.positionEn })),
  }));
}

// ---------------------------------------------------------------------------------------------
// The public calendar
// ---------------------------------------------------------------------------------------------

export type CalendarFilters = { areaCode?: string; unitCode?: string; page: number };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

/** The filters as the calendar's address carries them (dia-ban, don-vi, trang: Vietnamese like the site's addresses). */
export function parseCalendarFilters(params: Record<string, string | string[] | undefined>): CalendarFilters {
  const page = Number(first(params.trang) ?? "1");
  const code = (v: string | undefined) => (v && /^[a-z0-9_-]{1,64}$/i.test(v) ? v : undefined);
  return { areaCode: code(first(params["dia-ban"])), unitCode: code(first(params["don-vi"])), page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1 };
}

export function calendarQuery(filters: Partial<CalendarFilters>, page?: number): string {
  const q = new URLSearchParams();
  if (filters.areaCode) q.set("dia-ban", filters.areaCode);
  if (filters.unitCode) q.set("don-vi", filters.unitCode);
  if (page && page > 1) q.set("trang", String(page));
  const s = q.toString();
  return s ? `?${s}` : "";
}

export type Calendar = { upcoming: SessionListRow[]; past: SessionListRow[]; pastTotal: number; page: number; pages: number };

/**
 * The public calendar: every session still coming (soonest first), and the others (held, cancelled, or past their
 * time), most recent first, a page at a time. Filtered by area and by hosting unit, given by their codes.
 */
export async function listCalendar(db: DbOrTx, filters: CalendarFilters, now = new Date()): Promise<Calendar> {
  const scope: SQL[] = [];
  if (filters.areaCode) scope.push(eq(areas.code, filters.areaCode));
  if (filters.unitCode) scope.push(eq(units.code, filters.unitCode));
  const base = () => db.select(columns).from(dialogueSessions).innerJoin(units, eq(units.id, dialogueSessions.unitId)).leftJoin(areas, eq(areas.id, dialogueSessions.areaId));
  const pastWhere = and(not(upcomingWhere(now)), ...scope);
  const [upcoming, [total]] = await Promise.all([
    base()
      .where(and(upcomingWhere(now), ...scope))
      .orderBy(asc(dialogueSessions.startsAt), asc(dialogueSessions.id))
      .limit(CALENDAR_UPCOMING_MAX),
    db
      .select({ n: count() })
      .from(dialogueSessions)
      .innerJoin(units, eq(units.id, dialogueSessions.unitId))
      .leftJoin(areas, eq(areas.id, dialogueSessions.areaId))
      .where(pastWhere),
  ]);
  const pastTotal = total?.n ?? 0;
  const pages = Math.max(1, Math.ceil(pastTotal / CALENDAR_PAGE_SIZE));
  const page = Math.min(filters.page, pages);
  const past = await base()
    .where(pastWhere)
    .orderBy(desc(dialogueSessions.startsAt), asc(dialogueSessions.id))
    .limit(CALENDAR_PAGE_SIZE)
    .offset((page - 1) * CALENDAR_PAGE_SIZE);
  return { upcoming: await withLeaders(db, upcoming), past: await withLeaders(db, past), pastTotal, page, pages };
}

/** The areas and the hosting units the calendar can be filtered by (units that have held or announced a session). */
export async function calendarFilterOptions(db: DbOrTx) {
  const [areaRows, unitRows] = await Promise.all([
    db
      .select({ id: areas.id, code: areas.code, name: areas.name, kind: areas.kind })
      .from(areas)
      .where(or(isNull(areas.validTo), gte(areas.validTo, sql`current_date`)))
      .orderBy(sql`${areas.kind} = 'province' desc`, asc(areas.name)),
    db
      .selectDistinct({ code: units.code, name: units.name, nameEn: units.nameEn })
      .from(units)
      .innerJoin(dialogueSessions, eq(dialogueSessions.unitId, units.id))
      .orderBy(asc(units.name)),
  ]);
  return { areas: areaRows, units: unitRows };
}

// ---------------------------------------------------------------------------------------------
// Calendar feeds (.ics)
// ---------------------------------------------------------------------------------------------

export type FeedSession = SessionListRow & { description: string | null; livestreamUrl: string | null; createdAt: Date; updatedAt: Date };

/** One area's (or, with null, the whole province's) sessions for a calendar feed: coming, and the last 90 days. */
export async function listFeedSessions(db: DbOrTx, areaId: string | null, now = new Date()): Promise<FeedSession[]> {
  const since = new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000);
  const rows = await db
    .select({ ...columns, description: dialogueSessions.description, livestreamUrl: dialogueSessions.livestreamUrl, createdAt: dialogueSessions.createdAt, updatedAt: dialogueSessions.updatedAt })
    .from(dialogueSessions)
    .innerJoin(units, eq(units.id, dialogueSessions.unitId))
    .leftJoin(areas, eq(areas.id, dialogueSessions.areaId))
    .where(and(or(gte(dialogueSessions.startsAt, since), upcomingWhere(now)), areaId ? eq(dialogueSessions.areaId, areaId) : undefined))
    .orderBy(asc(dialogueSessions.startsAt), asc(dialogueSessions.id))
    .limit(1000);
  return withLeaders(db, rows);
}

/** An area by its code, for a feed's address; null when there is none. */
export async function findAreaByCode(db: DbOrTx, code: string) {
  if (!/^[a-z0-9_-]{1,64}$/i.test(code)) return null;
  const [area] = await db.select({ id: areas.id, code: areas.code, name: areas.name }).from(areas).where(eq(areas.code, code)).limit(1);
  return area ?? null;
}

// ---------------------------------------------------------------------------------------------
// The officials' list
// ---------------------------------------------------------------------------------------------

export type StaffSessionList = { rows: SessionListRow[]; total: number; page: number; pages: number };

/**
 * Sessions of the units the viewer can see (their own units; for leaders, overseers and admins the units below
 * too): coming ones first (soonest first), then the others, most recent first.
 */
export async function listStaffSessions(db: DbOrTx, viewer: Viewer, options: { page?: number } = {}, now = new Date()): Promise<StaffSessionList> {
  const unitIds = await visibleUnitIds(db, viewer);
  if (unitIds.length === 0) return { rows: [], total: 0, page: 1, pages: 1 };
  const where = inArray(dialogueSessions.unitId, unitIds);
  const [total] = await db.select({ n: count() }).from(dialogueSessions).where(where);
  const pages = Math.max(1, Math.ceil((total?.n ?? 0) / CALENDAR_PAGE_SIZE));
  const page = Math.min(Math.max(1, options.page ?? 1), pages);
  const coming = sql`case when ${upcomingWhere(now)} then 0 else 1 end`;
  const rows = await db
    .select(columns)
    .from(dialogueSessions)
    .innerJoin(units, eq(units.id, dialogueSessions.unitId))
    .leftJoin(areas, eq(areas.id, dialogueSessions.areaId))
    .where(where)
    .orderBy(asc(coming), sql`case when ${upcomingWhere(now)} then ${dialogueSessions.startsAt} end asc`, desc(dialogueSessions.startsAt))
    .limit(CALENDAR_PAGE_SIZE)
    .offset((page - 1) * CALENDAR_PAGE_SIZE);
  return { rows: await withLeaders(db, rows), total: total?.n ?? 0, page, pages };
}

