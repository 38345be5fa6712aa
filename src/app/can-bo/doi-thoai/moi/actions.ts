"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getViewer } from "@/server/auth/viewer";
import { scheduleSession } from "@/server/dialogue/schedule-session";
import { detailsFromForm, formValues, refusedForm } from "./form-input";
import type { SessionFormState } from "./form-state";

/** Schedules a session; who is asking comes from the sign-in, never from the form. Then post/redirect/get. */
export async function scheduleAction(_prev: SessionFormState, form: FormData): Promise<SessionFormState> {
  const values = formValues(form, ["unitId"]);
  const { input, slotOf } = detailsFromForm(form);
  let result: { id: string; carried: number };
  try {
    const [db, viewer] = await Promise.all([getDb(), getViewer()]);
    result = await scheduleSession(db, viewer, { ...input, unitId: form.get("unitId") ?? undefined });
  } catch (error) {
    return refusedForm(error, values, slotOf);
  }
  redirect(`/can-bo/doi-thoai/${result.id}?xong=scheduled&mang=${result.carried}#dieu-hanh`);
}
