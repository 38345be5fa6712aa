import "server-only";
import { and, eq, lt, max } from "drizzle-orm";
import type { Database, Tx } from "@/db/client";
import { scheduledJobRuns } from "@/db/schema";
import { toLocalDate } from "@/domain/calendar";
import type { IsoDate } from "@/domain/types";
import { logger } from "@/lib/logger";
import { loadCalendar } from "@/server/deadlines/policy-rows";
import { applyDueReorganisations } from "./apply-due-reorganisations";
import { escalateOverdueCases } from "./escalate-overdue-cases";
import { generateReceptionCalendar } from "./generate-reception-calendar";
import type { JobContext } from "./job-context";
import { notifyOverdueCases } from "./notify-overdue-cases";
import { publishAnswersJob } from "./publish-answers";
import { remindCommitments } from "./remind-commitments";
import { remindMissingInfo } from "./remind-missing-info";
import { remindReceptionBookings } from "./remind-reception-bookings";
import { runJobOnce, type JobResult } from "./run-job-once";
import { sendBriefings } from "./send-briefings";
import { sendDailyDigests } from "./send-daily-digests";
import { MORNING_RUN_AT } from "./settings";

type Job = { name: string; run: (tx: Tx, ctx: JobContext) => Promise<JobResult> };

/** The working-morning jobs, in order: the reception calendar first, then escalation, so the digest and notices see its result. */
export const MORNING_JOBS: Job[] = [
  { name: "generate-reception-calendar", run: generateReceptionCalendar },
  { name: "escalate-overdue", run: escalateOverdueCases },
  { name: "notify-overdue", run: notifyOverdueCases },
  { name: "remind-missing-info", run: remindMissingInfo },
  { name: "remind-commitments", run: remindCommitments },
  { name: "remind-reception-bookings", run: remindReceptionBookings },
  { name: "publish-answers", run: publishAnswersJob },
  { name: "send-briefings", run: sendBriefings },
  { name: "daily-digest", run: sendDailyDigests },
];

/** Drizzle's error message repeats the query's parameters (whole messages, addresses): log the cause instead. */
function describeError(error: unknown) {
  if (!(error instanceof Error)) return { message: String(error) };
  const cause = error.cause instanceof Error ? error.cause.message : undefined;
  return { name: error.name, message: error.message.split("\n")[0]!.slice(0, 200), cause, stack: error.stack?.split("\n").slice(-4).join("\n") };
}

/** Minutes since local midnight in Vietnam (UTC+7, no daylight saving). */
function localMinutes(now: Date): number {
  return Math.floor(((now.getTime() + 7 * 3_600_000) % 86_400_000) / 60_000);
}

/** The last day before `today` on which `job` ran (its run key), read in the run's transaction. */
async function lastRunBefore(tx: Tx, job: string, today: IsoDate): Promise<IsoDate | null> {
  const [row] = await tx
    .select({ last: max(scheduledJobRuns.runKey) })
    .from(scheduledJobRuns)
    .where(and(eq(scheduledJobRuns.job, job), lt(scheduledJobRuns.runKey, today)));
  return (row?.last as IsoDate | null | undefined) ?? null;
}

/**
 * Runs what is due at `now`: on a working day (by the holiday calendar) from MORNING_RUN_AT on, each morning job
 * once for that date. Safe to call often and from several workers; a job that fails is retried on a later call.
 *
 * A working day with no run at all (the worker down, or the job failing all day) is made up by the next working
 * day's run, not by runs of its own dated back: escalation, overdue notices and reminders work from the cases'
 * state, so what fell due that day is still found, and the digest of the next run lists everything overdue or due
 * soon by then and says which days it stands for (see sendDailyDigests). A weekend or holiday in between gets
 * nothing: no one reads a digest there, and escalation counts working days anyway.
 */
export async function runScheduledJobs(db: Database, now: Date = new Date()): Promise<Record<string, JobResult | "skipped" | "failed">> {
  const today = toLocalDate(now);
  const out: Record<string, JobResult | "skipped" | "failed"> = {};
  // Reorganisations take effect on their date, whatever the day and hour: before the morning and working-day checks.
  try {
    const { applied, failed } = await applyDueReorganisations(db, now);
    if (applied > 0 || failed > 0) out["apply-reorganisations"] = { applied, failed };
  } catch (error) {
    out["apply-reorganisations"] = "failed";
    logger.error("scheduled job failed", { job: "apply-reorganisations", error: describeError(error) });
  }
  if (localMinutes(now) < MORNING_RUN_AT.hour * 60 + MORNING_RUN_AT.minute) return out;
  const calendar = await loadCalendar(db);
  if (!calendar.isWorkingDay(today)) return out;
  for (const job of MORNING_JOBS) {
    try {
      const { ran, result } = await runJobOnce(db, job.name, today, async (tx) => job.run(tx, { now, today, calendar, lastRunOn: await lastRunBefore(tx, job.name, today) }));
      out[job.name] = ran ? (result ?? {}) : "skipped";
      if (ran) logger.info("scheduled job done", { job: job.name, runKey: today, ...result });
    } catch (error) {
      out[job.name] = "failed";
      logger.error("scheduled job failed", { job: job.name, runKey: today, error: describeError(error) });
    }
  }
  return out;
}
