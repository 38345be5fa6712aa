import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { cases, units } from "@/db/schema";

/** What the receipt page shows besides the access key: public facts only. */
export async function getReceipt(db: DbOrTx, code: string) {
  const [row] = await db
    .select({ code: cases.code, kind: cases.kind, receivedAt: cases.receivedAt, acceptanceDueOn: cases.acceptanceDueOn, unitName: units.name, unitNameEn: units.nameEn })
    .from(cases)
    .innerJoin(units, eq(units.id, cases.unitId))
    .where(eq(cases.code, code))
    .limit(1);
  return row ?? null;
}
