import "server-only";
import type { DbOrTx } from "@/db/client";
import { mayReceptionAction } from "@/domain/reception/permissions";
import type { Viewer } from "@/server/auth/roles";
import { AppError } from "@/server/errors";
import { loadReceptionDayForStaff } from "@/server/reception/reception-access";
import { buildBriefing, type Briefing } from "./build-briefing";
import { receptionSubject } from "./briefing-subjects";

/**
 * The briefing before a reception day, for its head, its office, and the leaders and overseers above the office
 * ("briefing" over the day's office unit). The booked citizens' names and summaries go only to the receiving
 * office (view_bookings) and to the head who receives them; anyone else sees how many booked.
 */
export async function getReceptionBriefing(db: DbOrTx, viewer: Viewer | null, dayId: string, now: Date = new Date()): Promise<Briefing> {
  const { roles, isHead } = await loadReceptionDayForStaff(db, viewer, dayId, "briefing");
  const subject = await receptionSubject(db, dayId, now, isHead || mayReceptionAction("view_bookings", roles, { isHead }));
  if (!subject) throw new AppError("not_found", "not_found", { reason: "not_found" });
  return buildBriefing(db, subject, now);
}
