import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { cases } from "@/db/schema";
import type { IsoDate } from "@/domain/types";

/**
 * Overdue is derived, never stored: a received case past its acceptance deadline, or an accepted one past
 * its resolution deadline. A case waiting for the filer's information is paused, not overdue.
 */
export function overdueWhere(today: IsoDate): SQL {
  return sql`((${cases.status} = 'received' and ${cases.acceptanceDueOn} < ${today})
    or (${cases.status} = 'accepted' and ${cases.resolutionDueOn} < ${today}))`;
}

/** The deadline that currently runs for a case, if any. */
export const currentDueOn = sql<string | null>`case ${cases.status}
  when 'received' then ${cases.acceptanceDueOn}
  when 'accepted' then ${cases.resolutionDueOn}
  else null end`;
