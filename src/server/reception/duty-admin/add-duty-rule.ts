import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { receptionDutyRules } from "@/db/schema";
import { isIsoDate } from "@/domain/calendar";
import { DUTY_PERIODS, POSITION_KINDS } from "@/domain/reception/vocabulary";
import type { Viewer } from "@/server/auth/roles";
import { filerText, parseFilerInput } from "@/server/filer/filer-access";
import { dutyAdminChange, dutyFieldError } from "./duty-admin-frame";

export const addDutyRuleSchema = z.object({
  positionKind: z.enum(POSITION_KINDS, { error: "required" }),
  times: z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).min(1, { error: "invalid" }).max(31, { error: "invalid" }),
  per: z.enum(DUTY_PERIODS, { error: "required" }),
  legalBasis: filerText({ required: true, max: 1000 }),
  effectiveFrom: z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string().min(1, { error: "required" }).refine(isIsoDate, { error: "invalid" })),
  /** A checkbox: "on" when the admin has seen the official text. */
  confirmed: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
});

export type AddDutyRuleInput = { [K in keyof z.input<typeof addDutyRuleSchema>]?: unknown };

/**
 * Records a new version of a kind's duty rule (a change of law): it is in force from its date, and the version
 * before it ends the day before. An existing version's numbers are never edited; two versions of a kind cannot
 * start on the same day. A week's rule needs at most 5 days (the working week).
 */
export async function addDutyRule(db: Database, viewer: Viewer | null, input: AddDutyRuleInput, now = new Date()): Promise<{ id: string }> {
  return dutyAdminChange(
    db,
    viewer,
    async (tx, admin) => {
      const v = parseFilerInput(addDutyRuleSchema, input);
      if (v.per === "week" && v.times > 5) throw dutyFieldError("times", "invalid");
      const [taken] = await tx
        .select({ id: receptionDutyRules.id })
        .from(receptionDutyRules)
        .where(and(eq(receptionDutyRules.positionKind, v.positionKind), eq(receptionDutyRules.effectiveFrom, v.effectiveFrom)))
        .limit(1);
      if (taken) throw dutyFieldError("effectiveFrom", "taken");
      const [row] = await tx
        .insert(receptionDutyRules)
        .values({ positionKind: v.positionKind, times: v.times, per: v.per, legalBasis: v.legalBasis, effectiveFrom: v.effectiveFrom, confirmed: v.confirmed, createdBy: admin.userId, createdAt: now })
        .returning({ id: receptionDutyRules.id });
      return {
        result: { id: row!.id },
        audit: { action: "reception.duty_rule_added", entityType: "reception_duty_rule", entityId: row!.id, data: { ...v } },
      };
    },
    now,
  );
}
