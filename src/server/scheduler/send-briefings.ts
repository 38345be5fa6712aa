import "server-only";
import type { Tx } from "@/db/client";
import type { JobContext } from "./job-context";
import type { JobResult } from "./run-job-once";

// Placeholder: H5 (briefing): the leader's briefing, emailed the working day before a reception or a session.
export async function sendBriefings(_tx: Tx, _ctx: JobContext): Promise<JobResult> {
  return {};
}
