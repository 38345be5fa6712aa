import "server-only";
import { asc, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { areas, categories, units } from "@/db/schema";
import type { CaseStatistics } from "@/domain/statistics/summarise";
import type { IsoDate } from "@/domain/types";
import { getCaseStatistics } from "./get-case-statistics";
import { getParticipationFigures, type ParticipationFigures } from "./get-participation-figures";
import { getUnitFigures, type UnitFigureRow } from "./get-unit-figures";
import type { ResolvedScope } from "./scope";

export type StatisticsPageData = {
  statistics: CaseStatistics;
  participation: ParticipationFigures;
  units: UnitFigureRow[];
  /** Names of the fields of life and areas the charts show, by id. */
  fieldNames: Map<string, { name: string; nameEn: string }>;
  areaNames: Map<string, string>;
};

/** Everything the public statistics page shows for a scope and a period (no personal data: counts and names of units, fields and areas). */
export async function getStatisticsPage(db: DbOrTx, scope: ResolvedScope, period: { from: IsoDate; to: IsoDate }, now = new Date(), locale: "vi" | "en" = "vi"): Promise<StatisticsPageData> {
  const [statistics, participation, unitRows] = await Promise.all([
    getCaseStatistics(db, scope, period, now),
    getParticipationFigures(db, scope, period, now),
    getUnitFigures(db, scope, period, now, locale),
  ]);
  const fieldIds = statistics.byField.map((f) => f.categoryId);
  const areaIds = statistics.byArea.map((a) => a.areaId);
  const [fieldRows, areaRows] = await Promise.all([
    fieldIds.length ? db.select({ id: categories.id, name: categories.nameVi, nameEn: categories.nameEn }).from(categories).where(inArray(categories.id, fieldIds)) : [],
    areaIds.length ? db.select({ id: areas.id, name: areas.name }).from(areas).where(inArray(areas.id, areaIds)) : [],
  ]);
  return {
    statistics,
    participation,
    units: unitRows,
    fieldNames: new Map(fieldRows.map((f) => [f.id, { name: f.name, nameEn: f.nameEn }])),
    areaNames: new Map(areaRows.map((a) => [a.id, a.name])),
  };
}

/** The units a reader may pick on the statistics form (by code), by name in the reader's language. */
export async function listStatisticsUnits(db: DbOrTx, locale: "vi" | "en" = "vi"): Promise<Array<{ code: string; name: string; nameEn: string }>> {
  const rows = await db.select({ code: units.code, name: units.name, nameEn: units.nameEn }).from(units).orderBy(asc(units.code));
  const collator = new Intl.Collator(locale);
  return rows.sort((a, b) => collator.compare(locale === "en" ? a.nameEn : a.name, locale === "en" ? b.nameEn : b.name));
}
