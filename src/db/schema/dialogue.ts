import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { COMMITMENT_STATUSES, DECLINE_REASONS, MODERATION_ACTIONS, QUESTION_STATUSES, SESSION_KINDS, SESSION_STATUSES } from "@/domain/dialogue/vocabulary";
import { bytea, createdAt, id, updatedAt } from "./common";
import { users } from "./auth";
import { cases } from "./cases";
import { areas, units } from "./organisation";
import { receptionDays } from "./reception";

/**
 * A dialogue session held by leaders (Decisions 553 and 554), or a commune's yearly dialogue conference. Public
 * once announced. `version` is bumped on every change of the session itself (not of its questions), so that
 * conflicting concurrent changes can be refused and cached pages told apart.
 */
export const dialogueSessions = pgTable(
  "dialogue_sessions",
  {
    id: id(),
    kind: text("kind", { enum: SESSION_KINDS }).notNull().default("dialogue"),
    title: text("title").notNull(),
    topic: text("topic").notNull(),
    description: text("description"),
    /** The hosting unit: its staff schedule and moderate. */
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    areaId: uuid("area_id").references(() => areas.id),
    location: text("location").notNull(),
    livestreamUrl: text("livestream_url"),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    status: text("status", { enum: SESSION_STATUSES }).notNull().default("announced"),
    /** Citizens may send questions before the session (status "open"), until this time if set. */
    questionsInAdvance: boolean("questions_in_advance").notNull().default(false),
    questionsCloseAt: timestamp("questions_close_at", { withTimezone: true }),
    /** The public reason of the last postponement or of the cancellation. */
    statusReason: text("status_reason"),
    /** The question being answered now (live). */
    currentQuestionId: uuid("current_question_id").references((): AnyPgColumn => dialogueQuestions.id, { onDelete: "set null" }),
    startedAt: timestamp("started_at", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    attendance: integer("attendance"),
    /** The minutes' own text (opinions raised, conclusions); the figures and answers come from the records. */
    minutes: text("minutes"),
    minutesPublishedAt: timestamp("minutes_published_at", { withTimezone: true }),
    createdBy: text("created_by").references(() => users.id),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("dialogue_sessions_starts_idx").on(t.startsAt),
    index("dialogue_sessions_area_idx").on(t.areaId, t.startsAt),
    index("dialogue_sessions_unit_idx").on(t.unitId, t.startsAt),
    check("dialogue_sessions_status_check", sql.raw(`status in (${SESSION_STATUSES.map((s) => `'${s}'`).join(",")})`)),
    check("dialogue_sessions_kind_check", sql.raw(`kind in (${SESSION_KINDS.map((s) => `'${s}'`).join(",")})`)),
    check("dialogue_sessions_time_check", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** The leaders taking part, shown by name and the position they answer in. */
export const dialogueSessionLeaders = pgTable(
  "dialogue_session_leaders",
  {
    sessionId: uuid("session_id")
      .notNull()
      .references(() => dialogueSessions.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    position: text("position").notNull(),
    positionEn: text("position_en").notNull(),
    sort: integer("sort").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] }), index("dialogue_session_leaders_user_idx").on(t.userId)],
);

/** The session's public history: announced, postponed (with the reason and the old date), rescheduled, ... */
export const dialogueSessionEvents = pgTable(
  "dialogue_session_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => dialogueSessions.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status"),
    reason: text("reason"),
    data: jsonb("data").$type<Record<string, unknown>>(),
    actorUserId: text("actor_user_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("dialogue_session_events_session_idx").on(t.sessionId, t.id)],
);

/**
 * A citizen's question to a session. The asker's contact (optional) is sealed like a case party's; the text is
 * public once approved. `searchText` is the text folded without diacritics (src/domain/dialogue/text-match.ts)
 * for similar-question suggestions.
 */
export const dialogueQuestions = pgTable(
  "dialogue_questions",
  {
    id: id(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => dialogueSessions.id, { onDelete: "cascade" }),
    /** 1, 2, 3, ... within the session, as shown on screen ("Câu hỏi số 12"). */
    number: integer("number").notNull(),
    body: text("body").notNull(),
    searchText: text("search_text").notNull(),
    language: text("language", { enum: ["vi", "en"] }).notNull().default("vi"),
    status: text("status", { enum: QUESTION_STATUSES }).notNull().default("pending"),
    declineReason: text("decline_reason", { enum: DECLINE_REASONS }),
    mergedIntoId: uuid("merged_into_id").references((): AnyPgColumn => dialogueQuestions.id),
    priority: integer("priority").notNull().default(0),
    supportCount: integer("support_count").notNull().default(0),
    askerUserId: text("asker_user_id").references(() => users.id),
    /** Name, email, phone (all optional), sealed with the personal-data key; null when none was given. */
    askerKeyId: text("asker_key_id"),
    askerSealed: text("asker_sealed"),
    /** The asker agreed to be contacted about it (and, if it becomes a case, to get its receipt). */
    consentContact: boolean("consent_contact").notNull().default(false),
    /** Keyed hash of the network address it came from (limits), never the address itself. */
    addressHash: text("address_hash"),
    idempotencyKey: text("idempotency_key"),
    answer: text("answer"),
    answeredByUserId: text("answered_by_user_id").references(() => users.id),
    answerRecordedBy: text("answer_recorded_by").references(() => users.id),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    caseId: uuid("case_id").references(() => cases.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("dialogue_questions_number_key").on(t.sessionId, t.number),
    uniqueIndex("dialogue_questions_idempotency_key").on(t.idempotencyKey),
    index("dialogue_questions_session_status_idx").on(t.sessionId, t.status),
    index("dialogue_questions_session_updated_idx").on(t.sessionId, t.updatedAt),
    index("dialogue_questions_case_idx").on(t.caseId),
    index("dialogue_questions_search_idx").using("gin", t.searchText.op("gin_trgm_ops")),
    check("dialogue_questions_support_count_check", sql`${t.supportCount} >= 0`),
    check("dialogue_questions_status_check", sql.raw(`status in (${QUESTION_STATUSES.map((s) => `'${s}'`).join(",")})`)),
  ],
);

/**
 * One support per person and question: a signed-in citizen is "user:<id>", anyone else "browser:<hash of the
 * browser's token>". The primary key makes a second support of the same question by the same person a no-op.
 */
export const dialogueSupports = pgTable(
  "dialogue_supports",
  {
    questionId: uuid("question_id")
      .notNull()
      .references(() => dialogueQuestions.id, { onDelete: "cascade" }),
    supporterKey: text("supporter_key").notNull(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => dialogueSessions.id, { onDelete: "cascade" }),
    addressHash: text("address_hash"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.questionId, t.supporterKey] }), index("dialogue_supports_session_idx").on(t.sessionId)],
);

/** Supports per network address and session, capped by the database (SUPPORTS_PER_ADDRESS_PER_SESSION). */
export const dialogueSupportAddresses = pgTable(
  "dialogue_support_addresses",
  {
    sessionId: uuid("session_id")
      .notNull()
      .references(() => dialogueSessions.id, { onDelete: "cascade" }),
    addressHash: text("address_hash").notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.addressHash] }),
    check("dialogue_support_addresses_cap", sql`${t.count} between 0 and 50`),
  ],
);

/** The public moderation log (downloadable as CSV); who did it is in the audit log. */
export const dialogueModerationLog = pgTable(
  "dialogue_moderation_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => dialogueSessions.id, { onDelete: "cascade" }),
    questionId: uuid("question_id")
      .notNull()
      .references(() => dialogueQuestions.id, { onDelete: "cascade" }),
    action: text("action", { enum: MODERATION_ACTIONS }).notNull(),
    reason: text("reason", { enum: DECLINE_REASONS }),
    data: jsonb("data").$type<Record<string, unknown>>(),
    actorUserId: text("actor_user_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("dialogue_moderation_log_session_idx").on(t.sessionId, t.id)],
);

/**
 * What the session takes up besides citizens' questions: an open or overdue case of its area, or an earlier
 * commitment still open or missed (carried over by itself when the session is scheduled).
 */
export const dialogueAgendaItems = pgTable(
  "dialogue_agenda_items",
  {
    id: id(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => dialogueSessions.id, { onDelete: "cascade" }),
    caseId: uuid("case_id").references(() => cases.id),
    commitmentId: uuid("commitment_id").references((): AnyPgColumn => commitments.id),
    answer: text("answer"),
    answeredByUserId: text("answered_by_user_id").references(() => users.id),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    addedBy: text("added_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("dialogue_agenda_case_key").on(t.sessionId, t.caseId),
    uniqueIndex("dialogue_agenda_commitment_key").on(t.sessionId, t.commitmentId),
    index("dialogue_agenda_case_idx").on(t.caseId),
    check("dialogue_agenda_one_subject", sql`(${t.caseId} is null) <> (${t.commitmentId} is null)`),
  ],
);

/** What a leader promised: who, what, which unit carries it out, by when, and where it came from. */
export const commitments = pgTable(
  "commitments",
  {
    id: id(),
    sessionId: uuid("session_id").references(() => dialogueSessions.id),
    questionId: uuid("question_id").references(() => dialogueQuestions.id),
    caseId: uuid("case_id").references(() => cases.id),
    /** An item of a reception's conclusion notice (thông báo kết luận), tracked like a session's promise. */
    receptionDayId: uuid("reception_day_id").references(() => receptionDays.id),
    leaderUserId: text("leader_user_id")
      .notNull()
      .references(() => users.id),
    ownerUnitId: uuid("owner_unit_id")
      .notNull()
      .references(() => units.id),
    body: text("body").notNull(),
    dueOn: date("due_on").notNull(),
    status: text("status", { enum: COMMITMENT_STATUSES }).notNull().default("open"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdBy: text("created_by").references(() => users.id),
    /** The recording form's one-time key: the same form posted twice records one commitment. */
    idempotencyKey: text("idempotency_key"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("commitments_session_idx").on(t.sessionId),
    index("commitments_reception_idx").on(t.receptionDayId),
    uniqueIndex("commitments_idempotency_key").on(t.idempotencyKey),
    index("commitments_owner_idx").on(t.ownerUnitId, t.status),
    index("commitments_leader_idx").on(t.leaderUserId),
    index("commitments_status_due_idx").on(t.status, t.dueOn),
    check("commitments_status_check", sql.raw(`status in (${COMMITMENT_STATUSES.map((s) => `'${s}'`).join(",")})`)),
  ],
);

/** A commitment's public progress: updates, and the evidence it was kept or the reason it was missed. */
export const commitmentUpdates = pgTable(
  "commitment_updates",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    commitmentId: uuid("commitment_id")
      .notNull()
      .references(() => commitments.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["created", "progress", "kept", "missed"] }).notNull(),
    body: text("body").notNull(),
    actorUserId: text("actor_user_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("commitment_updates_commitment_idx").on(t.commitmentId, t.id)],
);

/** Evidence files of a commitment's updates: public, like the update they belong to. */
export const commitmentFiles = pgTable(
  "commitment_files",
  {
    id: id(),
    commitmentId: uuid("commitment_id")
      .notNull()
      .references(() => commitments.id, { onDelete: "cascade" }),
    updateId: integer("update_id").notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    data: bytea("data").notNull(),
    uploadedBy: text("uploaded_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("commitment_files_commitment_idx").on(t.commitmentId)],
);
