import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { compareDates } from "@/domain/calendar";
import { CASE_FIGURE_KEYS, caseFigures, emptyCounters, type CaseFigures, type Share } from "@/domain/statistics/figures";
import { csvRate } from "@/domain/statistics/number-format";
import { monthsBetween, type Period, type PeriodError } from "@/domain/statistics/period";
import type { IsoDate } from "@/domain/types";
import { csvDocument, vietnamIso } from "@/lib/csv";
import { getCaseStatistics } from "@/server/statistics/get-case-statistics";
import { getParticipationFigures, type ParticipationFigures } from "@/server/statistics/get-participation-figures";
import { listUnitFigures } from "@/server/statistics/list-unit-figures";
import { inScope, type ResolvedScope } from "@/server/statistics/scope";
import { resolveStatisticsRequest } from "@/server/statistics/statistics-query";
import { OPEN_DATA_LICENCE, OPEN_DATA_LICENCE_URL, OPEN_DATA_VERSION } from "./case-list";

export type StatisticsExportError = PeriodError | "unknown_unit";

/** The same query as /thong-ke: `don-vi`, `cap-duoi`, `ky`, `nam`, `so`, `tu`, `den` (by default this year). */
export async function readStatisticsExportRequest(
  db: DbOrTx,
  params: URLSearchParams,
  today: IsoDate,
): Promise<{ ok: true; scope: ResolvedScope; period: Period } | { ok: false; error: StatisticsExportError }> {
  const r = await resolveStatisticsRequest(db, Object.fromEntries(params), today, { defaultKind: "year" });
  return r.ok ? { ok: true, scope: r.scope, period: r.period } : { ok: false, error: r.error };
}

export const PARTICIPATION_KEYS = {
  dialogue: ["sessionsHeld", "conferencesHeld", "attendance", "questions", "answeredInSession", "passedOnAsCases"],
  commitments: ["commitmentsMade", "commitmentsKept", "commitmentsMissed", "commitmentsOpen", "commitmentsOverdue"],
  receptions: ["receptionDaysRequired", "receptionDaysHeld", "receptionMonthsMet", "receptionMonthsMissed", "citizensReceived", "receptionMatters"],
} as const;

/**
 * One line of the statistics file: the whole scope over the period ("total"), a month of it ("month", cut to the
 * period), or one unit alone over the period ("unit"). Participation is given for the total and the months, and
 * for the units that host sessions, own commitments or hold reception seats (null for the others: nothing to count).
 */
export type StatisticsRow = {
  row: "total" | "month" | "unit";
  from: IsoDate;
  to: IsoDate;
  unitCode: string | null;
  unitName: string | null;
  figures: CaseFigures;
  participation: ParticipationFigures | null;
};

export type StatisticsExport = { scope: ResolvedScope; period: Period; rows: StatisticsRow[] };

/** Runs `work` over `items`, `limit` at a time (the figures of each month are a handful of queries each). */
async function mapLimited<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i]!);
      }
    }),
  );
  return out;
}

function monthEndOf(month: IsoDate): IsoDate {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month.slice(0, 8)}${String(last).padStart(2, "0")}`;
}

export async function statisticsExport(db: DbOrTx, scope: ResolvedScope, period: Period, now: Date): Promise<StatisticsExport> {
  const range = { from: period.from, to: period.to };
  const months = monthsBetween(period.from, period.to).map((m) => ({
    from: compareDates(m, period.from) < 0 ? period.from : m,
    to: compareDates(monthEndOf(m), period.to) > 0 ? period.to : monthEndOf(m),
  }));
  const participating = new Set(
    rowsOf<{ id: string }>(
      await db.execute(sql`select unit_id as id from dialogue_sessions where ${inScope(sql.raw("unit_id"), scope.unitIds)}
        union select owner_unit_id from commitments where ${inScope(sql.raw("owner_unit_id"), scope.unitIds)}
        union select unit_id from reception_positions where ${inScope(sql.raw("unit_id"), scope.unitIds)}`),
    ).map((r) => r.id),
  );
  const [total, totalParticipation, perMonth, perUnit, unitRows] = await Promise.all([
    getCaseStatistics(db, scope, range, now),
    getParticipationFigures(db, scope, range, now),
    mapLimited(months, 3, async (m) => {
      const [s, p] = await Promise.all([getCaseStatistics(db, scope, m, now), getParticipationFigures(db, scope, m, now)]);
      return { m, figures: s.figures, participation: p };
    }),
    listUnitFigures(db, range, now),
    db.execute(sql`select id, code, name from units where ${inScope(sql.raw("id"), scope.unitIds)} order by name, code`),
  ]);
  const units = rowsOf<{ id: string; code: string; name: string }>(unitRows).filter((u) => perUnit.has(u.id) || participating.has(u.id));
  const unitParticipation = await mapLimited(units, 3, async (u) =>
    participating.has(u.id) ? getParticipationFigures(db, { scope: { kind: "unit", unitId: u.id, subtree: false }, unitIds: [u.id], unit: null }, range, now) : null,
  );
  const empty = caseFigures({ counters: emptyCounters(), daysToAccept: new Map(), daysToAnswer: new Map(), overdueNow: 0, transferredIn: 0, transferredOut: 0 });
  const code = scope.unit?.code ?? null;
  const name = scope.unit?.name ?? null;
  return {
    scope,
    period,
    rows: [
      { row: "total", from: period.from, to: period.to, unitCode: code, unitName: name, figures: total.figures, participation: totalParticipation },
      ...perMonth.map(({ m, figures, participation }) => ({ row: "month" as const, from: m.from, to: m.to, unitCode: code, unitName: name, figures, participation })),
      ...units.map((u, i) => ({
        row: "unit" as const,
        from: period.from,
        to: period.to,
        unitCode: u.code,
        unitName: u.name,
        figures: perUnit.get(u.id) ?? empty,
        participation: unitParticipation[i] ?? null,
      })),
    ],
  };
}

const isShare = (v: unknown): v is Share => typeof v === "object" && v !== null && "part" in v && "whole" in v;

/** The column names of the statistics file, v1: a Share figure gives three columns (part, whole, rate). */
export function statisticsColumns(): string[] {
  const sample = new Set(["resolution", "onTime", "satisfaction"]);
  return [
    "row",
    "from",
    "to",
    "unit_code",
    "unit_name",
    ...CASE_FIGURE_KEYS.flatMap((k) => (sample.has(k) ? [`${k}_part`, `${k}_whole`, `${k}_rate`] : [k])),
    ...Object.values(PARTICIPATION_KEYS).flat(),
  ];
}

/** "Overdue now" is a figure of today, not of a month: month lines leave it empty. */
function figureCells(row: StatisticsRow): Array<string | number | null> {
  return CASE_FIGURE_KEYS.flatMap((k): Array<string | number | null> => {
    const v = row.figures[k];
    if (isShare(v)) return [v.part, v.whole, csvRate(v.rate)];
    if (k === "overdueNow" && row.row === "month") return [null];
    return [v as number | null];
  });
}

function participationCells(p: ParticipationFigures | null): Array<number | null> {
  return (Object.keys(PARTICIPATION_KEYS) as (keyof typeof PARTICIPATION_KEYS)[]).flatMap((group) =>
    PARTICIPATION_KEYS[group].map((k) => (p ? (p[group] as Record<string, number>)[k]! : null)),
  );
}

export function statisticsCsv(data: StatisticsExport): string {
  return csvDocument([
    statisticsColumns(),
    ...data.rows.map((r) => [r.row, r.from, r.to, r.unitCode, r.unitName, ...figureCells(r), ...participationCells(r.participation)]),
  ]);
}

export function statisticsJson(data: StatisticsExport, o: { siteOrigin: string; now: Date }): string {
  const { scope, period } = data;
  return JSON.stringify({
    version: OPEN_DATA_VERSION,
    licence: OPEN_DATA_LICENCE,
    licence_url: OPEN_DATA_LICENCE_URL,
    documentation: `${o.siteOrigin}/du-lieu-mo`,
    generated_at: vietnamIso(o.now),
    scope: scope.unit ? { unit_code: scope.unit.code, unit_name: scope.unit.name, subtree: scope.scope.kind === "unit" && scope.scope.subtree } : { province: true },
    period: { kind: period.kind, from: period.from, to: period.to },
    figure_keys: CASE_FIGURE_KEYS,
    rows: data.rows.map((r) => ({
      row: r.row,
      from: r.from,
      to: r.to,
      unit_code: r.unitCode,
      unit_name: r.unitName,
      figures: r.row === "month" ? { ...r.figures, overdueNow: null } : r.figures,
      participation: r.participation,
    })),
  });
}

/** A cheap validator of the statistics (no scan of `cases`): the rollups' totals and the participation tables' last changes. */
export async function statisticsValidator(db: DbOrTx): Promise<string> {
  const [row] = rowsOf<{ v: string | null }>(
    await db.execute(sql`select concat_ws('|',
      (select concat_ws(',', sum(received), sum(refused), sum(accepted), sum(answered), sum(answered_on_time), sum(rated), sum(satisfied), sum(contested), sum(extended), count(*)) from case_figures_monthly),
      (select concat_ws(',', sum(open), count(*)) from case_open_due),
      (select concat_ws(',', sum(transfers), count(*)) from case_transfers_monthly),
      (select concat_ws(',', count(*), max(updated_at)) from dialogue_sessions),
      (select concat_ws(',', count(*), max(updated_at)) from commitments),
      (select concat_ws(',', count(*), max(updated_at)) from reception_days)) as v`),
  );
  return row?.v ?? "";
}
