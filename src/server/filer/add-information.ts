import "server-only";
import { runInTransaction } from "@/db/transaction";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { cases } from "@/db/schema";
import { storeAttachments, type IncomingFile } from "@/server/attachments/store-attachments";
import { recordCaseEvent } from "@/server/cases/record-event";
import {
  authorizeFiler,
  checkFilerFiles,
  fieldError,
  filerActions,
  filerError,
  filerText,
  formVersion,
  lockCaseForFiler,
  parseFilerInput,
  recordFilerText,
} from "./filer-access";

export const addInformationSchema = z.object({ version: formVersion, text: filerText() });
export type AddInformationInput = { caseId: unknown; version: unknown; text?: unknown };

/**
 * The filer adds text and/or files to an open case. The timeline shows publicly that information was added;
 * what was added stays between the filer and the unit.
 */
export async function addInformation(
  db: Database,
  token: string | undefined,
  input: AddInformationInput,
  files: IncomingFile[] = [],
  now = new Date(),
): Promise<{ eventId: number; attachmentIds: string[] }> {
  const caseId = await authorizeFiler(db, token, input.caseId, now);
  const { version, text } = parseFilerInput(addInformationSchema, input);
  const checked = checkFilerFiles(files);
  if (text === "" && checked.length === 0) throw fieldError("text", "text_or_files_required");

  return runInTransaction(db, async (tx) => {
    const row = await lockCaseForFiler(tx, caseId, version);
    if (!filerActions({ ...row, hasSecondInstance: false }).addInformation) throw filerError("conflict", "not_allowed");
    await tx.update(cases).set({ version: row.version + 1, updatedAt: now }).where(eq(cases.id, caseId));
    const eventId = await recordCaseEvent(tx, {
      caseId,
      type: "case.info_added",
      visibility: "public",
      actorRole: "filer",
      fromStatus: row.status,
      toStatus: row.status,
    });
    const attachmentIds = await storeAttachments(tx, caseId, checked, { uploadedBy: null, visibility: "filer", eventId });
    await recordFilerText(tx, { caseId, id: eventId, type: "case.info_added" }, { text, attachmentIds });
    return { eventId, attachmentIds };
  });
}
