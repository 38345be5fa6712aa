import "server-only";
import type { DbOrTx } from "@/db/client";
import type { Viewer } from "@/server/auth/roles";
import { assertHolidayAdmin, holidayChangeEffects, loadHolidayEntries, parseHolidayChange, type HolidayChangeResult, type HolidayOp } from "./holiday-admin";

/**
 * Before saving: which open cases' running deadlines the change would move, and which reception days already
 * planned fall on a date it makes a day off (nothing is written).
 */
export async function previewHolidayChange(db: DbOrTx, viewer: Viewer | null, op: HolidayOp, input: unknown, now = new Date()): Promise<HolidayChangeResult> {
  assertHolidayAdmin(viewer);
  const change = await parseHolidayChange(db, op, input);
  const before = await loadHolidayEntries(db);
  return holidayChangeEffects(db, before, change, now);
}
