"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { stringValues } from "@/lib/form-values";
import { getViewer } from "@/server/auth/viewer";
import { changeSessionStatus, STATUS_ACTIONS, type StatusAction } from "@/server/dialogue/change-session-status";
import { isUuid } from "@/server/dialogue/session-access";
import { updateSession } from "@/server/dialogue/update-session";
import { detailsFromForm, formValues, refusedForm } from "../moi/form-input";
import type { SessionFormState } from "../moi/form-state";

const back = (sessionId: string, done: string) => `/can-bo/doi-thoai/${sessionId}?xong=${done}#dieu-hanh`;

/** A status change from the session's controls; the service checks everything from the session itself. */
export async function statusAction(_prev: SessionFormState, form: FormData): Promise<SessionFormState> {
  const values = stringValues(form, ["reason", "date", "startTime", "endTime"]);
  const sessionId = String(form.get("sessionId") ?? "");
  const action = String(form.get("action") ?? "");
  try {
    const [db, viewer] = await Promise.all([getDb(), getViewer()]);
    await changeSessionStatus(db, viewer, {
      sessionId,
      version: form.get("version"),
      action,
      reason: form.get("reason") ?? undefined,
      date: form.get("date") ?? undefined,
      startTime: form.get("startTime") ?? undefined,
      endTime: form.get("endTime") ?? undefined,
    });
  } catch (error) {
    return refusedForm(error, values);
  }
  // Only reached for a real session and one of the actions the service accepted.
  if (!isUuid(sessionId) || !STATUS_ACTIONS.includes(action as StatusAction)) return { values, fieldErrors: {}, formError: "failed" };
  redirect(back(sessionId, action));
}

/** Edits the session's details (the version sent with the form refuses a stale one). */
export async function editAction(_prev: SessionFormState, form: FormData): Promise<SessionFormState> {
  const values = formValues(form);
  const { input, slotOf } = detailsFromForm(form);
  const sessionId = String(form.get("sessionId") ?? "");
  let changed: string[];
  try {
    const [db, viewer] = await Promise.all([getDb(), getViewer()]);
    ({ changed } = await updateSession(db, viewer, { ...input, sessionId, version: form.get("version") ?? undefined }));
  } catch (error) {
    return refusedForm(error, values, slotOf);
  }
  if (!isUuid(sessionId)) return { values, fieldErrors: {}, formError: "failed" };
  redirect(back(sessionId, changed.length > 0 ? "updated" : "unchanged"));
}
