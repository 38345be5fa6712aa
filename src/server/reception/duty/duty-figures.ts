import "server-only";
import { and, asc, eq, gte, inArray, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { areas, receptionDays, receptionPositionHolders, receptionPositions, units, users } from "@/db/schema";
import { addCalendarDays, compareDates, toLocalDate } from "@/domain/calendar";
import { judgeDutyByMonth, monthEnd, monthOf, monthStart, monthsBetween, type DutyRule, type MonthJudgement } from "@/domain/reception/duty";
import type { PositionKind } from "@/domain/reception/vocabulary";
import type { IsoDate } from "@/domain/types";
import { loadCalendar } from "@/server/deadlines/policy-rows";
import { loadDutyRules } from "@/server/reception/duty-rules";
import { vietnamInstant } from "@/domain/calendar";

/**
 * What became of the matters raised at a position's receptions in one month (by the reception's date). A case is
 * on time when it was answered on or before its answer_due_on (10 working days after the reception), overdue when
 * answered later or not answered once that date has passed, pending otherwise. A refusal notice is late when it
 * went out after its due date, or has not gone out and the date has passed.
 */
export type MatterTally = {
  total: number;
  answered: number;
  cases: number;
  casesOnTime: number;
  casesOverdue: number;
  casesPending: number;
  guided: number;
  refused: number;
  refusalsLate: number;
};

export const EMPTY_TALLY: MatterTally = { total: 0, answered: 0, cases: 0, casesOnTime: 0, casesOverdue: 0, casesPending: 0, guided: 0, refused: 0, refusalsLate: 0 };

export type DutyHead = { userId: string; name: string | null; fromDate: IsoDate; toDate: IsoDate | null };

export type MonthDuty = MonthJudgement & {
  matters: MatterTally;
  /** The officials who held the seat on some day of the month. */
  heads: { userId: string; name: string | null }[];
};

export type DutyPosition = {
  id: string;
  kind: PositionKind;
  title: string;
  titleEn: string;
  active: boolean;
  unit: { id: string; name: string; nameEn: string };
  area: { id: string; name: string } | null;
  holders: DutyHead[];
  /** The head today, if any. */
  currentHead: { userId: string; name: string | null } | null;
};

export type PositionDuty = { position: DutyPosition; months: MonthDuty[]; rules: DutyRule[] };

/** The longest history a page computes: ten years of months. */
const MAX_MONTHS = 120;

export type DutyScope = { positionId?: string; unitId?: string; areaId?: string; activeOnly?: boolean };

/**
 * Month by month, for every position in the scope, what the duty rules required, what was held and what became
 * of the matters raised, from `fromMonth` (or the first month the position had a holder, or else a rule in force)
 * to `toMonth` (default: this month). A few grouped queries in all, whatever the number of positions and months.
 */
export async function computeDuty(db: DbOrTx, scope: DutyScope, opts: { now?: Date; fromMonth?: string; toMonth?: string } = {}): Promise<PositionDuty[]> {
  const now = opts.now ?? new Date();
  const today = toLocalDate(now);
  const toMonth = opts.toMonth ?? monthOf(today);
  const where: SQL[] = [];
  if (scope.positionId) where.push(eq(receptionPositions.id, scope.positionId));
  if (scope.unitId) where.push(eq(receptionPositions.unitId, scope.unitId));
  if (scope.areaId) where.push(eq(units.areaId, scope.areaId));
  if (scope.activeOnly) where.push(eq(receptionPositions.active, true));
  const positionRows = await db
    .select({ p: receptionPositions, unitName: units.name, unitNameEn: units.nameEn, area: { id: areas.id, name: areas.name } })
    .from(receptionPositions)
    .innerJoin(units, eq(units.id, receptionPositions.unitId))
    .leftJoin(areas, eq(areas.id, units.areaId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(units.name), asc(receptionPositions.title));
  if (positionRows.length === 0) return [];
  const ids = positionRows.map((r) => r.p.id);

  const [rules, calendar, holderRows, heldRows, matterRows] = await Promise.all([
    loadDutyRules(db),
    loadCalendar(db),
    db
      .select({ positionId: receptionPositionHolders.positionId, userId: receptionPositionHolders.userId, name: users.name, fromDate: receptionPositionHolders.fromDate, toDate: receptionPositionHolders.toDate })
      .from(receptionPositionHolders)
      .innerJoin(users, eq(users.id, receptionPositionHolders.userId))
      .where(inArray(receptionPositionHolders.positionId, ids))
      .orderBy(asc(receptionPositionHolders.fromDate)),
    db
      .select({ positionId: receptionDays.positionId, startsAt: receptionDays.startsAt, inPerson: receptionDays.receivedInPerson })
      .from(receptionDays)
      .where(
        and(
          inArray(receptionDays.positionId, ids),
          eq(receptionDays.status, "held"),
          // A week at the window's edge may start up to 6 days before its first month.
          opts.fromMonth ? gte(receptionDays.startsAt, vietnamInstant(addCalendarDays(monthStart(opts.fromMonth), -7), "00:00")) : undefined,
        ),
      ),
    matterTallies(db, ids, today),
  ]);

  const holdersBy = groupBy(holderRows, (h) => h.positionId);
  const heldBy = groupBy(heldRows, (h) => h.positionId);
  const mattersBy = new Map(matterRows.map((m) => [`${m.positionId}|${m.month}`, m.tally]));

  return positionRows.map(({ p, unitName, unitNameEn, area }) => {
    const holders: DutyHead[] = (holdersBy.get(p.id) ?? []).map((h) => ({ userId: h.userId, name: h.name, fromDate: h.fromDate, toDate: h.toDate }));
    const firstRule = rules.filter((r) => r.positionKind === p.kind).map((r) => r.effectiveFrom).sort()[0];
    const start = holders[0]?.fromDate ?? firstRule ?? today;
    let fromMonth = monthOf(start);
    if (opts.fromMonth && opts.fromMonth > fromMonth) fromMonth = opts.fromMonth;
    const span = fromMonth <= toMonth ? monthsBetween(fromMonth, toMonth) : [];
    if (span.length > MAX_MONTHS) fromMonth = span[span.length - MAX_MONTHS]!;
    const months =
      fromMonth <= toMonth
        ? judgeDutyByMonth({
            calendar,
            rules,
            kind: p.kind,
            schedule: { daysOfMonth: p.daysOfMonth, weekday: p.weekday },
            held: (heldBy.get(p.id) ?? []).map((h) => ({ on: toLocalDate(h.startsAt), inPerson: h.inPerson === true })),
            fromMonth,
            toMonth,
            today,
          })
        : [];
    const current = holders.filter((h) => compareDates(h.fromDate, today) <= 0 && (!h.toDate || compareDates(h.toDate, today) >= 0)).at(-1);
    return {
      position: {
        id: p.id,
        kind: p.kind,
        title: p.title,
        titleEn: p.titleEn,
        active: p.active,
        unit: { id: p.unitId, name: unitName, nameEn: unitNameEn },
        area: area?.id ? { id: area.id, name: area.name } : null,
        holders,
        currentHead: current ? { userId: current.userId, name: current.name } : null,
      },
      rules: rules.filter((r) => r.positionKind === p.kind),
      months: months.map((m) => ({
        ...m,
        matters: mattersBy.get(`${p.id}|${m.month}`) ?? EMPTY_TALLY,
        heads: headsInMonth(holders, m.month),
      })),
    };
  });
}

/** The holders whose term overlaps a month, in order of their start. */
export function headsInMonth(holders: readonly DutyHead[], month: string): { userId: string; name: string | null }[] {
  const from = monthStart(month);
  const to = monthEnd(month);
  const seen = new Set<string>();
  const out: { userId: string; name: string | null }[] = [];
  for (const h of holders) {
    if (compareDates(h.fromDate, to) > 0 || (h.toDate && compareDates(h.toDate, from) < 0)) continue;
    if (seen.has(h.userId)) continue;
    seen.add(h.userId);
    out.push({ userId: h.userId, name: h.name });
  }
  return out;
}

type TallyRow = {
  position_id: string;
  month: string;
  total: number;
  answered: number;
  cases: number;
  on_time: number;
  overdue: number;
  pending: number;
  guided: number;
  refused: number;
  refusals_late: number;
};

/** One grouped query: the matters of the positions' receptions, by position and month of the reception (Vietnam). */
async function matterTallies(db: DbOrTx, positionIds: string[], today: IsoDate): Promise<{ positionId: string; month: string; tally: MatterTally }[]> {
  const list = sql.join(
    positionIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = rowsOf<TallyRow>(
    await db.execute(sql`
      select d.position_id::text as position_id,
        to_char((d.starts_at at time zone 'UTC') + interval '7 hours', 'YYYY-MM') as month,
        count(*)::int as total,
        (count(*) filter (where m.outcome = 'answered'))::int as answered,
        (count(*) filter (where m.outcome = 'case'))::int as cases,
        (count(*) filter (where m.outcome = 'case' and c.answered_at is not null
          and (m.answer_due_on is null or ((c.answered_at at time zone 'UTC') + interval '7 hours')::date <= m.answer_due_on)))::int as on_time,
        (count(*) filter (where m.outcome = 'case' and m.answer_due_on is not null and (
          (c.answered_at is not null and ((c.answered_at at time zone 'UTC') + interval '7 hours')::date > m.answer_due_on)
          or (c.answered_at is null and m.answer_due_on < ${today}::date))))::int as overdue,
        (count(*) filter (where m.outcome = 'case' and c.answered_at is null and (m.answer_due_on is null or m.answer_due_on >= ${today}::date)))::int as pending,
        (count(*) filter (where m.outcome = 'guided'))::int as guided,
        (count(*) filter (where m.outcome = 'refused'))::int as refused,
        (count(*) filter (where m.outcome = 'refused' and m.refusal_notice_due_on is not null and (
          (m.refusal_notified_on is not null and m.refusal_notified_on > m.refusal_notice_due_on)
          or (m.refusal_notified_on is null and m.refusal_notice_due_on < ${today}::date))))::int as refusals_late
      from reception_matters m
      join reception_days d on d.id = m.reception_day_id
      left join cases c on c.id = m.case_id
      where d.position_id in (${list})
      group by 1, 2`),
  );
  return rows.map((r) => ({
    positionId: r.position_id,
    month: r.month,
    tally: {
      total: Number(r.total),
      answered: Number(r.answered),
      cases: Number(r.cases),
      casesOnTime: Number(r.on_time),
      casesOverdue: Number(r.overdue),
      casesPending: Number(r.pending),
      guided: Number(r.guided),
      refused: Number(r.refused),
      refusalsLate: Number(r.refusals_late),
    },
  }));
}

export function sumTallies(tallies: readonly MatterTally[]): MatterTally {
  const out = { ...EMPTY_TALLY };
  for (const t of tallies) for (const k of Object.keys(out) as (keyof MatterTally)[]) out[k] += t[k];
  return out;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return map;
}
