import "server-only";
import type { Tx } from "@/db/client";
import { generateReceptionDays, generationWindow } from "@/server/reception/generate-reception-days";
import { loadDutyRules } from "@/server/reception/duty-rules";
import type { JobContext } from "./job-context";
import type { JobResult } from "./run-job-once";

/** Keeps every head's reception days generated about three months ahead (see generateReceptionDays). */
export async function generateReceptionCalendar(tx: Tx, ctx: JobContext): Promise<JobResult> {
  return generateReceptionDays(tx, { calendar: ctx.calendar, rules: await loadDutyRules(tx), ...generationWindow(ctx.today) });
}
