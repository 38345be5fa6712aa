import "server-only";
import { and, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { cases } from "@/db/schema";
import { OPEN_STATUSES } from "@/server/workspace/list-inbox";

export type OpenAssignment = { caseId: string; code: string; status: string };

/** The open cases (received, accepted, information requested) an account is assigned, for reassignment. */
export async function openAssignmentsOf(db: DbOrTx, userIds: string[]): Promise<Map<string, OpenAssignment[]>> {
  const byUser = new Map<string, OpenAssignment[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .select({ caseId: cases.id, code: cases.code, status: cases.status, assigneeId: cases.assigneeId })
    .from(cases)
    .where(and(inArray(cases.assigneeId, userIds), inArray(cases.status, [...OPEN_STATUSES])))
    .orderBy(cases.code);
  for (const r of rows) byUser.set(r.assigneeId!, [...(byUser.get(r.assigneeId!) ?? []), { caseId: r.caseId, code: r.code, status: r.status }]);
  return byUser;
}
