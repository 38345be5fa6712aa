"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { stringValues } from "@/lib/form-values";
import { logger } from "@/lib/logger";
import { getViewer } from "@/server/auth/viewer";
import { AppError } from "@/server/errors";
import { deactivateUser } from "@/server/people/deactivate-user";
import { reactivateUser } from "@/server/people/reactivate-user";
import { inviteOfficial } from "@/server/people/invite-official";
import { giveMembership } from "@/server/people/give-membership";
import { removeMembership } from "@/server/people/remove-membership";
import { GIVE_FIELDS, INVITE_FIELDS, type PeopleDone, type PeopleFormState } from "./form-state";

const PAGE = "/can-bo/quan-tri/nguoi-dung";

function refused(error: unknown, values: Record<string, string>): PeopleFormState {
  if (!(error instanceof AppError)) {
    logger.error("people action failed", { error });
    return { values, fieldErrors: {}, formError: "failed" };
  }
  if (error.code === "invalid_input") return { values, fieldErrors: (error.details?.fields ?? {}) as Record<string, string>, formError: "invalid" };
  if (error.message === "last_admin") return { values, fieldErrors: {}, formError: "last_admin" };
  if (error.code === "not_found") return { values, fieldErrors: {}, formError: "not_found" };
  if (error.code === "forbidden" || error.code === "unauthenticated") return { values, fieldErrors: {}, formError: "no_access" };
  logger.error("people action refused unexpectedly", { error });
  return { values, fieldErrors: {}, formError: "failed" };
}

const pick = (form: FormData, fields: readonly string[]) => Object.fromEntries(fields.map((f) => [f, form.get(f) ?? undefined]));

/** Every people form posts here; its hidden `op` says which change it is. */
export async function peopleAction(_prev: PeopleFormState, form: FormData): Promise<PeopleFormState> {
  const op = String(form.get("op") ?? "");
  const values = stringValues(form, op === "invite" ? INVITE_FIELDS : op === "give" ? GIVE_FIELDS : []);
  const userId = form.get("userId") ?? undefined;
  let done: PeopleDone;
  let anchor = "nguoi-dung";
  try {
    const [db, viewer] = await Promise.all([getDb(), getViewer()]);
    switch (op) {
      case "invite": {
        const invited = await inviteOfficial(db, viewer, pick(form, INVITE_FIELDS));
        [done, anchor] = ["invited", `nd-${invited.userId}`];
        break;
      }
      case "give":
        await giveMembership(db, viewer, { ...pick(form, GIVE_FIELDS), userId });
        done = "given";
        break;
      case "remove":
        await removeMembership(db, viewer, { membershipId: form.get("membershipId") ?? undefined });
        done = "removed";
        break;
      case "deactivate":
        await deactivateUser(db, viewer, { userId });
        done = "deactivated";
        break;
      case "reactivate":
        await reactivateUser(db, viewer, { userId });
        done = "reactivated";
        break;
      default:
        return { values, fieldErrors: {}, formError: "failed" };
    }
    if (op !== "invite" && typeof userId === "string") anchor = `nd-${userId}`;
  } catch (error) {
    return refused(error, values);
  }
  redirect(`${PAGE}?xong=${done}#${anchor}`);
}
