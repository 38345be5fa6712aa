import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { areas, units } from "@/db/schema";
import { toLocalDate } from "@/domain/calendar";
import { adminChange } from "@/server/admin/admin-frame";
import type { Viewer } from "@/server/auth/roles";
import { parseFilerInput } from "@/server/filer/filer-access";
import { assertParentAllowed, entityField, findNode, loadAreaRows, loadUnitRows, optionalId, orgNodes, requiredId, type FormInput } from "./org-frame";

export const moveSchema = z.object({ entity: entityField, id: requiredId, parentId: optionalId });

/**
 * Gives an area or a unit a new parent (or none: the top of its tree). A parent below the node itself would close a
 * loop: refused beside the field, with the path from the node down to that parent.
 */
export async function moveOrgNode(db: Database, viewer: Viewer | null, input: FormInput<typeof moveSchema>, now = new Date()): Promise<void> {
  return adminChange(db, viewer, async (tx) => {
    const { entity, id, parentId } = parseFilerInput(moveSchema, input);
    const row = await findNode(tx, entity, id);
    assertParentAllowed(orgNodes(entity === "area" ? await loadAreaRows(tx) : await loadUnitRows(tx)), id, parentId, toLocalDate(now));
    if (entity === "area") await tx.update(areas).set({ parentId }).where(eq(areas.id, id));
    else await tx.update(units).set({ parentId }).where(eq(units.id, id));
    return { result: undefined, audit: { action: `${entity}.moved`, entityType: entity, entityId: id, data: { code: row.code, before: { parentId: row.parentId }, after: { parentId } } } };
  });
}
