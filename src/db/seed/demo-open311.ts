import type { Tx } from "@/db/client";

/** Demo: an Open311 client key and the demo areas' centres. Filled in by the Open311 room. */
export async function seedOpen311(_tx: Tx, _now: Date): Promise<void> {}
