import "server-only";
import type { DbOrTx } from "@/db/client";
import { applyHolidayChange } from "@/domain/holidays/entries";
import type { MovedDeadline } from "@/domain/holidays/moved-deadlines";
import type { Viewer } from "@/server/auth/roles";
import { assertHolidayAdmin, deadlinesMovedBy, loadHolidayEntries, parseHolidayChange, type HolidayOp } from "./holiday-admin";

/** Before saving: which open cases' running deadlines the change would move (nothing is written). */
export async function previewHolidayChange(db: DbOrTx, viewer: Viewer | null, op: HolidayOp, input: unknown): Promise<{ moved: MovedDeadline[] }> {
  assertHolidayAdmin(viewer);
  const change = await parseHolidayChange(db, op, input);
  const before = await loadHolidayEntries(db);
  return { moved: await deadlinesMovedBy(db, before, applyHolidayChange(before, change)) };
}
