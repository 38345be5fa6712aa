import "server-only";
import { and, asc, eq, inArray, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { commitments, dialogueSessions, units, users } from "@/db/schema";
import { COMMITMENT_STATUSES } from "@/domain/dialogue/vocabulary";
import type { IsoDate } from "@/domain/types";
import { assertStaff, type Viewer } from "@/server/auth/roles";
import { visibleUnitIds } from "@/server/auth/unit-scope";
import { isUuid } from "@/server/dialogue/session-access";
import { COMMITMENT_ORDER, commitmentQuery, toPublicCommitment, type PublicCommitment } from "./commitment-view";

export const COMMITMENT_STATUS_FILTERS = [...COMMITMENT_STATUSES, "overdue"] as const;
export type CommitmentStatusFilter = (typeof COMMITMENT_STATUS_FILTERS)[number];

export type CommitmentFilters = { sessionId?: string; receptionDayId?: string; unitId?: string; leaderId?: string; status?: CommitmentStatusFilter };

/** The most a list shows; the counts always cover everything that matches. */
export const COMMITMENT_LIST_LIMIT = 200;

const id = z.string().refine(isUuid);
const filterSchema = z.object({
  phien: id.optional().catch(undefined),
  don_vi: id.optional().catch(undefined),
  lanh_dao: z.string().min(1).max(100).optional().catch(undefined),
  trang_thai: z.enum(COMMITMENT_STATUS_FILTERS).optional().catch(undefined),
});

/** A plain GET form's query (?phien=&don_vi=&lanh_dao=&trang_thai=) as filters; anything malformed is ignored. */
export function parseCommitmentFilters(query: Record<string, string | undefined>): CommitmentFilters {
  const blank = (v: string | undefined) => (v === "" ? undefined : v);
  const f = filterSchema.parse({ phien: blank(query.phien), don_vi: blank(query.don_vi), lanh_dao: blank(query.lanh_dao), trang_thai: blank(query.trang_thai) });
  return { sessionId: f.phien, unitId: f.don_vi, leaderId: f.lanh_dao, status: f.trang_thai };
}

export type CommitmentCounts = { total: number; open: number; kept: number; missed: number; overdue: number };
export type CommitmentList = { items: PublicCommitment[]; counts: CommitmentCounts; truncated: boolean };

function scopeOf(filters: CommitmentFilters, ownerUnitIds?: string[]): SQL[] {
  const where: SQL[] = [];
  if (filters.sessionId) where.push(eq(commitments.sessionId, filters.sessionId));
  if (filters.receptionDayId) where.push(eq(commitments.receptionDayId, filters.receptionDayId));
  if (filters.unitId) where.push(eq(commitments.ownerUnitId, filters.unitId));
  if (filters.leaderId) where.push(eq(commitments.leaderUserId, filters.leaderId));
  if (ownerUnitIds) where.push(ownerUnitIds.length > 0 ? inArray(commitments.ownerUnitId, ownerUnitIds) : sql`false`);
  return where;
}

function statusCondition(status: CommitmentStatusFilter | undefined, today: IsoDate): SQL | undefined {
  if (!status) return undefined;
  if (status === "overdue") return and(eq(commitments.status, "open"), lt(commitments.dueOn, today));
  return eq(commitments.status, status);
}

/**
 * Public lists of commitments: per session, per owner unit, per leader, by status (overdue: open past its
 * deadline, flagged like an overdue case). `ownerUnitIds` narrows to the units an official works for. The
 * counts are over every filter but the status, so that the figures stay beside a status chosen.
 */
export async function listCommitments(db: DbOrTx, filters: CommitmentFilters, today: IsoDate, options: { ownerUnitIds?: string[] } = {}): Promise<CommitmentList> {
  const scope = scopeOf(filters, options.ownerUnitIds);
  const status = statusCondition(filters.status, today);
  const [rows, [counts]] = await Promise.all([
    commitmentQuery(db)
      .where(and(...scope, status))
      .orderBy(...COMMITMENT_ORDER)
      .limit(COMMITMENT_LIST_LIMIT + 1),
    db
      .select({
        total: sql<number>`count(*)::int`,
        open: sql<number>`count(*) filter (where ${commitments.status} = 'open')::int`,
        kept: sql<number>`count(*) filter (where ${commitments.status} = 'kept')::int`,
        missed: sql<number>`count(*) filter (where ${commitments.status} = 'missed')::int`,
        overdue: sql<number>`count(*) filter (where ${commitments.status} = 'open' and ${commitments.dueOn} < ${today})::int`,
      })
      .from(commitments)
      .where(and(...scope)),
  ]);
  return {
    items: rows.slice(0, COMMITMENT_LIST_LIMIT).map((r) => toPublicCommitment(r, today)),
    counts: {
      total: Number(counts?.total ?? 0),
      open: Number(counts?.open ?? 0),
      kept: Number(counts?.kept ?? 0),
      missed: Number(counts?.missed ?? 0),
      overdue: Number(counts?.overdue ?? 0),
    },
    truncated: rows.length > COMMITMENT_LIST_LIMIT,
  };
}

export type FilterOption = { id: string; label: string; labelEn: string };

/** The choices of the filter form: only sessions, units and leaders that have commitments. */
export async function commitmentFilterOptions(db: DbOrTx): Promise<{ sessions: (FilterOption & { startsAt: Date })[]; units: FilterOption[]; leaders: FilterOption[] }> {
  const [sessions, owners, leaders] = await Promise.all([
    db
      .selectDistinct({ id: dialogueSessions.id, title: dialogueSessions.title, startsAt: dialogueSessions.startsAt })
      .from(dialogueSessions)
      .innerJoin(commitments, eq(commitments.sessionId, dialogueSessions.id))
      .orderBy(asc(dialogueSessions.startsAt)),
    db
      .selectDistinct({ id: units.id, name: units.name, nameEn: units.nameEn })
      .from(units)
      .innerJoin(commitments, eq(commitments.ownerUnitId, units.id))
      .orderBy(asc(units.name)),
    db
      .selectDistinct({ id: users.id, name: users.name })
      .from(users)
      .innerJoin(commitments, eq(commitments.leaderUserId, users.id))
      .orderBy(asc(users.name)),
  ]);
  return {
    sessions: sessions.reverse().map((s) => ({ id: s.id, label: s.title, labelEn: s.title, startsAt: s.startsAt })),
    units: owners.map((u) => ({ id: u.id, label: u.name, labelEn: u.nameEn })),
    leaders: leaders.map((l) => ({ id: l.id, label: l.name ?? "", labelEn: l.name ?? "" })),
  };
}

/** For an official: the commitments their units carry out (a leader's whole subtree), overdue ones first. */
export async function listOwnedCommitments(db: DbOrTx, viewer: Viewer | null, filters: CommitmentFilters, today: IsoDate): Promise<CommitmentList> {
  assertStaff(viewer);
  return listCommitments(db, filters, today, { ownerUnitIds: await visibleUnitIds(db, viewer) });
}
