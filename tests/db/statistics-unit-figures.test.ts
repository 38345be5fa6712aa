// The list of units beside the province's statistics computes every unit's figures in a few grouped queries; each
// row must equal that unit's own figures as its page computes them, for whole months and for cut periods.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/rows";
import { seedDemoData } from "@/db/seed/seed-demo";
import { getCaseStatistics } from "@/server/statistics/get-case-statistics";
import { listUnitFigures } from "@/server/statistics/list-unit-figures";
import { resolveScope } from "@/server/statistics/scope";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
const now = new Date("2026-11-27T03:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
});
afterAll(() => t.close());

describe("every unit's figures at once", () => {
  it("equal each unit's own figures, for whole months and for periods that cut through months", async () => {
    const units = rowsOf<{ id: string }>(await t.db.execute(sql`select id from units order by code`)).map((r) => r.id);
    for (const period of [
      { from: "2025-01-01", to: "2026-12-31" },
      { from: "2026-06-15", to: "2026-11-14" },
      { from: "2026-11-03", to: "2026-11-20" },
    ]) {
      const all = await listUnitFigures(t.db, period, now);
      // Without medians: the same rows, medians left out.
      const light = await listUnitFigures(t.db, period, now, { medians: false });
      expect([...light.keys()].sort()).toEqual([...all.keys()].sort());
      for (const [unitId, f] of all) expect(light.get(unitId)).toEqual({ ...f, medianDaysToAccept: null, medianDaysToAnswer: null });
      let received = 0;
      for (const unitId of units) {
        const own = await getCaseStatistics(t.db, (await resolveScope(t.db, { kind: "unit", unitId, subtree: false }))!, period, now);
        const listed = all.get(unitId);
        if (own.figures.received === 0 && own.figures.overdueNow === 0 && own.figures.transferredIn === 0 && own.figures.transferredOut === 0) {
          expect(listed === undefined || listed.received === 0).toBe(true);
          continue;
        }
        expect(listed).toEqual(own.figures);
        received += own.figures.received;
      }
      const province = await getCaseStatistics(t.db, (await resolveScope(t.db, { kind: "province" }))!, period, now);
      expect(received).toBe(province.figures.received);
    }
  });
});
