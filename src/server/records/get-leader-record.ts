import "server-only";
import { and, asc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { commitments, dialogueSessionLeaders, dialogueSessions, memberships, receptionPositionHolders, receptionPositions, units, users } from "@/db/schema";
import { toLocalDate } from "@/domain/calendar";
import { monthOf } from "@/domain/reception/duty";
import type { IsoDate } from "@/domain/types";
import type { PublicCommitment } from "@/server/commitments/commitment-view";
import { computeDuty } from "@/server/reception/duty/duty-figures";
import { getCaseStatistics } from "@/server/statistics/get-case-statistics";
import { getParticipationFigures } from "@/server/statistics/get-participation-figures";
import { resolveScope } from "@/server/statistics/scope";
import type { ScopeFigures } from "./get-unit-record";
import { isLeader } from "./list-leaders";
import { commitmentsIn, periodInstants, seatOf, sessionsIn, type Period, type RecordSeat, type RecordSession, type UnitRef } from "./record-parts";

/** The most units a leader's record computes figures for. */
const MAX_LED_UNITS = 10;

export type LeaderRecord = {
  leader: { userId: string; name: string };
  /** Reception seats held, with dates (newest first). */
  seats: { positionId: string; title: string; titleEn: string; unit: UnitRef; fromDate: IsoDate; toDate: IsoDate | null }[];
  /** The positions they answered dialogue sessions in. */
  sessionPositions: { position: string; positionEn: string }[];
  /** The units they lead or led (leader memberships), each with its figures (with every unit below it) over the period. */
  units: (ScopeFigures & { unit: UnitRef & { closedOn: IsoDate | null }; fromDate: IsoDate; toDate: IsoDate | null })[];
  sessions: { items: (RecordSession & { position: string; positionEn: string })[]; truncated: boolean };
  commitments: { counts: { made: number; kept: number; missed: number; open: number; overdue: number }; items: PublicCommitment[]; truncated: boolean };
  /** Their seats' duty, only the months of the period in which they held the seat. */
  duty: RecordSeat[];
};

/**
 * A leader's public record (/thong-ke/lanh-dao/<userId>): name and positions, the units they lead with those
 * units' figures, the sessions they took part in, the commitments they made and their reception duty, over a
 * period. Null when the id is not a leader's (unknown, or a citizen: the page answers 404). Never an email or a
 * phone.
 */
export async function getLeaderRecord(db: DbOrTx, userId: string, period: Period, now = new Date()): Promise<LeaderRecord | null> {
  if (!(await isLeader(db, userId))) return null;
  const [person] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, userId));
  if (!person) return null;
  const today = toLocalDate(now);
  const { start, end } = periodInstants(period);

  const [seatRows, positionRows, ledRows, sessions, sessionRoles, owned, [counts]] = await Promise.all([
    db
      .select({
        positionId: receptionPositions.id,
        title: receptionPositions.title,
        titleEn: receptionPositions.titleEn,
        unit: { id: units.id, code: units.code, name: units.name, nameEn: units.nameEn },
        fromDate: receptionPositionHolders.fromDate,
        toDate: receptionPositionHolders.toDate,
      })
      .from(receptionPositionHolders)
      .innerJoin(receptionPositions, eq(receptionPositions.id, receptionPositionHolders.positionId))
      .innerJoin(units, eq(units.id, receptionPositions.unitId))
      .where(eq(receptionPositionHolders.userId, userId))
      .orderBy(sql`${receptionPositionHolders.fromDate} desc`),
    db
      .selectDistinct({ position: dialogueSessionLeaders.position, positionEn: dialogueSessionLeaders.positionEn })
      .from(dialogueSessionLeaders)
      .where(eq(dialogueSessionLeaders.userId, userId))
      .orderBy(asc(dialogueSessionLeaders.position)),
    db
      .select({ unit: { id: units.id, code: units.code, name: units.name, nameEn: units.nameEn, closedOn: units.validTo }, fromDate: memberships.validFrom, toDate: memberships.validTo })
      .from(memberships)
      .innerJoin(units, eq(units.id, memberships.unitId))
      .where(and(eq(memberships.userId, userId), eq(memberships.role, "leader")))
      .orderBy(asc(units.name))
      .limit(MAX_LED_UNITS),
    sessionsIn(db, period, inArray(dialogueSessions.id, db.select({ id: dialogueSessionLeaders.sessionId }).from(dialogueSessionLeaders).where(eq(dialogueSessionLeaders.userId, userId)))),
    db
      .select({ sessionId: dialogueSessionLeaders.sessionId, position: dialogueSessionLeaders.position, positionEn: dialogueSessionLeaders.positionEn })
      .from(dialogueSessionLeaders)
      .where(eq(dialogueSessionLeaders.userId, userId)),
    commitmentsIn(db, period, eq(commitments.leaderUserId, userId), today),
    db
      .select({
        made: sql<number>`count(*)::int`,
        kept: sql<number>`count(*) filter (where ${commitments.status} = 'kept')::int`,
        missed: sql<number>`count(*) filter (where ${commitments.status} = 'missed')::int`,
        open: sql<number>`count(*) filter (where ${commitments.status} = 'open')::int`,
        overdue: sql<number>`count(*) filter (where ${commitments.status} = 'open' and ${commitments.dueOn} < ${today})::int`,
      })
      .from(commitments)
      .where(and(eq(commitments.leaderUserId, userId), gte(commitments.createdAt, start), lt(commitments.createdAt, end))),
  ]);

  const led = await Promise.all(
    ledRows.map(async (m) => {
      const scope = (await resolveScope(db, { kind: "unit", unitId: m.unit.id, subtree: true }))!;
      const [stats, participation] = await Promise.all([getCaseStatistics(db, scope, period, now), getParticipationFigures(db, scope, period, now)]);
      return { unit: m.unit, fromDate: m.fromDate, toDate: m.toDate, figures: stats.figures, participation };
    }),
  );

  const thisMonth = monthOf(today);
  const fromMonth = monthOf(period.from);
  const toMonth = monthOf(period.to) < thisMonth ? monthOf(period.to) : thisMonth;
  const positionIds = [...new Set(seatRows.map((s) => s.positionId))];
  const duty =
    fromMonth <= toMonth
      ? (await Promise.all(positionIds.map((positionId) => computeDuty(db, { positionId }, { now, fromMonth, toMonth })))).flat().map((p) => seatOf(p, period, userId))
      : [];

  const roleOf = new Map(sessionRoles.map((r) => [r.sessionId, r]));
  return {
    leader: { userId: person.id, name: person.name ?? "" },
    seats: seatRows,
    sessionPositions: positionRows,
    units: led,
    sessions: { items: sessions.items.map((s) => ({ ...s, position: roleOf.get(s.id)?.position ?? "", positionEn: roleOf.get(s.id)?.positionEn ?? "" })), truncated: sessions.truncated },
    commitments: {
      counts: { made: Number(counts?.made ?? 0), kept: Number(counts?.kept ?? 0), missed: Number(counts?.missed ?? 0), open: Number(counts?.open ?? 0), overdue: Number(counts?.overdue ?? 0) },
      items: owned.items,
      truncated: owned.truncated,
    },
    duty,
  };
}
