import "server-only";
import { and, asc, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { cases, units } from "@/db/schema";
import { addCalendarDays, toLocalDate } from "@/domain/calendar";
import { assertStaff, type Viewer } from "@/server/auth/roles";
import { visibleUnitIds } from "@/server/auth/unit-scope";
import { currentDueOn, overdueWhere } from "./overdue";

const CLOSED = ["not_accepted", "answered", "closed", "withdrawn"] as const;

/** The staff dashboard: open cases in the viewer's scope, earliest deadline first. */
export async function listStaffCases(db: DbOrTx, viewer: Viewer | null, now = new Date(), limit = 50) {
  assertStaff(viewer);
  const unitIds = await visibleUnitIds(db, viewer);
  const today = toLocalDate(now);
  const soon = addCalendarDays(today, 3);
  if (unitIds.length === 0) return { rows: [], totals: { open: 0, overdue: 0, dueSoon: 0 } };
  const scope = and(inArray(cases.unitId, unitIds), notInArray(cases.status, [...CLOSED]));
  const [totals] = await db
    .select({
      open: sql<number>`count(*)`.mapWith(Number),
      overdue: sql<number>`count(*) filter (where ${overdueWhere(today)})`.mapWith(Number),
      dueSoon: sql<number>`count(*) filter (where ${currentDueOn} between ${today} and ${soon})`.mapWith(Number),
    })
    .from(cases)
    .where(scope);
  const rows = await db
    .select({
      id: cases.id,
      code: cases.code,
      title: cases.title,
      kind: cases.kind,
      status: cases.status,
      unitName: units.name,
      unitNameEn: units.nameEn,
      dueOn: currentDueOn,
    })
    .from(cases)
    .innerJoin(units, eq(units.id, cases.unitId))
    .where(scope)
    .orderBy(asc(currentDueOn), asc(cases.receivedAt))
    .limit(limit);
  return { rows, totals: totals ?? { open: 0, overdue: 0, dueSoon: 0 } };
}
