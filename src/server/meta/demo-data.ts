import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { appMeta } from "@/db/schema";

export const DEMO_DATA_KEY = "demo_data_loaded_at";

export async function hasDemoData(db: DbOrTx): Promise<boolean> {
  const [row] = await db.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, DEMO_DATA_KEY)).limit(1);
  return !!row;
}
