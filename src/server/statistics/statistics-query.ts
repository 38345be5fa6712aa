import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { units } from "@/db/schema";
import { parsePeriod, type Period, type PeriodError, type PeriodKind } from "@/domain/statistics/period";
import type { IsoDate } from "@/domain/types";
import { resolveScope, type ResolvedScope } from "./scope";

type Params = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * What a statistics page, the report and the open data read from their query string (plain GET forms, so they
 * work without JavaScript):
 * `don-vi` a unit's code (none: the province), `cap-duoi=1` with every unit below it, `ky` the kind of period
 * (month, quarter, half, nine, year, custom), `nam` the year, `so` the month or quarter, `tu` and `den` the dates
 * of a custom period.
 */
export type StatisticsQuery = {
  unitCode: string | null;
  subtree: boolean;
  kind: string | null;
  year: string | null;
  index: string | null;
  from: string | null;
  to: string | null;
};

export function readStatisticsQuery(params: Params): StatisticsQuery {
  const text = (k: string, max = 40) => {
    const v = first(params[k])?.trim();
    return v ? v.slice(0, max) : null;
  };
  return {
    unitCode: text("don-vi", 64),
    subtree: first(params["cap-duoi"]) === "1",
    kind: text("ky"),
    year: text("nam"),
    index: text("so"),
    from: text("tu"),
    to: text("den"),
  };
}

/** The query string for a statistics page (with its "?" or empty); `over` replaces parts. */
export function statisticsHref(path: string, q: Partial<StatisticsQuery>, over: Partial<StatisticsQuery> = {}): string {
  const all = { ...q, ...over };
  const s = new URLSearchParams();
  if (all.unitCode) s.set("don-vi", all.unitCode);
  if (all.subtree) s.set("cap-duoi", "1");
  if (all.kind) s.set("ky", all.kind);
  if (all.year) s.set("nam", all.year);
  if (all.index && all.kind !== "custom") s.set("so", all.index);
  if (all.kind === "custom") {
    if (all.from) s.set("tu", all.from);
    if (all.to) s.set("den", all.to);
  }
  const str = s.toString();
  return str ? `${path}?${str}` : path;
}

export type StatisticsRequest =
  | { ok: true; scope: ResolvedScope; period: Period; query: StatisticsQuery }
  /** A unit code that names no unit: the page answers 404. */
  | { ok: false; error: "unknown_unit"; query: StatisticsQuery }
  /** A period that cannot be read: the page says which part is wrong and shows the form with what was typed. */
  | { ok: false; error: PeriodError; query: StatisticsQuery };

export async function resolveStatisticsRequest(
  db: DbOrTx,
  params: Params,
  today: IsoDate,
  options: { defaultKind?: PeriodKind; unitCode?: string | null } = {},
): Promise<StatisticsRequest> {
  const query = readStatisticsQuery(params);
  if (options.unitCode !== undefined) query.unitCode = options.unitCode;
  const parsed = parsePeriod({ kind: query.kind, year: query.year, index: query.index, from: query.from, to: query.to }, today, options.defaultKind ?? "year");
  if (!parsed.ok) return { ok: false, error: parsed.error, query };
  if (!query.unitCode) {
    const scope = await resolveScope(db, { kind: "province" });
    return { ok: true, scope: scope!, period: parsed.period, query };
  }
  const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.code, query.unitCode));
  const scope = unit ? await resolveScope(db, { kind: "unit", unitId: unit.id, subtree: query.subtree }) : null;
  if (!scope) return { ok: false, error: "unknown_unit", query };
  return { ok: true, scope, period: parsed.period, query };
}
