import "server-only";
import type { DbOrTx } from "@/db/client";
import { toLocalDate } from "@/domain/calendar";
import { splitPeriod } from "@/domain/statistics/period";
import { summarise, type CaseStatistics } from "@/domain/statistics/summarise";
import type { IsoDate } from "@/domain/types";
import { countFromScratch, countOverdueNow, loadRollups, mergeRollups } from "./case-rollups";
import type { ResolvedScope } from "./scope";

/**
 * The case figures of a scope over a period (cases received from `from` to `to`, local dates, inclusive): whole
 * months from the rollups, the days of a partial month at either end counted from the cases. The one place case
 * figures are computed; pages, the report, the open data and the records all call it.
 */
export async function getCaseStatistics(db: DbOrTx, scope: ResolvedScope, period: { from: IsoDate; to: IsoDate }, now = new Date()): Promise<CaseStatistics> {
  const split = splitPeriod(period.from, period.to);
  const [whole, overdueNow, ...partial] = await Promise.all([
    split.wholeMonths ? loadRollups(db, scope.unitIds, split.wholeMonths.from, split.wholeMonths.to) : null,
    countOverdueNow(db, scope.unitIds, toLocalDate(now)),
    ...split.partial.map((p) => countFromScratch(db, scope.unitIds, p.from, p.to)),
  ]);
  const data = mergeRollups([...(whole ? [whole] : []), ...partial]);
  return summarise(data, { unitIds: scope.unitIds, from: period.from, to: period.to, overdueNow: overdueNow as number });
}
