import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./common";
import { users } from "./auth";
import { areas, categories, units } from "./organisation";
import { cases } from "./cases";

/*
 * Rollups behind the public statistics (src/domain/statistics/figures.ts says what each counter means). They are
 * kept by triggers on `cases` and `case_events` in the same transaction as every change (drizzle/0017), so that a
 * page or a yearly report sums a few thousand rows instead of reading a million cases. Each row of `cases` counts
 * in the month it was received (local time) and at the unit that holds it now: a pure function of the row, so the
 * triggers subtract the old row's part and add the new one's, and the totals always equal a count from scratch
 * (src/server/statistics/count-from-scratch.ts; checked by tests/db/statistics-rollups.test.ts).
 */

/** Per month of receipt, unit, kind and instance: the case counters. */
export const caseFiguresMonthly = pgTable(
  "case_figures_monthly",
  {
    month: date("month").notNull(),
    unitId: uuid("unit_id").notNull(),
    kind: text("kind").notNull(),
    instance: smallint("instance").notNull(),
    received: integer("received").notNull().default(0),
    refused: integer("refused").notNull().default(0),
    withdrawnBeforeAcceptance: integer("withdrawn_before_acceptance").notNull().default(0),
    accepted: integer("accepted").notNull().default(0),
    answered: integer("answered").notNull().default(0),
    answeredOnTime: integer("answered_on_time").notNull().default(0),
    rated: integer("rated").notNull().default(0),
    satisfied: integer("satisfied").notNull().default(0),
    contested: integer("contested").notNull().default(0),
    extended: integer("extended").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.month, t.unitId, t.kind, t.instance] }), index("case_figures_monthly_unit_idx").on(t.unitId, t.month)],
);

/** Per month of receipt and unit: how many cases took `days` calendar days to be accepted (measure 1) or answered (2). */
export const caseDurationsMonthly = pgTable(
  "case_durations_monthly",
  {
    month: date("month").notNull(),
    unitId: uuid("unit_id").notNull(),
    measure: smallint("measure").notNull(),
    days: integer("days").notNull(),
    cases: integer("cases").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.month, t.unitId, t.measure, t.days] }), index("case_durations_monthly_unit_idx").on(t.unitId, t.month)],
);

/**
 * The same durations for the whole province (no unit): the province's medians read a few thousand rows instead of
 * every unit's. Written by the same trigger (drizzle/0019); its rows are updated when a case is accepted or
 * answered, by staff, so no row is hot when citizens file at once.
 */
export const caseDurationsProvinceMonthly = pgTable(
  "case_durations_province_monthly",
  {
    month: date("month").notNull(),
    measure: smallint("measure").notNull(),
    days: integer("days").notNull(),
    cases: integer("cases").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.month, t.measure, t.days] })],
);

/** Per month of receipt and unit: cases received by field of life. */
export const caseFieldsMonthly = pgTable(
  "case_fields_monthly",
  {
    month: date("month").notNull(),
    unitId: uuid("unit_id").notNull(),
    categoryId: uuid("category_id").notNull(),
    received: integer("received").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.month, t.unitId, t.categoryId] }), index("case_fields_monthly_unit_idx").on(t.unitId, t.month)],
);

/** Per month of receipt and unit: cases received by area. */
export const caseAreasMonthly = pgTable(
  "case_areas_monthly",
  {
    month: date("month").notNull(),
    unitId: uuid("unit_id").notNull(),
    areaId: uuid("area_id").notNull(),
    received: integer("received").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.month, t.unitId, t.areaId] }), index("case_areas_monthly_unit_idx").on(t.unitId, t.month)],
);

/**
 * Open cases per unit whose running deadline (acceptance while received, resolution while accepted) falls on
 * `due_on`: "overdue now" for a scope is the sum over the days before today, so it moves with the date.
 */
export const caseOpenDue = pgTable(
  "case_open_due",
  {
    unitId: uuid("unit_id").notNull(),
    dueOn: date("due_on").notNull(),
    open: integer("open").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.dueOn] })],
);

/** Moves between units per month in which they happened (`case.transferred`, and `case.reopened` at another unit). */
export const caseTransfersMonthly = pgTable(
  "case_transfers_monthly",
  {
    month: date("month").notNull(),
    fromUnitId: uuid("from_unit_id").notNull(),
    toUnitId: uuid("to_unit_id").notNull(),
    transfers: integer("transfers").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.month, t.fromUnitId, t.toUnitId] })],
);

/**
 * "Công khai": a question and its answer published where the filer consented and staff marked the answer public,
 * with every identity removed (src/domain/publication/redact.ts) when it is written by the publishing job. The
 * public pages read only this table, never `cases`. `search_text` is the folded text (no diacritics).
 */
export const publicAnswers = pgTable(
  "public_answers",
  {
    id: id(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    /** The case's public tracking code (its status page). */
    code: text("code").notNull(),
    kind: text("kind").notNull(),
    instance: smallint("instance").notNull().default(1),
    categoryId: uuid("category_id")
      .notNull()
      .references(() => categories.id),
    areaId: uuid("area_id")
      .notNull()
      .references(() => areas.id),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    title: text("title").notNull(),
    question: text("question").notNull(),
    answer: text("answer").notNull(),
    searchText: text("search_text").notNull(),
    receivedOn: date("received_on").notNull(),
    answeredOn: date("answered_on").notNull(),
    /** The case's version when published: a later change (reopened, answer withdrawn) is picked up by the job. */
    caseVersion: integer("case_version").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("public_answers_case_key").on(t.caseId),
    index("public_answers_answered_idx").on(t.answeredOn),
    index("public_answers_category_idx").on(t.categoryId, t.answeredOn),
    index("public_answers_area_idx").on(t.areaId, t.answeredOn),
    index("public_answers_unit_idx").on(t.unitId, t.answeredOn),
    index("public_answers_search_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
    check("public_answers_kind_check", sql`${t.kind} <> 'denunciation'`),
  ],
);

/**
 * Keys for Open311 GeoReport v2 clients that post requests. Only a keyed hash of the key is stored; the key is
 * shown once to the admin who issues it. `hourly_limit` caps the requests a key may post in an hour (counted in
 * `rate_limits`, so the cap holds across instances).
 */
export const open311ApiKeys = pgTable(
  "open311_api_keys",
  {
    id: id(),
    name: text("name").notNull(),
    contact: text("contact"),
    keyHash: text("key_hash").notNull(),
    /** The first characters of the key, to tell keys apart in the admin list. */
    prefix: text("prefix").notNull(),
    hourlyLimit: integer("hourly_limit").notNull().default(60),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: text("revoked_by").references(() => users.id),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("open311_api_keys_hash_key").on(t.keyHash), check("open311_api_keys_limit_check", sql`${t.hourlyLimit} between 1 and 100000`)],
);

/** A request posted through Open311: its token (returned to the client, not secret) and the case it became. */
export const open311Requests = pgTable(
  "open311_requests",
  {
    token: text("token").primaryKey(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    apiKeyId: uuid("api_key_id")
      .notNull()
      .references(() => open311ApiKeys.id),
    serviceCode: text("service_code").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("open311_requests_case_key").on(t.caseId), index("open311_requests_key_idx").on(t.apiKeyId, t.createdAt)],
);
