import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { compareDates } from "@/domain/calendar";
import type { Share } from "@/domain/statistics/figures";
import type { IsoDate } from "@/domain/types";
import { listUnitFigures } from "./list-unit-figures";
import { inScope, type ResolvedScope } from "./scope";

/** One unit's key figures, its own cases only (not the units below it): a row of the statistics page's unit list. */
export type UnitFigureRow = {
  unitId: string;
  code: string;
  name: string;
  nameEn: string;
  /** Closed (merged into another unit) before the period ended. */
  closed: boolean;
  received: number;
  withinCompetence: number;
  answered: number;
  resolution: Share;
  overdueNow: number;
  onTime: Share;
};

/**
 * The units of a scope with their own key figures (from listUnitFigures: a few grouped queries, each row equal to
 * the unit's own page). A unit is listed while it is open in the period or when it has figures; sorted by name in
 * the reader's language (never ranked by a figure).
 */
export async function getUnitFigures(db: DbOrTx, scope: ResolvedScope, period: { from: IsoDate; to: IsoDate }, now = new Date(), locale: "vi" | "en" = "vi"): Promise<UnitFigureRow[]> {
  const [unitRows, figures] = await Promise.all([
    db.execute(sql`select id, code, name, name_en, valid_from::text as valid_from, valid_to::text as valid_to from units where ${inScope(sql.raw("id"), scope.unitIds)}`),
    // The table shows no medians: the durations are not read.
    listUnitFigures(db, period, now, { medians: false }),
  ]);
  const share = (): Share => ({ part: 0, whole: 0, rate: null });
  const out: UnitFigureRow[] = [];
  for (const u of rowsOf<{ id: string; code: string; name: string; name_en: string; valid_from: string; valid_to: string | null }>(unitRows)) {
    const f = figures.get(u.id);
    const openInPeriod = compareDates(u.valid_from, period.to) <= 0 && (u.valid_to === null || compareDates(u.valid_to, period.from) >= 0);
    if (!openInPeriod && !f?.received && !f?.overdueNow) continue;
    out.push({
      unitId: u.id,
      code: u.code,
      name: u.name,
      nameEn: u.name_en,
      closed: u.valid_to !== null && compareDates(u.valid_to, period.to) < 0,
      received: f?.received ?? 0,
      withinCompetence: f?.withinCompetence ?? 0,
      answered: f?.answered ?? 0,
      resolution: f?.resolution ?? share(),
      overdueNow: f?.overdueNow ?? 0,
      onTime: f?.onTime ?? share(),
    });
  }
  const collator = new Intl.Collator(locale === "en" ? "en" : "vi");
  return out.sort((a, b) => collator.compare(locale === "en" ? a.nameEn : a.name, locale === "en" ? b.nameEn : b.name) || (a.code < b.code ? -1 : 1));
}
