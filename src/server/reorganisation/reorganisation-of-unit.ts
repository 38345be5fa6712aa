import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { reorganisations, reorganisationUnits } from "@/db/schema";
import type { IsoDate } from "@/domain/types";

/** The applied reorganisation that closed a unit (its decision and date), for the unit's public record; null if none. Public data. */
export async function reorganisationOfUnit(db: DbOrTx, unitId: string): Promise<{ decision: string; effectiveOn: IsoDate } | null> {
  const [row] = await db
    .select({ decision: reorganisations.decision, effectiveOn: reorganisations.effectiveOn })
    .from(reorganisationUnits)
    .innerJoin(reorganisations, eq(reorganisations.id, reorganisationUnits.reorganisationId))
    .where(and(eq(reorganisationUnits.unitId, unitId), eq(reorganisations.status, "applied")))
    .orderBy(desc(reorganisations.appliedAt))
    .limit(1);
  return row ?? null;
}
