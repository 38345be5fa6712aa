import "server-only";
import type { DbOrTx } from "@/db/client";
import { applyHolidayChange } from "@/domain/holidays/entries";
import type { MovedDeadline } from "@/domain/holidays/moved-deadlines";
import type { Viewer } from "@/server/auth/roles";
import { assertHolidayAdmin, deadlinesMovedBy, loadHolidayEntries, parseHolidayChange, receptionDaysOnNewDayOff, type HolidayOp, type ReceptionDayOnDayOff } from "./holiday-admin";

/**
 * Before saving: which open cases' running deadlines the change would move, and which reception days already
 * planned fall on a date it makes a day off (nothing is written).
 */
export async function previewHolidayChange(
  db: DbOrTx,
  viewer: Viewer | null,
  op: HolidayOp,
  input: unknown,
  now = new Date(),
): Promise<{ moved: MovedDeadline[]; receptionDays: ReceptionDayOnDayOff[] }> {
  assertHolidayAdmin(viewer);
  const change = await parseHolidayChange(db, op, input);
  const before = await loadHolidayEntries(db);
  const after = applyHolidayChange(before, change);
  const date = change.op === "remove" ? change.date : change.entry.date;
  const [moved, receptionDays] = await Promise.all([deadlinesMovedBy(db, before, after), receptionDaysOnNewDayOff(db, before, after, date, now)]);
  return { moved, receptionDays };
}
