import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { addCalendarDays, compareDates, toLocalDate, vietnamInstant } from "@/domain/calendar";
import { monthEnd, monthOf, monthStart } from "@/domain/reception/duty";
import type { IsoDate } from "@/domain/types";
import { computeDuty, type PositionDuty } from "@/server/reception/duty/duty-figures";
import { inScope, type ResolvedScope } from "./scope";

/**
 * The figures of citizens' participation (dialogue sessions, leaders' commitments, reception duty) of a scope over
 * a period. Each key is a message key: `statistics.figures.<key>` and `statistics.definitions.<key>` say what is
 * counted. The rules, in one place:
 *
 * - Dialogue: sessions HELD (status ended or minutes published) whose scheduled start falls in the period (local
 *   date), hosted by a unit in view; attendance is what their minutes record. Their questions exclude those merged
 *   into another (duplicates); "answered in the session" are the questions answered there, "passed on as cases"
 *   those turned into cases.
 * - Commitments: recorded (created) in the period, carried out by a unit in view (the owner unit), whatever the
 *   source (a session or a reception's conclusion notice). Kept, missed and open are their state today; overdue are
 *   the open ones whose date is before today. Made = kept + missed + open.
 * - Reception duty: the seats (reception positions) of the units in view, judged by the duty rules
 *   (src/domain/reception/duty.ts through computeDuty, the same judgement as the duty pages). A duty period (a
 *   week or a month, as the rule says) counts when it has begun and either the month the duty pages show it under
 *   lies wholly inside the period (so a month's figures are the duty page's) or the duty period itself does (a
 *   custom period's whole weeks): its required days and the days the head held in person are added. A month
 *   counts as met or missed (pending months and months with no duty are neither) when it lies wholly inside the
 *   period. Visits and matters are those of the reception
 *   days held in the period (by the head or not), at the units in view.
 */
export type ParticipationFigures = {
  dialogue: { sessionsHeld: number; conferencesHeld: number; attendance: number; questions: number; answeredInSession: number; passedOnAsCases: number };
  commitments: { commitmentsMade: number; commitmentsKept: number; commitmentsMissed: number; commitmentsOpen: number; commitmentsOverdue: number };
  receptions: { receptionDaysRequired: number; receptionDaysHeld: number; receptionMonthsMet: number; receptionMonthsMissed: number; citizensReceived: number; receptionMatters: number };
};

/** The instants [start, end) of a period of local dates. */
function instants(period: { from: IsoDate; to: IsoDate }) {
  return { start: vietnamInstant(period.from, "00:00").toISOString(), end: vietnamInstant(addCalendarDays(period.to, 1), "00:00").toISOString() };
}

const n = (v: unknown) => Number(v ?? 0);

export async function getParticipationFigures(db: DbOrTx, scope: ResolvedScope, period: { from: IsoDate; to: IsoDate }, now = new Date()): Promise<ParticipationFigures> {
  const today = toLocalDate(now);
  if (compareDates(period.from, period.to) > 0) return emptyParticipation();
  const [dialogue, commitments, receptions] = await Promise.all([
    dialogueFigures(db, scope, period),
    commitmentFigures(db, scope, period, today),
    receptionFigures(db, scope, period, now),
  ]);
  return { dialogue, commitments, receptions };
}

export function emptyParticipation(): ParticipationFigures {
  return {
    dialogue: { sessionsHeld: 0, conferencesHeld: 0, attendance: 0, questions: 0, answeredInSession: 0, passedOnAsCases: 0 },
    commitments: { commitmentsMade: 0, commitmentsKept: 0, commitmentsMissed: 0, commitmentsOpen: 0, commitmentsOverdue: 0 },
    receptions: { receptionDaysRequired: 0, receptionDaysHeld: 0, receptionMonthsMet: 0, receptionMonthsMissed: 0, citizensReceived: 0, receptionMatters: 0 },
  };
}

async function dialogueFigures(db: DbOrTx, scope: ResolvedScope, period: { from: IsoDate; to: IsoDate }): Promise<ParticipationFigures["dialogue"]> {
  const { start, end } = instants(period);
  const [row] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      with held as (
        select s.id, s.kind, s.attendance from dialogue_sessions s
        where s.status in ('ended', 'minutes_published')
          and s.starts_at >= ${start}::timestamptz and s.starts_at < ${end}::timestamptz
          and ${inScope(sql.raw("s.unit_id"), scope.unitIds)}
      ), asked as (
        select q.status from dialogue_questions q join held h on h.id = q.session_id where q.status <> 'merged'
      )
      select (select count(*) from held)::int as sessions,
        (select count(*) from held where kind = 'conference')::int as conferences,
        (select coalesce(sum(attendance), 0) from held)::int as attendance,
        (select count(*) from asked)::int as questions,
        (select count(*) from asked where status = 'answered')::int as answered,
        (select count(*) from asked where status = 'case')::int as cases`),
  );
  return {
    sessionsHeld: n(row?.sessions),
    conferencesHeld: n(row?.conferences),
    attendance: n(row?.attendance),
    questions: n(row?.questions),
    answeredInSession: n(row?.answered),
    passedOnAsCases: n(row?.cases),
  };
}

async function commitmentFigures(db: DbOrTx, scope: ResolvedScope, period: { from: IsoDate; to: IsoDate }, today: IsoDate): Promise<ParticipationFigures["commitments"]> {
  const { start, end } = instants(period);
  const [row] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select count(*)::int as made,
        (count(*) filter (where c.status = 'kept'))::int as kept,
        (count(*) filter (where c.status = 'missed'))::int as missed,
        (count(*) filter (where c.status = 'open'))::int as open,
        (count(*) filter (where c.status = 'open' and c.due_on < ${today}::date))::int as overdue
      from commitments c
      where c.created_at >= ${start}::timestamptz and c.created_at < ${end}::timestamptz
        and ${inScope(sql.raw("c.owner_unit_id"), scope.unitIds)}`),
  );
  return {
    commitmentsMade: n(row?.made),
    commitmentsKept: n(row?.kept),
    commitmentsMissed: n(row?.missed),
    commitmentsOpen: n(row?.open),
    commitmentsOverdue: n(row?.overdue),
  };
}

/** The seats of the units in view, judged month by month over the period's months up to this month. */
export async function dutyInScope(db: DbOrTx, scope: ResolvedScope, period: { from: IsoDate; to: IsoDate }, now: Date): Promise<PositionDuty[]> {
  const thisMonth = monthOf(toLocalDate(now));
  const fromMonth = monthOf(period.from);
  const toMonth = monthOf(period.to) < thisMonth ? monthOf(period.to) : thisMonth;
  if (fromMonth > toMonth) return [];
  if (scope.unitIds !== null && scope.unitIds.length === 0) return [];
  const single = scope.unitIds?.length === 1 ? scope.unitIds[0] : undefined;
  const all = await computeDuty(db, single ? { unitId: single } : {}, { now, fromMonth, toMonth });
  if (scope.unitIds === null || single) return all;
  const ids = new Set(scope.unitIds);
  return all.filter((p) => ids.has(p.position.unit.id));
}

async function receptionFigures(db: DbOrTx, scope: ResolvedScope, period: { from: IsoDate; to: IsoDate }, now: Date): Promise<ParticipationFigures["receptions"]> {
  const { start, end } = instants(period);
  const [duty, [visits]] = await Promise.all([
    dutyInScope(db, scope, period, now),
    db
      .execute(
        sql`
        select (count(*))::int as days, coalesce(sum(d.citizens_count), 0)::int as citizens,
          (select count(*) from reception_matters m join reception_days x on x.id = m.reception_day_id
            where x.status = 'held' and x.starts_at >= ${start}::timestamptz and x.starts_at < ${end}::timestamptz
              and ${inScope(sql.raw("x.unit_id"), scope.unitIds)})::int as matters
        from reception_days d
        where d.status = 'held' and d.starts_at >= ${start}::timestamptz and d.starts_at < ${end}::timestamptz
          and ${inScope(sql.raw("d.unit_id"), scope.unitIds)}`,
      )
      .then((r) => rowsOf<Record<string, unknown>>(r)),
  ]);
  const judged = judgeInPeriod(duty, period, toLocalDate(now));
  return { ...judged, citizensReceived: n(visits?.citizens), receptionMatters: n(visits?.matters) };
}

/** The duty figures of judged seats over a period (see the rules above). Pure. */
export function judgeInPeriod(
  duty: readonly PositionDuty[],
  period: { from: IsoDate; to: IsoDate },
  today: IsoDate,
): Pick<ParticipationFigures["receptions"], "receptionDaysRequired" | "receptionDaysHeld" | "receptionMonthsMet" | "receptionMonthsMissed"> {
  let required = 0;
  let held = 0;
  let met = 0;
  let missed = 0;
  for (const p of duty) {
    for (const m of p.months) {
      const whole = compareDates(monthStart(m.month), period.from) >= 0 && compareDates(monthEnd(m.month), period.to) <= 0;
      for (const d of m.periods) {
        // A whole month counts every period the duty pages show under it (a week at its end included).
        const inside = whole || (compareDates(d.from, period.from) >= 0 && compareDates(d.to, period.to) <= 0);
        if (!inside || compareDates(d.from, today) > 0) continue;
        required += d.required;
        held += d.heldInPerson;
      }
      if (!whole) continue;
      if (m.state === "met") met++;
      else if (m.state === "missed") missed++;
    }
  }
  return { receptionDaysRequired: required, receptionDaysHeld: held, receptionMonthsMet: met, receptionMonthsMissed: missed };
}
