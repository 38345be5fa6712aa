import "server-only";
import type { Tx } from "@/db/client";
import { eq } from "drizzle-orm";
import { receptionMatters, users } from "@/db/schema";
import { addPeriod } from "@/domain/deadlines";
import { RECEPTION_ANSWER_POLICY } from "@/domain/deadline-policies-data";
import type { WorkCalendar } from "@/domain/calendar";
import type { IsoDate } from "@/domain/types";
import { appendAudit } from "@/server/audit/append-audit";
import { loadMemberships } from "@/server/auth/roles";
import { AppError } from "@/server/errors";
import { loadReceptionDayForStaff, type ReceptionDayRow } from "../reception-access";
import { nextMatterNumber } from "./matter-number";
import { checkDayStarted, receptionDateOf, touchDay } from "./record-frame";

// A matter raised at a reception and registered as a case through the on-behalf form: the case and its matter
// row are written in the same transaction (src/server/intake/submit-case.ts calls these two in order).

/** The answer to anything raised at a reception is due this many working days after it (Law 42/2013 art. 28). */
export function receptionAnswerDueOn(calendar: WorkCalendar, receptionOn: IsoDate): IsoDate {
  return addPeriod(calendar, receptionOn, RECEPTION_ANSWER_POLICY.period);
}

/**
 * Locks the reception day and checks, from the day's office, that the official may record matters on it and
 * that it has started and was not cancelled. Every refusal is a problem with the form's receptionDayId, so the
 * official sees it beside the reception the form is for, with what they typed kept.
 */
export async function lockReceptionDayForCase(tx: Tx, userId: string | null, dayId: string, now: Date): Promise<ReceptionDayRow> {
  const refuse = (why: string) => new AppError("invalid_input", why, { field: "receptionDayId" });
  if (!userId) throw refuse("not signed in");
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user || user.disabledAt) throw refuse("no such user");
  const viewer = { userId, email: user.email, name: user.name, locale: user.locale, memberships: await loadMemberships(tx, userId) };
  let day: ReceptionDayRow;
  try {
    ({ day } = await loadReceptionDayForStaff(tx, viewer, dayId, "record", { forUpdate: true }));
    checkDayStarted(day, now);
  } catch (error) {
    if (error instanceof AppError) throw refuse(error.message);
    throw error;
  }
  return day;
}

/** The matter row for a case just registered, numbered after the day's others; the day's version moves. */
export async function insertCaseMatter(
  tx: Tx,
  day: ReceptionDayRow,
  input: { caseId: string; title: string; categoryId: string; userId: string; calendar: WorkCalendar },
  now: Date,
): Promise<{ id: string; number: number; answerDueOn: IsoDate }> {
  const number = await nextMatterNumber(tx, day.id);
  const answerDueOn = receptionAnswerDueOn(input.calendar, receptionDateOf(day));
  const [row] = await tx
    .insert(receptionMatters)
    .values({ receptionDayId: day.id, number, summary: input.title, categoryId: input.categoryId, outcome: "case", caseId: input.caseId, answerDueOn, createdBy: input.userId, createdAt: now })
    .returning({ id: receptionMatters.id });
  await touchDay(tx, day, { type: "matter_added", data: { number, outcome: "case" }, actorUserId: input.userId }, now);
  await appendAudit(tx, {
    actorUserId: input.userId,
    action: "reception.matter_added",
    entityType: "reception_day",
    entityId: day.id,
    data: { matterId: row!.id, number, outcome: "case", caseId: input.caseId, answerDueOn },
  });
  return { id: row!.id, number, answerDueOn };
}
