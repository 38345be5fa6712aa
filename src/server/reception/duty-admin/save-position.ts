import "server-only";
import { and, eq, gte, isNull, or } from "drizzle-orm";
import { z } from "zod";
import type { Database, DbOrTx } from "@/db/client";
import { receptionPositions, units } from "@/db/schema";
import { toLocalDate } from "@/domain/calendar";
import { POSITION_KINDS } from "@/domain/reception/vocabulary";
import type { Viewer } from "@/server/auth/roles";
import { filerText, parseFilerInput } from "@/server/filer/filer-access";
import { isUuid } from "@/server/workspace/case-access";
import { dutyAdminChange, dutyAdminError, dutyFieldError } from "./duty-admin-frame";

const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const time = z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string().min(1, { error: "required" }).regex(TIME, { error: "invalid" }));

/** "15" or "5, 20": the days of the month, each 1 to 31, at most 10. */
const daysOfMonth = z.preprocess(
  (v) => (typeof v === "string" ? v.split(/[,;\s]+/).filter(Boolean) : v),
  z.array(z.coerce.number().int().min(1).max(31), { error: "invalid" }).min(1, { error: "required" }).max(10, { error: "invalid" }),
);

export const savePositionSchema = z.object({
  unitId: z.string().refine(isUuid, { error: "required" }),
  officeUnitId: z.string().refine(isUuid, { error: "required" }),
  kind: z.enum(POSITION_KINDS, { error: "required" }),
  title: filerText({ required: true, max: 300 }),
  titleEn: filerText({ required: true, max: 300 }),
  daysOfMonth,
  weekday: z.coerce.number({ error: "invalid" }).int().min(1, { error: "invalid" }).max(5, { error: "invalid" }),
  startTime: time,
  endTime: time,
  place: filerText({ required: true, max: 500 }),
  active: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
});

export type SavePositionInput = { [K in keyof z.input<typeof savePositionSchema>]?: unknown } & {
  /** Present when editing. */
  positionId?: unknown;
  /** The position's updated_at the form was rendered with (ISO): a stale form is refused. */
  version?: unknown;
};

async function liveUnit(tx: DbOrTx, id: string, today: string): Promise<boolean> {
  const [row] = await tx.select({ id: units.id }).from(units).where(and(eq(units.id, id), or(isNull(units.validTo), gte(units.validTo, today)))).limit(1);
  return !!row;
}

/**
 * Creates a head's seat or edits one: its unit, the office that runs its calendar, its kind (which rule applies),
 * titles, usual days, time and place, and whether it is active. The calendar follows at once: planned days the
 * new schedule no longer needs are withdrawn and the missing ones generated.
 */
export async function savePosition(db: Database, viewer: Viewer | null, input: SavePositionInput, now = new Date()): Promise<{ id: string }> {
  return dutyAdminChange(
    db,
    viewer,
    async (tx) => {
      const editing = input.positionId !== undefined && input.positionId !== "";
      const positionId = String(input.positionId ?? "");
      if (editing && !isUuid(positionId)) throw dutyAdminError("not_found", "not_found");
      const v = parseFilerInput(savePositionSchema, input);
      if (v.endTime <= v.startTime) throw dutyFieldError("endTime", "before_start");
      const today = toLocalDate(now);
      if (!(await liveUnit(tx, v.unitId, today))) throw dutyFieldError("unitId", "invalid");
      if (!(await liveUnit(tx, v.officeUnitId, today))) throw dutyFieldError("officeUnitId", "invalid");
      const values = { ...v, daysOfMonth: [...new Set(v.daysOfMonth)].sort((a, b) => a - b) };
      if (!editing) {
        const [row] = await tx.insert(receptionPositions).values({ ...values, createdAt: now, updatedAt: now }).returning({ id: receptionPositions.id });
        return { result: { id: row!.id }, positionId: row!.id, audit: { action: "reception.position_created", entityType: "reception_position", entityId: row!.id, data: values } };
      }
      const [current] = await tx.select().from(receptionPositions).where(eq(receptionPositions.id, positionId)).for("update");
      if (!current) throw dutyAdminError("not_found", "not_found");
      if (String(input.version ?? "") !== current.updatedAt.toISOString()) throw dutyAdminError("conflict", "stale_version");
      await tx.update(receptionPositions).set({ ...values, updatedAt: now }).where(eq(receptionPositions.id, positionId));
      const before = Object.fromEntries(Object.keys(values).map((k) => [k, current[k as keyof typeof current]]));
      return { result: { id: positionId }, positionId, audit: { action: "reception.position_updated", entityType: "reception_position", entityId: positionId, data: { before, after: values } } };
    },
    now,
  );
}
