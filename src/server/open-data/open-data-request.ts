import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { units } from "@/db/schema";
import { addCalendarDays, compareDates, daysBetween, isIsoDate } from "@/domain/calendar";
import type { IsoDate } from "@/domain/types";
import { resolveScope } from "@/server/statistics/scope";

/** The longest period one case-list file covers: a year (a leap year's 366 days). */
export const MAX_CASE_LIST_DAYS = 366;

export type CaseListError = "bad_from" | "bad_to" | "reversed" | "too_long" | "unknown_unit";

export type CaseListRequest =
  | { ok: true; from: IsoDate; to: IsoDate; unitCode: string | null; subtree: boolean; unitIds: string[] | null }
  | { ok: false; error: CaseListError };

/**
 * The query of /du-lieu-mo/v1/ho-so.{csv,json}: `tu` and `den` (dates of receipt, YYYY-MM-DD, inclusive; by
 * default the last 12 months up to today; at most a year per file), `don-vi` a unit's code and `cap-duoi=1` with
 * every unit below it (the same words as the statistics pages).
 */
export async function readCaseListRequest(db: DbOrTx, params: URLSearchParams, today: IsoDate): Promise<CaseListRequest> {
  const text = (k: string) => params.get(k)?.trim() || null;
  const fromText = text("tu");
  const toText = text("den");
  if (fromText !== null && !isIsoDate(fromText)) return { ok: false, error: "bad_from" };
  if (toText !== null && !isIsoDate(toText)) return { ok: false, error: "bad_to" };
  const to = (toText ?? (fromText ? minDate(addCalendarDays(fromText, MAX_CASE_LIST_DAYS - 1), today) : today)) as IsoDate;
  const from = (fromText ?? addCalendarDays(addCalendarDays(to, 1), -365)) as IsoDate;
  if (compareDates(from, to) > 0) return { ok: false, error: "reversed" };
  if (daysBetween(from, to) + 1 > MAX_CASE_LIST_DAYS) return { ok: false, error: "too_long" };
  const unitCode = text("don-vi")?.slice(0, 64) ?? null;
  const subtree = params.get("cap-duoi") === "1";
  if (!unitCode) return { ok: true, from, to, unitCode: null, subtree: false, unitIds: null };
  const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.code, unitCode));
  const scope = unit ? await resolveScope(db, { kind: "unit", unitId: unit.id, subtree }) : null;
  if (!scope) return { ok: false, error: "unknown_unit" };
  return { ok: true, from, to, unitCode, subtree, unitIds: scope.unitIds };
}

function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) <= 0 ? a : b;
}
