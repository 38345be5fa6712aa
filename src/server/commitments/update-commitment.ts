import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { commitmentFiles, commitments, commitmentUpdates } from "@/db/schema";
import { runInTransaction } from "@/db/transaction";
import { commitmentTransition, type CommitmentAction } from "@/domain/dialogue/commitment-status";
import type { CommitmentStaffAction } from "@/domain/dialogue/permissions";
import type { IncomingFile } from "@/server/attachments/store-attachments";
import { assertStaff, type Viewer } from "@/server/auth/roles";
import { appendAudit } from "@/server/audit/append-audit";
import { touchSession } from "@/server/dialogue/live/notify-session";
import { checkFilerFiles, fieldError, filerText, formVersion, parseFilerInput } from "@/server/filer/filer-access";
import { COMMITMENT_TEXT_MAX, commitmentError, lockCommitmentForAction } from "./commitment-access";

const KIND: Record<CommitmentAction, "progress" | "kept" | "missed"> = { progress: "progress", keep: "kept", miss: "missed" };
const PERMISSION: Record<CommitmentAction, CommitmentStaffAction> = { progress: "progress", keep: "close", miss: "close" };

export const updateCommitmentSchema = z.object({
  commitmentId: z.string(),
  version: formVersion,
  action: z.enum(["progress", "keep", "miss"]),
  text: filerText({ max: COMMITMENT_TEXT_MAX }),
});

export type UpdateCommitmentInput = { commitmentId?: unknown; version?: unknown; action?: unknown; text?: unknown };

/**
 * A public update of a commitment, from its owner unit: progress by any of its staff; kept (with the evidence,
 * text and files) or missed (with the reason) by its leader or a leader above it. Evidence files are public like
 * the update they belong to, checked by their content as every upload is.
 */
export async function updateCommitment(
  db: Database,
  viewer: Viewer | null,
  input: UpdateCommitmentInput,
  files: IncomingFile[] = [],
  now = new Date(),
): Promise<{ version: number; updateId: number; fileIds: string[] }> {
  assertStaff(viewer);
  const action = updateCommitmentSchema.shape.action.safeParse(input.action);
  if (!action.success) throw commitmentError("conflict", "invalid_transition");
  return runInTransaction(db, async (tx) => {
    const { row } = await lockCommitmentForAction(tx, viewer, input.commitmentId, input.version, PERMISSION[action.data]);
    const v = parseFilerInput(updateCommitmentSchema, input);
    const next = commitmentTransition(row.status, v.action, { text: v.text });
    if (!next.ok) {
      if (next.error === "text_required") throw fieldError("text", "required");
      throw commitmentError("conflict", "invalid_transition");
    }
    // Evidence belongs to progress and to keeping; a reason for missing it is words only.
    const checked = v.action === "miss" ? [] : checkFilerFiles(files);
    if (v.action === "miss" && files.some((f) => f.name !== "" || f.bytes.byteLength > 0)) throw fieldError("files", "invalid");
    const version = row.version + 1;
    const closing = v.action !== "progress";
    await tx
      .update(commitments)
      .set({ status: next.status, version, updatedAt: now, ...(closing ? { closedAt: now } : {}) })
      .where(eq(commitments.id, row.id));
    const [update] = await tx
      .insert(commitmentUpdates)
      .values({ commitmentId: row.id, kind: KIND[v.action], body: v.text, actorUserId: viewer.userId, createdAt: now })
      .returning({ id: commitmentUpdates.id });
    const fileIds =
      checked.length === 0
        ? []
        : (
            await tx
              .insert(commitmentFiles)
              .values(
                checked.map((f) => ({
                  commitmentId: row.id,
                  updateId: update!.id,
                  fileName: f.fileName,
                  contentType: f.contentType,
                  size: f.bytes.byteLength,
                  sha256: f.sha256,
                  data: Buffer.from(f.bytes),
                  uploadedBy: viewer.userId,
                  createdAt: now,
                })),
              )
              .returning({ id: commitmentFiles.id })
          ).map((r) => r.id);
    if (row.sessionId) await touchSession(tx, row.sessionId);
    await appendAuditFor(tx, viewer.userId, row.id, v.action, { fromStatus: row.status, toStatus: next.status, updateId: update!.id, fileIds });
    return { version, updateId: update!.id, fileIds };
  });
}

async function appendAuditFor(tx: Parameters<typeof appendAudit>[0], actorUserId: string, id: string, action: CommitmentAction, data: Record<string, unknown>) {
  const verb = action === "progress" ? "progress_reported" : action === "keep" ? "kept" : "missed";
  await appendAudit(tx, { actorUserId, action: `commitment.${verb}`, entityType: "commitment", entityId: id, data });
}
