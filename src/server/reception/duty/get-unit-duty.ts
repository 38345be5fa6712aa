import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { units } from "@/db/schema";
import { addCalendarDays, toLocalDate } from "@/domain/calendar";
import { monthOf, monthStart } from "@/domain/reception/duty";
import { isUuid } from "@/server/workspace/case-access";
import { computeDuty, sumTallies, type MatterTally, type PositionDuty } from "./duty-figures";

/** How many months the unit page shows for each of its seats. */
export const UNIT_PAGE_MONTHS = 12;

export type UnitDuty = {
  unit: { id: string; name: string; nameEn: string };
  positions: PositionDuty[];
  /** Over the months shown, all seats together: how many months met, missed, pending; the matters. */
  totals: { met: number; missed: number; pending: number; matters: MatterTally };
};

/** A unit's seats (active or not), the last UNIT_PAGE_MONTHS months each, newest first: /tiep-cong-dan/nhiem-vu/don-vi/<unitId>. */
export async function getUnitDuty(db: DbOrTx, unitId: string, now = new Date()): Promise<UnitDuty | null> {
  if (!isUuid(unitId)) return null;
  const [unit] = await db.select({ id: units.id, name: units.name, nameEn: units.nameEn }).from(units).where(eq(units.id, unitId)).limit(1);
  if (!unit) return null;
  const thisMonth = monthOf(toLocalDate(now));
  let fromMonth = thisMonth;
  for (let i = 1; i < UNIT_PAGE_MONTHS; i++) fromMonth = monthOf(addCalendarDays(monthStart(fromMonth), -1));
  const list = await computeDuty(db, { unitId }, { now, fromMonth, toMonth: thisMonth });
  const positions = list.map((p) => ({ ...p, months: [...p.months].reverse() }));
  const months = positions.flatMap((p) => p.months);
  return {
    unit,
    positions,
    totals: {
      met: months.filter((m) => m.state === "met").length,
      missed: months.filter((m) => m.state === "missed").length,
      pending: months.filter((m) => m.state === "pending").length,
      matters: sumTallies(months.map((m) => m.matters)),
    },
  };
}
