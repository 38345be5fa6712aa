import "server-only";
import { and, asc, gte, lte } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { holidays } from "@/db/schema";
import type { HolidayEntry } from "@/domain/holidays/entries";
import type { Viewer } from "@/server/auth/roles";
import { assertHolidayAdmin } from "./holiday-admin";

/** A year's entries, in date order, for the admin page. */
export async function getHolidayYear(db: DbOrTx, viewer: Viewer | null, year: number): Promise<HolidayEntry[]> {
  assertHolidayAdmin(viewer);
  const rows = await db
    .select()
    .from(holidays)
    .where(and(gte(holidays.date, `${year}-01-01`), lte(holidays.date, `${year}-12-31`)))
    .orderBy(asc(holidays.date));
  return rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name, confirmed: r.confirmed }));
}
