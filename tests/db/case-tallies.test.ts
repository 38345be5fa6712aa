// The home page's headline figures come from running totals kept by triggers on `cases`; they must always
// equal a count from scratch, whatever changed the cases and however (services, plain SQL, deletes, truncate).
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { seedDemoData } from "@/db/seed/seed-demo";
import { addCalendarDays, toLocalDate } from "@/domain/calendar";
import { overdueWhere } from "@/server/cases/overdue";
import { getHeadlineFigures } from "@/server/statistics/get-headline-figures";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
const now = new Date("2026-11-27T03:00:00Z");

/** The figures as the page computed them before the totals existed: every case counted. */
async function fromScratch(db: DbOrTx, at: Date) {
  const today = toLocalDate(at);
  const [row] = rowsOf<Record<string, string | null>>(
    await db.execute(sql`select min(received_at)::text as since, count(*) as received,
        count(*) filter (where answered_at is not null) as answered,
        count(*) filter (where answered_at is not null
          and (answered_at at time zone 'UTC' + interval '7 hours')::date <= coalesce(resolution_due_on, acceptance_due_on)) as on_time,
        count(*) filter (where ${overdueWhere(today)}) as overdue,
        (select count(*) from dialogue_sessions where status in ('ended', 'minutes_published')) as held
      from cases`),
  );
  return {
    since: row!.since ? new Date(row!.since) : null,
    received: Number(row!.received),
    answered: Number(row!.answered),
    answeredOnTime: Number(row!.on_time),
    overdue: Number(row!.overdue),
    sessionsHeld: Number(row!.held),
  };
}

async function expectTalliesMatch(at: Date) {
  expect(await getHeadlineFigures(t.db, at)).toEqual(await fromScratch(t.db, at));
  // Each row is a true count: no day is kept once its open cases are gone.
  const [row] = rowsOf<{ empty: string }>(await t.db.execute(sql`select count(*) as empty from open_case_due_tallies where open <= 0`));
  expect(Number(row!.empty)).toBe(0);
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
});
afterAll(() => t.close());

describe("headline figures from running totals", () => {
  it("equal a count from scratch after the demo seed, today and on other days", async () => {
    const figures = await getHeadlineFigures(t.db, now);
    expect(figures.received).toBeGreaterThanOrEqual(36);
    expect(figures.answered).toBeGreaterThan(0);
    expect(figures.overdue).toBeGreaterThan(0);
    for (const days of [-60, -10, 0, 3, 30, 400]) await expectTalliesMatch(new Date(now.getTime() + days * 86_400_000));
  });

  it("stay equal through any sequence of changes to cases, made by any code path", async () => {
    const ids = rowsOf<{ id: string }>(await t.db.execute(sql`select id from cases order by code`)).map((r) => r.id);
    const statuses = ["received", "accepted", "info_requested", "not_accepted", "answered", "closed", "withdrawn"] as const;
    const change = fc.oneof(
      fc.record({ kind: fc.constant("status" as const), at: fc.nat(ids.length - 1), status: fc.constantFrom(...statuses) }),
      fc.record({ kind: fc.constant("answer" as const), at: fc.nat(ids.length - 1), daysAgo: fc.integer({ min: -5, max: 90 }) }),
      fc.record({ kind: fc.constant("unanswer" as const), at: fc.nat(ids.length - 1) }),
      fc.record({ kind: fc.constant("due" as const), at: fc.nat(ids.length - 1), shift: fc.integer({ min: -40, max: 40 }), clear: fc.boolean() }),
      fc.record({ kind: fc.constant("touch" as const), at: fc.nat(ids.length - 1) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 12 }), async (changes) => {
        // Each run rolls back, so the next starts from the seeded state.
        await t.db
          .transaction(async (tx) => {
            for (const c of changes) {
              const id = ids[c.at]!;
              if (c.kind === "status") await tx.execute(sql`update cases set status = ${c.status} where id = ${id}`);
              if (c.kind === "answer")
                await tx.execute(sql`update cases set answered_at = ${new Date(now.getTime() - c.daysAgo * 86_400_000).toISOString()}::timestamptz where id = ${id}`);
              if (c.kind === "unanswer") await tx.execute(sql`update cases set answered_at = null where id = ${id}`);
              if (c.kind === "due")
                await tx.execute(
                  c.clear
                    ? sql`update cases set resolution_due_on = null where id = ${id}`
                    : sql`update cases set acceptance_due_on = ${addCalendarDays(toLocalDate(now), c.shift)}::date,
                        resolution_due_on = ${addCalendarDays(toLocalDate(now), c.shift + 20)}::date where id = ${id}`,
                );
              if (c.kind === "touch") await tx.execute(sql`update cases set version = version + 1, updated_at = now() where id = ${id}`);
            }
            const inside = { tallies: await getHeadlineFigures(tx, now), counted: await fromScratch(tx, now) };
            throw new Rollback(inside);
          })
          .catch((error: unknown) => {
            if (!(error instanceof Rollback)) throw error;
            expect(error.inside.tallies).toEqual(error.inside.counted);
          });
      }),
      { numRuns: 40 },
    );
    await expectTalliesMatch(now);
  });

  it("start, on an install that already has cases, from the cases there (migration 0009)", async () => {
    // An install from before the totals: no triggers, no totals, cases that keep changing.
    await t.db.execute(sql`drop trigger cases_follow_tallies on cases`);
    await t.db.execute(sql`drop trigger cases_reset_tallies on cases`);
    await t.db.execute(sql`delete from case_tallies`);
    await t.db.execute(sql`delete from open_case_due_tallies`);
    await t.db.execute(sql`update cases set status = 'accepted', resolution_due_on = acceptance_due_on where status = 'received'`);
    expect((await getHeadlineFigures(t.db, now)).received).toBe(0);
    const migration = readFileSync(path.resolve(import.meta.dirname, "../../drizzle/0009_case_tally_triggers.sql"), "utf8");
    for (const statement of migration.split("--> statement-breakpoint")) await t.db.execute(sql.raw(statement));
    await expectTalliesMatch(now);
    await t.db.execute(sql`update cases set answered_at = now(), status = 'answered' where status = 'accepted'`);
    await expectTalliesMatch(now);
  });

  it("follow deletes and a truncate", async () => {
    // Two answered cases nothing else points at (the demo puts some on a session's agenda, or ties them to a
    // question, a commitment or a reception's matter): codes are random, so the choice must not depend on them.
    const victims = rowsOf<{ id: string }>(
      await t.db.execute(sql`select c.id from cases c where c.answered_at is not null
        and not exists (select 1 from dialogue_agenda_items x where x.case_id = c.id)
        and not exists (select 1 from dialogue_questions x where x.case_id = c.id)
        and not exists (select 1 from commitments x where x.case_id = c.id)
        and not exists (select 1 from reception_matters x where x.case_id = c.id)
        order by c.code limit 2`),
    );
    expect(victims).toHaveLength(2);
    const list = sql.join(victims.map((v) => sql`${v.id}`), sql`, `);
    for (const table of ["case_events", "case_parties", "attachments"]) await t.db.execute(sql`delete from ${sql.identifier(table)} where case_id in (${list})`);
    await t.db.execute(sql`delete from cases where id in (${list})`);
    await expectTalliesMatch(now);
    await t.db.execute(sql`truncate cases cascade`);
    expect(await getHeadlineFigures(t.db, now)).toMatchObject({ received: 0, answered: 0, answeredOnTime: 0, overdue: 0 });
    await expectTalliesMatch(now);
  });
});

class Rollback extends Error {
  constructor(readonly inside: { tallies: unknown; counted: unknown }) {
    super("rollback");
  }
}

