import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { dialogueSessionLeaders } from "@/db/schema";
import { assertStaff, type Viewer } from "@/server/auth/roles";
import { isUuid, loadSessionForStaff } from "@/server/dialogue/session-access";
import { AppError } from "@/server/errors";
import { buildBriefing, type Briefing } from "./build-briefing";
import { sessionSubject } from "./briefing-subjects";

/** Whether the viewer is one of the session's leaders (who may sit in another unit than the hosting one). */
async function takesPart(db: DbOrTx, sessionId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: dialogueSessionLeaders.userId })
    .from(dialogueSessionLeaders)
    .where(and(eq(dialogueSessionLeaders.sessionId, sessionId), eq(dialogueSessionLeaders.userId, userId)))
    .limit(1);
  return !!row;
}

/**
 * The briefing before a dialogue session: for the staff who may see the session's staff page ("view_staff" over
 * the hosting unit), and for a leader taking part in it, whatever unit they sit in.
 */
export async function getSessionBriefing(db: DbOrTx, viewer: Viewer | null, sessionId: string, now: Date = new Date()): Promise<Briefing> {
  assertStaff(viewer);
  try {
    await loadSessionForStaff(db, viewer, sessionId, "view_staff");
  } catch (error) {
    const refused = error instanceof AppError && (error.code === "not_found" || error.code === "forbidden");
    if (!refused || !isUuid(sessionId) || !(await takesPart(db, sessionId, viewer.userId))) throw error;
  }
  const subject = await sessionSubject(db, sessionId);
  if (!subject) throw new AppError("not_found", "not_found", { reason: "not_found" });
  return buildBriefing(db, subject, now);
}
