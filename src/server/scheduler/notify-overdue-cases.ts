import "server-only";
import type { Tx } from "@/db/client";
import { addCalendarDays, daysBetween } from "@/domain/calendar";
import { staffNoticeEmail } from "@/emails/staff-case-notice";
import { sendEmail } from "@/server/email/send-email";
import { unitMembers } from "@/server/notifications/recipients";
import type { JobContext } from "./job-context";
import { casesDueBy, loadUnitTree } from "./open-cases";

/**
 * Leaders hear once when a case of their unit becomes overdue: one message per (case, deadline, leader),
 * so a later run, or a second worker, finds the message already queued.
 */
export async function notifyOverdueCases(tx: Tx, { today }: JobContext) {
  const overdue = await casesDueBy(tx, addCalendarDays(today, -1));
  if (overdue.length === 0) return { cases: 0, messages: 0 };
  const tree = await loadUnitTree(tx);
  let messages = 0;
  for (const c of overdue) {
    const unit = tree.get(c.unitId);
    for (const leader of await unitMembers(tx, [c.unitId], ["leader"], today)) {
      const rendered = await staffNoticeEmail(leader.locale, {
        notice: "overdue",
        recipientName: leader.name,
        code: c.code,
        kind: c.kind,
        title: c.title,
        unit: { name: unit?.name ?? "", nameEn: unit?.nameEn ?? "" },
        dueOn: c.dueOn,
        days: daysBetween(c.dueOn, today),
      });
      const dedupeKey = `overdue:${c.id}:${c.status}:${c.dueOn}:${leader.userId}`;
      if (await sendEmail(tx, { ...rendered, to: leader.email, template: "staff-overdue", locale: leader.locale, dedupeKey })) messages++;
    }
  }
  return { cases: overdue.length, messages };
}
