import "server-only";
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { receptionDayEvents, receptionDays, receptionPositions } from "@/db/schema";
import { generateDutySlots } from "@/domain/reception/duty";
import type { IsoDate } from "@/domain/types";
import { loadCalendar } from "@/server/deadlines/policy-rows";
import { loadDutyRules } from "@/server/reception/duty-rules";
import { generateReceptionDays, generationWindow } from "@/server/reception/generate-reception-days";
import { vietnamInstant } from "@/domain/calendar";
import { toLocalDate } from "@/domain/calendar";

/** The public reason given on a planned day the rules no longer need. */
export const WITHDRAWN_REASON = "Lịch được lập lại theo quy định hoặc lịch tiếp công dân mới của vị trí này.";

/**
 * Brings the calendar in line after a change of rule, position or holder, over the daily job's window:
 * - a future day still only "planned" by the platform (not confirmed, nobody booked) that no rule needs any more
 *   (a new version, a new weekday, a seat made inactive) is withdrawn: cancelled with a public reason;
 * - one that is still needed takes the position's new time and place;
 * - then the missing days are generated. Confirmed, booked or held days are the office's: left as they are.
 */
export async function reconcileDutyDays(
  tx: DbOrTx,
  input: { today: IsoDate; now: Date; positionId?: string; actorUserId: string },
): Promise<{ withdrawn: number; rescheduled: number; created: number }> {
  const [rules, calendar] = await Promise.all([loadDutyRules(tx), loadCalendar(tx)]);
  const window = generationWindow(input.today);
  const positions = await tx
    .select()
    .from(receptionPositions)
    .where(input.positionId ? eq(receptionPositions.id, input.positionId) : undefined);
  let withdrawn = 0;
  let rescheduled = 0;
  for (const p of positions) {
    const planned = await tx
      .select({ id: receptionDays.id, dutyKey: receptionDays.dutyKey, startsAt: receptionDays.startsAt, endsAt: receptionDays.endsAt, place: receptionDays.place })
      .from(receptionDays)
      .where(
        and(
          eq(receptionDays.positionId, p.id),
          eq(receptionDays.origin, "duty"),
          eq(receptionDays.status, "planned"),
          eq(receptionDays.booked, 0),
          gt(receptionDays.startsAt, input.now),
        ),
      );
    if (planned.length === 0) continue;
    const slots = p.active ? generateDutySlots(calendar, rules, p.kind, { daysOfMonth: p.daysOfMonth, weekday: p.weekday }, window.from, window.to) : [];
    const byKey = new Map(slots.map((s) => [s.dutyKey, s]));
    const gone = planned.filter((d) => !d.dutyKey || !byKey.has(d.dutyKey));
    if (gone.length > 0) {
      await tx
        .update(receptionDays)
        .set({ status: "cancelled", statusReason: WITHDRAWN_REASON, version: sql`${receptionDays.version} + 1`, updatedAt: input.now })
        .where(inArray(receptionDays.id, gone.map((d) => d.id)));
      await tx.insert(receptionDayEvents).values(
        gone.map((d) => ({ receptionDayId: d.id, type: "withdrawn", reason: WITHDRAWN_REASON, data: { cause: p.active ? "duty_changed" : "position_inactive" }, actorUserId: input.actorUserId })),
      );
      withdrawn += gone.length;
    }
    for (const d of planned) {
      const slot = d.dutyKey ? byKey.get(d.dutyKey) : undefined;
      if (!slot) continue;
      const startsAt = vietnamInstant(slot.on, p.startTime);
      const endsAt = vietnamInstant(slot.on, p.endTime);
      if (startsAt.getTime() === d.startsAt.getTime() && endsAt.getTime() === d.endsAt.getTime() && d.place === p.place) continue;
      await tx
        .update(receptionDays)
        .set({ startsAt, endsAt, place: p.place, version: sql`${receptionDays.version} + 1`, updatedAt: input.now })
        .where(eq(receptionDays.id, d.id));
      await tx.insert(receptionDayEvents).values({
        receptionDayId: d.id,
        type: "rescheduled",
        data: { fromOn: toLocalDate(d.startsAt), on: slot.on, fromPlace: d.place, place: p.place },
        actorUserId: input.actorUserId,
      });
      rescheduled++;
    }
  }
  const { created } = await generateReceptionDays(tx, { calendar, rules, from: window.from, to: window.to, positionId: input.positionId });
  return { withdrawn, rescheduled, created };
}
