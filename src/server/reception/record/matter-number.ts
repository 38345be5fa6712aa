import "server-only";
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { receptionMatters } from "@/db/schema";

/** The next matter's number at a reception; call with the day's row locked, so two posts never draw the same. */
export async function nextMatterNumber(tx: DbOrTx, dayId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`coalesce(max(${receptionMatters.number}), 0)::int` })
    .from(receptionMatters)
    .where(eq(receptionMatters.receptionDayId, dayId));
  return Number(row?.n ?? 0) + 1;
}
