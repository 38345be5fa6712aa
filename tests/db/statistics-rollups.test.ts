// The statistics come from monthly rollups kept by triggers on `cases` and `case_events` (drizzle/0017); they must
// always equal a count from scratch, whatever changed the cases and however (services, plain SQL, deletes,
// truncate), for the province and for any unit's scope.
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { seedDemoData } from "@/db/seed/seed-demo";
import { addCalendarDays, toLocalDate } from "@/domain/calendar";
import type { RollupData } from "@/domain/statistics/summarise";
import { countFromScratch, countOverdueFromScratch, countOverdueNow, loadRollups } from "@/server/statistics/case-rollups";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
const now = new Date("2026-11-27T03:00:00Z");
const FROM = "2000-01-01";
const TO = "2100-12-31";

/** Rows in a canonical order, without zero rows: what both sides must agree on. */
function canonical(d: RollupData) {
  const key = (o: object) => JSON.stringify(o);
  const figures = d.figures.filter((f) => Object.values(f.counters).some((n) => n !== 0)).map((f) => key(f)).sort();
  return {
    figures,
    durations: d.durations.filter((r) => r.cases !== 0).map(key).sort(),
    fields: d.fields.filter((r) => r.received !== 0).map(key).sort(),
    areas: d.areas.filter((r) => r.received !== 0).map(key).sort(),
    transfers: d.transfers.filter((r) => r.transfers !== 0).map(key).sort(),
  };
}

async function scopes(db: DbOrTx): Promise<Array<string[] | null>> {
  const units = rowsOf<{ id: string }>(await db.execute(sql`select distinct unit_id as id from cases order by 1 limit 3`)).map((r) => r.id);
  return [null, ...units.map((u) => [u]), units];
}

async function expectRollupsMatch(db: DbOrTx) {
  for (const unitIds of await scopes(db)) {
    expect(canonical(await loadRollups(db, unitIds, FROM, TO))).toEqual(canonical(await countFromScratch(db, unitIds, FROM, TO)));
    for (const days of [-30, 0, 45]) {
      const today = addCalendarDays(toLocalDate(now), days);
      expect(await countOverdueNow(db, unitIds, today)).toBe(await countOverdueFromScratch(db, unitIds, today));
    }
  }
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
});
afterAll(() => t.close());

describe("statistics rollups", () => {
  it("equal a count from scratch after the demo seed", async () => {
    const all = await loadRollups(t.db, null, FROM, TO);
    expect(all.figures.reduce((s, f) => s + f.counters.received, 0)).toBeGreaterThanOrEqual(36);
    expect(all.figures.reduce((s, f) => s + f.counters.answered, 0)).toBeGreaterThan(0);
    await expectRollupsMatch(t.db);
  });

  it("stay equal through any sequence of changes to cases, made by any code path", async () => {
    const ids = rowsOf<{ id: string }>(await t.db.execute(sql`select id from cases order by code`)).map((r) => r.id);
    const units = rowsOf<{ id: string }>(await t.db.execute(sql`select id from units order by code limit 4`)).map((r) => r.id);
    const categories = rowsOf<{ id: string }>(await t.db.execute(sql`select id from categories order by code limit 3`)).map((r) => r.id);
    const statuses = ["received", "accepted", "info_requested", "not_accepted", "answered", "closed", "withdrawn"] as const;
    const at = fc.nat(ids.length - 1);
    const change = fc.oneof(
      fc.record({ kind: fc.constant("status" as const), at, status: fc.constantFrom(...statuses) }),
      fc.record({ kind: fc.constant("accept" as const), at, daysAgo: fc.integer({ min: -5, max: 400 }), clear: fc.boolean() }),
      fc.record({ kind: fc.constant("answer" as const), at, daysAgo: fc.integer({ min: -5, max: 400 }), clear: fc.boolean() }),
      fc.record({ kind: fc.constant("received" as const), at, daysAgo: fc.integer({ min: 0, max: 800 }) }),
      fc.record({ kind: fc.constant("due" as const), at, shift: fc.integer({ min: -40, max: 40 }), clear: fc.boolean() }),
      fc.record({ kind: fc.constant("unit" as const), at, unit: fc.nat(units.length - 1) }),
      fc.record({ kind: fc.constant("category" as const), at, category: fc.nat(categories.length - 1) }),
      fc.record({ kind: fc.constant("rating" as const), at, value: fc.constantFrom("satisfied", "unsatisfied", null) }),
      fc.record({ kind: fc.constant("contested" as const), at, clear: fc.boolean() }),
      fc.record({ kind: fc.constant("transfer" as const), at, unit: fc.nat(units.length - 1), daysAgo: fc.integer({ min: 0, max: 400 }) }),
      fc.record({ kind: fc.constant("touch" as const), at }),
    );
    const ago = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 12 }), async (changes) => {
        await t.db
          .transaction(async (tx) => {
            for (const c of changes) {
              const id = ids[c.at]!;
              if (c.kind === "status") await tx.execute(sql`update cases set status = ${c.status} where id = ${id}`);
              if (c.kind === "accept") await tx.execute(sql`update cases set accepted_at = ${c.clear ? null : ago(c.daysAgo)}::timestamptz where id = ${id}`);
              if (c.kind === "answer") await tx.execute(sql`update cases set answered_at = ${c.clear ? null : ago(c.daysAgo)}::timestamptz where id = ${id}`);
              if (c.kind === "received") await tx.execute(sql`update cases set received_at = ${ago(c.daysAgo)}::timestamptz where id = ${id}`);
              if (c.kind === "due")
                await tx.execute(
                  c.clear
                    ? sql`update cases set resolution_due_on = null where id = ${id}`
                    : sql`update cases set acceptance_due_on = ${addCalendarDays(toLocalDate(now), c.shift)}::date,
                        resolution_due_on = ${addCalendarDays(toLocalDate(now), c.shift + 20)}::date where id = ${id}`,
                );
              if (c.kind === "unit") await tx.execute(sql`update cases set unit_id = ${units[c.unit]!} where id = ${id}`);
              if (c.kind === "category") await tx.execute(sql`update cases set category_id = ${categories[c.category]!} where id = ${id}`);
              if (c.kind === "rating") await tx.execute(sql`update cases set satisfaction = ${c.value} where id = ${id}`);
              if (c.kind === "contested") await tx.execute(sql`update cases set contested_at = ${c.clear ? null : ago(1)}::timestamptz where id = ${id}`);
              if (c.kind === "transfer")
                await tx.execute(sql`insert into case_events (case_id, type, visibility, from_unit_id, to_unit_id, created_at)
                  select id, 'case.transferred', 'public', unit_id, ${units[c.unit]!}, ${ago(c.daysAgo)}::timestamptz from cases where id = ${id}`);
              if (c.kind === "touch") await tx.execute(sql`update cases set version = version + 1, updated_at = now() where id = ${id}`);
            }
            const units1 = [units[0]!];
            const inside = {
              rollups: [canonical(await loadRollups(tx, null, FROM, TO)), canonical(await loadRollups(tx, units1, FROM, TO))],
              counted: [canonical(await countFromScratch(tx, null, FROM, TO)), canonical(await countFromScratch(tx, units1, FROM, TO))],
              overdue: [await countOverdueNow(tx, null, toLocalDate(now)), await countOverdueFromScratch(tx, null, toLocalDate(now))],
            };
            throw new Rollback(inside);
          })
          .catch((error: unknown) => {
            if (!(error instanceof Rollback)) throw error;
            expect(error.inside.rollups).toEqual(error.inside.counted);
            expect(error.inside.overdue[0]).toBe(error.inside.overdue[1]);
          });
      }),
      { numRuns: 30 },
    );
    await expectRollupsMatch(t.db);
  });

  it("start, on an install that already has cases, from the cases there (migrations 0017 and 0019)", async () => {
    await t.db.execute(sql`drop trigger cases_follow_figures on cases`);
    await t.db.execute(sql`drop trigger cases_reset_figures on cases`);
    await t.db.execute(sql`drop trigger case_events_follow_transfers on case_events`);
    for (const table of ["case_figures_monthly", "case_fields_monthly", "case_areas_monthly", "case_durations_monthly", "case_durations_province_monthly", "case_open_due", "case_transfers_monthly"])
      await t.db.execute(sql`delete from ${sql.identifier(table)}`);
    await t.db.execute(sql`update cases set contested_at = null`);
    // As the migrator runs them: in order, in one transaction.
    await t.db.transaction(async (tx) => {
      for (const file of ["0017_statistics_rollup_triggers.sql", "0019_statistics_province_durations_trigger.sql"]) {
        const migration = readFileSync(path.resolve(import.meta.dirname, "../../drizzle", file), "utf8");
        for (const statement of migration.split("--> statement-breakpoint")) await tx.execute(sql.raw(statement));
      }
    });
    await expectRollupsMatch(t.db);
    await t.db.execute(sql`update cases set answered_at = now(), status = 'answered' where status = 'accepted'`);
    await expectRollupsMatch(t.db);
  });

  it("follow deletes and a truncate", async () => {
    const victims = rowsOf<{ id: string }>(
      await t.db.execute(sql`select c.id from cases c where c.answered_at is not null
        and not exists (select 1 from dialogue_agenda_items x where x.case_id = c.id)
        and not exists (select 1 from dialogue_questions x where x.case_id = c.id)
        and not exists (select 1 from commitments x where x.case_id = c.id)
        and not exists (select 1 from reception_matters x where x.case_id = c.id)
        and not exists (select 1 from cases x where x.parent_case_id = c.id)
        order by c.code limit 2`),
    );
    expect(victims).toHaveLength(2);
    const list = sql.join(victims.map((v) => sql`${v.id}`), sql`, `);
    for (const table of ["case_events", "case_parties", "attachments", "public_answers"]) await t.db.execute(sql`delete from ${sql.identifier(table)} where case_id in (${list})`);
    await t.db.execute(sql`delete from cases where id in (${list})`);
    await expectRollupsMatch(t.db);
    await t.db.execute(sql`truncate cases cascade`);
    expect(canonical(await loadRollups(t.db, null, FROM, TO)).figures).toEqual([]);
    await expectRollupsMatch(t.db);
  });
});

class Rollback extends Error {
  constructor(readonly inside: { rollups: unknown; counted: unknown; overdue: number[] }) {
    super("rollback");
  }
}
