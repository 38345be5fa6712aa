import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { areas, receptionPositions, units } from "@/db/schema";
import { toLocalDate } from "@/domain/calendar";
import { monthOf, monthStart } from "@/domain/reception/duty";
import { addCalendarDays } from "@/domain/calendar";
import { isUuid } from "@/server/workspace/case-access";
import { computeDuty, type DutyPosition, type MonthDuty } from "./duty-figures";

export type DutyOverviewFilters = { unitId?: string; areaId?: string };

/** Reads the index's filters from plain GET parameters (don-vi, dia-ban); anything malformed is ignored. */
export function parseDutyFilters(query: Record<string, string | undefined>): DutyOverviewFilters {
  const unitId = query["don-vi"];
  const areaId = query["dia-ban"];
  return { unitId: unitId && isUuid(unitId) ? unitId : undefined, areaId: areaId && isUuid(areaId) ? areaId : undefined };
}

export type DutyOverviewRow = { position: DutyPosition; thisMonth: MonthDuty | null; lastMonth: MonthDuty | null };

/**
 * Every active seat with this month's and last month's duty: the public index /tiep-cong-dan/nhiem-vu. Ordered by
 * unit name and title, never by result: nothing is ranked.
 */
export async function listDutyOverview(db: DbOrTx, filters: DutyOverviewFilters, now = new Date()): Promise<{ thisMonth: string; lastMonth: string; rows: DutyOverviewRow[] }> {
  const thisMonth = monthOf(toLocalDate(now));
  const lastMonth = monthOf(addCalendarDays(monthStart(thisMonth), -1));
  const list = await computeDuty(db, { ...filters, activeOnly: true }, { now, fromMonth: lastMonth, toMonth: thisMonth });
  return {
    thisMonth,
    lastMonth,
    rows: list.map(({ position, months }) => ({
      position,
      thisMonth: months.find((m) => m.month === thisMonth) ?? null,
      lastMonth: months.find((m) => m.month === lastMonth) ?? null,
    })),
  };
}

/** The units and areas that have a seat, for the index's filters. */
export async function dutyFilterOptions(db: DbOrTx): Promise<{ units: { id: string; name: string; nameEn: string }[]; areas: { id: string; name: string }[] }> {
  const rows = await db
    .selectDistinct({ unitId: units.id, unitName: units.name, unitNameEn: units.nameEn, areaId: units.areaId })
    .from(receptionPositions)
    .innerJoin(units, eq(units.id, receptionPositions.unitId))
    .where(eq(receptionPositions.active, true))
    .orderBy(asc(units.name));
  const areaIds = [...new Set(rows.map((r) => r.areaId).filter((a): a is string => !!a))];
  const areaRows = areaIds.length ? await db.select({ id: areas.id, name: areas.name }).from(areas).where(and(inArray(areas.id, areaIds))).orderBy(asc(areas.name)) : [];
  return { units: rows.map((r) => ({ id: r.unitId, name: r.unitName, nameEn: r.unitNameEn })), areas: areaRows };
}
