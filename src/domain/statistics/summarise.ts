// From counters grouped by month to the figures a page, the report or the open data shows. Pure.
import { addToHistogram, caseFigures, emptyCounters, addCounters, sumCounters, type CaseCounters, type CaseFigures } from "./figures";
import { monthsBetween } from "./period";
import type { IsoDate } from "../types";

/**
 * The counters of a scope's cases by month of receipt (from the rollups, or counted from scratch for any dates),
 * and the transfers made in the period with at least one end in the scope.
 */
export type RollupData = {
  figures: Array<{ month: IsoDate; kind: string; instance: number; counters: CaseCounters }>;
  /** measure 1: calendar days from receipt to acceptance; 2: to the answer. */
  durations: Array<{ month: IsoDate; measure: 1 | 2; days: number; cases: number }>;
  fields: Array<{ month: IsoDate; categoryId: string; received: number }>;
  areas: Array<{ month: IsoDate; areaId: string; received: number }>;
  transfers: Array<{ month: IsoDate; fromUnitId: string; toUnitId: string; transfers: number }>;
};

export type CaseStatistics = {
  figures: CaseFigures;
  /** Every month of the period, in order, empty months included (a chart shows the gap). */
  byMonth: Array<{ month: IsoDate; counters: CaseCounters }>;
  /** Kinds (and the instance of complaints) with their counters: denunciations appear only as such counts. */
  byKind: Array<{ kind: string; instance: number; counters: CaseCounters }>;
  /** Received by field of life and by area, largest first (ties by id, so the order is stable). */
  byField: Array<{ categoryId: string; received: number }>;
  byArea: Array<{ areaId: string; received: number }>;
};

function ranked<K extends string>(rows: Iterable<{ key: K; n: number }>): Array<{ key: K; n: number }> {
  const totals = new Map<K, number>();
  for (const r of rows) totals.set(r.key, (totals.get(r.key) ?? 0) + r.n);
  return [...totals.entries()]
    .filter(([, n]) => n !== 0)
    .map(([key, n]) => ({ key, n }))
    .sort((a, b) => b.n - a.n || (a.key < b.key ? -1 : 1));
}

/**
 * `unitIds` is the scope (null: the province). A transfer counts "in" when it comes from outside the scope to a unit
 * inside it, "out" the other way; one inside the scope is neither.
 */
export function summarise(data: RollupData, scope: { unitIds: string[] | null; from: IsoDate; to: IsoDate; overdueNow: number }): CaseStatistics {
  const inside = scope.unitIds === null ? null : new Set(scope.unitIds);
  const isIn = (id: string) => inside === null || inside.has(id);
  let transferredIn = 0;
  let transferredOut = 0;
  for (const t of data.transfers) {
    const fromIn = isIn(t.fromUnitId);
    const toIn = isIn(t.toUnitId);
    if (toIn && !fromIn) transferredIn += t.transfers;
    if (fromIn && !toIn) transferredOut += t.transfers;
  }
  const daysToAccept = new Map<number, number>();
  const daysToAnswer = new Map<number, number>();
  for (const d of data.durations) addToHistogram(d.measure === 1 ? daysToAccept : daysToAnswer, d.days, d.cases);

  const months = new Map<IsoDate, CaseCounters>(monthsBetween(scope.from, scope.to).map((m) => [m, emptyCounters()]));
  const kinds = new Map<string, { kind: string; instance: number; counters: CaseCounters }>();
  for (const f of data.figures) {
    months.set(f.month, addCounters(months.get(f.month) ?? emptyCounters(), f.counters));
    const key = `${f.kind}:${f.instance}`;
    const k = kinds.get(key) ?? { kind: f.kind, instance: f.instance, counters: emptyCounters() };
    kinds.set(key, { ...k, counters: addCounters(k.counters, f.counters) });
  }
  const counters = sumCounters(data.figures.map((f) => f.counters));
  return {
    figures: caseFigures({ counters, daysToAccept, daysToAnswer, overdueNow: scope.overdueNow, transferredIn, transferredOut }),
    byMonth: [...months.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([month, c]) => ({ month, counters: c })),
    byKind: [...kinds.values()].filter((k) => k.counters.received !== 0).sort((a, b) => (a.kind === b.kind ? a.instance - b.instance : a.kind < b.kind ? -1 : 1)),
    byField: ranked(data.fields.map((f) => ({ key: f.categoryId, n: f.received }))).map((r) => ({ categoryId: r.key, received: r.n })),
    byArea: ranked(data.areas.map((a) => ({ key: a.areaId, n: a.received }))).map((r) => ({ areaId: r.key, received: r.n })),
  };
}
