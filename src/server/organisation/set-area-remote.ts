import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { areas, cases } from "@/db/schema";
import { adminChange } from "@/server/admin/admin-frame";
import type { Viewer } from "@/server/auth/roles";
import { parseFilerInput } from "@/server/filer/filer-access";
import { OPEN_STATUSES } from "@/server/workspace/list-inbox";
import { checkbox, findNode, requiredId, type FormInput } from "./org-frame";

export const areaRemoteSchema = z.object({ id: requiredId, remote: checkbox });

/**
 * Marks an area remote or difficult (vùng sâu, vùng xa), or not. Complaints received there from now on get the
 * longer remote-area resolution period; a case keeps the flag it was received with (cases.remote_area), so the
 * open cases of the area are counted, not changed.
 */
export async function setAreaRemote(db: Database, viewer: Viewer | null, input: FormInput<typeof areaRemoteSchema>): Promise<{ openCasesKept: number }> {
  return adminChange(db, viewer, async (tx) => {
    const { id, remote } = parseFilerInput(areaRemoteSchema, input);
    const row = await findNode(tx, "area", id);
    const before = row.remote;
    await tx.update(areas).set({ remote }).where(eq(areas.id, id));
    const open = await tx.select({ id: cases.id }).from(cases).where(and(eq(cases.areaId, id), inArray(cases.status, [...OPEN_STATUSES])));
    return {
      result: { openCasesKept: open.length },
      audit: { action: "area.remote_set", entityType: "area", entityId: id, data: { code: row.code, before: { remote: before }, after: { remote }, openCasesKept: open.length } },
    };
  });
}
