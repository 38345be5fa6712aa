import "server-only";
import type { Database } from "@/db/client";
import type { Viewer } from "@/server/auth/roles";
import { holidayAdminChange, type HolidayChangeResult } from "./holiday-admin";

export async function removeHoliday(db: Database, viewer: Viewer | null, input: { date?: unknown }, now = new Date()): Promise<HolidayChangeResult> {
  return holidayAdminChange(db, viewer, "remove", input, now);
}
