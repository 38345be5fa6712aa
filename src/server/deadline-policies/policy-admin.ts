import "server-only";
import { and, count, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx, Tx } from "@/db/client";
import { cases, deadlinePolicies } from "@/db/schema";
import type { DeadlinePolicy, PeriodUnit } from "@/domain/deadlines";
import { isIsoDate } from "@/domain/calendar";
import { checkVersion, type EndChange, type Placement, type TimelineVersion, type VersionDraft } from "@/domain/deadline-policies/versions";
import { CASE_KINDS, type Instance, type IsoDate } from "@/domain/types";
import { adminFieldError, adminRefusal } from "@/server/admin/admin-frame";
import { policyFromRow } from "@/server/deadlines/policy-rows";
import { AppError } from "@/server/errors";
import { filerText, parseFilerInput } from "@/server/filer/filer-access";

/** The fields of the version form, as posted (strings; empty = none). */
export const VERSION_FIELDS = [
  "kind",
  "instance",
  "effectiveFrom",
  "effectiveTo",
  "acceptanceAmount",
  "acceptanceUnit",
  "resolutionAmount",
  "resolutionUnit",
  "remoteResolutionAmount",
  "remoteResolutionUnit",
  "extensionMaxCount",
  "extensionMaxDays",
  "progressUpdateEveryDays",
  "pausesOnInfoRequest",
  "legalBasis",
  "note",
  "confirmed",
] as const;
export type VersionInput = { [K in (typeof VERSION_FIELDS)[number] | "id"]?: unknown };

const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v);
const blankToNull = (v: unknown) => {
  const t = trimmed(v);
  return t === "" || t === undefined || t === null ? null : t;
};
const toNumber = (v: unknown) => {
  const t = blankToNull(v);
  return t === null ? undefined : typeof t === "string" ? Number(t) : t;
};
const intError = (issue: { input?: unknown }) => (issue.input === undefined ? "required" : "invalid");
const requiredInt = z.preprocess(toNumber, z.number({ error: intError }).int({ error: "invalid" }));
const optionalInt = z.preprocess((v) => toNumber(v) ?? null, z.number({ error: "invalid" }).int({ error: "invalid" }).nullable());
const unit = z.preprocess((v) => blankToNull(v) ?? undefined, z.enum(["working_days", "days"], { error: "invalid" }).default("days"));
const date = z.preprocess((v) => blankToNull(v) ?? undefined, z.string({ error: "required" }).refine(isIsoDate, { error: "invalid" }));
const optionalDate = z.preprocess(blankToNull, z.string().refine(isIsoDate, { error: "invalid" }).nullable());
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

const versionSchema = z.object({
  kind: z.enum(CASE_KINDS, { error: (issue) => (issue.input === undefined || issue.input === "" ? "required" : "invalid") }),
  instance: z.preprocess(blankToNull, z.union([z.literal("1"), z.literal("2"), z.literal(1), z.literal(2)], { error: "invalid" }).nullable()),
  effectiveFrom: date,
  effectiveTo: optionalDate,
  acceptanceAmount: requiredInt,
  acceptanceUnit: unit,
  resolutionAmount: optionalInt,
  resolutionUnit: unit,
  remoteResolutionAmount: optionalInt,
  remoteResolutionUnit: unit,
  extensionMaxCount: optionalInt,
  extensionMaxDays: optionalInt,
  progressUpdateEveryDays: optionalInt,
  pausesOnInfoRequest: checkbox,
  legalBasis: filerText({ max: 2000 }),
  note: filerText({ max: 2000 }),
  confirmed: checkbox,
});

export const idSchema = z.object({ id: z.string({ error: "required" }).uuid({ error: "invalid" }) });

/** A posted version: parsed by zod (types), then checked by the pure rules (ranges, order of dates). */
export function parseVersion(input: VersionInput, earliestFrom: (draft: VersionDraft) => IsoDate | null): VersionDraft & { confirmed: boolean } {
  const v = parseFilerInput(versionSchema, input);
  const count = v.extensionMaxCount ?? 0;
  if (count > 0 && v.extensionMaxDays === null) throw adminFieldError("extensionMaxDays", "required");
  const draft: VersionDraft = {
    kind: v.kind,
    instance: v.instance === null ? null : (Number(v.instance) as Instance),
    effectiveFrom: v.effectiveFrom,
    effectiveTo: v.effectiveTo,
    acceptance: { amount: v.acceptanceAmount, unit: v.acceptanceUnit as PeriodUnit },
    resolution: v.resolutionAmount === null ? null : { amount: v.resolutionAmount, unit: v.resolutionUnit as PeriodUnit },
    remoteResolution: v.remoteResolutionAmount === null ? null : { amount: v.remoteResolutionAmount, unit: v.remoteResolutionUnit as PeriodUnit },
    extension: count > 0 ? { maxCount: count, maxDaysEach: v.extensionMaxDays! } : null,
    progressUpdateEveryDays: v.progressUpdateEveryDays,
    pausesOnInfoRequest: v.pausesOnInfoRequest,
    legalBasis: v.legalBasis,
    note: v.note === "" ? null : v.note,
  };
  const problems = checkVersion(draft, earliestFrom(draft));
  if (Object.keys(problems).length > 0) throw new AppError("invalid_input", "invalid_input", { fields: problems });
  return { ...draft, confirmed: v.confirmed };
}

export function draftToRow(d: VersionDraft) {
  return {
    kind: d.kind,
    instance: d.instance,
    effectiveFrom: d.effectiveFrom,
    effectiveTo: d.effectiveTo,
    acceptanceAmount: d.acceptance.amount,
    acceptanceUnit: d.acceptance.unit,
    resolutionAmount: d.resolution?.amount ?? null,
    resolutionUnit: d.resolution?.unit ?? null,
    remoteResolutionAmount: d.remoteResolution?.amount ?? null,
    remoteResolutionUnit: d.remoteResolution?.unit ?? null,
    extensionMaxCount: d.extension?.maxCount ?? null,
    extensionMaxDays: d.extension?.maxDaysEach ?? null,
    progressUpdateEveryDays: d.progressUpdateEveryDays,
    pausesOnInfoRequest: d.pausesOnInfoRequest,
    legalBasis: d.legalBasis,
    note: d.note,
  };
}

const asTimeline = (p: DeadlinePolicy): TimelineVersion => ({
  id: p.id,
  kind: p.kind,
  instance: p.instance,
  effectiveFrom: p.effectiveFrom,
  effectiveTo: p.effectiveTo,
  confirmed: p.confirmed !== false,
});

/** The versions of a kind and instance (read inside the admin lock, so the plan sees what it changes). */
export async function loadLine(tx: DbOrTx, kind: DeadlinePolicy["kind"], instance: Instance | null): Promise<{ policies: DeadlinePolicy[]; line: TimelineVersion[] }> {
  const rows = await tx
    .select()
    .from(deadlinePolicies)
    .where(and(eq(deadlinePolicies.kind, kind), instance === null ? isNull(deadlinePolicies.instance) : eq(deadlinePolicies.instance, instance)));
  const policies = rows.map(policyFromRow);
  return { policies, line: policies.map(asTimeline) };
}

/** One version, locked for the change; not found if the id is unknown. */
export async function lockVersion(tx: Tx, input: { id?: unknown }): Promise<DeadlinePolicy> {
  const { id } = parseFilerInput(idSchema, input);
  const [row] = await tx.select().from(deadlinePolicies).where(eq(deadlinePolicies.id, id)).for("update");
  if (!row) throw new AppError("not_found", "not_found", { reason: "not_found" });
  return policyFromRow(row);
}

export async function casesUsing(db: DbOrTx, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: cases.policyId, n: count() }).from(cases).where(inArray(cases.policyId, ids)).groupBy(cases.policyId);
  return new Map(rows.map((r) => [r.id!, Number(r.n)]));
}

/** A refused placement, shown beside the date that causes it, naming the other version's start date. */
export function placementError(placed: Exclude<Placement, { ok: true }>, policies: readonly DeadlinePolicy[], from: IsoDate): AppError {
  const other = policies.find((p) => p.id === placed.with);
  // Running into a later version is the end date's fault; sharing a start or sitting inside an earlier one, the start's.
  const field = placed.problem === "overlap" && other && other.effectiveFrom > from ? "effectiveTo" : "effectiveFrom";
  return adminFieldError(field, placed.problem, { date: other?.effectiveFrom ?? "" });
}

/** Writes the end dates a plan changes; returns them with their previous values for the audit entry. */
export async function applyEnds(tx: Tx, policies: readonly DeadlinePolicy[], ends: readonly EndChange[]) {
  const before = new Map(policies.map((p) => [p.id, p.effectiveTo]));
  for (const e of ends) await tx.update(deadlinePolicies).set({ effectiveTo: e.effectiveTo }).where(eq(deadlinePolicies.id, e.id));
  return ends.map((e) => ({ id: e.id, effectiveToBefore: before.get(e.id) ?? null, effectiveTo: e.effectiveTo }));
}

/** A version may only be changed while no case uses it and it has not come into force. */
export function refuseUnchangeable(reason: "ok" | "in_use" | "in_force", cases: number): void {
  if (reason !== "ok") throw adminRefusal(reason, { cases });
}
