import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { cases, receptionMatters, receptionPositions } from "@/db/schema";
import type { Viewer } from "@/server/auth/roles";
import { AppError } from "@/server/errors";
import { loadReceptionDayForStaff } from "../reception-access";

export type ReceptionForCaseForm = { id: string; title: string; titleEn: string; startsAt: Date };

/**
 * The reception the on-behalf form was opened from (?tiep-cong-dan=<dayId>), when the official may record matters
 * on it; null otherwise (the form then says so, and the service refuses the post anyway).
 */
export async function receptionForCaseForm(db: DbOrTx, viewer: Viewer, dayId: string, now = new Date()): Promise<ReceptionForCaseForm | null> {
  try {
    const { day } = await loadReceptionDayForStaff(db, viewer, dayId, "record");
    if (day.status === "cancelled" || day.startsAt.getTime() > now.getTime()) return null;
    const [p] = await db.select({ title: receptionPositions.title, titleEn: receptionPositions.titleEn }).from(receptionPositions).where(eq(receptionPositions.id, day.positionId));
    return { id: day.id, title: p?.title ?? "", titleEn: p?.titleEn ?? "", startsAt: day.startsAt };
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}

/** The reception a case was registered at (by its tracking code), for the receipt's "back to the reception" link. */
export async function receptionOfCase(db: DbOrTx, code: string): Promise<string | null> {
  const [row] = await db
    .select({ dayId: receptionMatters.receptionDayId })
    .from(receptionMatters)
    .innerJoin(cases, eq(cases.id, receptionMatters.caseId))
    .where(eq(cases.code, code))
    .limit(1);
  return row?.dayId ?? null;
}
