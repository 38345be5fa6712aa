import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { receptionDayEvents, receptionDays } from "@/db/schema";
import { isIsoDate, toLocalDate } from "@/domain/calendar";
import type { IsoDate } from "@/domain/types";
import { AppError } from "@/server/errors";
import type { ReceptionDayRow } from "../reception-access";

// What the record's verbs share: their refusals, their field checks, and the one way they change a day (event,
// version, updated_at), so that the public page and its cache always move together.

/** Why a record action was refused; the pages pick a translated message (receptionRecord.errors.*). */
export type RecordRefusal =
  | "not_found"
  | "not_allowed"
  | "stale_version"
  | "not_started"
  | "cancelled"
  | "not_held"
  | "no_head"
  | "already_published"
  | "not_published"
  | "not_refused"
  | "already_notified";

export function recordError(code: AppError["code"], reason: RecordRefusal): AppError {
  return new AppError(code, reason, { reason });
}

/** What went wrong with one field (receptionRecord.problems.*). */
export type RecordFieldProblem = "required" | "too_long" | "invalid" | "too_early" | "in_future";

export function recordFieldErrors(fields: Record<string, RecordFieldProblem>): AppError {
  return new AppError("invalid_input", "invalid_input", { fields });
}

export function parseRecordInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, RecordFieldProblem> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join(".") : "form";
    const known = ["required", "too_long", "invalid", "too_early", "in_future"];
    fields[field] ??= issue.code === "too_big" ? "too_long" : known.includes(issue.message) ? (issue.message as RecordFieldProblem) : "invalid";
  }
  throw recordFieldErrors(fields);
}

/** Free text: NFC, trimmed, at most `max` characters ("" when optional and blank). */
export function recordText(max: number, required = true) {
  const text = z.string().max(max, { error: "too_long" });
  return z.preprocess((v) => (typeof v === "string" ? v.normalize("NFC").trim() : v == null ? "" : v), required ? text.min(1, { error: "required" }) : text);
}

/** A whole number typed in a form ("" is refused as required). */
export function countField(max: number) {
  return z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v),
    z.number({ error: "required" }).int({ error: "invalid" }).min(0, { error: "invalid" }).max(max, { error: "invalid" }),
  );
}

export const dateField = z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().min(1, { error: "required" }).refine(isIsoDate, { error: "invalid" }));

export const optionalUuid = z.preprocess((v) => (typeof v === "string" && v.trim() !== "" ? v.trim().toLowerCase() : undefined), z.uuid({ error: "invalid" }).optional());

export const TEXT_LIMITS = { summary: 2000, response: 5000, name: 300, recordingRef: 500, conclusion: 20000, item: 2000 } as const;

/** The version the form was rendered from must be the day's current one. */
export function checkDayVersion(day: ReceptionDayRow, version: unknown): void {
  const expected = typeof version === "string" ? Number(version) : version;
  if (expected !== day.version) throw recordError("conflict", "stale_version");
}

/** A record is kept once the reception has started, never for a cancelled day. */
export function checkDayStarted(day: ReceptionDayRow, now: Date): void {
  if (day.status === "cancelled") throw recordError("conflict", "cancelled");
  if (day.startsAt.getTime() > now.getTime()) throw recordError("conflict", "not_started");
}

/** The reception's local date in Vietnam: the start of every period counted from it. */
export const receptionDateOf = (day: Pick<ReceptionDayRow, "startsAt">): IsoDate => toLocalDate(day.startsAt);

/** The public history row and the day's version and updated_at, moved together (cached pages depend on it). */
export async function touchDay(
  tx: DbOrTx,
  day: ReceptionDayRow,
  event: { type: string; reason?: string | null; data?: Record<string, unknown>; actorUserId: string },
  now: Date,
  set: Partial<typeof receptionDays.$inferInsert> = {},
): Promise<number> {
  await tx
    .update(receptionDays)
    .set({ ...set, version: sql`${receptionDays.version} + 1`, updatedAt: now })
    .where(eq(receptionDays.id, day.id));
  await tx.insert(receptionDayEvents).values({ receptionDayId: day.id, type: event.type, reason: event.reason ?? null, data: event.data ?? null, actorUserId: event.actorUserId, createdAt: now });
  return day.version + 1;
}
