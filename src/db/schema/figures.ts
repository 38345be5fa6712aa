import { bigint, date, integer, pgTable, primaryKey, smallint } from "drizzle-orm/pg-core";

/**
 * Running totals behind the public headline figures, kept by triggers on `cases` in the same transaction as
 * every change (drizzle/0008_case_tallies.sql), so that a page read by a crowd sums a few rows instead of
 * counting every case. Each total is split over a few shards, chosen at random per change, so that citizens
 * filing at the same moment do not queue on one row lock; a reader adds the shards up.
 * Checked against a count from scratch by tests/db/case-tallies.test.ts.
 */
export const caseTallies = pgTable("case_tallies", {
  shard: smallint("shard").primaryKey(),
  received: bigint("received", { mode: "number" }).notNull().default(0),
  answered: bigint("answered", { mode: "number" }).notNull().default(0),
  answeredOnTime: bigint("answered_on_time", { mode: "number" }).notNull().default(0),
});

/**
 * Open cases whose running deadline (acceptance while received, resolution while accepted) falls on `due_on`.
 * "Overdue now" is the sum over the days before today: it changes with the date without any write.
 */
export const openCaseDueTallies = pgTable(
  "open_case_due_tallies",
  {
    dueOn: date("due_on").notNull(),
    shard: smallint("shard").notNull(),
    open: integer("open").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.dueOn, t.shard] })],
);
