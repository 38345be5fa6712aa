import { sql } from "drizzle-orm";
import { bigserial, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./common";
import { cases } from "./cases";

/** Transactional outbox: written in the transaction that causes the message, delivered by the worker. */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: id(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    template: text("template").notNull(),
    locale: text("locale", { enum: ["vi", "en"] }).notNull().default("vi"),
    /** pending -> sending -> sent | failed; "local" when no email service is configured (read in the app). */
    status: text("status", { enum: ["pending", "sending", "sent", "failed", "local"] }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    providerMessageId: text("provider_message_id"),
    dedupeKey: text("dedupe_key"),
    /**
     * A message written by a busy path (filing, a workspace action) is stored as its template's name and props and
     * rendered later (by the worker, or by the page that shows it): rendering costs more than the rest of filing.
     * Null once rendered.
     */
    renderer: text("renderer"),
    renderProps: jsonb("render_props").$type<unknown>(),
    /**
     * What the message must carry but the database must not hold in clear (the filer's access key, a sign-in
     * link): sealed with the personal-data key, rendered into the message only in memory, at the moment of
     * sending or showing; wiped once delivered, used or expired (the message then renders without it).
     */
    secret: text("secret"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("email_outbox_due_idx").on(t.status, t.nextAttemptAt),
    uniqueIndex("email_outbox_dedupe_key").on(t.dedupeKey),
    index("email_outbox_created_idx").on(t.createdAt),
  ],
);

/** Each delivery attempt of an outbox message, successful or not (what happened, and when, for admins). */
export const emailDeliveryAttempts = pgTable(
  "email_delivery_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    outboxId: uuid("outbox_id")
      .notNull()
      .references(() => emailOutbox.id, { onDelete: "cascade" }),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull().defaultNow(),
    ok: boolean("ok").notNull(),
    error: text("error"),
    providerMessageId: text("provider_message_id"),
    worker: text("worker"),
  },
  (t) => [index("email_delivery_attempts_outbox_idx").on(t.outboxId)],
);

/** Scheduled work done once per (job, run key), e.g. ("digest", "2026-11-27"): a second run is a no-op. */
export const scheduledJobRuns = pgTable(
  "scheduled_job_runs",
  {
    job: text("job").notNull(),
    runKey: text("run_key").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    result: jsonb("result").$type<Record<string, unknown>>(),
  },
  (t) => [primaryKey({ columns: [t.job, t.runKey] })],
);

/** Non-essential mail a recipient opted out of, keyed by the keyed hash of their address (no email in clear). */
export const emailPreferences = pgTable("email_preferences", {
  emailHash: text("email_hash").primaryKey(),
  optOut: jsonb("opt_out").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Append-only audit log; each entry carries the hash of the one before (tamper evidence). */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorUserId: text("actor_user_id"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [index("audit_log_entity_idx").on(t.entityType, t.entityId), uniqueIndex("audit_log_prev_key").on(t.prevHash)],
);

/** Small facts about this installation (e.g. that demo data was loaded). */
export const appMeta = pgTable("app_meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().default(sql`now()`),
});

/**
 * A filer's proof of access to one case (after typing the code and the access key), so that it can be ended from
 * the server ("Thoát"). The cookie carries the token; only its hash is stored.
 */
export const filerSessions = pgTable(
  "filer_sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("filer_sessions_case_idx").on(t.caseId), index("filer_sessions_expires_idx").on(t.expiresAt)],
);

/** Fixed-window counters for abuse limits, kept in the database so they hold across instances. */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  count: integer("count").notNull(),
});
