import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database, Tx } from "@/db/client";
import { scheduledJobRuns } from "@/db/schema";
import { runInTransaction } from "@/db/transaction";

export type JobResult = Record<string, unknown>;

/**
 * Runs `work` at most once per (job, runKey), however many workers try at once. The claim row and the work's
 * writes share one transaction: a second worker's claim waits on the first's row lock and then finds the row
 * (skips), and a run that fails or dies rolls back with its claim, so the next tick runs it again.
 */
export async function runJobOnce(db: Database, job: string, runKey: string, work: (tx: Tx) => Promise<JobResult>): Promise<{ ran: boolean; result?: JobResult }> {
  const [done] = await db
    .select({ job: scheduledJobRuns.job })
    .from(scheduledJobRuns)
    .where(and(eq(scheduledJobRuns.job, job), eq(scheduledJobRuns.runKey, runKey)))
    .limit(1);
  if (done) return { ran: false };
  return runInTransaction(db, async (tx) => {
    const claimed = await tx.insert(scheduledJobRuns).values({ job, runKey }).onConflictDoNothing().returning({ job: scheduledJobRuns.job });
    if (claimed.length === 0) return { ran: false };
    const result = await work(tx);
    await tx
      .update(scheduledJobRuns)
      .set({ finishedAt: sql`now()`, result })
      .where(and(eq(scheduledJobRuns.job, job), eq(scheduledJobRuns.runKey, runKey)));
    return { ran: true, result };
  });
}
