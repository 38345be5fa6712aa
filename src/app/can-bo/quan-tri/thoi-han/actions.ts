"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { stringValues } from "@/lib/form-values";
import { logger } from "@/lib/logger";
import { getViewer } from "@/server/auth/viewer";
import { addDeadlinePolicy } from "@/server/deadline-policies/add-deadline-policy";
import { confirmDeadlinePolicy } from "@/server/deadline-policies/confirm-deadline-policy";
import { removeDeadlinePolicy } from "@/server/deadline-policies/remove-deadline-policy";
import { updateDeadlinePolicy } from "@/server/deadline-policies/update-deadline-policy";
import { AppError } from "@/server/errors";
import { POLICY_FIELDS, type PolicyDone, type PolicyFormState } from "./form-state";

const PAGE = "/can-bo/quan-tri/thoi-han";
const REFUSALS = ["in_use", "in_force", "already_confirmed"] as const;

function refused(error: unknown, values: Record<string, string>): PolicyFormState {
  if (!(error instanceof AppError)) {
    logger.error("deadline policy action failed", { error });
    return { values, fieldErrors: {}, formError: "failed" };
  }
  const details = error.details ?? {};
  if (error.code === "invalid_input") {
    return { values, fieldErrors: (details.fields ?? {}) as Record<string, string>, fieldParams: (details.params ?? {}) as PolicyFormState["fieldParams"], formError: "invalid" };
  }
  if (error.code === "not_found") return { values, fieldErrors: {}, formError: "not_found" };
  if (error.code === "forbidden" || error.code === "unauthenticated") return { values, fieldErrors: {}, formError: "no_access" };
  const reason = REFUSALS.find((r) => r === details.reason);
  if (error.code === "conflict" && reason) return { values, fieldErrors: {}, formError: reason };
  logger.error("deadline policy action refused unexpectedly", { error });
  return { values, fieldErrors: {}, formError: "failed" };
}

/** Every deadline policy form posts here; its hidden `op` says which change, its hidden `track` where to return. */
export async function policyAction(_prev: PolicyFormState, form: FormData): Promise<PolicyFormState> {
  const op = String(form.get("op") ?? "");
  const values = stringValues(form, POLICY_FIELDS);
  const input = Object.fromEntries(POLICY_FIELDS.map((f) => [f, form.get(f) ?? undefined]));
  const track = String(form.get("track") ?? "");
  let done: PolicyDone;
  try {
    const [db, viewer] = await Promise.all([getDb(), getViewer()]);
    if (op === "add") {
      await addDeadlinePolicy(db, viewer, input);
      done = "added";
    } else if (op === "edit") {
      await updateDeadlinePolicy(db, viewer, input);
      done = "updated";
    } else if (op === "remove") {
      await removeDeadlinePolicy(db, viewer, input);
      done = "removed";
    } else if (op === "confirm") {
      await confirmDeadlinePolicy(db, viewer, input);
      done = "confirmed";
    } else {
      return { values, fieldErrors: {}, formError: "failed" };
    }
  } catch (error) {
    return refused(error, values);
  }
  redirect(`${PAGE}?xong=${done}${/^[a-z]+(-[12])?$/.test(track) ? `#loai-${track}` : ""}`);
}
