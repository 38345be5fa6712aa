import "server-only";
import { and, eq, inArray, lt, ne } from "drizzle-orm";
import type { Database } from "@/db/client";
import { commitments, dialogueAgendaItems, dialogueSessionEvents, dialogueSessionLeaders, dialogueSessions } from "@/db/schema";
import { runInTransaction } from "@/db/transaction";
import { maySessionAction } from "@/domain/dialogue/permissions";
import { appendAudit } from "@/server/audit/append-audit";
import { assertStaff, type Viewer } from "@/server/auth/roles";
import { AppError } from "@/server/errors";
import { isUuid, rolesOverUnit } from "./session-access";
import { checkConferenceHost, checkSessionReferences, parseSessionDetails, sessionFieldErrors, type SessionDetailsInput } from "./session-details";

export type ScheduleSessionInput = Partial<SessionDetailsInput> & { unitId?: unknown };

/** Units where the viewer may schedule: those where they are an intake officer or a leader themselves. */
export function schedulingUnits(viewer: Viewer): { unitId: string; unitName: string; unitNameEn: string }[] {
  const seen = new Map<string, { unitId: string; unitName: string; unitNameEn: string }>();
  for (const m of viewer.memberships) {
    if ((m.role === "intake" || m.role === "leader") && !seen.has(m.unitId)) seen.set(m.unitId, { unitId: m.unitId, unitName: m.unitName, unitNameEn: m.unitNameEn });
  }
  return [...seen.values()];
}

/** Commitments still open or missed, made at earlier sessions of the area: they go on the new session's agenda. */
export const CARRIED_COMMITMENT_STATUSES = ["open", "missed"] as const;

/**
 * Schedules a session for a unit the viewer holds an intake or leader role at. It is public at once ("announced",
 * or "open" when questions are taken in advance). In the same transaction: the leaders taking part, the first
 * entry of its public history, the audit entry, and every commitment of the area's earlier sessions still open
 * or missed put on its agenda, so that the leader is asked about it again in public.
 */
export async function scheduleSession(db: Database, viewer: Viewer | null, input: ScheduleSessionInput, now = new Date()): Promise<{ id: string; carried: number }> {
  assertStaff(viewer);
  const unitId = input.unitId;
  if (typeof unitId !== "string" || unitId.trim() === "") throw sessionFieldErrors({ unitId: "required" });
  if (!isUuid(unitId)) throw new AppError("forbidden", "not_allowed", { reason: "not_allowed" });
  const roles = await rolesOverUnit(db, viewer, unitId);
  if (!maySessionAction("schedule", roles)) throw new AppError("forbidden", "not_allowed", { reason: "not_allowed" });

  const details = parseSessionDetails(input, now);

  return runInTransaction(db, async (tx) => {
    await checkSessionReferences(tx, details);
    await checkConferenceHost(tx, unitId, details);
    const [session] = await tx
      .insert(dialogueSessions)
      .values({
        kind: details.kind,
        title: details.title,
        topic: details.topic,
        description: details.description,
        unitId,
        areaId: details.areaId,
        location: details.location,
        livestreamUrl: details.livestreamUrl,
        startsAt: details.startsAt,
        endsAt: details.endsAt,
        status: details.questionsInAdvance ? "open" : "announced",
        questionsInAdvance: details.questionsInAdvance,
        questionsCloseAt: details.questionsCloseAt,
        createdBy: viewer.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: dialogueSessions.id, status: dialogueSessions.status });
    const id = session!.id;
    await tx.insert(dialogueSessionLeaders).values(details.leaders.map((l, sort) => ({ sessionId: id, userId: l.userId, position: l.position, positionEn: l.positionEn, sort })));

    const carried = await tx
      .select({ id: commitments.id })
      .from(commitments)
      .innerJoin(dialogueSessions, eq(dialogueSessions.id, commitments.sessionId))
      .where(
        and(
          eq(dialogueSessions.areaId, details.areaId),
          ne(dialogueSessions.id, id),
          lt(dialogueSessions.startsAt, details.startsAt),
          inArray(commitments.status, [...CARRIED_COMMITMENT_STATUSES]),
        ),
      )
      .orderBy(commitments.dueOn);
    if (carried.length > 0) {
      await tx
        .insert(dialogueAgendaItems)
        .values(carried.map((c) => ({ sessionId: id, commitmentId: c.id, addedBy: null, createdAt: now })))
        .onConflictDoNothing();
    }

    await tx.insert(dialogueSessionEvents).values({
      sessionId: id,
      type: "announced",
      toStatus: session!.status,
      data: { kind: details.kind, startsAt: details.startsAt.toISOString(), endsAt: details.endsAt.toISOString(), carriedCommitments: carried.length },
      actorUserId: viewer.userId,
      createdAt: now,
    });
    await appendAudit(tx, {
      actorUserId: viewer.userId,
      action: "dialogue_session.scheduled",
      entityType: "dialogue_session",
      entityId: id,
      data: { unitId, areaId: details.areaId, kind: details.kind, status: session!.status, startsAt: details.startsAt.toISOString(), leaders: details.leaders.map((l) => l.userId), carriedCommitments: carried.map((c) => c.id) },
    });
    return { id, carried: carried.length };
  });
}
