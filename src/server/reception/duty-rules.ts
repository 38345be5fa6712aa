import "server-only";
import { asc } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { receptionDutyRules } from "@/db/schema";
import type { DutyRule } from "@/domain/reception/duty";

export type DutyRuleRow = typeof receptionDutyRules.$inferSelect;

export function dutyRuleFromRow(r: DutyRuleRow): DutyRule {
  return { id: r.id, positionKind: r.positionKind, times: r.times, per: r.per, legalBasis: r.legalBasis, effectiveFrom: r.effectiveFrom, effectiveTo: r.effectiveTo, confirmed: r.confirmed };
}

/** Every version of every duty rule (a handful of rows), for the pure duty module. */
export async function loadDutyRules(db: DbOrTx): Promise<DutyRule[]> {
  return (await db.select().from(receptionDutyRules).orderBy(asc(receptionDutyRules.positionKind), asc(receptionDutyRules.effectiveFrom))).map(dutyRuleFromRow);
}
