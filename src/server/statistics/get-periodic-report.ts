import "server-only";
import type { DbOrTx } from "@/db/client";
import type { Period } from "@/domain/statistics/period";
import type { CaseStatistics } from "@/domain/statistics/summarise";
import { getCaseStatistics } from "./get-case-statistics";
import { getParticipationFigures, type ParticipationFigures } from "./get-participation-figures";
import type { ResolvedScope } from "./scope";

/**
 * The periodic report of a scope (a unit with its subtree, a unit alone, or the province) over a period: the case
 * figures and the participation figures (dialogues, receptions, commitments), both computed in their one place.
 */
export type PeriodicReport = {
  scope: ResolvedScope;
  period: Period;
  statistics: CaseStatistics;
  participation: ParticipationFigures;
  /** When the figures were read: "as of" for overdue cases and open commitments. */
  generatedAt: Date;
};

export async function getPeriodicReport(db: DbOrTx, scope: ResolvedScope, period: Period, now = new Date()): Promise<PeriodicReport> {
  const range = { from: period.from, to: period.to };
  const [statistics, participation] = await Promise.all([getCaseStatistics(db, scope, range, now), getParticipationFigures(db, scope, range, now)]);
  return { scope, period, statistics, participation, generatedAt: now };
}
