import "server-only";
import { z } from "zod";
import { isIsoDate } from "@/domain/calendar";
import { AppError } from "@/server/errors";
import { checkboxField, httpsUrlField } from "@/lib/form-fields";

// The fields of the office's planning forms and their checks, shared by the plan verbs and adding a day.

export const PLAN_LIMITS = { place: 300, content: 3000, reason: 1000, url: 500 } as const;

/** What went wrong with one field (messages: reception.problems). */
export type PlanProblem =
  | "required"
  | "too_long"
  | "invalid"
  | "in_past"
  | "end_before_start"
  | "not_working_day"
  | "https_only"
  | "too_late_for_online"
  | "below_booked"
  | "unchanged";

/** The planning's own refusals of a whole form (messages: reception.errors). */
export type PlanRefusal = "stale_version" | "not_plannable" | "not_allowed" | "not_found";

export function planFieldErrors(fields: Record<string, PlanProblem>): AppError {
  return new AppError("invalid_input", "invalid_input", { fields });
}

export function planError(code: AppError["code"], reason: PlanRefusal): AppError {
  return new AppError(code, reason, { reason });
}

const KNOWN: readonly string[] = ["required", "https_only", "invalid", "below_booked"];

/** Parses with zod; a refusal carries one problem per field. */
export function parsePlanInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, PlanProblem> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join(".") : "form";
    fields[field] ??= issue.code === "too_big" && issue.message !== "invalid" ? "too_long" : issue.code === "too_small" ? "required" : KNOWN.includes(issue.message) ? (issue.message as PlanProblem) : "invalid";
  }
  throw planFieldErrors(fields);
}

/** Free text: NFC, trimmed, at most `max` characters. */
export function planText(max: number, required = true) {
  const text = z.string().max(max, { error: "too_long" });
  return z.preprocess((v) => (typeof v === "string" ? v.normalize("NFC").trim() : v == null ? "" : v), required ? text.min(1, { error: "required" }) : text);
}

export const dateField = z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().min(1, { error: "required" }).refine(isIsoDate, { error: "invalid" }));

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
export const timeField = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().replace(/^(\d):/, "0$1:") : ""),
  z.string().min(1, { error: "required" }).regex(TIME, { error: "invalid" }),
);

export const checkbox = checkboxField;

/** An https address with a host and no credentials (an online reception's link). */
export const httpsUrl = httpsUrlField(PLAN_LIMITS.url);

export const capacityField = z.preprocess(
  (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v),
  z.number({ error: (issue) => (issue.input === undefined ? "required" : "invalid") }).int({ error: "invalid" }).min(0, { error: "invalid" }).max(500, { error: "invalid" }),
);

/** The version the form was rendered with: a stale form is refused rather than overwriting someone's change. */
export function checkVersion(current: number, posted: unknown): void {
  const expected = typeof posted === "string" ? Number(posted) : posted;
  if (expected !== current) throw planError("conflict", "stale_version");
}
