import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { dialogueQuestions } from "@/db/schema";
import type { QuestionStatus } from "@/domain/dialogue/vocabulary";
import type { Viewer } from "@/server/auth/roles";
import { loadSessionForStaff } from "./session-access";

/** The statuses a question may be turned into a case from (questionTransition "to_case"). */
export const CONVERTIBLE_STATUSES: readonly QuestionStatus[] = ["pending", "approved", "answered"];

export type ConvertibleQuestion = { id: string; number: number; body: string; status: QuestionStatus; supportCount: number };

/** Questions of the session that can still become a case, for its staff (pending ones are not public yet). */
export async function listConvertibleQuestions(db: DbOrTx, viewer: Viewer | null, sessionId: string): Promise<ConvertibleQuestion[]> {
  await loadSessionForStaff(db, viewer, sessionId, "view_staff");
  return db
    .select({ id: dialogueQuestions.id, number: dialogueQuestions.number, body: dialogueQuestions.body, status: dialogueQuestions.status, supportCount: dialogueQuestions.supportCount })
    .from(dialogueQuestions)
    .where(and(eq(dialogueQuestions.sessionId, sessionId), inArray(dialogueQuestions.status, [...CONVERTIBLE_STATUSES])))
    .orderBy(asc(dialogueQuestions.number));
}
