import "server-only";
import type { DbOrTx } from "@/db/client";
import { caseEvents } from "@/db/schema";
import type { CaseStatus } from "@/domain/types";
import { appendAudit } from "@/server/audit/append-audit";
import { queueCaseNotifications } from "@/server/notifications/queue-case-notifications";

/**
 * Timeline event types (`case.verb`). Public ones appear on the case's public status page, so their
 * `reason` and `data` must never hold personal data.
 */
export type CaseEventType =
  | "case.received"
  | "case.routed"
  | "case.transferred"
  | "case.accepted"
  | "case.not_accepted"
  | "case.assigned"
  | "case.info_requested"
  | "case.info_provided"
  | "case.resumed"
  | "case.info_added"
  | "case.extended"
  | "case.answered"
  | "case.rated"
  | "case.contested"
  | "case.reopened"
  | "case.closed"
  | "case.withdrawn"
  | "case.note"
  | "case.draft_saved"
  | "case.draft_submitted"
  | "case.draft_returned"
  | "case.flagged"
  | "case.flag_cleared"
  | "case.escalated"
  // Dialogue sessions (src/server/dialogue): registered from a session's question, put on a session's agenda
  // or taken off it, answered in a session. Public, with the session's title and date and the leader's name.
  | "case.from_dialogue"
  | "case.dialogue_agenda"
  | "case.dialogue_agenda_removed"
  | "case.dialogue_answer";

export type CaseEventInput = {
  caseId: string;
  type: CaseEventType;
  visibility: "public" | "internal";
  actorUserId?: string | null;
  /** "filer", "system" or a staff role: who acted, without naming a citizen. */
  actorRole?: string | null;
  fromUnitId?: string | null;
  toUnitId?: string | null;
  fromStatus?: CaseStatus | null;
  toStatus?: CaseStatus | null;
  reason?: string | null;
  data?: Record<string, unknown>;
};

/**
 * Writes a timeline event, its audit entry and the mail it causes (src/server/notifications). Call inside the
 * transaction that changes the case, after changing it.
 */
export async function recordCaseEvent(tx: DbOrTx, event: CaseEventInput): Promise<number> {
  const [row] = await tx
    .insert(caseEvents)
    .values({ ...event, data: event.data ?? null })
    .returning({ id: caseEvents.id });
  await appendAudit(tx, {
    actorUserId: event.actorUserId ?? null,
    action: event.type,
    entityType: "case",
    entityId: event.caseId,
    data: { eventId: row!.id, actorRole: event.actorRole ?? null, toStatus: event.toStatus ?? null, toUnitId: event.toUnitId ?? null },
  });
  await queueCaseNotifications(tx, { ...event, id: row!.id });
  return row!.id;
}
