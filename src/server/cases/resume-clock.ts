import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { caseEvents, type cases } from "@/db/schema";
import { compareDates, toLocalDate } from "@/domain/calendar";
import { applyPause, resolutionPeriod } from "@/domain/deadlines";
import type { IsoDate } from "@/domain/types";
import { loadCalendar, loadPolicies } from "@/server/deadlines/policy-rows";

type CaseRow = typeof cases.$inferSelect;

/** When the wait for the filer began: paused_at, or (for cases paused before it was recorded) the request itself. */
async function pauseStart(tx: Tx, row: CaseRow): Promise<Date | null> {
  if (row.pausedAt) return row.pausedAt;
  const [request] = await tx
    .select({ at: caseEvents.createdAt })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, row.id), eq(caseEvents.type, "case.info_requested")))
    .orderBy(desc(caseEvents.id))
    .limit(1);
  return request?.at ?? null;
}

/** The resolution deadline after the pause, when the case's policy pauses the clock while waiting for the filer. */
export async function resumedDueDate(tx: Tx, row: CaseRow, today: IsoDate): Promise<IsoDate | null> {
  if (row.resolutionDueOn === null || row.policyId === null) return row.resolutionDueOn;
  const policy = (await loadPolicies(tx)).find((p) => p.id === row.policyId);
  if (!policy?.pausesOnInfoRequest) return row.resolutionDueOn;
  const start = await pauseStart(tx, row);
  if (!start) return row.resolutionDueOn;
  const pausedOn = toLocalDate(start);
  if (compareDates(pausedOn, today) > 0) return row.resolutionDueOn;
  const unit = resolutionPeriod(policy, { remote: row.remoteArea })?.unit ?? "days";
  return applyPause(await loadCalendar(tx), row.resolutionDueOn, pausedOn, today, unit);
}
