import "server-only";
import { z } from "zod";
import type { Database } from "@/db/client";
import { areas } from "@/db/schema";
import { toLocalDate } from "@/domain/calendar";
import { AREA_KINDS } from "@/domain/types";
import { adminChange } from "@/server/admin/admin-frame";
import type { Viewer } from "@/server/auth/roles";
import { parseFilerInput } from "@/server/filer/filer-access";
import { assertCodeFree, assertParentAllowed, checkbox, codeField, isoDateField, loadAreaRows, nameField, optionalId, optionalName, orgNodes, type FormInput } from "./org-frame";

export const createAreaSchema = z.object({
  code: codeField,
  name: nameField,
  nameEn: optionalName,
  kind: z.enum(AREA_KINDS, { error: (issue) => (issue.input === undefined || issue.input === "" ? "required" : "invalid") }),
  parentId: optionalId,
  remote: checkbox,
  validFrom: isoDateField,
});

/** A new area (địa bàn) under an open parent area, or at the top; its code unused by any other area. */
export async function createArea(db: Database, viewer: Viewer | null, input: FormInput<typeof createAreaSchema>, now = new Date()): Promise<{ id: string }> {
  return adminChange(db, viewer, async (tx) => {
    const area = parseFilerInput(createAreaSchema, input);
    await assertCodeFree(tx, "area", area.code);
    const id = crypto.randomUUID();
    assertParentAllowed([...orgNodes(await loadAreaRows(tx)), { id, parentId: null, code: area.code, name: area.name, validFrom: area.validFrom, validTo: null }], id, area.parentId, toLocalDate(now));
    await tx.insert(areas).values({ id, ...area });
    return { result: { id }, audit: { action: "area.created", entityType: "area", entityId: id, data: { before: null, after: area } } };
  });
}
