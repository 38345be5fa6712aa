import "server-only";
import { runInTransaction } from "@/db/transaction";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { cases } from "@/db/schema";
import { transition } from "@/domain/case-status";
import { recordCaseEvent } from "@/server/cases/record-event";
import { authorizeFiler, filerError, filerText, formVersion, lockCaseForFiler, parseFilerInput, recordFilerText } from "./filer-access";

export const withdrawCaseSchema = z.object({
  version: formVersion,
  reason: filerText(),
  // Withdrawing cannot be undone: the form asks for an explicit tick, checked here too.
  confirm: z.literal("yes", { error: "confirm_required" }),
});
export type WithdrawCaseInput = { caseId: unknown; version: unknown; reason?: unknown; confirm?: unknown };

/** The filer withdraws an open case. The public timeline says so; the reason, if any, stays internal. */
export async function withdrawCase(db: Database, token: string | undefined, input: WithdrawCaseInput, now = new Date()): Promise<{ eventId: number }> {
  const caseId = await authorizeFiler(db, token, input.caseId, now);
  const { version, reason } = parseFilerInput(withdrawCaseSchema, input);

  return runInTransaction(db, async (tx) => {
    const row = await lockCaseForFiler(tx, caseId, version);
    const next = transition(row.status, "withdraw");
    if (!next.ok) throw filerError("conflict", "not_allowed");
    await tx.update(cases).set({ status: next.status, pausedAt: null, version: row.version + 1, updatedAt: now }).where(eq(cases.id, caseId));
    const eventId = await recordCaseEvent(tx, {
      at: now,
      caseId,
      type: "case.withdrawn",
      visibility: "public",
      actorRole: "filer",
      fromStatus: row.status,
      toStatus: next.status,
    });
    await recordFilerText(tx, { caseId, id: eventId, type: "case.withdrawn" }, { text: reason });
    return { eventId };
  });
}
