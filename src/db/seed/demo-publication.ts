import type { Tx } from "@/db/client";

/** Demo: published questions and answers ("Công khai"). Filled in by the publication room. */
export async function seedPublication(_tx: Tx, _now: Date): Promise<void> {}
