import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { units } from "@/db/schema";
import { toLocalDate } from "@/domain/calendar";
import { adminChange } from "@/server/admin/admin-frame";
import type { Viewer } from "@/server/auth/roles";
import { parseFilerInput } from "@/server/filer/filer-access";
import { assertAreaOpen, findNode, optionalId, requiredId, type FormInput } from "./org-frame";

export const unitAreaSchema = z.object({ id: requiredId, areaId: optionalId });

/** Sets the area a unit answers for (an open area, or none). Routing falls back to a commune's People's Committee by it. */
export async function setUnitArea(db: Database, viewer: Viewer | null, input: FormInput<typeof unitAreaSchema>, now = new Date()): Promise<void> {
  return adminChange(db, viewer, async (tx) => {
    const { id, areaId } = parseFilerInput(unitAreaSchema, input);
    const row = await findNode(tx, "unit", id);
    if (areaId) await assertAreaOpen(tx, areaId, toLocalDate(now));
    await tx.update(units).set({ areaId }).where(eq(units.id, id));
    return { result: undefined, audit: { action: "unit.area_set", entityType: "unit", entityId: id, data: { code: row.code, before: { areaId: row.areaId }, after: { areaId } } } };
  });
}
