import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { toLocalDate } from "@/domain/calendar";
import { HELD_STATUS_LIST } from "@/server/dialogue/list-upcoming-sessions";

export type HeadlineFigures = {
  since: Date | null;
  received: number;
  answered: number;
  answeredOnTime: number;
  overdue: number;
  sessionsHeld: number;
};

/**
 * Public figures for the home page, from the running totals the database keeps with every change to a case
 * (src/db/schema/figures.ts): a few rows summed, however many cases there are. "Overdue" is the open cases
 * whose running deadline is before today, so it moves with the date on its own.
 */
export async function getHeadlineFigures(db: DbOrTx, now = new Date()): Promise<HeadlineFigures> {
  const today = toLocalDate(now);
  const [row] = rowsOf<{ since: string | null; received: string; answered: string; on_time: string; overdue: string; held: string }>(
    await db.execute(sql`select
        (select min(received_at)::text from cases) as since,
        (select coalesce(sum(received), 0) from case_tallies) as received,
        (select coalesce(sum(answered), 0) from case_tallies) as answered,
        (select coalesce(sum(answered_on_time), 0) from case_tallies) as on_time,
        (select coalesce(sum(open), 0) from open_case_due_tallies where due_on < ${today}) as overdue,
        (select count(*) from dialogue_sessions where status in (${HELD_STATUS_LIST})) as held`),
  );
  return {
    since: row?.since ? new Date(row.since) : null,
    received: Number(row?.received ?? 0),
    answered: Number(row?.answered ?? 0),
    answeredOnTime: Number(row?.on_time ?? 0),
    overdue: Number(row?.overdue ?? 0),
    sessionsHeld: Number(row?.held ?? 0),
  };
}
