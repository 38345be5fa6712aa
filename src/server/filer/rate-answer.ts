import "server-only";
import { runInTransaction } from "@/db/transaction";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { cases } from "@/db/schema";
import { recordCaseEvent } from "@/server/cases/record-event";
import { authorizeFiler, filerActions, filerError, formVersion, lockCaseForFiler, parseFilerInput } from "./filer-access";

export const rateAnswerSchema = z.object({
  version: formVersion,
  satisfaction: z.enum(["satisfied", "unsatisfied"], { error: "required" }),
});
export type RateAnswerInput = { caseId: unknown; version: unknown; satisfaction?: unknown };

/** Once per answer, the filer says whether they are satisfied; it counts in the unit's public record. */
export async function rateAnswer(db: Database, token: string | undefined, input: RateAnswerInput, now = new Date()): Promise<{ eventId: number }> {
  const caseId = await authorizeFiler(db, token, input.caseId, now);
  const { version, satisfaction } = parseFilerInput(rateAnswerSchema, input);

  return runInTransaction(db, async (tx) => {
    const row = await lockCaseForFiler(tx, caseId, version);
    if (!filerActions({ ...row, hasSecondInstance: false }).rate) throw filerError("conflict", "not_allowed");
    await tx.update(cases).set({ satisfaction, version: row.version + 1, updatedAt: now }).where(eq(cases.id, caseId));
    const eventId = await recordCaseEvent(tx, {
      at: now,
      caseId,
      type: "case.rated",
      visibility: "public",
      actorRole: "filer",
      data: { satisfaction },
    });
    return { eventId };
  });
}
