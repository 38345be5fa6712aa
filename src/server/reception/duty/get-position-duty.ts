import "server-only";
import type { DbOrTx } from "@/db/client";
import { isUuid } from "@/server/workspace/case-access";
import { computeDuty, type DutyHead, type MonthDuty, type PositionDuty } from "./duty-figures";

/** Per holder of a seat: the months they held it, and how many of those were met, missed, in progress. */
export type HeadDuty = { holder: DutyHead; months: number; met: number; missed: number; pending: number };

export function summariseHeads(holders: readonly DutyHead[], months: readonly MonthDuty[]): HeadDuty[] {
  return holders.map((holder) => {
    const own = months.filter((m) => m.heads.some((h) => h.userId === holder.userId) && m.month >= holder.fromDate.slice(0, 7) && (!holder.toDate || m.month <= holder.toDate.slice(0, 7)));
    return {
      holder,
      months: own.length,
      met: own.filter((m) => m.state === "met").length,
      missed: own.filter((m) => m.state === "missed").length,
      pending: own.filter((m) => m.state === "pending").length,
    };
  });
}

/**
 * One head's seat, month by month from its first holder (or rule) to this month, newest month first, and the
 * same per holder: the public page /tiep-cong-dan/nhiem-vu/<positionId>. Null for an unknown id (404).
 */
export async function getPositionDuty(db: DbOrTx, positionId: string, now = new Date()): Promise<(PositionDuty & { heads: HeadDuty[] }) | null> {
  if (!isUuid(positionId)) return null;
  const [found] = await computeDuty(db, { positionId }, { now });
  if (!found) return null;
  return { ...found, months: [...found.months].reverse(), heads: summariseHeads(found.position.holders, found.months).reverse() };
}
