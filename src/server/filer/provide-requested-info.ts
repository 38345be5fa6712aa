import "server-only";
import { runInTransaction } from "@/db/transaction";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { cases } from "@/db/schema";
import { transition } from "@/domain/case-status";
import { toLocalDate } from "@/domain/calendar";
import type { IsoDate } from "@/domain/types";
import { storeAttachments, type IncomingFile } from "@/server/attachments/store-attachments";
import { recordCaseEvent } from "@/server/cases/record-event";
import { resumedDueDate } from "@/server/cases/resume-clock";
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
} from "./filer-access";

export const provideRequestedInfoSchema = z.object({ version: formVersion, text: filerText() });
export type ProvideRequestedInfoInput = { caseId: unknown; version: unknown; text?: unknown };

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
  const caseId = await authorizeFiler(db, token, input.caseId, now);
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
