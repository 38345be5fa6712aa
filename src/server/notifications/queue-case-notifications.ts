import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { cases } from "@/db/schema";
import { toLocalDate } from "@/domain/calendar";
import type { CitizenUpdate } from "@/emails/citizen-case-update";
import { deferRender } from "@/emails/registry";
import type { StaffNotice } from "@/emails/staff-case-notice";
import type { CaseEventInput, CaseEventType } from "@/server/cases/case-event";
import { sendEmail } from "@/server/email/send-email";
import { activeUser, filerEmail, loadUnits, unitAndAncestors, unitMembers, type StaffRecipient, type UnitRow } from "./recipients";

/** Events a filer hears about. The receipt for case.received is sent by the intake service itself. */
const CITIZEN_UPDATES: Partial<Record<CaseEventType, CitizenUpdate>> = {
  "case.accepted": "accepted",
  "case.not_accepted": "not_accepted",
  "case.transferred": "transferred",
  "case.info_requested": "info_requested",
  "case.resumed": "resumed",
  "case.extended": "extended",
  "case.answered": "answered",
};

const STAFF_EVENTS: ReadonlySet<CaseEventType> = new Set([
  "case.received",
  "case.transferred",
  "case.assigned",
  "case.flagged",
  "case.draft_submitted",
  "case.draft_returned",
  "case.escalated",
]);

function str(data: Record<string, unknown> | undefined, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = data?.[key];
    if (typeof value === "string" && value.trim() !== "") return value;
  }
  return null;
}

function num(data: Record<string, unknown> | undefined, key: string): number | null {
  const value = data?.[key];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

const name = (u: UnitRow | undefined) => (u ? { name: u.name, nameEn: u.nameEn } : null);

/**
 * Queues the mail a case event causes, in the transaction that records it (so a rolled-back change sends
 * nothing). Works from the event and the case row alone. One message per (event, recipient): a retried
 * transaction or a replayed event never mails twice.
 */
export async function queueCaseNotifications(tx: DbOrTx, event: CaseEventInput & { id: number }): Promise<number> {
  const update = CITIZEN_UPDATES[event.type];
  if (!update && !STAFF_EVENTS.has(event.type)) return 0;
  const [c] = await tx
    .select({
      id: cases.id,
      code: cases.code,
      kind: cases.kind,
      instance: cases.instance,
      title: cases.title,
      language: cases.language,
      unitId: cases.unitId,
      assigneeId: cases.assigneeId,
      draftAuthorId: cases.draftAuthorId,
      reviewComment: cases.reviewComment,
      acceptanceDueOn: cases.acceptanceDueOn,
      resolutionDueOn: cases.resolutionDueOn,
      status: cases.status,
    })
    .from(cases)
    .where(eq(cases.id, event.caseId))
    .limit(1);
  if (!c) return 0;
  const data = event.data;
  const unitsById = await loadUnits(tx, [c.unitId, event.toUnitId, event.fromUnitId]);
  // For a transfer the new unit is the event's, whether or not the case row was updated before the event.
  const handlingUnitId = event.type === "case.transferred" ? (event.toUnitId ?? c.unitId) : c.unitId;
  const handlingUnit = name(unitsById.get(handlingUnitId)) ?? { name: "", nameEn: "" };
  let queued = 0;

  if (update) {
    const to = await filerEmail(tx, c.id);
    if (to) {
      const dueOn =
        update === "accepted" || update === "resumed" ? (str(data, "resolutionDueOn", "dueOn") ?? c.resolutionDueOn) : update === "extended" ? (str(data, "newDueOn", "resolutionDueOn", "dueOn") ?? c.resolutionDueOn) : null;
      const rendered = { deferred: deferRender("citizen-update", {
        update,
        code: c.code,
        kind: c.kind,
        instance: c.instance,
        unit: handlingUnit,
        fromUnit: name(unitsById.get(event.fromUnitId ?? "")),
        reason: event.reason ?? null,
        redirect: str(data, "redirect"),
        dueOn,
        days: num(data, "days"),
      }) };
      if (await sendEmail(tx, { ...rendered, to, template: `case-${update}`, locale: c.language, dedupeKey: `event:${event.id}:filer` })) queued++;
    }
  }

  if (!STAFF_EVENTS.has(event.type)) return queued;
  const today = toLocalDate(new Date());
  let notice: StaffNotice;
  let recipients: StaffRecipient[] = [];
  let reason: string | null = event.reason ?? null;
  let fromUnit = null;
  let toUnit = null;
  switch (event.type) {
    case "case.received":
      notice = "received";
      recipients = await unitMembers(tx, [c.unitId], ["intake"], today);
      break;
    case "case.transferred":
      notice = "transferred_in";
      recipients = await unitMembers(tx, [handlingUnitId], ["intake"], today);
      fromUnit = name(unitsById.get(event.fromUnitId ?? ""));
      break;
    case "case.assigned": {
      notice = "assigned";
      const id = str(data, "assigneeId") ?? c.assigneeId;
      const user = id ? await activeUser(tx, id) : null;
      recipients = user ? [user] : [];
      break;
    }
    case "case.flagged":
    case "case.draft_submitted":
      notice = event.type === "case.flagged" ? "flagged" : "draft_submitted";
      recipients = await unitMembers(tx, [c.unitId], ["leader"], today);
      break;
    case "case.draft_returned": {
      notice = "draft_returned";
      reason = event.reason ?? c.reviewComment;
      const id = str(data, "authorId", "draftAuthorId") ?? c.draftAuthorId ?? c.assigneeId;
      const user = id ? await activeUser(tx, id) : null;
      recipients = user ? [user] : [];
      break;
    }
    default: {
      // case.escalated: the leaders of the unit above, and the overseers whose subtree holds the case.
      notice = "escalated";
      const leaders = event.toUnitId ? await unitMembers(tx, [event.toUnitId], ["leader"], today) : [];
      const overseers = await unitMembers(tx, await unitAndAncestors(tx, c.unitId), ["overseer"], today);
      recipients = [...leaders, ...overseers];
      fromUnit = name(unitsById.get(c.unitId));
      toUnit = name(unitsById.get(event.toUnitId ?? ""));
      break;
    }
  }
  const seen = new Set<string>();
  for (const r of recipients) {
    // Nobody is told about what they just did themselves.
    if (seen.has(r.userId) || r.userId === event.actorUserId) continue;
    seen.add(r.userId);
    const rendered = { deferred: deferRender("staff-notice", {
      notice,
      recipientName: r.name,
      code: c.code,
      kind: c.kind,
      // Stored with the message until it is rendered: a denunciation's title never leaves the case.
      title: c.kind === "denunciation" ? "" : c.title,
      unit: handlingUnit,
      dueOn: c.status === "received" ? c.acceptanceDueOn : c.resolutionDueOn,
      fromUnit,
      toUnit,
      reason,
      days: num(data, "workingDaysOverdue"),
      round: num(data, "round"),
    }) };
    if (await sendEmail(tx, { ...rendered, to: r.email, template: `staff-${notice.replaceAll("_", "-")}`, locale: r.locale, dedupeKey: `event:${event.id}:${r.userId}` })) queued++;
  }
  return queued;
}
