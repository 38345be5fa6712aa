import "server-only";
import type { Database } from "@/db/client";
import type { Viewer } from "@/server/auth/roles";
import { holidayAdminChange, type HolidayChangeResult, type HolidayEntryInput } from "./holiday-admin";

/** Adds a holiday, day off in lieu or make-up working day on a date not yet in the table. */
export async function addHoliday(db: Database, viewer: Viewer | null, input: HolidayEntryInput, now = new Date()): Promise<HolidayChangeResult> {
  return holidayAdminChange(db, viewer, "add", input, now);
}
