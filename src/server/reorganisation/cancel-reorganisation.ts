import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { reorganisations } from "@/db/schema";
import { adminChange } from "@/server/admin/admin-frame";
import type { Viewer } from "@/server/auth/roles";
import { parseFilerInput } from "@/server/filer/filer-access";
import { lockPlanned, reorganisationIdSchema } from "./reorganisation-frame";

/** Cancels a planned reorganisation (nothing had moved). An applied one cannot be cancelled: it is history. */
export async function cancelReorganisation(db: Database, viewer: Viewer | null, input: { id?: unknown }): Promise<void> {
  await adminChange(db, viewer, async (tx) => {
    const { id } = parseFilerInput(reorganisationIdSchema, input);
    const { row, oldUnitIds } = await lockPlanned(tx, id);
    await tx.update(reorganisations).set({ status: "cancelled" }).where(eq(reorganisations.id, id));
    return { result: undefined, audit: { action: "reorganisation.cancelled", entityType: "reorganisation", entityId: id, data: { decision: row.decision, effectiveOn: row.effectiveOn, oldUnitIds } } };
  });
}
