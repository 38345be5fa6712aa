import "server-only";
import type { Database } from "@/db/client";
import type { Viewer } from "@/server/auth/roles";
import { holidayAdminChange, type HolidayChangeResult, type HolidayEntryInput } from "./holiday-admin";

/** Changes an entry's kind, name or confirmation (its date is its identity: to move a day, remove and add). */
export async function updateHoliday(db: Database, viewer: Viewer | null, input: HolidayEntryInput, now = new Date()): Promise<HolidayChangeResult> {
  return holidayAdminChange(db, viewer, "edit", input, now);
}
