import "server-only";
import type { DbOrTx } from "@/db/client";
import { caseEvents } from "@/db/schema";
import { appendAudit } from "@/server/audit/append-audit";
import { queueCaseNotifications } from "@/server/notifications/queue-case-notifications";
import type { CaseEventInput } from "./case-event";

export type { CaseEventInput, CaseEventType } from "./case-event";

/**
 * Writes a timeline event, its audit entry and the mail it causes (src/server/notifications). Call inside the
 * transaction that changes the case, after changing it.
 */
export async function recordCaseEvent(tx: DbOrTx, event: CaseEventInput): Promise<number> {
  const { at, ...fields } = event;
  const [row] = await tx
    .insert(caseEvents)
    .values({ ...fields, data: fields.data ?? null, ...(at ? { createdAt: at } : {}) })
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
