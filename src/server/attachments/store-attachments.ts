import "server-only";
import { createHash } from "node:crypto";
import type { DbOrTx } from "@/db/client";
import { attachments } from "@/db/schema";
import { ATTACHMENT_LIMITS, attachmentSizeProblem, detectFileType, safeFileName } from "@/domain/file-type";

export type IncomingFile = { name: string; bytes: Uint8Array };
export type AttachmentProblem = "too_many" | "too_large" | "total_too_large" | "type_not_allowed" | "empty";
export type CheckedFile = { fileName: string; contentType: string; bytes: Uint8Array; sha256: string };

/** Checks count, sizes and content types before anything is written. Empty file inputs are ignored. */
export function checkAttachments(files: IncomingFile[]): { ok: true; files: CheckedFile[] } | { ok: false; problem: AttachmentProblem; fileName?: string } {
  const present = files.filter((f) => f.name !== "" || f.bytes.byteLength > 0);
  const sizes = attachmentSizeProblem(present.map((f) => ({ name: f.name, size: f.bytes.byteLength })));
  if (sizes?.problem === "too_many") return { ok: false, problem: "too_many" };
  let total = 0;
  const checked: CheckedFile[] = [];
  for (const file of present) {
    if (file.bytes.byteLength === 0) return { ok: false, problem: "empty", fileName: file.name };
    if (file.bytes.byteLength > ATTACHMENT_LIMITS.maxFileBytes) return { ok: false, problem: "too_large", fileName: file.name };
    total += file.bytes.byteLength;
    const type = detectFileType(file.bytes, file.name);
    if (!type) return { ok: false, problem: "type_not_allowed", fileName: file.name };
    checked.push({
      fileName: safeFileName(file.name, type.ext),
      contentType: type.mime,
      bytes: file.bytes,
      sha256: createHash("sha256").update(file.bytes).digest("hex"),
    });
  }
  if (total > ATTACHMENT_LIMITS.maxTotalBytes) return { ok: false, problem: "total_too_large" };
  return { ok: true, files: checked };
}

/** Stores checked files in the database (so every app instance serves them), in the caller's transaction. */
export async function storeAttachments(
  tx: DbOrTx,
  caseId: string,
  files: CheckedFile[],
  options: { uploadedBy: string | null; visibility: "filer" | "internal"; eventId?: number | null },
): Promise<string[]> {
  if (files.length === 0) return [];
  const rows = await tx
    .insert(attachments)
    .values(
      files.map((f) => ({
        caseId,
        eventId: options.eventId ?? null,
        fileName: f.fileName,
        contentType: f.contentType,
        size: f.bytes.byteLength,
        sha256: f.sha256,
        data: Buffer.from(f.bytes),
        visibility: options.visibility,
        uploadedBy: options.uploadedBy,
      })),
    )
    .returning({ id: attachments.id });
  return rows.map((r) => r.id);
}

/** Reads File objects from a multipart form field. */
export async function filesFromForm(form: FormData, field: string): Promise<IncomingFile[]> {
  const out: IncomingFile[] = [];
  for (const value of form.getAll(field)) {
    if (typeof value === "string") continue;
    // An empty file input arrives as an empty part with no file name, which the server may label "undefined".
    const name = typeof value.name === "string" ? value.name : "";
    if (value.size === 0 && (name === "" || name === "undefined" || name === "blob")) continue;
    out.push({ name, bytes: new Uint8Array(await value.arrayBuffer()) });
  }
  return out;
}
