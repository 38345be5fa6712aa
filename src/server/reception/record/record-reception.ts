import "server-only";
import { and, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { memberships, receptionPositions, users } from "@/db/schema";
import { runInTransaction } from "@/db/transaction";
import { appendAudit } from "@/server/audit/append-audit";
import type { Viewer } from "@/server/auth/roles";
import { loadReceptionDayForStaff } from "../reception-access";
import { checkDayStarted, checkDayVersion, countField, parseRecordInput, recordFieldErrors, recordText, TEXT_LIMITS, touchDay } from "./record-frame";

export const recordReceptionSchema = z.object({
  /** "head": the head of the day received in person; "other": someone else did (never the head's duty). */
  receiver: z.enum(["head", "other"], { error: "required" }),
  /** For "other": an official of the unit or its office, when they have an account. */
  receivedByUserId: z.preprocess((v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined), z.string().max(100, { error: "invalid" }).optional()),
  /** For "other": the name and position as written (required unless an official is chosen). */
  receivedByName: recordText(TEXT_LIMITS.name, false),
  citizensCount: countField(10000),
  delegationsCount: countField(1000),
  recordingRef: recordText(TEXT_LIMITS.recordingRef, false),
});

export type RecordReceptionInput = { dayId?: unknown; version?: unknown } & { [K in keyof z.input<typeof recordReceptionSchema>]?: unknown };

/**
 * Records what happened at a reception, once it has started: who received, how many citizens and delegations,
 * and (online) the recording's reference. Whether it counts as the head's duty is decided here, never by the
 * form: only when the receiver is the day's head. The day becomes "held"; the record can be corrected later with
 * the version the form was rendered from. The public history says in person, or by whom (an official's name and
 * position, never a citizen's).
 */
export async function recordReception(db: Database, viewer: Viewer | null, input: RecordReceptionInput, now = new Date()): Promise<{ version: number; receivedInPerson: boolean }> {
  await loadReceptionDayForStaff(db, viewer, String(input.dayId ?? ""), "record");
  return runInTransaction(db, async (tx) => {
    const { day, viewer: staff } = await loadReceptionDayForStaff(tx, viewer, String(input.dayId), "record", { forUpdate: true });
    checkDayVersion(day, input.version);
    checkDayStarted(day, now);
    const v = parseRecordInput(recordReceptionSchema, input);
    if (day.mode === "online" && v.recordingRef === "") throw recordFieldErrors({ recordingRef: "required" });

    let receivedByUserId: string | null = null;
    let receivedByName: string | null = null;
    if (v.receiver === "head") {
      if (!day.headUserId) throw recordFieldErrors({ receiver: "invalid" });
      receivedByUserId = day.headUserId;
    } else {
      if (v.receivedByUserId) {
        // An official of the head's unit or of the office, today.
        const [member] = await tx
          .select({ userId: users.id, name: users.name })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(
            and(
              eq(memberships.userId, v.receivedByUserId),
              inArray(memberships.unitId, [day.unitId, day.officeUnitId]),
              lte(memberships.validFrom, sql`current_date`),
              or(isNull(memberships.validTo), gte(memberships.validTo, sql`current_date`)),
            ),
          )
          .limit(1);
        if (!member) throw recordFieldErrors({ receivedByUserId: "invalid" });
        receivedByUserId = member.userId;
        receivedByName = v.receivedByName || member.name || null;
      } else {
        if (v.receivedByName === "") throw recordFieldErrors({ receivedByName: "required" });
        receivedByName = v.receivedByName;
      }
    }
    // Chosen by name or by account, the head is the head.
    const receivedInPerson = receivedByUserId !== null && receivedByUserId === day.headUserId;
    if (receivedInPerson) receivedByName = null;

    const [position] = await tx.select({ title: receptionPositions.title }).from(receptionPositions).where(eq(receptionPositions.id, day.positionId));
    const first = day.status !== "held";
    const data = {
      inPerson: receivedInPerson,
      receivedBy: receivedInPerson ? (position?.title ?? null) : receivedByName,
      citizensCount: v.citizensCount,
      delegationsCount: v.delegationsCount,
      online: day.mode === "online",
    };
    const version = await touchDay(tx, day, { type: first ? "held" : "record_updated", data, actorUserId: staff.userId }, now, {
      status: "held",
      receivedByUserId,
      receivedByName,
      receivedInPerson,
      citizensCount: v.citizensCount,
      delegationsCount: v.delegationsCount,
      recordingRef: v.recordingRef || null,
      recordedAt: first || !day.recordedAt ? now : day.recordedAt,
      recordedBy: staff.userId,
      // A held day takes no more bookings.
      bookingsOpen: false,
    });
    await appendAudit(tx, {
      actorUserId: staff.userId,
      action: first ? "reception.recorded" : "reception.record_updated",
      entityType: "reception_day",
      entityId: day.id,
      data: { ...data, receivedByUserId, recordingRef: v.recordingRef || null },
    });
    return { version, receivedInPerson };
  });
}
