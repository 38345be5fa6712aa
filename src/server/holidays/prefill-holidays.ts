import "server-only";
import { z } from "zod";
import type { Database } from "@/db/client";
import { holidays } from "@/db/schema";
import { runInTransaction } from "@/db/transaction";
import { vietnamPublicHolidays } from "@/domain/holidays/lunar-source";
import { prefillEntries } from "@/domain/holidays/prefill";
import { appendAudit } from "@/server/audit/append-audit";
import type { Viewer } from "@/server/auth/roles";
import { parseFilerInput } from "@/server/filer/filer-access";
import { assertHolidayAdmin, loadHolidayEntries } from "./holiday-admin";

export const yearSchema = z.object({ year: z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).min(2000, { error: "invalid" }).max(2100, { error: "invalid" }) });

/**
 * Proposes a year's public holidays (lunar ones included) from date-holidays as UNCONFIRMED entries: they move no
 * deadline until the admin confirms each against the Prime Minister's decision. Dates already in the table are
 * left as they are, so pre-filling twice adds nothing.
 */
export async function prefillHolidays(db: Database, viewer: Viewer | null, input: { year?: unknown }): Promise<{ added: string[] }> {
  assertHolidayAdmin(viewer);
  const { year } = parseFilerInput(yearSchema, input);
  return runInTransaction(db, async (tx) => {
    const existing = new Set((await loadHolidayEntries(tx)).map((e) => e.date));
    const entries = prefillEntries(vietnamPublicHolidays(year), year, existing);
    if (entries.length > 0) await tx.insert(holidays).values(entries).onConflictDoNothing({ target: holidays.date });
    await appendAudit(tx, { actorUserId: viewer.userId, action: "holiday.prefilled", entityType: "holiday_year", entityId: String(year), data: { added: entries.map((e) => e.date), source: "date-holidays" } });
    return { added: entries.map((e) => e.date) };
  });
}
