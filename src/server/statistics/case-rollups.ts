import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { COUNTER_KEYS, type CaseCounters } from "@/domain/statistics/figures";
import type { RollupData } from "@/domain/statistics/summarise";
import type { IsoDate } from "@/domain/types";
import { inScope } from "./scope";

// The counters of a scope's cases, grouped by month of receipt: read from the rollups for whole months
// (loadRollups) or counted from `cases` for any dates (countFromScratch). Both give the same shape, so a period
// that starts or ends inside a month adds the two, and a test checks one against the other.

type FigureRow = { month: string; kind: string; instance: number } & Record<string, string | number>;

/** Each counter's column in the rollups and in the from-scratch counts. */
export const COUNTER_COLUMNS: Record<keyof CaseCounters, string> = {
  received: "received",
  refused: "refused",
  withdrawnBeforeAcceptance: "withdrawn_before_acceptance",
  accepted: "accepted",
  answered: "answered",
  answeredOnTime: "answered_on_time",
  rated: "rated",
  satisfied: "satisfied",
  contested: "contested",
  extended: "extended",
};

export function countersOfRow(row: Record<string, unknown>): CaseCounters {
  const c = {} as CaseCounters;
  for (const k of COUNTER_KEYS) c[k] = Number(row[COUNTER_COLUMNS[k]] ?? 0);
  return c;
}

/** The rollups' counters summed (a select list). */
export const SUMMED_COUNTERS = sql.raw(COUNTER_KEYS.map((k) => `sum(${COUNTER_COLUMNS[k]})::int as ${COUNTER_COLUMNS[k]}`).join(", "));

/**
 * The counters counted from the cases `c` themselves (a select list): the one definition the rollup trigger
 * (drizzle/0017, case_figures_apply) follows, row by row. Keep the two in step.
 */
export const COUNTED_COUNTERS = sql.raw(`count(*)::int as received,
  count(*) filter (where c.status = 'not_accepted' or (c.status = 'closed' and c.accepted_at is null and c.answered_at is null))::int as refused,
  count(*) filter (where c.status = 'withdrawn' and c.accepted_at is null)::int as withdrawn_before_acceptance,
  count(c.accepted_at)::int as accepted,
  count(c.answered_at)::int as answered,
  count(*) filter (where c.answered_at is not null and vn_local_date(c.answered_at) <= coalesce(c.resolution_due_on, c.acceptance_due_on))::int as answered_on_time,
  count(c.satisfaction)::int as rated,
  count(*) filter (where c.satisfaction = 'satisfied')::int as satisfied,
  count(c.contested_at)::int as contested,
  count(*) filter (where c.extensions_count > 0)::int as extended`);

/** Cases received from `from` to `to` (local dates, inclusive): the index on received_at serves it (UTC+7 all year). */
export function receivedBetween(from: IsoDate, to: IsoDate) {
  return sql`c.received_at >= (${from}::date::timestamp - interval '7 hours') at time zone 'UTC'
    and c.received_at < ((${to}::date + 1)::timestamp - interval '7 hours') at time zone 'UTC'`;
}

type Results = [unknown, unknown, unknown, unknown, unknown];

/** The five queries' rows (figures, durations, fields, areas, moves) as RollupData. */
function rollupDataOf([figures, durations, fields, areas, transfers]: Results): RollupData {
  return {
    figures: rowsOf<FigureRow>(figures).map((r) => ({ month: monthText(r.month), kind: r.kind, instance: Number(r.instance), counters: countersOfRow(r) })),
    durations: rowsOf<{ month: string; measure: number; days: number; cases: number }>(durations).map((r) => ({ month: monthText(r.month), measure: Number(r.measure) as 1 | 2, days: Number(r.days), cases: Number(r.cases) })),
    fields: rowsOf<{ month: string; category_id: string; received: number }>(fields).map((r) => ({ month: monthText(r.month), categoryId: r.category_id, received: Number(r.received) })),
    areas: rowsOf<{ month: string; area_id: string; received: number }>(areas).map((r) => ({ month: monthText(r.month), areaId: r.area_id, received: Number(r.received) })),
    transfers: rowsOf<{ month: string; from_unit_id: string; to_unit_id: string; transfers: number }>(transfers).map((r) => ({
      month: monthText(r.month),
      fromUnitId: r.from_unit_id,
      toUnitId: r.to_unit_id,
      transfers: Number(r.transfers),
    })),
  };
}

const monthText = (v: unknown) => String(v).slice(0, 10) as IsoDate;

/**
 * The timeline events that move a case between units: a transfer, and a reopening at the level above after a
 * contested answer (the unit that answered shows it as passed on, the one above as received). The trigger in
 * drizzle/0017 counts the same.
 */
export const MOVED = sql.raw("e.type in ('case.transferred', 'case.reopened')");

function transferScope(unitIds: string[] | null) {
  return unitIds === null ? sql`true` : sql`(${inScope(sql.raw("from_unit_id"), unitIds)} or ${inScope(sql.raw("to_unit_id"), unitIds)})`;
}

/** Whole months `fromMonth`..`toMonth` (first days) from the rollups. */
export async function loadRollups(db: DbOrTx, unitIds: string[] | null, fromMonth: IsoDate, toMonth: IsoDate): Promise<RollupData> {
  const unitCond = inScope(sql.raw("unit_id"), unitIds);
  const range = sql`month between ${fromMonth}::date and ${toMonth}::date`;
  const results = await Promise.all([
    db.execute(sql`select month::text as month, kind, instance, ${SUMMED_COUNTERS} from case_figures_monthly where ${range} and ${unitCond} group by 1, 2, 3 having sum(received) <> 0`),
    // The province's durations have their own rollup (drizzle/0019): a few thousand rows instead of every unit's.
    unitIds === null
      ? db.execute(sql`select month::text as month, measure, days, sum(cases)::int as cases from case_durations_province_monthly where ${range} group by 1, 2, 3 having sum(cases) <> 0`)
      : db.execute(sql`select month::text as month, measure, days, sum(cases)::int as cases from case_durations_monthly where ${range} and ${unitCond} group by 1, 2, 3 having sum(cases) <> 0`),
    db.execute(sql`select month::text as month, category_id, sum(received)::int as received from case_fields_monthly where ${range} and ${unitCond} group by 1, 2 having sum(received) <> 0`),
    db.execute(sql`select month::text as month, area_id, sum(received)::int as received from case_areas_monthly where ${range} and ${unitCond} group by 1, 2 having sum(received) <> 0`),
    db.execute(sql`select month::text as month, from_unit_id, to_unit_id, sum(transfers)::int as transfers from case_transfers_monthly where ${range} and ${transferScope(unitIds)} group by 1, 2, 3 having sum(transfers) <> 0`),
  ]);
  return rollupDataOf(results);
}

/**
 * The same counters counted from the cases themselves, for cases received from `from` to `to` (local dates,
 * inclusive), and transfers made on those dates. The one definition the rollup triggers follow
 * (drizzle/0017): keep the two in step.
 */
export async function countFromScratch(db: DbOrTx, unitIds: string[] | null, from: IsoDate, to: IsoDate): Promise<RollupData> {
  const unitCond = inScope(sql.raw("c.unit_id"), unitIds);
  const range = receivedBetween(from, to);
  const base = sql`from cases c where ${range} and ${unitCond}`;
  const month = sql`date_trunc('month', vn_local_date(c.received_at))::date::text`;
  const results = await Promise.all([
    db.execute(sql`select ${month} as month, c.kind, c.instance, ${COUNTED_COUNTERS}
      ${base} group by 1, 2, 3`),
    db.execute(sql`select month, measure, days, count(*)::int as cases from (
        select ${month} as month, 1 as measure, vn_local_date(c.accepted_at) - vn_local_date(c.received_at) as days ${base} and c.accepted_at is not null
        union all
        select ${month} as month, 2 as measure, vn_local_date(c.answered_at) - vn_local_date(c.received_at) as days ${base} and c.answered_at is not null
      ) d group by 1, 2, 3`),
    db.execute(sql`select ${month} as month, c.category_id, count(*)::int as received ${base} group by 1, 2`),
    db.execute(sql`select ${month} as month, c.area_id, count(*)::int as received ${base} group by 1, 2`),
    db.execute(sql`select date_trunc('month', vn_local_date(e.created_at))::date::text as month, e.from_unit_id, e.to_unit_id, count(*)::int as transfers
      from case_events e
      where ${MOVED} and e.from_unit_id is not null and e.to_unit_id is not null and e.from_unit_id <> e.to_unit_id
        and vn_local_date(e.created_at) between ${from}::date and ${to}::date and ${transferScope(unitIds)}
      group by 1, 2, 3`),
  ]);
  return rollupDataOf(results);
}

export function mergeRollups(parts: RollupData[]): RollupData {
  return {
    figures: parts.flatMap((p) => p.figures),
    durations: parts.flatMap((p) => p.durations),
    fields: parts.flatMap((p) => p.fields),
    areas: parts.flatMap((p) => p.areas),
    transfers: parts.flatMap((p) => p.transfers),
  };
}

/** Open cases in the scope whose running deadline is before `today`. */
export async function countOverdueNow(db: DbOrTx, unitIds: string[] | null, today: IsoDate): Promise<number> {
  const [row] = rowsOf<{ n: number | string | null }>(
    await db.execute(sql`select coalesce(sum(open), 0)::int as n from case_open_due where due_on < ${today}::date and ${inScope(sql.raw("unit_id"), unitIds)}`),
  );
  return Number(row?.n ?? 0);
}

/** The same, counted from the cases themselves (for tests and checks). */
export async function countOverdueFromScratch(db: DbOrTx, unitIds: string[] | null, today: IsoDate): Promise<number> {
  const [row] = rowsOf<{ n: number | string | null }>(
    await db.execute(sql`select count(*)::int as n from cases c
      where case_running_due(c.status, c.acceptance_due_on, c.resolution_due_on) < ${today}::date and ${inScope(sql.raw("c.unit_id"), unitIds)}`),
  );
  return Number(row?.n ?? 0);
}
