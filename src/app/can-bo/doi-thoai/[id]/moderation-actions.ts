"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { stringValues } from "@/lib/form-values";
import { logger } from "@/lib/logger";
import { getViewer } from "@/server/auth/viewer";
import {
  answerQuestionNow,
  approveQuestion,
  declineQuestion,
  mergeQuestion,
  recordAnswer,
  setQuestionPriority,
  type ModerationRefusal,
} from "@/server/dialogue/questions/moderate-question";
import { AppError } from "@/server/errors";
import { MODERATION_ANCHOR, MODERATION_PARAM, MODERATION_VERBS, type ModerationFormState, type ModerationVerb } from "./moderation-form-state";

const FIELDS = ["reason", "targetNumber", "priority", "answer", "leaderUserId"] as const;
const REFUSALS: readonly string[] = ["session_cancelled", "not_live", "not_allowed", "not_found", "invalid_transition", "reason_required", "answer_required", "merge_target_invalid"];

/** A refusal from a service, as the form shows it; anything unexpected is logged and shown as "failed". */
function refused(error: unknown, values: Record<string, string>): ModerationFormState {
  if (!(error instanceof AppError)) {
    logger.error("moderation failed", { error });
    return { values, fieldErrors: {}, formError: "failed" };
  }
  if (error.code === "invalid_input") return { values, fieldErrors: (error.details?.fields ?? {}) as Record<string, string>, formError: "invalid" };
  if (error.code === "unauthenticated" || error.code === "forbidden") return { values, fieldErrors: {}, formError: "not_allowed" };
  const reason = String(error.details?.reason ?? error.message);
  if (REFUSALS.includes(reason)) return { values, fieldErrors: {}, formError: reason as ModerationRefusal };
  logger.error("moderation refused unexpectedly", { error });
  return { values, fieldErrors: {}, formError: "failed" };
}

/**
 * Every moderation form posts here with its `verb`: who is asking comes from the sign-in, never from the form; the
 * service checks everything from the question's session; the page is then reloaded (post/redirect/get).
 */
export async function moderationAction(_prev: ModerationFormState, form: FormData): Promise<ModerationFormState> {
  const values = stringValues(form, FIELDS);
  const verb = String(form.get("verb") ?? "") as ModerationVerb;
  if (!MODERATION_VERBS.includes(verb)) return { values, fieldErrors: {}, formError: "failed" };
  const questionId = form.get("questionId");
  let done: { sessionId: string; number: number };
  try {
    const [db, viewer] = await Promise.all([getDb(), getViewer()]);
    switch (verb) {
      case "approve":
        done = await approveQuestion(db, viewer, { questionId });
        break;
      case "decline":
        done = await declineQuestion(db, viewer, { questionId, reason: values.reason });
        break;
      case "merge":
        done = await mergeQuestion(db, viewer, { questionId, targetNumber: values.targetNumber });
        break;
      case "priority":
        done = await setQuestionPriority(db, viewer, { questionId, priority: values.priority });
        break;
      case "answer_now":
        done = await answerQuestionNow(db, viewer, { questionId });
        break;
      case "answer":
        done = await recordAnswer(db, viewer, { questionId, answer: values.answer, leaderUserId: values.leaderUserId });
        break;
    }
  } catch (error) {
    return refused(error, values);
  }
  redirect(`/can-bo/doi-thoai/${encodeURIComponent(done.sessionId)}?${MODERATION_PARAM}=${verb}&cau=${done.number}#${MODERATION_ANCHOR}`);
}
