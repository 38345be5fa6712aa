import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { dialogueSessionEvents, dialogueSessionLeaders, dialogueSessions } from "@/db/schema";
import { runInTransaction } from "@/db/transaction";
import type { SessionStatus } from "@/domain/dialogue/vocabulary";
import { appendAudit } from "@/server/audit/append-audit";
import type { Viewer } from "@/server/auth/roles";
import { touchSession } from "./live/notify-session";
import { loadSessionForStaff } from "./session-access";
import { checkConferenceHost, checkSessionReferences, checkVersion, parseSessionDetails, sessionError, sessionFieldErrors, type SessionDetailsInput } from "./session-details";

/** A session's details can be edited until it starts (and while it waits for a new date). */
export const EDITABLE_STATUSES: readonly SessionStatus[] = ["announced", "open", "postponed"];

export type UpdateSessionInput = Partial<SessionDetailsInput> & { sessionId?: unknown; version?: unknown };

const sameTime = (a: Date | null, b: Date | null) => (a === null || b === null ? a === b : a.getTime() === b.getTime());

/**
 * Edits a session's details. Refused for a stale form (someone changed the session since it was rendered) and once
 * the session has started. The public history says which fields changed (and the old and new dates), so that a
 * change of time or place is never silent.
 */
export async function updateSession(db: Database, viewer: Viewer | null, input: UpdateSessionInput, now = new Date()): Promise<{ version: number; changed: string[] }> {
  // Who may edit, from the session itself, before anything typed is looked at.
  await loadSessionForStaff(db, viewer, String(input.sessionId ?? ""), "edit");
  return runInTransaction(db, async (tx) => {
    const { session, viewer: staff } = await loadSessionForStaff(tx, viewer, String(input.sessionId), "edit", { forUpdate: true });
    checkVersion(session.version, input.version);
    if (!EDITABLE_STATUSES.includes(session.status)) throw sessionError("conflict", "not_editable");
    const details = parseSessionDetails(input, now, {
      // An edit that keeps the date is fine even close to the start; a new date must be to come.
      keepsDate: (startsAt, endsAt) => sameTime(startsAt, session.startsAt) && sameTime(endsAt, session.endsAt),
    });
    await checkSessionReferences(tx, details);
    await checkConferenceHost(tx, session.unitId, details);
    // Questions already sent stay with the session: taking questions in advance cannot be withdrawn once open.
    if (session.status === "open" && !details.questionsInAdvance) throw sessionFieldErrors({ questionsInAdvance: "already_open" });
    const status: SessionStatus = session.status === "announced" && details.questionsInAdvance ? "open" : session.status;

    const leaders = await tx
      .select({ userId: dialogueSessionLeaders.userId, position: dialogueSessionLeaders.position, positionEn: dialogueSessionLeaders.positionEn })
      .from(dialogueSessionLeaders)
      .where(eq(dialogueSessionLeaders.sessionId, session.id))
      .orderBy(asc(dialogueSessionLeaders.sort));
    const changed: string[] = [];
    const compare: [string, unknown, unknown][] = [
      ["kind", session.kind, details.kind],
      ["title", session.title, details.title],
      ["topic", session.topic, details.topic],
      ["description", session.description, details.description],
      ["areaId", session.areaId, details.areaId],
      ["location", session.location, details.location],
      ["livestreamUrl", session.livestreamUrl, details.livestreamUrl],
      ["questionsInAdvance", session.questionsInAdvance, details.questionsInAdvance],
    ];
    for (const [field, before, after] of compare) if (before !== after) changed.push(field);
    if (!sameTime(session.startsAt, details.startsAt) || !sameTime(session.endsAt, details.endsAt)) changed.push("time");
    if (!sameTime(session.questionsCloseAt, details.questionsCloseAt)) changed.push("questionsCloseAt");
    const leadersKey = (list: { userId: string; position: string; positionEn: string }[]) => JSON.stringify(list.map((l) => [l.userId, l.position, l.positionEn]));
    if (leadersKey(leaders) !== leadersKey(details.leaders)) changed.push("leaders");
    if (changed.length === 0) return { version: session.version, changed };

    await tx
      .update(dialogueSessions)
      .set({
        kind: details.kind,
        title: details.title,
        topic: details.topic,
        description: details.description,
        areaId: details.areaId,
        location: details.location,
        livestreamUrl: details.livestreamUrl,
        startsAt: details.startsAt,
        endsAt: details.endsAt,
        questionsInAdvance: details.questionsInAdvance,
        questionsCloseAt: details.questionsCloseAt,
        status,
      })
      .where(eq(dialogueSessions.id, session.id));
    if (changed.includes("leaders")) {
      await tx.delete(dialogueSessionLeaders).where(eq(dialogueSessionLeaders.sessionId, session.id));
      await tx.insert(dialogueSessionLeaders).values(details.leaders.map((l, sort) => ({ sessionId: session.id, userId: l.userId, position: l.position, positionEn: l.positionEn, sort })));
    }
    const timeChange = changed.includes("time")
      ? { oldStartsAt: session.startsAt.toISOString(), oldEndsAt: session.endsAt.toISOString(), startsAt: details.startsAt.toISOString(), endsAt: details.endsAt.toISOString() }
      : {};
    const locationChange = changed.includes("location") ? { oldLocation: session.location, location: details.location } : {};
    await tx.insert(dialogueSessionEvents).values({
      sessionId: session.id,
      type: "updated",
      fromStatus: session.status,
      toStatus: status,
      data: { fields: changed, ...timeChange, ...locationChange },
      actorUserId: staff.userId,
      createdAt: now,
    });
    await touchSession(tx, session.id);
    await appendAudit(tx, { actorUserId: staff.userId, action: "dialogue_session.updated", entityType: "dialogue_session", entityId: session.id, data: { fields: changed, ...timeChange } });
    return { version: session.version + 1, changed };
  });
}
