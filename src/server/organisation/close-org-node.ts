import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { areas, units } from "@/db/schema";
import { toLocalDate } from "@/domain/calendar";
import { childrenOpenAfter, closeProblem } from "@/domain/organisation/changes";
import { adminChange, adminFieldError, adminRefusal } from "@/server/admin/admin-frame";
import type { Viewer } from "@/server/auth/roles";
import { parseFilerInput } from "@/server/filer/filer-access";
import { entityField, findNode, isoDateField, loadAreaRows, loadUnitRows, orgNodes, requiredId, unitsOfAreaAfter, unitWork, type FormInput } from "./org-frame";

export const closeSchema = z.object({ entity: entityField, id: requiredId, validTo: isoDateField });

/**
 * Closes an area or a unit with its last day (valid_to; today, past or planned ahead). Refused while something
 * would be left behind: open children (move or close them first), units still answering for the area, or, for a
 * unit, open cases or active routing rules: those move to a successor through a reorganisation
 * (/can-bo/quan-tri/sap-xep), which this verb does not do.
 */
export async function closeOrgNode(db: Database, viewer: Viewer | null, input: FormInput<typeof closeSchema>, now = new Date()): Promise<void> {
  return adminChange(db, viewer, async (tx) => {
    const { entity, id, validTo } = parseFilerInput(closeSchema, input);
    const row = await findNode(tx, entity, id);
    const problem = closeProblem(row, validTo, toLocalDate(now));
    if (problem) throw adminFieldError("validTo", problem);
    const children = childrenOpenAfter(orgNodes(entity === "area" ? await loadAreaRows(tx) : await loadUnitRows(tx)), id, validTo);
    if (children.length > 0) throw adminRefusal("has_open_children", { count: children.length, codes: children.map((c) => c.code) });
    if (entity === "area") {
      const answering = await unitsOfAreaAfter(tx, id, validTo);
      if (answering > 0) throw adminRefusal("area_has_units", { count: answering });
      await tx.update(areas).set({ validTo }).where(eq(areas.id, id));
    } else {
      const work = await unitWork(tx, id);
      if (work.openCases > 0 || work.activeRules > 0) throw adminRefusal("needs_successor", work);
      await tx.update(units).set({ validTo }).where(eq(units.id, id));
    }
    return { result: undefined, audit: { action: `${entity}.closed`, entityType: entity, entityId: id, data: { code: row.code, before: { validTo: row.validTo }, after: { validTo } } } };
  });
}
