import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { areas, units } from "@/db/schema";
import { changedFields } from "@/domain/organisation/changes";
import { adminChange, adminFieldError } from "@/server/admin/admin-frame";
import type { Viewer } from "@/server/auth/roles";
import { parseFilerInput } from "@/server/filer/filer-access";
import { entityField, findNode, nameField, optionalName, requiredId, type FormInput } from "./org-frame";

export const renameSchema = z.object({ entity: entityField, id: requiredId, name: nameField, nameEn: optionalName });

/** Renames an area or a unit in both languages (a unit's English name is required; an area's may stay empty). */
export async function renameOrgNode(db: Database, viewer: Viewer | null, input: FormInput<typeof renameSchema>): Promise<void> {
  return adminChange(db, viewer, async (tx) => {
    const { entity, id, name, nameEn } = parseFilerInput(renameSchema, input);
    if (entity === "unit" && nameEn === null) throw adminFieldError("nameEn", "required");
    const row = await findNode(tx, entity, id);
    const diff = changedFields({ name: row.name, nameEn: row.nameEn }, { name, nameEn });
    if (entity === "area") await tx.update(areas).set({ name, nameEn }).where(eq(areas.id, id));
    else await tx.update(units).set({ name, nameEn: nameEn! }).where(eq(units.id, id));
    return { result: undefined, audit: { action: `${entity}.renamed`, entityType: entity, entityId: id, data: { code: row.code, ...diff } } };
  });
}
