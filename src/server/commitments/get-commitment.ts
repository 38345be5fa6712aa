import "server-only";
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { commitmentFiles, commitments, commitmentUpdates } from "@/db/schema";
import type { IsoDate } from "@/domain/types";
import { isUuid } from "@/server/dialogue/session-access";
import { commitmentQuery, toPublicCommitment, type PublicCommitment } from "./commitment-view";

export type CommitmentFileInfo = { id: string; fileName: string; contentType: string; size: number };
export type CommitmentUpdate = { id: number; kind: "created" | "progress" | "kept" | "missed"; body: string; at: Date; files: CommitmentFileInfo[] };
export type CommitmentDetail = PublicCommitment & { updates: CommitmentUpdate[] };

/** A commitment with its public updates in order and the evidence files of each; null for an unknown id. */
export async function getCommitment(db: DbOrTx, id: string, today: IsoDate): Promise<CommitmentDetail | null> {
  if (!isUuid(id)) return null;
  const [row] = await commitmentQuery(db).where(eq(commitments.id, id)).limit(1);
  if (!row) return null;
  const [updates, files] = await Promise.all([
    db
      .select({ id: commitmentUpdates.id, kind: commitmentUpdates.kind, body: commitmentUpdates.body, at: commitmentUpdates.createdAt })
      .from(commitmentUpdates)
      .where(eq(commitmentUpdates.commitmentId, id))
      .orderBy(asc(commitmentUpdates.id)),
    db
      .select({ id: commitmentFiles.id, updateId: commitmentFiles.updateId, fileName: commitmentFiles.fileName, contentType: commitmentFiles.contentType, size: commitmentFiles.size })
      .from(commitmentFiles)
      .where(eq(commitmentFiles.commitmentId, id))
      .orderBy(asc(commitmentFiles.createdAt), asc(commitmentFiles.fileName)),
  ]);
  return {
    ...toPublicCommitment(row, today),
    updates: updates.map((u) => ({ ...u, files: files.filter((f) => f.updateId === u.id).map(({ updateId: _, ...f }) => f) })),
  };
}

export type CommitmentFile = { fileName: string; contentType: string; data: Buffer };

/** An evidence file: public, like the update it belongs to. */
export async function getCommitmentFile(db: DbOrTx, id: string): Promise<CommitmentFile | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({ fileName: commitmentFiles.fileName, contentType: commitmentFiles.contentType, data: commitmentFiles.data })
    .from(commitmentFiles)
    .where(eq(commitmentFiles.id, id))
    .limit(1);
  return row ?? null;
}
