import "server-only";
import { and, asc, eq, gte, inArray, isNull, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { cases, dialogueQuestions, units } from "@/db/schema";
import type { IsoDate } from "@/domain/types";
import { commitmentSourceCases } from "./create-commitment";

export type CommitmentFormOptions = {
  units: { id: string; name: string; nameEn: string }[];
  questions: { id: string; number: number; body: string }[];
  cases: { id: string; code: string }[];
};

/** The choices of the form that records a commitment: units that exist today, the session's questions and cases. */
export async function commitmentFormOptions(db: DbOrTx, sessionId: string, today: IsoDate): Promise<CommitmentFormOptions> {
  const caseIds = await commitmentSourceCases(db, sessionId);
  const [unitRows, questions, caseRows] = await Promise.all([
    db
      .select({ id: units.id, name: units.name, nameEn: units.nameEn })
      .from(units)
      .where(or(isNull(units.validTo), gte(units.validTo, today)))
      .orderBy(asc(units.name)),
    db
      .select({ id: dialogueQuestions.id, number: dialogueQuestions.number, body: dialogueQuestions.body })
      .from(dialogueQuestions)
      .where(and(eq(dialogueQuestions.sessionId, sessionId), inArray(dialogueQuestions.status, ["approved", "answered", "case"])))
      .orderBy(asc(dialogueQuestions.number)),
    caseIds.length === 0 ? [] : db.select({ id: cases.id, code: cases.code }).from(cases).where(inArray(cases.id, caseIds)).orderBy(asc(cases.code)),
  ]);
  return { units: unitRows, questions, cases: caseRows };
}
