import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { toLocalDate } from "@/domain/calendar";
import { infoReminderEmail } from "@/emails/info-reminder";
import { sendEmail } from "@/server/email/send-email";
import { preferencesUrl } from "@/server/email/preference-token";
import { filerEmail, loadUnits } from "@/server/notifications/recipients";
import type { JobContext } from "./job-context";
import { INFO_REMINDER_AFTER_WORKING_DAYS } from "./settings";

type Waiting = { id: string; code: string; language: "vi" | "en"; unit_id: string; event_id: number; requested_at: string | Date; reason: string | null };

/**
 * The filer is reminded once per request when the information asked of them is still missing
 * INFO_REMINDER_AFTER_WORKING_DAYS working days later. Opt-out topic "reminder".
 */
export async function remindMissingInfo(tx: Tx, { today, calendar }: JobContext) {
  const result = await tx.execute(sql`
    select c.id, c.code, c.language, c.unit_id, e.id as event_id, coalesce(c.paused_at, e.created_at) as requested_at, e.reason
    from cases c
    join lateral (
      select id, created_at, reason from case_events
      where case_id = c.id and type = 'case.info_requested' order by id desc limit 1
    ) e on true
    where c.status = 'info_requested'`);
  const waiting = rowsOf<Waiting>(result);
  const unitsById = await loadUnits(tx, waiting.map((w) => w.unit_id));
  let reminded = 0;
  for (const w of waiting) {
    const requestedOn = toLocalDate(new Date(w.requested_at));
    if (calendar.workingDaysBetween(requestedOn, today) < INFO_REMINDER_AFTER_WORKING_DAYS) continue;
    const to = await filerEmail(tx, w.id);
    if (!to) continue;
    const unit = unitsById.get(w.unit_id);
    const rendered = await infoReminderEmail(w.language, {
      code: w.code,
      unit: { name: unit?.name ?? "", nameEn: unit?.nameEn ?? "" },
      requestedOn,
      reason: w.reason,
      preferencesUrl: preferencesUrl(to, "reminder"),
    });
    const dedupeKey = `info-reminder:${w.id}:${w.event_id}`;
    if (await sendEmail(tx, { ...rendered, to, template: "case-info-reminder", locale: w.language, dedupeKey })) reminded++;
  }
  return { waiting: waiting.length, reminded };
}
