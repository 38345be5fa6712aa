"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import type { ImportProblem } from "@/domain/organisation/csv-format";
import { writtenChanges } from "@/domain/organisation/csv-import";
import { logger } from "@/lib/logger";
import { getViewer } from "@/server/auth/viewer";
import { AppError } from "@/server/errors";
import { applyOrganisationImport } from "@/server/organisation-import/apply-organisation-import";
import type { OrganisationImportPreview } from "@/server/organisation-import/import-frame";
import { previewOrganisationImport } from "@/server/organisation-import/preview-organisation-import";
import { LIST_LIMIT, type ImportFormState } from "./form-state";

const PAGE = "/can-bo/quan-tri/to-chuc/nhap";

function shown(preview: OrganisationImportPreview): NonNullable<ImportFormState["preview"]> {
  const written = writtenChanges(preview.plan.changes) as NonNullable<ImportFormState["preview"]>["changes"];
  return { text: preview.text, fileHash: preview.fileHash, planHash: preview.planHash, lines: preview.plan.lines, counts: preview.plan.counts, changes: written.slice(0, LIST_LIMIT), changeCount: written.length };
}

function refused(error: unknown): ImportFormState {
  if (!(error instanceof AppError)) {
    logger.error("organisation import failed", { error });
    return { formError: "failed" };
  }
  if (error.code === "forbidden" || error.code === "unauthenticated") return { formError: "no_access" };
  if (error.code === "invalid_input") {
    const problems = (error.details?.problems ?? []) as ImportProblem[];
    const fileError = (error.details?.fields as Record<string, string> | undefined)?.file;
    return { formError: "invalid", fileError, problems: problems.slice(0, LIST_LIMIT), problemCount: problems.length };
  }
  if (error.code === "conflict" && (error.message === "changed_since_preview" || error.message === "no_changes")) {
    const preview = error.details?.preview as OrganisationImportPreview | undefined;
    return { formError: error.message, preview: preview ? shown(preview) : undefined };
  }
  logger.error("organisation import refused unexpectedly", { error });
  return { formError: "failed" };
}

/**
 * The import form posts here twice: first the file (checked and compared, nothing written: the preview), then,
 * with `op=apply`, the previewed text and its hashes, re-checked and written in one transaction.
 */
export async function importAction(prev: ImportFormState, form: FormData): Promise<ImportFormState> {
  let target: string;
  try {
    const [db, viewer] = await Promise.all([getDb(), getViewer()]);
    if (form.get("op") === "apply") {
      // The previewed text and its hashes come back as the form's previous state (bound to the form, as hidden
      // fields when JavaScript is off): carried once, not also as fields of their own, to keep the post small.
      const input = { text: prev.preview?.text, fileHash: prev.preview?.fileHash, planHash: prev.preview?.planHash };
      const { created, updated } = await applyOrganisationImport(db, viewer, input);
      target = `${PAGE}?xong=imported&tao=${created}&sua=${updated}`;
    } else {
      return { preview: shown(await previewOrganisationImport(db, viewer, { file: form.get("file") ?? undefined })) };
    }
  } catch (error) {
    return refused(error);
  }
  redirect(target);
}
