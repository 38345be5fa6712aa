import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { toLocalDate } from "@/domain/calendar";
import { splitPeriod } from "@/domain/statistics/period";
import { summarise, type CaseStatistics, type RollupData } from "@/domain/statistics/summarise";
import type { IsoDate } from "@/domain/types";
import { COUNTED_COUNTERS, countersOfRow, MOVED, receivedBetween, SUMMED_COUNTERS } from "./case-rollups";


const empty = (): RollupData => ({ figures: [], durations: [], fields: [], areas: [], transfers: [] });

/**
 * Every unit's own figures over a period (each unit alone, not with its subtree), in a handful of grouped queries
 * however many units there are: for the list of units beside the province's statistics. The same definitions and
 * the same sources as getCaseStatistics (whole months from the rollups, partial days from the cases), so a unit's
 * row here equals its own page's figures.
 */
export async function listUnitFigures(
  db: DbOrTx,
  period: { from: IsoDate; to: IsoDate },
  now = new Date(),
  /** Without medians (null in every row) the durations are not read: the list of units on a page shows none. */
  options: { medians?: boolean } = {},
): Promise<Map<string, CaseStatistics["figures"]>> {
  const medians = options.medians ?? true;
  const split = splitPeriod(period.from, period.to);
  const perUnit = new Map<string, RollupData>();
  const of = (unitId: string) => {
    let d = perUnit.get(unitId);
    if (!d) perUnit.set(unitId, (d = empty()));
    return d;
  };
  const month = "2000-01-01" as IsoDate; // per-unit totals: the month does not matter here

  const queries: Promise<void>[] = [];
  if (split.wholeMonths) {
    const range = sql`month between ${split.wholeMonths.from}::date and ${split.wholeMonths.to}::date`;
    queries.push(
      db.execute(sql`select unit_id, ${SUMMED_COUNTERS} from case_figures_monthly where ${range} group by 1`).then((r) => {
        for (const row of rowsOf<Record<string, unknown> & { unit_id: string }>(r)) of(row.unit_id).figures.push({ month, kind: "all", instance: 1, counters: countersOfRow(row) });
      }),
      medians
        ? db.execute(sql`select unit_id, measure, days, sum(cases)::int as cases from case_durations_monthly where ${range} group by 1, 2, 3 having sum(cases) <> 0`).then((r) => {
            for (const row of rowsOf<{ unit_id: string; measure: number; days: number; cases: number }>(r))
              of(row.unit_id).durations.push({ month, measure: Number(row.measure) as 1 | 2, days: Number(row.days), cases: Number(row.cases) });
          })
        : Promise.resolve(),
      db.execute(sql`select from_unit_id, to_unit_id, sum(transfers)::int as transfers from case_transfers_monthly where ${range} group by 1, 2 having sum(transfers) <> 0`).then((r) => {
        for (const row of rowsOf<{ from_unit_id: string; to_unit_id: string; transfers: number }>(r)) {
          const t = { month, fromUnitId: row.from_unit_id, toUnitId: row.to_unit_id, transfers: Number(row.transfers) };
          of(row.from_unit_id).transfers.push(t);
          of(row.to_unit_id).transfers.push(t);
        }
      }),
    );
  }
  for (const p of split.partial) {
    const range = receivedBetween(p.from, p.to);
    queries.push(
      db.execute(sql`select c.unit_id, ${COUNTED_COUNTERS} from cases c where ${range} group by 1`).then((r) => {
        for (const row of rowsOf<Record<string, unknown> & { unit_id: string }>(r)) of(row.unit_id).figures.push({ month, kind: "all", instance: 1, counters: countersOfRow(row) });
      }),
      (medians ? db : null)
        ?.execute(sql`select unit_id, measure, days, count(*)::int as cases from (
            select c.unit_id, 1 as measure, vn_local_date(c.accepted_at) - vn_local_date(c.received_at) as days from cases c where ${range} and c.accepted_at is not null
            union all
            select c.unit_id, 2 as measure, vn_local_date(c.answered_at) - vn_local_date(c.received_at) as days from cases c where ${range} and c.answered_at is not null
          ) d group by 1, 2, 3`)
        .then((r) => {
          for (const row of rowsOf<{ unit_id: string; measure: number; days: number; cases: number }>(r))
            of(row.unit_id).durations.push({ month, measure: Number(row.measure) as 1 | 2, days: Number(row.days), cases: Number(row.cases) });
        }) ?? Promise.resolve(),
      db
        .execute(sql`select e.from_unit_id, e.to_unit_id, count(*)::int as transfers from case_events e
          where ${MOVED} and e.from_unit_id is not null and e.to_unit_id is not null and e.from_unit_id <> e.to_unit_id
            and vn_local_date(e.created_at) between ${p.from}::date and ${p.to}::date group by 1, 2`)
        .then((r) => {
          for (const row of rowsOf<{ from_unit_id: string; to_unit_id: string; transfers: number }>(r)) {
            const t = { month, fromUnitId: row.from_unit_id, toUnitId: row.to_unit_id, transfers: Number(row.transfers) };
            of(row.from_unit_id).transfers.push(t);
            of(row.to_unit_id).transfers.push(t);
          }
        }),
    );
  }
  const overdue = new Map<string, number>();
  queries.push(
    db.execute(sql`select unit_id, sum(open)::int as n from case_open_due where due_on < ${toLocalDate(now)}::date group by 1 having sum(open) <> 0`).then((r) => {
      for (const row of rowsOf<{ unit_id: string; n: number }>(r)) {
        overdue.set(row.unit_id, Number(row.n));
        of(row.unit_id);
      }
    }),
  );
  await Promise.all(queries);
  const out = new Map<string, CaseStatistics["figures"]>();
  for (const [unitId, data] of perUnit) {
    out.set(unitId, summarise(data, { unitIds: [unitId], from: period.from, to: period.to, overdueNow: overdue.get(unitId) ?? 0 }).figures);
  }
  return out;
}
