import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { CASE_KINDS, CASE_STATUSES, CHANNELS } from "@/domain/types";
import { bytea, createdAt, id, updatedAt } from "./common";
import { users } from "./auth";
import { areas, categories, units } from "./organisation";
import { deadlinePolicies, routingRules } from "./rules";

/**
 * A case (hồ sơ). Holds no personal data: the people involved live in case_parties, encrypted.
 * `version` is bumped on every change so that conflicting concurrent transitions can be refused.
 */
export const cases = pgTable(
  "cases",
  {
    id: id(),
    code: text("code").notNull(),
    accessKeyHash: text("access_key_hash").notNull(),
    kind: text("kind", { enum: CASE_KINDS }).notNull(),
    instance: integer("instance").notNull().default(1),
    parentCaseId: uuid("parent_case_id").references((): AnyPgColumn => cases.id),
    channel: text("channel", { enum: CHANNELS }).notNull().default("web"),
    status: text("status", { enum: CASE_STATUSES }).notNull().default("received"),
    categoryId: uuid("category_id")
      .notNull()
      .references(() => categories.id),
    areaId: uuid("area_id")
      .notNull()
      .references(() => areas.id),
    address: text("address"),
    title: text("title").notNull(),
    body: text("body").notNull(),
    language: text("language", { enum: ["vi", "en"] }).notNull().default("vi"),
    consentPublish: boolean("consent_publish").notNull().default(false),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    assigneeId: text("assignee_id").references(() => users.id),
    /** For complaints and denunciations: the unit of the person or body complained of or denounced (routing guard). */
    subjectUnitId: uuid("subject_unit_id").references(() => units.id),
    routingRuleId: uuid("routing_rule_id").references(() => routingRules.id),
    routingReason: text("routing_reason").notNull(),
    policyId: uuid("policy_id").references(() => deadlinePolicies.id),
    remoteArea: boolean("remote_area").notNull().default(false),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    acceptanceDueOn: date("acceptance_due_on").notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    resolutionDueOn: date("resolution_due_on"),
    pausedAt: timestamp("paused_at", { withTimezone: true }),
    extensionsCount: integer("extensions_count").notNull().default(0),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    answer: text("answer"),
    answerPublic: boolean("answer_public").notNull().default(false),
    satisfaction: text("satisfaction", { enum: ["satisfied", "unsatisfied"] }),
    /** The filer first contested an answer (the case reopened, or a second-instance complaint filed from it). */
    contestedAt: timestamp("contested_at", { withTimezone: true }),
    /** Where the problem is, when the filer gave a point (the Open311 API): for staff; public outputs show the area. */
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    /** The answer being prepared: written by a handler, submitted to the leader, approved or sent back. */
    draftAnswer: text("draft_answer"),
    draftStatus: text("draft_status", { enum: ["draft", "submitted", "returned"] }),
    draftAuthorId: text("draft_author_id").references(() => users.id),
    draftUpdatedAt: timestamp("draft_updated_at", { withTimezone: true }),
    /** The leader's comments when sending a draft back. */
    reviewComment: text("review_comment"),
    /** An overseer asked the unit's leader to look at this case (cleared when the leader acknowledges it). */
    flaggedAt: timestamp("flagged_at", { withTimezone: true }),
    /** The case stayed overdue and was escalated to the unit above (and overseers). */
    escalatedAt: timestamp("escalated_at", { withTimezone: true }),
    escalatedToUnitId: uuid("escalated_to_unit_id").references(() => units.id),
    submittedBy: text("submitted_by").references(() => users.id),
    /** Blind index (HMAC) of the filer's email, so a signed-in citizen finds their cases. */
    filerEmailHash: text("filer_email_hash"),
    idempotencyKey: text("idempotency_key"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("cases_code_key").on(t.code),
    uniqueIndex("cases_idempotency_key").on(t.idempotencyKey),
    index("cases_unit_status_idx").on(t.unitId, t.status),
    index("cases_status_due_idx").on(t.status, t.acceptanceDueOn),
    index("cases_filer_email_idx").on(t.filerEmailHash),
    index("cases_area_idx").on(t.areaId),
    index("cases_assignee_idx").on(t.assigneeId),
    index("cases_received_at_idx").on(t.receivedAt),
    // How often each routing rule fired lately (the routing rules admin).
    index("cases_routing_rule_idx").on(t.routingRuleId, t.receivedAt),
    check("cases_instance_check", sql`${t.instance} in (1, 2)`),
    check(
      "cases_status_check",
      sql`${t.status} in ('received','accepted','info_requested','not_accepted','answered','closed','withdrawn')`,
    ),
    check("cases_kind_check", sql`${t.kind} in ('petition','report','complaint','denunciation','contribution')`),
  ],
);

/**
 * People involved in a case: the filer, and the person or body complained of or denounced.
 * Personal fields are one encrypted JSON document (AES-256-GCM) tagged with the key id, so keys can rotate.
 */
export const caseParties = pgTable(
  "case_parties",
  {
    id: id(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["filer", "subject"] }).notNull(),
    anonymous: boolean("anonymous").notNull().default(false),
    keyId: text("key_id").notNull(),
    sealed: text("sealed").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("case_parties_case_idx").on(t.caseId)],
);

/** The timeline: every change to a case, with actor, reason and visibility. */
export const caseEvents = pgTable(
  "case_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    visibility: text("visibility", { enum: ["public", "internal"] }).notNull(),
    actorUserId: text("actor_user_id").references(() => users.id),
    actorRole: text("actor_role"),
    fromUnitId: uuid("from_unit_id").references(() => units.id),
    toUnitId: uuid("to_unit_id").references(() => units.id),
    fromStatus: text("from_status"),
    toStatus: text("to_status"),
    reason: text("reason"),
    data: jsonb("data").$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index("case_events_case_idx").on(t.caseId, t.id)],
);

/** Files stored in the database so that every app instance sees them. */
export const attachments = pgTable(
  "attachments",
  {
    id: id(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    eventId: integer("event_id"),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    data: bytea("data").notNull(),
    visibility: text("visibility", { enum: ["filer", "internal"] }).notNull().default("filer"),
    uploadedBy: text("uploaded_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("attachments_case_idx").on(t.caseId)],
);
