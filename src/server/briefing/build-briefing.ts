import "server-only";
import { and, asc, desc, eq, gt, inArray, isNotNull, ne, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { cases, commitments, dialogueQuestions, dialogueSessions, receptionBookings, receptionDays, units, users } from "@/db/schema";
import { daysBetween, toLocalDate } from "@/domain/calendar";
import { isCommitmentOverdue } from "@/domain/dialogue/commitment-status";
import type { CommitmentStatus } from "@/domain/dialogue/vocabulary";
import type { BookingStatus } from "@/domain/reception/vocabulary";
import type { CaseKind, IsoDate } from "@/domain/types";
import { logger } from "@/lib/logger";
import { currentDueOn, overdueWhere } from "@/server/cases/overdue";
import { unsealPersonalData } from "@/server/privacy/personal-data";

/** Open: not yet answered, refused, closed or withdrawn (waiting for the filer's information counts, paused). */
const OPEN_CASE_STATUSES = ["received", "accepted", "info_requested"] as const;
/** How many overdue cases, commitments and questions the briefing lists (the counts always cover all of them). */
export const BRIEFING_LIST_LIMIT = 30;
export const BRIEFING_QUESTIONS_LIMIT = 10;
/** Satisfaction is read over the answers of this many days before the briefing. */
export const SATISFACTION_WINDOW_DAYS = 365;

/** What the briefing is for: a reception day or a dialogue session, as its loader found it (already authorised). */
export type BriefingSubject = {
  kind: "reception" | "session";
  id: string;
  title: string;
  titleEn: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  unit: { id: string; name: string; nameEn: string };
  area: { id: string; name: string } | null;
  /** The head of the reception, or the session's leaders. */
  heads: { userId: string; name: string | null; position: string | null; positionEn: string | null }[];
  /** The session whose questions are shown: the session itself, or for a reception the next one in its area. */
  questionsSessionId: string | null;
  /** Whether the viewer may read the booked citizens' names and summaries (the receiving office and the head). */
  showBookedCitizens: boolean;
};

export type BriefingCase = { code: string; kind: CaseKind; title: string | null; unit: { name: string; nameEn: string }; dueOn: IsoDate; daysOverdue: number };
export type BriefingCommitment = {
  id: string;
  body: string;
  status: CommitmentStatus;
  overdue: boolean;
  dueOn: IsoDate;
  ownerUnit: { name: string; nameEn: string };
  leaderName: string;
  source: { kind: "session"; id: string; title: string; on: IsoDate } | { kind: "reception"; id: string; on: IsoDate } | null;
};
export type BriefingQuestion = { id: string; number: number; body: string; supportCount: number; status: string };
export type BriefingBooking = { id: string; status: BookingStatus; name: string | null; summary: string | null; bookedAt: Date };

export type Briefing = {
  subject: BriefingSubject;
  today: IsoDate;
  cases: {
    area: { open: number; overdue: number } | null;
    unit: { open: number; overdue: number };
    /** Overdue cases of the area or the unit, most overdue first (at most BRIEFING_LIST_LIMIT). */
    overdue: BriefingCase[];
    overdueTotal: number;
  };
  commitments: {
    counts: { open: number; overdue: number; kept: number; missed: number };
    /** Still open (overdue first) and missed ones, at most BRIEFING_LIST_LIMIT. */
    items: BriefingCommitment[];
  };
  questions: { session: { id: string; title: string; startsAt: Date } | null; items: BriefingQuestion[]; total: number };
  satisfaction: { since: IsoDate; answered: number; rated: number; satisfied: number; unsatisfied: number };
  /** Null for a dialogue session (no bookings). */
  bookings: { count: number; citizens: BriefingBooking[] | null } | null;
};

/** The area and every area below it (a province's briefing covers its communes' cases). */
async function areaSubtree(db: DbOrTx, areaId: string): Promise<string[]> {
  const result = await db.execute(sql`
    with recursive down(id, depth) as (
      select id, 0 from areas where id = ${areaId}::uuid
      union all
      select a.id, d.depth + 1 from areas a join down d on a.parent_id = d.id where d.depth < 10
    )
    select id from down`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}


/**
 * The leader's briefing before a reception or a dialogue session: the area's and the unit's open and overdue
 * cases, earlier commitments of the unit, the area and the head(s) and their state, the most supported questions
 * of the coming session, how satisfied those who rated an answer were, and the citizens booked. Read only; a few
 * grouped queries whatever the size of the area. The caller has authorised the viewer from the resource.
 */
export async function buildBriefing(db: DbOrTx, subject: BriefingSubject, now: Date = new Date()): Promise<Briefing> {
  const today = toLocalDate(now);
  const areaIds = subject.area ? await areaSubtree(db, subject.area.id) : [];
  const inArea = areaIds.length ? inArray(cases.areaId, areaIds) : sql`false`;
  const ofUnit = eq(cases.unitId, subject.unit.id);
  const open = inArray(cases.status, [...OPEN_CASE_STATUSES]);
  const overdue = overdueWhere(today);
  const since = toLocalDate(new Date(now.getTime() - SATISFACTION_WINDOW_DAYS * 86_400_000));

  const [counts] = await db
    .select({
      areaOpen: sql<number>`count(*) filter (where ${inArea})`.mapWith(Number),
      areaOverdue: sql<number>`count(*) filter (where ${inArea} and ${overdue})`.mapWith(Number),
      unitOpen: sql<number>`count(*) filter (where ${ofUnit})`.mapWith(Number),
      unitOverdue: sql<number>`count(*) filter (where ${ofUnit} and ${overdue})`.mapWith(Number),
      overdueTotal: sql<number>`count(*) filter (where ${overdue})`.mapWith(Number),
    })
    .from(cases)
    .where(and(open, or(inArea, ofUnit)));

  const overdueRows = await db
    .select({ code: cases.code, kind: cases.kind, title: cases.title, unitName: units.name, unitNameEn: units.nameEn, dueOn: currentDueOn })
    .from(cases)
    .innerJoin(units, eq(units.id, cases.unitId))
    .where(and(or(inArea, ofUnit), overdue))
    .orderBy(asc(currentDueOn), asc(cases.code))
    .limit(BRIEFING_LIST_LIMIT);

  const [rated] = await db
    .select({
      answered: sql<number>`count(*)`.mapWith(Number),
      satisfied: sql<number>`count(*) filter (where ${cases.satisfaction} = 'satisfied')`.mapWith(Number),
      unsatisfied: sql<number>`count(*) filter (where ${cases.satisfaction} = 'unsatisfied')`.mapWith(Number),
    })
    .from(cases)
    .where(and(or(inArea, ofUnit), isNotNull(cases.answeredAt), sql`${cases.answeredAt} >= ${since}::date`));

  const commitmentAreaId = sql`coalesce(${dialogueSessions.areaId}, ${receptionDays.areaId})`;
  const headIds = subject.heads.map((h) => h.userId);
  const commitmentScope = and(
    or(eq(commitments.ownerUnitId, subject.unit.id), headIds.length ? inArray(commitments.leaderUserId, headIds) : sql`false`, areaIds.length ? inArray(commitmentAreaId, areaIds) : sql`false`),
    // Earlier ones: not those made at this very reception or session.
    subject.kind === "session" ? sql`${commitments.sessionId} is distinct from ${subject.id}::uuid` : sql`${commitments.receptionDayId} is distinct from ${subject.id}::uuid`,
  );
  const [commitmentCounts] = await db
    .select({
      open: sql<number>`count(*) filter (where ${commitments.status} = 'open' and ${commitments.dueOn} >= ${today})`.mapWith(Number),
      overdue: sql<number>`count(*) filter (where ${commitments.status} = 'open' and ${commitments.dueOn} < ${today})`.mapWith(Number),
      kept: sql<number>`count(*) filter (where ${commitments.status} = 'kept')`.mapWith(Number),
      missed: sql<number>`count(*) filter (where ${commitments.status} = 'missed')`.mapWith(Number),
    })
    .from(commitments)
    .leftJoin(dialogueSessions, eq(dialogueSessions.id, commitments.sessionId))
    .leftJoin(receptionDays, eq(receptionDays.id, commitments.receptionDayId))
    .where(commitmentScope);
  const commitmentRows = await db
    .select({
      c: commitments,
      unitName: units.name,
      unitNameEn: units.nameEn,
      leaderName: users.name,
      sessionTitle: dialogueSessions.title,
      sessionStartsAt: dialogueSessions.startsAt,
      dayStartsAt: receptionDays.startsAt,
    })
    .from(commitments)
    .innerJoin(units, eq(units.id, commitments.ownerUnitId))
    .innerJoin(users, eq(users.id, commitments.leaderUserId))
    .leftJoin(dialogueSessions, eq(dialogueSessions.id, commitments.sessionId))
    .leftJoin(receptionDays, eq(receptionDays.id, commitments.receptionDayId))
    .where(and(commitmentScope, inArray(commitments.status, ["open", "missed"])))
    .orderBy(sql`case when ${commitments.status} = 'open' then 0 else 1 end`, asc(commitments.dueOn))
    .limit(BRIEFING_LIST_LIMIT);

  const questions = await coming(db, subject);
  const bookings = subject.kind === "reception" ? await booked(db, subject) : null;

  return {
    subject,
    today,
    cases: {
      area: subject.area ? { open: counts?.areaOpen ?? 0, overdue: counts?.areaOverdue ?? 0 } : null,
      unit: { open: counts?.unitOpen ?? 0, overdue: counts?.unitOverdue ?? 0 },
      overdue: overdueRows.map((r) => ({
        code: r.code,
        kind: r.kind,
        // A denunciation's content is sealed by law: its code and unit only.
        title: r.kind === "denunciation" ? null : r.title,
        unit: { name: r.unitName, nameEn: r.unitNameEn },
        dueOn: r.dueOn as IsoDate,
        daysOverdue: daysBetween(r.dueOn as IsoDate, today),
      })),
      overdueTotal: counts?.overdueTotal ?? 0,
    },
    commitments: {
      counts: { open: commitmentCounts?.open ?? 0, overdue: commitmentCounts?.overdue ?? 0, kept: commitmentCounts?.kept ?? 0, missed: commitmentCounts?.missed ?? 0 },
      items: commitmentRows.map((r) => ({
        id: r.c.id,
        body: r.c.body,
        status: r.c.status,
        overdue: isCommitmentOverdue({ status: r.c.status, dueOn: r.c.dueOn as IsoDate }, today),
        dueOn: r.c.dueOn as IsoDate,
        ownerUnit: { name: r.unitName, nameEn: r.unitNameEn },
        leaderName: r.leaderName ?? "",
        source:
          r.c.sessionId && r.sessionTitle && r.sessionStartsAt
            ? { kind: "session" as const, id: r.c.sessionId, title: r.sessionTitle, on: toLocalDate(r.sessionStartsAt) }
            : r.c.receptionDayId && r.dayStartsAt
              ? { kind: "reception" as const, id: r.c.receptionDayId, on: toLocalDate(r.dayStartsAt) }
              : null,
      })),
    },
    questions,
    satisfaction: { since, answered: rated?.answered ?? 0, rated: (rated?.satisfied ?? 0) + (rated?.unsatisfied ?? 0), satisfied: rated?.satisfied ?? 0, unsatisfied: rated?.unsatisfied ?? 0 },
    bookings,
  };
}

/** Questions the public can see and support: moderated, not declined or merged. */
const LISTED_QUESTION_STATUSES = ["approved", "answered", "case"] as const;

async function coming(db: DbOrTx, subject: BriefingSubject): Promise<Briefing["questions"]> {
  if (!subject.questionsSessionId) return { session: null, items: [], total: 0 };
  const [session] = await db
    .select({ id: dialogueSessions.id, title: dialogueSessions.title, startsAt: dialogueSessions.startsAt })
    .from(dialogueSessions)
    .where(eq(dialogueSessions.id, subject.questionsSessionId))
    .limit(1);
  if (!session) return { session: null, items: [], total: 0 };
  const where = and(eq(dialogueQuestions.sessionId, session.id), inArray(dialogueQuestions.status, [...LISTED_QUESTION_STATUSES]));
  const [items, [total]] = await Promise.all([
    db
      .select({ id: dialogueQuestions.id, number: dialogueQuestions.number, body: dialogueQuestions.body, supportCount: dialogueQuestions.supportCount, status: dialogueQuestions.status })
      .from(dialogueQuestions)
      .where(where)
      .orderBy(desc(dialogueQuestions.supportCount), desc(dialogueQuestions.priority), asc(dialogueQuestions.number))
      .limit(BRIEFING_QUESTIONS_LIMIT),
    db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(dialogueQuestions).where(where),
  ]);
  return { session, items, total: total?.n ?? 0 };
}

/** The next announced or open session in the reception's area (or of its unit), for its questions. */
export async function nextSessionFor(db: DbOrTx, unitId: string, areaId: string | null, after: Date): Promise<string | null> {
  const [row] = await db
    .select({ id: dialogueSessions.id })
    .from(dialogueSessions)
    .where(
      and(
        inArray(dialogueSessions.status, ["announced", "open"]),
        gt(dialogueSessions.startsAt, after),
        or(eq(dialogueSessions.unitId, unitId), areaId ? eq(dialogueSessions.areaId, areaId) : sql`false`),
      ),
    )
    .orderBy(asc(dialogueSessions.startsAt))
    .limit(1);
  return row?.id ?? null;
}

async function booked(db: DbOrTx, subject: BriefingSubject): Promise<NonNullable<Briefing["bookings"]>> {
  const rows = await db
    .select({ id: receptionBookings.id, status: receptionBookings.status, keyId: receptionBookings.keyId, sealed: receptionBookings.sealed, createdAt: receptionBookings.createdAt })
    .from(receptionBookings)
    .where(and(eq(receptionBookings.receptionDayId, subject.id), ne(receptionBookings.status, "cancelled")))
    .orderBy(asc(receptionBookings.createdAt));
  if (!subject.showBookedCitizens) return { count: rows.length, citizens: null };
  return {
    count: rows.length,
    citizens: rows.map((r) => {
      let name: string | null = null;
      let summary: string | null = null;
      try {
        // As the booking form seals it: { name, email?, phone?, summary }.
        const data = unsealPersonalData(r.keyId, r.sealed) as { name?: unknown; summary?: unknown };
        name = typeof data.name === "string" ? data.name : null;
        summary = typeof data.summary === "string" ? data.summary : null;
      } catch {
        // A key no longer configured: the row is still counted, its content shown as unreadable.
        logger.warn("briefing: a booking could not be unsealed", { bookingId: r.id });
      }
      return { id: r.id, status: r.status, name, summary, bookedAt: r.createdAt };
    }),
  };
}
