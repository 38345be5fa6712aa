import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { cases, units } from "@/db/schema";
import { toLocalDate } from "@/domain/calendar";
import type { CaseKind, CaseStatus, IsoDate } from "@/domain/types";
import type { Viewer } from "@/server/auth/roles";
import { currentDueOn, overdueWhere } from "@/server/cases/overdue";
import { AppError } from "@/server/errors";
import { emailLookupHash } from "@/server/privacy/personal-data";

export type MyCase = {
  code: string;
  title: string;
  kind: CaseKind;
  status: CaseStatus;
  receivedAt: Date;
  unitName: string;
  unitNameEn: string;
  /** The deadline that runs now (acceptance or resolution), if any. */
  dueOn: IsoDate | null;
  overdue: boolean;
};

/** Enough for anyone; a citizen with more cases than this is an outlier we would rather page than load. */
const MAX_ROWS = 500;

/**
 * The cases filed with the signed-in user's email, newest first. The magic link proved the email, and
 * cases store only a keyed hash of it, so this is the one way to find them.
 */
export async function listMyCases(db: DbOrTx, viewer: Viewer | null, now = new Date()): Promise<MyCase[]> {
  if (!viewer) throw new AppError("unauthenticated");
  const today = toLocalDate(now);
  return db
    .select({
      code: cases.code,
      title: cases.title,
      kind: cases.kind,
      status: cases.status,
      receivedAt: cases.receivedAt,
      unitName: units.name,
      unitNameEn: units.nameEn,
      dueOn: currentDueOn,
      overdue: sql<boolean>`coalesce(${overdueWhere(today)}, false)`.mapWith(Boolean),
    })
    .from(cases)
    .innerJoin(units, eq(units.id, cases.unitId))
    .where(eq(cases.filerEmailHash, emailLookupHash(viewer.email)))
    .orderBy(desc(cases.receivedAt), desc(cases.id))
    .limit(MAX_ROWS);
}
