import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { areas } from "@/db/schema";

/**
 * Approximate centres of the demo areas (WGS84), so that an Open311 request given as lat/long is placed in the
 * nearest one (src/domain/open311/geo.ts). No demo API key: an admin issues one at /can-bo/open311, shown once.
 */
export const DEMO_AREA_CENTRES: Record<string, { latitude: number; longitude: number }> = {
  "demo-52": { latitude: 13.8079, longitude: 108.1094 },
  "demo-21583": { latitude: 13.7765, longitude: 109.2237 },
  "demo-21601": { latitude: 13.7333, longitude: 109.2117 },
  "demo-23602": { latitude: 13.9833, longitude: 108.0 },
  "demo-21652": { latitude: 13.8878, longitude: 109.1108 },
  "demo-23629": { latitude: 14.0795, longitude: 107.9819 },
  "demo-23737": { latitude: 13.9946, longitude: 107.8289 },
  "demo-23896": { latitude: 14.1358, longitude: 108.6259 },
  "demo-24100": { latitude: 13.2017, longitude: 108.6789 },
  "demo-23812": { latitude: 13.7316, longitude: 107.6219 },
  "demo-21610": { latitude: 13.6037, longitude: 109.3525 },
};

export async function seedOpen311(tx: Tx, _now: Date): Promise<void> {
  for (const [code, centre] of Object.entries(DEMO_AREA_CENTRES)) {
    await tx.update(areas).set(centre).where(eq(areas.code, code));
  }
}
