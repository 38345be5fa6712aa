import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { receptionDutyRules } from "@/db/schema";
import type { Viewer } from "@/server/auth/roles";
import { isUuid } from "@/server/workspace/case-access";
import { dutyAdminChange, dutyAdminError } from "./duty-admin-frame";

/**
 * Marks a version seen only in an unofficial copy as confirmed against the official text. Its numbers and dates
 * stay as they are (a different text is a new version); confirming twice is refused as stale.
 */
export async function confirmDutyRule(db: Database, viewer: Viewer | null, input: { ruleId?: unknown }, now = new Date()): Promise<void> {
  return dutyAdminChange(
    db,
    viewer,
    async (tx) => {
      const ruleId = String(input.ruleId ?? "");
      if (!isUuid(ruleId)) throw dutyAdminError("not_found", "not_found");
      const [row] = await tx
        .update(receptionDutyRules)
        .set({ confirmed: true })
        .where(and(eq(receptionDutyRules.id, ruleId), eq(receptionDutyRules.confirmed, false)))
        .returning({ id: receptionDutyRules.id, kind: receptionDutyRules.positionKind, effectiveFrom: receptionDutyRules.effectiveFrom });
      if (!row) {
        const [exists] = await tx.select({ id: receptionDutyRules.id }).from(receptionDutyRules).where(eq(receptionDutyRules.id, ruleId)).limit(1);
        throw exists ? dutyAdminError("conflict", "stale_version") : dutyAdminError("not_found", "not_found");
      }
      return {
        result: undefined,
        audit: { action: "reception.duty_rule_confirmed", entityType: "reception_duty_rule", entityId: row.id, data: { positionKind: row.kind, effectiveFrom: row.effectiveFrom } },
        // Confirming changes no numbers: nothing to regenerate beyond what is missing.
      };
    },
    now,
  );
}
