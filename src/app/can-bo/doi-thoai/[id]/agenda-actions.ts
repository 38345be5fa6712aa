"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { stringValues } from "@/lib/form-values";
import { getViewer } from "@/server/auth/viewer";
import { addCaseToAgenda, answerAgendaItem, removeAgendaItem } from "@/server/dialogue/agenda";
import { turnQuestionIntoCase } from "@/server/dialogue/question-to-case";
import { outcomeRefusal, sessionPath } from "./outcome-refusal";
import { OUTCOME_PARAMS, type OutcomeFormState } from "./outcome-form-state";

// Thin: who is asking comes from the sign-in, never from the form; the services check everything from the
// session; on success the page is loaded again (post/redirect/get) with the result in its query string.

export async function addAgendaCaseAction(_prev: OutcomeFormState, form: FormData): Promise<OutcomeFormState> {
  const values = stringValues(form, ["code"]);
  const sessionId = String(form.get("sessionId") ?? "");
  try {
    const [db, viewer] = await Promise.all([getDb(), getViewer()]);
    await addCaseToAgenda(db, viewer, { sessionId, code: values.code });
  } catch (error) {
    return outcomeRefusal(error, values);
  }
  redirect(`${sessionPath(sessionId)}?${OUTCOME_PARAMS.agenda}=added#chuong-trinh`);
}

export async function removeAgendaItemAction(_prev: OutcomeFormState, form: FormData): Promise<OutcomeFormState> {
  const sessionId = String(form.get("sessionId") ?? "");
  try {
    const [db, viewer] = await Promise.all([getDb(), getViewer()]);
    await removeAgendaItem(db, viewer, { sessionId, itemId: form.get("itemId") });
  } catch (error) {
    return outcomeRefusal(error, {});
  }
  redirect(`${sessionPath(sessionId)}?${OUTCOME_PARAMS.agenda}=removed#chuong-trinh`);
}

export async function answerAgendaItemAction(_prev: OutcomeFormState, form: FormData): Promise<OutcomeFormState> {
  const values = stringValues(form, ["leaderUserId", "answer"]);
  const sessionId = String(form.get("sessionId") ?? "");
  try {
    const [db, viewer] = await Promise.all([getDb(), getViewer()]);
    await answerAgendaItem(db, viewer, { sessionId, itemId: form.get("itemId"), leaderUserId: values.leaderUserId, answer: values.answer });
  } catch (error) {
    return outcomeRefusal(error, values);
  }
  redirect(`${sessionPath(sessionId)}?${OUTCOME_PARAMS.agenda}=answered#chuong-trinh`);
}

export async function questionToCaseAction(_prev: OutcomeFormState, form: FormData): Promise<OutcomeFormState> {
  const values = stringValues(form, ["kind", "categoryId", "areaId", "title", "reason"]);
  const sessionId = String(form.get("sessionId") ?? "");
  let done: { code: string; number: number };
  try {
    const [db, viewer] = await Promise.all([getDb(), getViewer()]);
    const result = await turnQuestionIntoCase(db, viewer, { sessionId, questionId: form.get("questionId"), ...values });
    done = { code: result.receipt.code, number: result.questionNumber };
  } catch (error) {
    return outcomeRefusal(error, values);
  }
  redirect(`${sessionPath(sessionId)}?${OUTCOME_PARAMS.toCase}=${done.code}&${OUTCOME_PARAMS.question}=${done.number}#chuong-trinh`);
}
