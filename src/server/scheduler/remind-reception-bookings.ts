import "server-only";
import type { Tx } from "@/db/client";
import type { JobContext } from "./job-context";
import type { JobResult } from "./run-job-once";

// Placeholder: H2 (booking): the day-before reminder to each booked citizen with an email.
export async function remindReceptionBookings(_tx: Tx, _ctx: JobContext): Promise<JobResult> {
  return {};
}
