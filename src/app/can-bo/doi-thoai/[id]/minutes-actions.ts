"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { stringValues } from "@/lib/form-values";
import { getViewer } from "@/server/auth/viewer";
import { publishMinutes } from "@/server/dialogue/publish-minutes";
import { outcomeRefusal, sessionPath } from "./outcome-refusal";
import { OUTCOME_PARAMS, type OutcomeFormState } from "./outcome-form-state";

export async function publishMinutesAction(_prev: OutcomeFormState, form: FormData): Promise<OutcomeFormState> {
  const values = stringValues(form, ["attendance", "minutes"]);
  const sessionId = String(form.get("sessionId") ?? "");
  let republished: boolean;
  try {
    const [db, viewer] = await Promise.all([getDb(), getViewer()]);
    ({ republished } = await publishMinutes(db, viewer, { sessionId, ...values }));
  } catch (error) {
    return outcomeRefusal(error, values);
  }
  redirect(`${sessionPath(sessionId)}?${OUTCOME_PARAMS.minutes}=${republished ? "republished" : "published"}#bien-ban`);
}
