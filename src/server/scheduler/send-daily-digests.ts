import "server-only";
import { and, eq, gte, inArray, isNull, lte, or } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { compareDates } from "@/domain/calendar";
import { dailyDigestEmail, type DigestRow } from "@/emails/daily-digest";
import { sendEmail } from "@/server/email/send-email";
import { preferencesUrl } from "@/server/email/preference-token";
import { missedWorkingDays, type JobContext } from "./job-context";
import { casesDueBy, loadUnitTree, subtreeOf } from "./open-cases";
import { DUE_SOON_WORKING_DAYS } from "./settings";

/**
 * Each working morning, every intake officer, handler and leader with something overdue or due soon in their
 * scope (own unit; a leader's whole subtree, as on the dashboard) gets one digest. Opt-out topic "digest".
 *
 * After working days with no run (the worker was down), this morning's digest stands for them too and says so:
 * the missed days' digests would have listed what was then overdue or due soon, which is overdue or due soon now
 * or has been dealt with since, so one up-to-date digest tells the reader all of it; several stale ones arriving
 * together would only repeat it.
 */
export async function sendDailyDigests(tx: Tx, { today, calendar, lastRunOn }: JobContext) {
  const missedDays = missedWorkingDays(calendar, lastRunOn, today);
  const missed = missedDays.length > 0 ? { from: missedDays[0]!, to: missedDays.at(-1)!, count: missedDays.length } : null;
  const covers = missed ? { missedDays: missed.count, missedFrom: missed.from, missedTo: missed.to } : { missedDays: 0 };
  const soonUntil = calendar.addWorkingDays(today, DUE_SOON_WORKING_DAYS);
  const [due, tree, staff] = await Promise.all([
    casesDueBy(tx, soonUntil),
    loadUnitTree(tx),
    tx
      .select({ userId: users.id, email: users.email, name: users.name, locale: users.locale, unitId: memberships.unitId, role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          inArray(memberships.role, ["intake", "handler", "leader"]),
          isNull(users.disabledAt),
          lte(memberships.validFrom, today),
          or(isNull(memberships.validTo), gte(memberships.validTo, today)),
        ),
      )
      .orderBy(users.id),
  ]);
  if (due.length === 0) return { recipients: 0, cases: 0, ...covers };
  const byUser = new Map<string, { user: (typeof staff)[number]; scope: Set<string> }>();
  for (const m of staff) {
    const entry = byUser.get(m.userId) ?? { user: m, scope: new Set<string>() };
    for (const id of m.role === "leader" ? subtreeOf(tree, m.unitId) : [m.unitId]) entry.scope.add(id);
    byUser.set(m.userId, entry);
  }
  let recipients = 0;
  for (const { user, scope } of byUser.values()) {
    const mine = due.filter((c) => scope.has(c.unitId));
    if (mine.length === 0) continue;
    const row = (c: (typeof mine)[number]): DigestRow => {
      const unit = tree.get(c.unitId);
      return { code: c.code, kind: c.kind, title: c.title, unit: { name: unit?.name ?? "", nameEn: unit?.nameEn ?? "" }, dueOn: c.dueOn };
    };
    const overdue = mine.filter((c) => compareDates(c.dueOn, today) < 0).map(row);
    const dueSoon = mine.filter((c) => compareDates(c.dueOn, today) >= 0).map(row);
    const rendered = await dailyDigestEmail(user.locale, {
      recipientName: user.name,
      date: today,
      overdue,
      dueSoon,
      soonWorkingDays: DUE_SOON_WORKING_DAYS,
      missed,
      preferencesUrl: preferencesUrl(user.email, "digest"),
    });
    const queued = await sendEmail(tx, { ...rendered, to: user.email, template: "staff-digest", locale: user.locale, dedupeKey: `digest:${today}:${user.userId}` });
    if (queued) recipients++;
  }
  return { recipients, cases: due.length, ...covers };
}
