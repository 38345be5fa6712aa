import "server-only";
import { and, eq, lt } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { commitments, dialogueSessions, units, users } from "@/db/schema";
import { commitmentReminderDue, commitmentReminderKey, REMIND_BEFORE_WORKING_DAYS } from "@/domain/dialogue/commitment-status";
import type { IsoDate } from "@/domain/types";
import { deferRender } from "@/emails/registry";
import { sendEmail } from "@/server/email/send-email";
import { unitMembers, type StaffRecipient } from "@/server/notifications/recipients";
import type { JobContext } from "./job-context";

/**
 * The owner unit of each open commitment is reminded REMIND_BEFORE_WORKING_DAYS working days before its deadline
 * and, once it has passed, on the first working day after it and every REMIND_AFTER_EVERY_WORKING_DAYS working
 * days while it stays open (commitmentReminderDue). To the unit's own address and to its leaders and intake
 * officers, each in their language. Computed from the commitments' state, and each message has a dedupe key, so
 * a second run the same day sends nothing and a run after missed days sends what is due then, once.
 */
export async function remindCommitments(tx: Tx, { today, calendar }: JobContext) {
  // Due within the window: the (REMIND_BEFORE_WORKING_DAYS + 1)-th working day from today is already too far.
  const horizon = calendar.addWorkingDays(today, REMIND_BEFORE_WORKING_DAYS + 1);
  const open = await tx
    .select({
      id: commitments.id,
      body: commitments.body,
      dueOn: commitments.dueOn,
      ownerUnitId: commitments.ownerUnitId,
      unitName: units.name,
      unitNameEn: units.nameEn,
      unitEmail: units.email,
      leaderName: users.name,
      sessionTitle: dialogueSessions.title,
    })
    .from(commitments)
    .innerJoin(units, eq(units.id, commitments.ownerUnitId))
    .innerJoin(users, eq(users.id, commitments.leaderUserId))
    .leftJoin(dialogueSessions, eq(dialogueSessions.id, commitments.sessionId))
    .where(and(eq(commitments.status, "open"), lt(commitments.dueOn, horizon)));
  let due = 0;
  let messages = 0;
  const staffByUnit = new Map<string, StaffRecipient[]>();
  for (const c of open) {
    const dueOn = c.dueOn as IsoDate;
    const reminder = commitmentReminderDue(dueOn, today, calendar);
    if (!reminder) continue;
    due++;
    if (!staffByUnit.has(c.ownerUnitId)) staffByUnit.set(c.ownerUnitId, await unitMembers(tx, [c.ownerUnitId], ["leader", "intake"], today));
    const recipients: { email: string; name: string | null; locale: "vi" | "en" }[] = [
      ...(c.unitEmail?.trim() ? [{ email: c.unitEmail.trim(), name: null, locale: "vi" as const }] : []),
      ...staffByUnit.get(c.ownerUnitId)!,
    ];
    const seen = new Set<string>();
    for (const to of recipients) {
      const address = to.email.trim().toLowerCase();
      if (seen.has(address)) continue;
      seen.add(address);
      const props = {
        commitmentId: c.id,
        recipientName: to.name,
        body: c.body,
        leaderName: c.leaderName ?? "",
        sessionTitle: c.sessionTitle,
        unit: { name: c.unitName, nameEn: c.unitNameEn },
        dueOn,
        reminder:
          reminder.kind === "before"
            ? { kind: "before" as const, workingDaysLeft: Math.max(0, calendar.workingDaysBetween(today, dueOn)) }
            : { kind: "after" as const, round: reminder.round, workingDaysLate: calendar.workingDaysBetween(dueOn, today) },
      };
      const sent = await sendEmail(tx, {
        deferred: deferRender("commitment-reminder", props),
        to: address,
        template: "commitment-reminder",
        locale: to.locale,
        dedupeKey: commitmentReminderKey(c.id, dueOn, reminder, address),
      });
      if (sent) messages++;
    }
  }
  return { commitments: due, messages };
}
