import "server-only";
import { count, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { cases, dialogueSessions } from "@/db/schema";
import { toLocalDate } from "@/domain/calendar";
import { overdueWhere } from "@/server/cases/overdue";

export type HeadlineFigures = {
  since: Date | null;
  received: number;
  answered: number;
  answeredOnTime: number;
  overdue: number;
  sessionsHeld: number;
};

/** Public figures for the home page: no personal data, one round trip per table. */
export async function getHeadlineFigures(db: DbOrTx, now = new Date()): Promise<HeadlineFigures> {
  const today = toLocalDate(now);
  const [caseFigures] = await db
    .select({
      since: sql<string | null>`min(${cases.receivedAt})`,
      received: count(),
      answered: sql<number>`count(*) filter (where ${cases.answeredAt} is not null)`.mapWith(Number),
      answeredOnTime: sql<number>`count(*) filter (where ${cases.answeredAt} is not null
        and (${cases.answeredAt} at time zone 'UTC' + interval '7 hours')::date <= coalesce(${cases.resolutionDueOn}, ${cases.acceptanceDueOn}))`.mapWith(
        Number,
      ),
      overdue: sql<number>`count(*) filter (where ${overdueWhere(today)})`.mapWith(Number),
    })
    .from(cases);
  const [sessionFigures] = await db
    .select({ held: sql<number>`count(*) filter (where ${dialogueSessions.status} = 'held')`.mapWith(Number) })
    .from(dialogueSessions);
  return {
    since: caseFigures?.since ? new Date(caseFigures.since) : null,
    received: caseFigures?.received ?? 0,
    answered: caseFigures?.answered ?? 0,
    answeredOnTime: caseFigures?.answeredOnTime ?? 0,
    overdue: caseFigures?.overdue ?? 0,
    sessionsHeld: sessionFigures?.held ?? 0,
  };
}
