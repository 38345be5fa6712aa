import "server-only";
import { runInTransaction } from "@/db/transaction";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database, Tx } from "@/db/client";
import { caseEvents, cases } from "@/db/schema";
import { transition } from "@/domain/case-status";
import { compareDates, toLocalDate } from "@/domain/calendar";
import { applyPause, resolutionPeriod } from "@/domain/deadlines";
import type { IsoDate } from "@/domain/types";
import { storeAttachments, type IncomingFile } from "@/server/attachments/store-attachments";
import { recordCaseEvent } from "@/server/cases/record-event";
import { loadCalendar, loadPolicies } from "@/server/deadlines/policy-rows";
import {
  authorizeFiler,
  checkFilerFiles,
  fieldError,
  filerError,
  filerText,
  formVersion,
  lockCaseForFiler,
  parseFilerInput,
  recordFilerText,
  type CaseRow,
} from "./filer-access";

export const provideRequestedInfoSchema = z.object({ version: formVersion, text: filerText() });
export type ProvideRequestedInfoInput = { caseId: unknown; version: unknown; text?: unknown };

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
async function resumedDueDate(tx: Tx, row: CaseRow, today: IsoDate): Promise<IsoDate | null> {
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

/**
 * The filer answers an information request: the case goes back to "accepted" and, where the policy pauses
 * the clock, the resolution deadline moves by the time spent waiting.
 */
export async function provideRequestedInfo(
  db: Database,
  token: string | undefined,
  input: ProvideRequestedInfoInput,
  files: IncomingFile[] = [],
  now = new Date(),
): Promise<{ eventId: number; resolutionDueOn: IsoDate | null }> {
  const caseId = authorizeFiler(token, input.caseId, now);
  const { version, text } = parseFilerInput(provideRequestedInfoSchema, input);
  const checked = checkFilerFiles(files);
  if (text === "" && checked.length === 0) throw fieldError("text", "text_or_files_required");

  return runInTransaction(db, async (tx) => {
    const row = await lockCaseForFiler(tx, caseId, version);
    const next = transition(row.status, "provide_info");
    if (!next.ok) throw filerError("conflict", "not_allowed");
    const resolutionDueOn = await resumedDueDate(tx, row, toLocalDate(now));
    await tx
      .update(cases)
      .set({ status: next.status, pausedAt: null, resolutionDueOn, version: row.version + 1, updatedAt: now })
      .where(eq(cases.id, caseId));
    const eventId = await recordCaseEvent(tx, {
      caseId,
      type: "case.info_provided",
      visibility: "public",
      actorRole: "filer",
      fromStatus: row.status,
      toStatus: next.status,
      data: { resolutionDueOn, previousResolutionDueOn: row.resolutionDueOn },
    });
    const attachmentIds = await storeAttachments(tx, caseId, checked, { uploadedBy: null, visibility: "filer", eventId });
    await recordFilerText(tx, { caseId, id: eventId, type: "case.info_provided" }, { text, attachmentIds });
    return { eventId, resolutionDueOn };
  });
}
