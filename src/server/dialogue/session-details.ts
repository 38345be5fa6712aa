import "server-only";
import { and, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { areas, memberships, units, users } from "@/db/schema";
import { isIsoDate, vietnamInstant } from "@/domain/calendar";
import { checkboxField, httpsUrlField } from "@/lib/form-fields";
import { SESSION_KINDS } from "@/domain/dialogue/vocabulary";
import { AppError } from "@/server/errors";
import { isUuid } from "./session-access";

// What a session's details are made of, shared by scheduling and editing: the form's fields, their checks
// (dates in Vietnam time, UTC+7 all year), and the checks that need the database (the area, the leaders).

export const SESSION_LIMITS = { title: 200, topic: 200, description: 5000, location: 300, url: 500, position: 200, reason: 1000, leaders: 8 } as const;

/** What went wrong with one field, for a message beside it. Field names are the form's ("leaders.0.position"). */
export type SessionFieldProblem =
  | "required"
  | "too_long"
  | "invalid"
  | "in_past"
  | "end_before_start"
  | "close_after_end"
  | "close_in_past"
  | "https_only"
  | "not_leader"
  | "duplicate"
  | "already_open"
  | "conference_unit"
  | "conference_area";

const KNOWN: readonly string[] = ["required", "https_only", "invalid"];

function problemOf(issue: z.core.$ZodIssue): SessionFieldProblem {
  if (issue.code === "too_big") return "too_long";
  if (issue.code === "too_small") return "required";
  if (KNOWN.includes(issue.message)) return issue.message as SessionFieldProblem;
  return "invalid";
}

export function sessionFieldErrors(fields: Record<string, SessionFieldProblem>): AppError {
  return new AppError("invalid_input", "invalid_input", { fields });
}

/** Parses with zod; a refusal carries one problem per field (nested fields joined with dots). */
export function parseSessionInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw sessionFieldErrors(fieldsOf(result.error));
}

function fieldsOf(error: z.ZodError): Record<string, SessionFieldProblem> {
  const fields: Record<string, SessionFieldProblem> = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join(".") : "form";
    fields[field] ??= problemOf(issue);
  }
  return fields;
}

/** Free text: NFC (some phone keyboards send decomposed accents), trimmed, at most `max` characters. */
export function sessionText(max: number, required = true) {
  const text = z.string().max(max, { error: "too_long" });
  return z.preprocess(
    (v) => (typeof v === "string" ? v.normalize("NFC").trim() : v == null ? "" : v),
    required ? text.min(1, { error: "required" }) : text,
  );
}

const dateField = z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().min(1, { error: "required" }).refine(isIsoDate, { error: "invalid" }));
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const timeField = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().replace(/^(\d):/, "0$1:") : ""),
  z.string().min(1, { error: "required" }).regex(TIME, { error: "invalid" }),
);
const optionalDate = z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().refine((v) => v === "" || isIsoDate(v), { error: "invalid" }));
const optionalTime = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().replace(/^(\d):/, "0$1:") : ""),
  z.string().refine((v) => v === "" || TIME.test(v), { error: "invalid" }),
);
const checkbox = checkboxField;
const livestream = httpsUrlField(SESSION_LIMITS.url);

const leaderRow = z.object({
  userId: z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().min(1, { error: "required" })),
  position: sessionText(SESSION_LIMITS.position),
  positionEn: sessionText(SESSION_LIMITS.position),
});

export const sessionDetailsSchema = z.object({
  kind: z.enum(SESSION_KINDS, { error: "required" }),
  title: sessionText(SESSION_LIMITS.title),
  topic: sessionText(SESSION_LIMITS.topic),
  description: sessionText(SESSION_LIMITS.description, false),
  areaId: z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().min(1, { error: "required" }).refine(isUuid, { error: "invalid" })),
  location: sessionText(SESSION_LIMITS.location),
  livestreamUrl: livestream,
  date: dateField,
  startTime: timeField,
  endTime: timeField,
  questionsInAdvance: checkbox,
  questionsCloseDate: optionalDate,
  questionsCloseTime: optionalTime,
  leaders: z.array(leaderRow, { error: "required" }).min(1, { error: "required" }).max(SESSION_LIMITS.leaders, { error: "too_long" }),
});
export type SessionDetailsInput = z.input<typeof sessionDetailsSchema>;


/** The date and time of day in Vietnam of an instant, as the form writes them. */
export function vietnamParts(instant: Date): { date: string; time: string } {
  const local = new Date(instant.getTime() + 7 * 3_600_000).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

export type SessionDetails = {
  kind: (typeof SESSION_KINDS)[number];
  title: string;
  topic: string;
  description: string | null;
  areaId: string;
  location: string;
  livestreamUrl: string | null;
  startsAt: Date;
  endsAt: Date;
  questionsInAdvance: boolean;
  questionsCloseAt: Date | null;
  leaders: { userId: string; position: string; positionEn: string }[];
};

/** A new date for a session (rescheduling): the day, the start and the end in Vietnam time. */
export const sessionDateSchema = z.object({ date: dateField, startTime: timeField, endTime: timeField });

/** Checks a date's order and that it is still to come; problems are added to `fields`. */
export function checkDates(
  parsed: { date: string; startTime: string; endTime: string },
  now: Date,
  fields: Record<string, SessionFieldProblem>,
  options: { mustBeFuture: boolean } = { mustBeFuture: true },
): { startsAt: Date; endsAt: Date } {
  const startsAt = vietnamInstant(parsed.date, parsed.startTime);
  const endsAt = vietnamInstant(parsed.date, parsed.endTime);
  if (endsAt <= startsAt) fields.endTime ??= "end_before_start";
  if (options.mustBeFuture && startsAt <= now) fields.date ??= "in_past";
  return { startsAt, endsAt };
}

/**
 * Parses the details and checks what concerns several fields at once: the end after the start, a date to come
 * (`mustBeFuture`, unless an edit keeps the date), questions closing before the end and not already past.
 */
export function parseSessionDetails(input: unknown, now: Date, options: { keepsDate?: (startsAt: Date, endsAt: Date) => boolean } = {}): SessionDetails {
  const mustBeFuture = (d: { date: string; startTime: string; endTime: string }) =>
    !(options.keepsDate?.(vietnamInstant(d.date, d.startTime), vietnamInstant(d.date, d.endTime)) ?? false);
  const parsed = sessionDetailsSchema.safeParse(input);
  if (!parsed.success) {
    // Say everything at once: the date's problems too, when the date itself could be read.
    const fields = fieldsOf(parsed.error);
    const dates = sessionDateSchema.safeParse(input);
    if (dates.success) checkDates(dates.data, now, fields, { mustBeFuture: mustBeFuture(dates.data) });
    throw sessionFieldErrors(fields);
  }
  const v = parsed.data;
  const fields: Record<string, SessionFieldProblem> = {};
  const { startsAt, endsAt } = checkDates(v, now, fields, { mustBeFuture: mustBeFuture(v) });
  let questionsCloseAt: Date | null = null;
  if (v.questionsInAdvance && (v.questionsCloseDate !== "" || v.questionsCloseTime !== "")) {
    if (v.questionsCloseDate === "") fields.questionsCloseDate = "required";
    else if (v.questionsCloseTime === "") fields.questionsCloseTime = "required";
    else {
      questionsCloseAt = vietnamInstant(v.questionsCloseDate, v.questionsCloseTime);
      if (questionsCloseAt > endsAt) fields.questionsCloseDate = "close_after_end";
      else if (questionsCloseAt <= now) fields.questionsCloseDate = "close_in_past";
    }
  }
  const seen = new Set<string>();
  v.leaders.forEach((leader, i) => {
    if (seen.has(leader.userId)) fields[`leaders.${i}.userId`] = "duplicate";
    seen.add(leader.userId);
  });
  if (Object.keys(fields).length > 0) throw sessionFieldErrors(fields);
  return {
    kind: v.kind,
    title: v.title,
    topic: v.topic,
    description: v.description === "" ? null : v.description,
    areaId: v.areaId,
    location: v.location,
    livestreamUrl: v.livestreamUrl === "" ? null : v.livestreamUrl,
    startsAt,
    endsAt,
    questionsInAdvance: v.questionsInAdvance,
    questionsCloseAt,
    leaders: v.leaders,
  };
}

/** The valid-today leader memberships: who may be named as a leader taking part. */
const validLeader = and(
  eq(memberships.role, "leader"),
  isNull(users.disabledAt),
  lte(memberships.validFrom, sql`current_date`),
  or(isNull(memberships.validTo), gte(memberships.validTo, sql`current_date`)),
);

/** Officials who can take part as leaders: users holding a leader membership anywhere, valid today. */
export async function leaderCandidates(db: DbOrTx): Promise<{ userId: string; name: string; email: string }[]> {
  const rows = await db
    .selectDistinct({ userId: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(validLeader)
    .orderBy(users.name);
  return rows.map((r) => ({ userId: r.userId, name: r.name ?? r.email, email: r.email }));
}

/** The checks that need the database: the area exists and is in force, every leader holds a leader's role. */
export async function checkSessionReferences(tx: DbOrTx, details: SessionDetails): Promise<void> {
  const fields: Record<string, SessionFieldProblem> = {};
  const [area] = await tx
    .select({ id: areas.id })
    .from(areas)
    .where(and(eq(areas.id, details.areaId), or(isNull(areas.validTo), gte(areas.validTo, sql`current_date`))))
    .limit(1);
  if (!area) fields.areaId = "invalid";
  const ids = details.leaders.map((l) => l.userId);
  const found = ids.length
    ? await tx.selectDistinct({ userId: memberships.userId }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(and(validLeader, inArray(memberships.userId, ids)))
    : [];
  const leaders = new Set(found.map((r) => r.userId));
  details.leaders.forEach((l, i) => {
    if (!leaders.has(l.userId)) fields[`leaders.${i}.userId`] = "not_leader";
  });
  if (Object.keys(fields).length > 0) throw sessionFieldErrors(fields);
}

/**
 * The yearly dialogue conference is the commune's (Law 10/2022 art. 32): its People's Committee or Fatherland
 * Front holds it, for its own commune, ward or special zone.
 */
export async function checkConferenceHost(tx: DbOrTx, unitId: string, details: SessionDetails): Promise<void> {
  if (details.kind !== "conference") return;
  const [unit] = await tx
    .select({ kind: units.kind, areaId: units.areaId, areaKind: areas.kind })
    .from(units)
    .leftJoin(areas, eq(areas.id, units.areaId))
    .where(eq(units.id, unitId));
  const communeLevel = unit?.areaKind === "commune" || unit?.areaKind === "ward" || unit?.areaKind === "special_zone";
  if (!unit || (unit.kind !== "peoples_committee" && unit.kind !== "fatherland_front") || !communeLevel) throw sessionFieldErrors({ kind: "conference_unit" });
  if (unit.areaId !== details.areaId) throw sessionFieldErrors({ areaId: "conference_area" });
}

/** The session's own refusals, as pages translate them. */
export type SessionRefusal = "stale_version" | "invalid_transition" | "not_editable";

export function sessionError(code: AppError["code"], reason: SessionRefusal | "not_allowed" | "not_found"): AppError {
  return new AppError(code, reason, { reason });
}

/** The version the form was rendered with: a stale form is refused rather than overwriting someone's change. */
export function checkVersion(current: number, posted: unknown): void {
  const expected = typeof posted === "string" ? Number(posted) : posted;
  if (expected !== current) throw sessionError("conflict", "stale_version");
}
