"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { stringValues } from "@/lib/form-values";
import { logger } from "@/lib/logger";
import { filesFromForm } from "@/server/attachments/store-attachments";
import { getViewer } from "@/server/auth/viewer";
import { isUuid } from "@/server/dialogue/session-access";
import { createCommitment } from "@/server/commitments/create-commitment";
import { updateCommitment } from "@/server/commitments/update-commitment";
import { AppError } from "@/server/errors";
import type { FieldProblem } from "@/server/filer/filer-access";
import type { CommitmentDone, CommitmentFormState } from "./form-state";

const REASONS = ["stale_version", "not_allowed", "invalid_transition", "session_not_held", "not_found"] as const;

/** A refusal from a service, as the form shows it; anything unexpected is logged and shown as "failed". */
function refused(error: unknown, values: Record<string, string>): CommitmentFormState {
  if (!(error instanceof AppError)) {
    logger.error("commitment action failed", { error });
    return { values, fieldErrors: {}, formError: "failed" };
  }
  const details = error.details ?? {};
  if (error.code === "invalid_input") {
    return {
      values,
      fieldErrors: (details.fields ?? {}) as Record<string, FieldProblem>,
      formError: "invalid",
      fileName: typeof details.fileName === "string" ? details.fileName : undefined,
    };
  }
  const reason = REASONS.find((r) => r === error.message);
  if (reason) return { values, fieldErrors: {}, formError: reason };
  if (error.code === "forbidden" || error.code === "unauthenticated") return { values, fieldErrors: {}, formError: "no_access" };
  if (error.code === "not_found") return { values, fieldErrors: {}, formError: "not_found" };
  logger.error("commitment action refused unexpectedly", { error });
  return { values, fieldErrors: {}, formError: "failed" };
}

const CREATE_FIELDS = ["leaderUserId", "body", "ownerUnitId", "dueOn", "source", "caseCode"] as const;

/** Records a commitment from the staff session page; the page is then reloaded (post/redirect/get). */
export async function createCommitmentAction(_prev: CommitmentFormState, form: FormData): Promise<CommitmentFormState> {
  const values = stringValues(form, CREATE_FIELDS);
  const sessionId = String(form.get("sessionId") ?? "");
  if (!isUuid(sessionId)) return { values, fieldErrors: {}, formError: "not_found" };
  try {
    const [db, viewer] = await Promise.all([getDb(), getViewer()]);
    await createCommitment(db, viewer, { sessionId, formKey: form.get("formKey"), ...Object.fromEntries(CREATE_FIELDS.map((f) => [f, form.get(f) ?? undefined])) });
  } catch (error) {
    return refused(error, values);
  }
  redirect(`/can-bo/doi-thoai/${sessionId}?cam_ket=created#cam-ket`);
}

const DONE: Record<string, CommitmentDone> = { progress: "progress", keep: "kept", miss: "missed" };

/** Progress, kept (with evidence files) or missed: which one is the form's `action` field. */
export async function updateCommitmentAction(_prev: CommitmentFormState, form: FormData): Promise<CommitmentFormState> {
  const values = stringValues(form, ["text"]);
  const commitmentId = String(form.get("commitmentId") ?? "");
  const action = String(form.get("action") ?? "");
  if (!isUuid(commitmentId)) return { values, fieldErrors: {}, formError: "not_found" };
  try {
    const [db, viewer] = await Promise.all([getDb(), getViewer()]);
    const files = action === "miss" ? [] : await filesFromForm(form, "files");
    await updateCommitment(db, viewer, { commitmentId, version: form.get("version"), action, text: form.get("text") ?? undefined }, files);
  } catch (error) {
    return refused(error, values);
  }
  redirect(`/can-bo/cam-ket/${commitmentId}?xong=${DONE[action] ?? "progress"}#ket-qua`);
}
