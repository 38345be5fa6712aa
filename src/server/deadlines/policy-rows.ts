import "server-only";
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { deadlinePolicies, holidays } from "@/db/schema";
import { createCalendar, type WorkCalendar } from "@/domain/calendar";
import type { DeadlinePolicy, Period } from "@/domain/deadlines";
import type { Instance } from "@/domain/types";

type PolicyRow = typeof deadlinePolicies.$inferSelect;
type PolicyInsert = typeof deadlinePolicies.$inferInsert;

function period(amount: number | null, unit: Period["unit"] | null): Period | null {
  return amount === null || unit === null ? null : { amount, unit };
}

export function policyFromRow(row: PolicyRow): DeadlinePolicy {
  return {
    id: row.id,
    kind: row.kind,
    instance: row.instance as Instance | null,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    acceptance: { amount: row.acceptanceAmount, unit: row.acceptanceUnit },
    resolution: period(row.resolutionAmount, row.resolutionUnit),
    remoteResolution: period(row.remoteResolutionAmount, row.remoteResolutionUnit),
    extension:
      row.extensionMaxCount !== null && row.extensionMaxDays !== null
        ? { maxCount: row.extensionMaxCount, maxDaysEach: row.extensionMaxDays }
        : null,
    progressUpdateEveryDays: row.progressUpdateEveryDays,
    pausesOnInfoRequest: row.pausesOnInfoRequest,
    legalBasis: row.legalBasis,
    confirmed: row.confirmed,
    note: row.note,
  };
}

export function policyToRow(policy: Omit<DeadlinePolicy, "id">): Omit<PolicyInsert, "id"> {
  return {
    kind: policy.kind,
    instance: policy.instance,
    effectiveFrom: policy.effectiveFrom,
    effectiveTo: policy.effectiveTo,
    acceptanceAmount: policy.acceptance.amount,
    acceptanceUnit: policy.acceptance.unit,
    resolutionAmount: policy.resolution?.amount ?? null,
    resolutionUnit: policy.resolution?.unit ?? null,
    remoteResolutionAmount: policy.remoteResolution?.amount ?? null,
    remoteResolutionUnit: policy.remoteResolution?.unit ?? null,
    extensionMaxCount: policy.extension?.maxCount ?? null,
    extensionMaxDays: policy.extension?.maxDaysEach ?? null,
    progressUpdateEveryDays: policy.progressUpdateEveryDays,
    pausesOnInfoRequest: policy.pausesOnInfoRequest,
    legalBasis: policy.legalBasis,
    confirmed: policy.confirmed ?? true,
    note: policy.note ?? null,
  };
}

export async function loadPolicies(db: DbOrTx): Promise<DeadlinePolicy[]> {
  return (await db.select().from(deadlinePolicies)).map(policyFromRow);
}

/** Confirmed entries only: a pre-filled holiday moves no deadline until an admin confirms it. */
export async function loadCalendar(db: DbOrTx): Promise<WorkCalendar> {
  const rows = await db.select().from(holidays).where(eq(holidays.confirmed, true)).orderBy(asc(holidays.date));
  return createCalendar(rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name })));
}
