"use server";

import { redirect } from "next/navigation";
import { getDb, type Database } from "@/db/client";
import { normalizeTrackingCode } from "@/domain/tracking-code";
import { stringValues } from "@/lib/form-values";
import { logger } from "@/lib/logger";
import { filesFromForm } from "@/server/attachments/store-attachments";
import type { Viewer } from "@/server/auth/roles";
import { getViewer } from "@/server/auth/viewer";
import { AppError } from "@/server/errors";
import type { FieldProblem } from "@/server/filer/filer-access";
import {
  acceptCase,
  addNote,
  approveAnswer,
  assignCase,
  clearFlag,
  extendDeadline,
  flagCase,
  refuseCase,
  requestInfo,
  resumeCase,
  returnDraft,
  saveDraft,
  transferCase,
} from "@/server/workspace/case-actions";
import { revealIdentity } from "@/server/workspace/get-staff-case";
import type { RevealState, StaffDone, StaffFormState } from "./form-state";

/** A refusal from a service, as the form shows it; anything unexpected is logged and shown as "failed". */
function refused(error: unknown, values: Record<string, string>): StaffFormState {
  if (!(error instanceof AppError)) {
    logger.error("workspace action failed", { error });
    return { values, fieldErrors: {}, formError: "failed" };
  }
  const details = error.details ?? {};
  switch (error.code) {
    case "invalid_input":
      return {
        values,
        fieldErrors: (details.fields ?? {}) as Record<string, FieldProblem>,
        formError: "invalid",
        fileName: typeof details.fileName === "string" ? details.fileName : undefined,
      };
    case "conflict":
      return { values, fieldErrors: {}, formError: error.message === "stale_version" ? "stale_version" : "not_allowed" };
    case "not_found":
      return { values, fieldErrors: {}, formError: "not_found" };
    case "forbidden":
    case "unauthenticated":
      return { values, fieldErrors: {}, formError: "no_access" };
    default:
      logger.error("workspace action refused unexpectedly", { error });
      return { values, fieldErrors: {}, formError: "failed" };
  }
}

type Run = (ctx: { db: Database; viewer: Viewer | null; ref: { caseId: unknown; version: unknown }; form: FormData }) => Promise<StaffDone | "transferred">;

/**
 * The shared shape of the workspace verbs: who is asking comes from the session, never from the form; the
 * service checks everything from the case; the page is then reloaded (post/redirect/get).
 */
async function runStaffAction(form: FormData, fields: readonly string[], run: Run): Promise<StaffFormState> {
  const values = stringValues(form, fields);
  const code = normalizeTrackingCode(String(form.get("code") ?? ""));
  if (!code) return { values, fieldErrors: {}, formError: "not_found" };
  let done: StaffDone | "transferred";
  try {
    const [db, viewer] = await Promise.all([getDb(), getViewer()]);
    done = await run({ db, viewer, ref: { caseId: form.get("caseId"), version: form.get("version") }, form });
  } catch (error) {
    return refused(error, values);
  }
  // After a transfer the case belongs to another unit: back to the inbox, which says so.
  if (done === "transferred") redirect("/can-bo?xong=transferred");
  redirect(`/can-bo/ho-so/${code}?xong=${done}#ket-qua`);
}

const text = (form: FormData, name: string) => form.get(name) ?? undefined;

export async function acceptAction(_prev: StaffFormState, form: FormData): Promise<StaffFormState> {
  return runStaffAction(form, [], async ({ db, viewer, ref }) => {
    await acceptCase(db, viewer, ref);
    return "accepted";
  });
}

export async function refuseAction(_prev: StaffFormState, form: FormData): Promise<StaffFormState> {
  return runStaffAction(form, ["reason", "redirect"], async ({ db, viewer, ref, form }) => {
    await refuseCase(db, viewer, { ...ref, reason: text(form, "reason"), redirect: text(form, "redirect") });
    return "refused";
  });
}

export async function transferAction(_prev: StaffFormState, form: FormData): Promise<StaffFormState> {
  return runStaffAction(form, ["unitId", "reason"], async ({ db, viewer, ref, form }) => {
    await transferCase(db, viewer, { ...ref, unitId: text(form, "unitId"), reason: text(form, "reason") });
    return "transferred";
  });
}

export async function assignAction(_prev: StaffFormState, form: FormData): Promise<StaffFormState> {
  return runStaffAction(form, ["assigneeId"], async ({ db, viewer, ref, form }) => {
    await assignCase(db, viewer, { ...ref, assigneeId: text(form, "assigneeId") });
    return "assigned";
  });
}

export async function noteAction(_prev: StaffFormState, form: FormData): Promise<StaffFormState> {
  return runStaffAction(form, ["text"], async ({ db, viewer, ref, form }) => {
    await addNote(db, viewer, { ...ref, text: text(form, "text") }, await filesFromForm(form, "files"));
    return "noted";
  });
}

export async function requestInfoAction(_prev: StaffFormState, form: FormData): Promise<StaffFormState> {
  return runStaffAction(form, ["reason"], async ({ db, viewer, ref, form }) => {
    await requestInfo(db, viewer, { ...ref, reason: text(form, "reason") });
    return "info_requested";
  });
}

export async function resumeAction(_prev: StaffFormState, form: FormData): Promise<StaffFormState> {
  return runStaffAction(form, ["reason"], async ({ db, viewer, ref, form }) => {
    await resumeCase(db, viewer, { ...ref, reason: text(form, "reason") });
    return "resumed";
  });
}

export async function draftAction(_prev: StaffFormState, form: FormData): Promise<StaffFormState> {
  return runStaffAction(form, ["draft"], async ({ db, viewer, ref, form }) => {
    const submit = form.get("intent") === "submit";
    await saveDraft(db, viewer, { ...ref, draft: text(form, "draft"), submit });
    return submit ? "draft_submitted" : "draft_saved";
  });
}

export async function reviewAction(_prev: StaffFormState, form: FormData): Promise<StaffFormState> {
  return runStaffAction(form, ["comment"], async ({ db, viewer, ref, form }) => {
    if (form.get("intent") === "approve") {
      await approveAnswer(db, viewer, ref);
      return "approved";
    }
    await returnDraft(db, viewer, { ...ref, comment: text(form, "comment") });
    return "draft_returned";
  });
}

export async function extendAction(_prev: StaffFormState, form: FormData): Promise<StaffFormState> {
  return runStaffAction(form, ["days", "reason"], async ({ db, viewer, ref, form }) => {
    await extendDeadline(db, viewer, { ...ref, days: text(form, "days"), reason: text(form, "reason") });
    return "extended";
  });
}

export async function flagAction(_prev: StaffFormState, form: FormData): Promise<StaffFormState> {
  return runStaffAction(form, ["reason"], async ({ db, viewer, ref, form }) => {
    await flagCase(db, viewer, { ...ref, reason: text(form, "reason") });
    return "flagged";
  });
}

export async function clearFlagAction(_prev: StaffFormState, form: FormData): Promise<StaffFormState> {
  return runStaffAction(form, ["reason"], async ({ db, viewer, ref, form }) => {
    await clearFlag(db, viewer, { ...ref, reason: text(form, "reason") });
    return "flag_cleared";
  });
}

/**
 * Shows the people's identities in the answer to this POST, with the reason written to the audit log. No
 * redirect: the identities must not be reachable again by reloading or sharing an address.
 */
export async function revealIdentityAction(_prev: RevealState, form: FormData): Promise<RevealState> {
  const values = stringValues(form, ["purpose", "note"]);
  try {
    const [db, viewer] = await Promise.all([getDb(), getViewer()]);
    const parties = await revealIdentity(db, viewer, { caseId: form.get("caseId"), purpose: form.get("purpose"), note: form.get("note") });
    return { values, fieldErrors: {}, parties, purpose: values.purpose };
  } catch (error) {
    return refused(error, values);
  }
}
