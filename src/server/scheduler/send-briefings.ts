import "server-only";
import { and, asc, gt, inArray, lte, ne } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { dialogueSessions, receptionDays } from "@/db/schema";
import { endOfLocalDay, toLocalDate } from "@/domain/calendar";
import type { IsoDate } from "@/domain/types";
import type { BriefingEmailData } from "@/emails/briefing";
import { deferRender } from "@/emails/registry";
import { buildBriefing, type Briefing } from "@/server/briefing/build-briefing";
import { receptionSubject, sessionSubject } from "@/server/briefing/briefing-subjects";
import { sendEmail } from "@/server/email/send-email";
import { activeUser } from "@/server/notifications/recipients";
import type { JobContext } from "./job-context";
import type { JobResult } from "./run-job-once";

/** Sessions still to be held: announced, or taking questions. */
const COMING_SESSION_STATUSES = ["announced", "open"] as const;

/** One message per (reception or session, its date, recipient): a moved day gets a new briefing, a rerun none. */
export const briefingKey = (kind: "reception" | "session", id: string, on: IsoDate, userId: string) => `briefing:${kind}:${id}:${on}:${userId}`;

/**
 * On working day D, each head of a reception day (not cancelled) and each leader of a dialogue session (announced
 * or open) that falls after D, up to and including D's next working day (so Friday covers Saturday to Monday),
 * is emailed the briefing's main figures and its link, once. Counts only: the booked citizens' names and matters
 * stay behind sign-in. The job runs on working days only; a missed day is made up by the next run's window only
 * for what is still to come.
 */
export async function sendBriefings(tx: Tx, { now, today, calendar }: JobContext): Promise<JobResult> {
  const from = endOfLocalDay(today);
  const to = endOfLocalDay(calendar.nextWorkingDay(today));
  const days = await tx
    .select({ id: receptionDays.id })
    .from(receptionDays)
    .where(and(gt(receptionDays.startsAt, from), lte(receptionDays.startsAt, to), ne(receptionDays.status, "cancelled")))
    .orderBy(asc(receptionDays.startsAt));
  const sessions = await tx
    .select({ id: dialogueSessions.id })
    .from(dialogueSessions)
    .where(and(gt(dialogueSessions.startsAt, from), lte(dialogueSessions.startsAt, to), inArray(dialogueSessions.status, [...COMING_SESSION_STATUSES])))
    .orderBy(asc(dialogueSessions.startsAt));

  let messages = 0;
  const subjects = [
    ...(await Promise.all(days.map((d) => receptionSubject(tx, d.id, now, false)))),
    ...(await Promise.all(sessions.map((x) => sessionSubject(tx, x.id)))),
  ];
  for (const subject of subjects) {
    if (!subject || subject.heads.length === 0) continue;
    messages += await send(tx, await buildBriefing(tx, subject, now));
  }
  return { receptionDays: days.length, sessions: sessions.length, messages };
}

async function send(tx: Tx, briefing: Briefing): Promise<number> {
  const s = briefing.subject;
  const on = toLocalDate(s.startsAt);
  let sent = 0;
  for (const head of s.heads) {
    const user = await activeUser(tx, head.userId);
    if (!user?.email) continue;
    const props: BriefingEmailData = {
      kind: s.kind,
      id: s.id,
      recipientName: user.name,
      title: s.title,
      titleEn: s.titleEn,
      startsAt: s.startsAt.toISOString(),
      place: s.place,
      unit: { name: s.unit.name, nameEn: s.unit.nameEn },
      areaName: s.area?.name ?? null,
      cases: { area: briefing.cases.area, unit: briefing.cases.unit },
      commitments: { open: briefing.commitments.counts.open, overdue: briefing.commitments.counts.overdue, missed: briefing.commitments.counts.missed },
      questions: briefing.questions.session ? briefing.questions.total : null,
      booked: briefing.bookings ? briefing.bookings.count : null,
    };
    const queued = await sendEmail(tx, {
      deferred: deferRender("briefing", props),
      to: user.email,
      template: "briefing",
      locale: user.locale,
      dedupeKey: briefingKey(s.kind, s.id, on, user.userId),
    });
    if (queued) sent++;
  }
  return sent;
}
