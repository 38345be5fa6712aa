import "server-only";
import { asc } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { units } from "@/db/schema";

/** Every unit (closed ones too: a past period may need them), by name, for the report's unit picker. */
export async function listReportUnits(db: DbOrTx): Promise<Array<{ code: string; name: string; nameEn: string }>> {
  return db.select({ code: units.code, name: units.name, nameEn: units.nameEn }).from(units).orderBy(asc(units.name));
}
