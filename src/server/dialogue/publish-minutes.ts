import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { dialogueSessionEvents, dialogueSessions } from "@/db/schema";
import { runInTransaction } from "@/db/transaction";
import { sessionTransition } from "@/domain/dialogue/session-status";
import { appendAudit } from "@/server/audit/append-audit";
import type { Viewer } from "@/server/auth/roles";
import { filerText, parseFilerInput } from "@/server/filer/filer-access";
import { staffError } from "@/server/workspace/case-access";
import { touchSession } from "./live/notify-session";
import { loadSessionForStaff } from "./session-access";

export const MINUTES_TEXT_MAX = 20_000;
/** A hall, a stadium: more than this is a typing slip. */
export const ATTENDANCE_MAX = 100_000;

export const minutesSchema = z.object({
  // From a form, a string of digits; refused beside the field when empty, not a whole number or implausible.
  attendance: z.preprocess(
    (v) => (v == null ? "" : String(v).trim()),
    z
      .string()
      .min(1, { error: "required" })
      .regex(/^\d{1,6}$/, { error: "invalid" })
      .transform(Number)
      .pipe(z.number().max(ATTENDANCE_MAX, { error: "invalid" })),
  ),
  minutes: filerText({ required: true, max: MINUTES_TEXT_MAX }),
});

/**
 * Publishes the minutes of a session that has ended (or publishes corrected minutes again): attendance and the
 * minutes' text; the figures and answers shown with them come from the records (src/server/dialogue/minutes.ts).
 * The session's public history says so; one transaction.
 */
export async function publishMinutes(db: Database, viewer: Viewer | null, input: { sessionId?: unknown; attendance?: unknown; minutes?: unknown }, now = new Date()) {
  await loadSessionForStaff(db, viewer, String(input.sessionId ?? ""), "publish_minutes");
  const v = parseFilerInput(minutesSchema, input);
  return runInTransaction(db, async (tx) => {
    const { session, viewer: staff } = await loadSessionForStaff(tx, viewer, String(input.sessionId), "publish_minutes", { forUpdate: true });
    const next = sessionTransition(session.status, "publish_minutes");
    if (!next.ok) throw staffError("conflict", "not_allowed");
    const republished = session.minutesPublishedAt !== null;
    await tx
      .update(dialogueSessions)
      .set({ status: next.status, attendance: v.attendance, minutes: v.minutes, minutesPublishedAt: now })
      .where(eq(dialogueSessions.id, session.id));
    await tx.insert(dialogueSessionEvents).values({
      sessionId: session.id,
      type: "minutes_published",
      fromStatus: session.status,
      toStatus: next.status,
      data: { attendance: v.attendance, republished },
      actorUserId: staff.userId,
    });
    await appendAudit(tx, {
      actorUserId: staff.userId,
      action: republished ? "dialogue_session.minutes_republished" : "dialogue_session.minutes_published",
      entityType: "dialogue_session",
      entityId: session.id,
      data: { attendance: v.attendance, fromStatus: session.status },
    });
    await touchSession(tx, session.id);
    return { republished };
  });
}
