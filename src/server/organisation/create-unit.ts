import "server-only";
import { z } from "zod";
import type { Database } from "@/db/client";
import { units } from "@/db/schema";
import { toLocalDate } from "@/domain/calendar";
import { UNIT_KINDS } from "@/domain/types";
import { adminChange } from "@/server/admin/admin-frame";
import type { Viewer } from "@/server/auth/roles";
import { parseFilerInput } from "@/server/filer/filer-access";
import { assertAreaOpen, assertCodeFree, assertParentAllowed, codeField, isoDateField, loadUnitRows, nameField, optionalId, orgNodes, type FormInput } from "./org-frame";

export const createUnitSchema = z.object({
  code: codeField,
  name: nameField,
  nameEn: nameField,
  kind: z.enum(UNIT_KINDS, { error: (issue) => (issue.input === undefined || issue.input === "" ? "required" : "invalid") }),
  parentId: optionalId,
  areaId: optionalId,
  email: z.preprocess((v) => {
    const t = typeof v === "string" ? v.trim() : v;
    return t === "" || t == null ? null : t;
  }, z.email({ error: "invalid" }).max(254, { error: "too_long" }).nullable()),
  validFrom: isoDateField,
});

/** A new unit (đơn vị) under an open parent unit, or at the top, answering for an open area or none. */
export async function createUnit(db: Database, viewer: Viewer | null, input: FormInput<typeof createUnitSchema>, now = new Date()): Promise<{ id: string }> {
  return adminChange(db, viewer, async (tx) => {
    const unit = parseFilerInput(createUnitSchema, input);
    const today = toLocalDate(now);
    await assertCodeFree(tx, "unit", unit.code);
    const id = crypto.randomUUID();
    assertParentAllowed([...orgNodes(await loadUnitRows(tx)), { id, parentId: null, code: unit.code, name: unit.name, validFrom: unit.validFrom, validTo: null }], id, unit.parentId, today);
    if (unit.areaId) await assertAreaOpen(tx, unit.areaId, today);
    await tx.insert(units).values({ id, ...unit });
    return { result: { id }, audit: { action: "unit.created", entityType: "unit", entityId: id, data: { before: null, after: unit } } };
  });
}
