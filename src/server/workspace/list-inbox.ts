import "server-only";
import { and, asc, desc, eq, inArray, isNotNull, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { areas, cases, categories, units, users } from "@/db/schema";
import { addCalendarDays, toLocalDate } from "@/domain/calendar";
import { CASE_KINDS, CASE_STATUSES, CHANNELS, type CaseKind, type CaseStatus, type Channel } from "@/domain/types";
import { assertStaff, type Viewer } from "@/server/auth/roles";
import { visibleUnitIds } from "@/server/auth/unit-scope";
import { currentDueOn, overdueWhere } from "@/server/cases/overdue";
import { isUuid } from "./case-access";

export const INBOX_PAGE_SIZE = 25;
/** "Due soon": the running deadline falls within this many calendar days. */
export const DUE_SOON_DAYS = 3;
export const OPEN_STATUSES = ["received", "accepted", "info_requested"] as const satisfies readonly CaseStatus[];

export type InboxFilters = {
  kind?: CaseKind;
  categoryId?: string;
  areaId?: string;
  unitId?: string;
  status?: CaseStatus | "open" | "all";
  channel?: Channel;
  due?: "soon" | "overdue";
  mine?: boolean;
  flagged?: boolean;
  /** Draft answers submitted to the leader and waiting for approval. */
  awaitingApproval?: boolean;
  q?: string;
  sort?: "due" | "newest";
  page?: number;
};

const pick = <T extends string>(value: unknown, allowed: readonly T[]): T | undefined =>
  typeof value === "string" && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;

/** Filters from a URL's search parameters; anything unknown is ignored rather than refused. */
export function parseInboxFilters(params: Record<string, string | string[] | undefined>): InboxFilters {
  const one = (key: string) => {
    const v = params[key];
    return Array.isArray(v) ? v[0] : v;
  };
  const uuid = (key: string) => {
    const v = one(key);
    return isUuid(v) ? v : undefined;
  };
  const page = Number(one("trang"));
  const q = one("q")?.normalize("NFC").trim().slice(0, 200);
  return {
    kind: pick(one("loai"), CASE_KINDS),
    categoryId: uuid("linh-vuc"),
    areaId: uuid("dia-ban"),
    unitId: uuid("don-vi"),
    status: pick(one("trang-thai"), [...CASE_STATUSES, "open", "all"] as const) ?? "open",
    channel: pick(one("kenh"), CHANNELS),
    due: pick(one("han"), ["soon", "overdue"] as const),
    mine: one("cua-toi") === "1",
    flagged: one("gan-co") === "1",
    awaitingApproval: one("cho-duyet") === "1",
    q: q ? q : undefined,
    sort: pick(one("sap-xep"), ["due", "newest"] as const) ?? "due",
    page: Number.isSafeInteger(page) && page > 1 ? Math.min(page, 1000) : 1,
  };
}

/** A LIKE pattern matching `text` anywhere, with its wildcards taken literally. */
function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The inbox: cases in the viewer's scope (own unit, or the subtree for leaders and overseers), filtered and
 * sorted by the running deadline. Search ignores case and diacritics ("dat dai" finds "đất đai").
 */
export async function listInbox(db: DbOrTx, viewer: Viewer | null, filters: InboxFilters, now = new Date()) {
  assertStaff(viewer);
  const scope = await visibleUnitIds(db, viewer);
  const today = toLocalDate(now);
  const soon = addCalendarDays(today, DUE_SOON_DAYS);
  const empty = { rows: [], total: 0, page: 1, pages: 1, totals: { open: 0, overdue: 0, dueSoon: 0, mine: 0, flagged: 0, awaitingApproval: 0 } };
  if (scope.length === 0) return empty;
  const unitIds = filters.unitId ? scope.filter((id) => id === filters.unitId) : scope;
  if (unitIds.length === 0) return empty;

  const inScope = inArray(cases.unitId, unitIds);
  const open = inArray(cases.status, [...OPEN_STATUSES]);
  const conditions: SQL[] = [inScope];
  const status = filters.status ?? "open";
  if (status === "open") conditions.push(open);
  else if (status !== "all") conditions.push(eq(cases.status, status));
  if (filters.kind) conditions.push(eq(cases.kind, filters.kind));
  if (filters.categoryId) conditions.push(eq(cases.categoryId, filters.categoryId));
  if (filters.areaId) {
    conditions.push(or(eq(cases.areaId, filters.areaId), sql`${cases.areaId} in (select id from areas where parent_id = ${filters.areaId}::uuid)`)!);
  }
  if (filters.channel) conditions.push(eq(cases.channel, filters.channel));
  if (filters.due === "overdue") conditions.push(overdueWhere(today));
  if (filters.due === "soon") conditions.push(sql`${currentDueOn} between ${today} and ${soon}`);
  if (filters.mine) conditions.push(eq(cases.assigneeId, viewer.userId));
  if (filters.flagged) conditions.push(isNotNull(cases.flaggedAt));
  if (filters.awaitingApproval) conditions.push(eq(cases.draftStatus, "submitted"));
  if (filters.q) {
    conditions.push(sql`unaccent(lower(${cases.title} || ' ' || ${cases.body} || ' ' || ${cases.code})) like unaccent(${containsPattern(filters.q)})`);
  }
  const where = and(...conditions);

  const assignee = alias(users, "assignee");
  const page = filters.page ?? 1;
  const [rows, [counts], [totals]] = await Promise.all([
    db
      .select({
        id: cases.id,
        code: cases.code,
        title: cases.title,
        kind: cases.kind,
        status: cases.status,
        channel: cases.channel,
        unitName: units.name,
        unitNameEn: units.nameEn,
        areaName: areas.name,
        assigneeName: assignee.name,
        assigneeEmail: assignee.email,
        receivedAt: cases.receivedAt,
        dueOn: currentDueOn,
        flagged: sql<boolean>`${cases.flaggedAt} is not null`,
        draftStatus: cases.draftStatus,
      })
      .from(cases)
      .innerJoin(units, eq(units.id, cases.unitId))
      .innerJoin(areas, eq(areas.id, cases.areaId))
      .leftJoin(assignee, eq(assignee.id, cases.assigneeId))
      .where(where)
      .orderBy(...(filters.sort === "newest" ? [desc(cases.receivedAt)] : [sql`${currentDueOn} asc nulls last`, asc(cases.receivedAt)]), asc(cases.id))
      .limit(INBOX_PAGE_SIZE)
      .offset((page - 1) * INBOX_PAGE_SIZE),
    db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(cases).where(where),
    db
      .select({
        open: sql<number>`count(*)`.mapWith(Number),
        overdue: sql<number>`count(*) filter (where ${overdueWhere(today)})`.mapWith(Number),
        dueSoon: sql<number>`count(*) filter (where ${currentDueOn} between ${today} and ${soon})`.mapWith(Number),
        mine: sql<number>`count(*) filter (where ${cases.assigneeId} = ${viewer.userId})`.mapWith(Number),
        flagged: sql<number>`count(*) filter (where ${cases.flaggedAt} is not null)`.mapWith(Number),
        awaitingApproval: sql<number>`count(*) filter (where ${cases.draftStatus} = 'submitted')`.mapWith(Number),
      })
      .from(cases)
      .where(and(inScope, open)),
  ]);
  const total = counts?.n ?? 0;
  return {
    rows: rows.map((r) => ({ ...r, overdue: r.dueOn !== null && r.dueOn < today })),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE)),
    totals: totals ?? empty.totals,
  };
}

/** Choices for the filter form: the units, fields and areas the viewer can filter by. */
export async function inboxFilterOptions(db: DbOrTx, viewer: Viewer) {
  const scope = await visibleUnitIds(db, viewer);
  const [unitRows, areaRows, categoryRows] = await Promise.all([
    scope.length ? db.select({ id: units.id, name: units.name, nameEn: units.nameEn }).from(units).where(inArray(units.id, scope)).orderBy(units.name) : [],
    db.select({ id: areas.id, name: areas.name, parentId: areas.parentId }).from(areas).orderBy(areas.name),
    db.select({ id: categories.id, nameVi: categories.nameVi, nameEn: categories.nameEn }).from(categories).orderBy(categories.nameVi),
  ]);
  return { units: unitRows, areas: areaRows, categories: categoryRows };
}
