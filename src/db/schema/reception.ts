import { sql } from "drizzle-orm";
import { bigserial, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import {
  BOOKING_STATUSES,
  DUTY_PERIODS,
  MATTER_OUTCOMES,
  POSITION_KINDS,
  RECEPTION_DAY_ORIGINS,
  RECEPTION_DAY_STATUSES,
  RECEPTION_MODES,
} from "@/domain/reception/vocabulary";
import { bytea, createdAt, id, updatedAt } from "./common";
import { users } from "./auth";
import { cases } from "./cases";
import { areas, categories, units } from "./organisation";

const inList = (column: string, values: readonly string[]) => sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(",")})`);

/**
 * How often a kind of head must receive citizens, with its legal basis and effective dates (DOMAIN.md section 6).
 * A change of law is a new version with its own effective date, never an edit: the rule in force on a day is the
 * version with the latest `effective_from` on or before it (and no `effective_to` before it).
 */
export const receptionDutyRules = pgTable(
  "reception_duty_rules",
  {
    id: id(),
    positionKind: text("position_kind", { enum: POSITION_KINDS }).notNull(),
    times: smallint("times").notNull(),
    per: text("per", { enum: DUTY_PERIODS }).notNull(),
    legalBasis: text("legal_basis").notNull(),
    effectiveFrom: date("effective_from").notNull(),
    effectiveTo: date("effective_to"),
    /** False while the basis was seen only in an unofficial copy and an admin has not confirmed it. */
    confirmed: boolean("confirmed").notNull().default(true),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("reception_duty_rules_kind_from_key").on(t.positionKind, t.effectiveFrom),
    check("reception_duty_rules_kind_check", inList("position_kind", POSITION_KINDS)),
    check("reception_duty_rules_per_check", inList("per", DUTY_PERIODS)),
    check("reception_duty_rules_times_check", sql`${t.times} between 1 and 31`),
    check("reception_duty_rules_dates_check", sql`${t.effectiveTo} is null or ${t.effectiveTo} >= ${t.effectiveFrom}`),
  ],
);

/**
 * A head's seat in a unit ("Chủ tịch UBND xã Ia Grai"), with its kind (which duty rule applies) and the office's
 * usual schedule: the days of the month (Gia Lai's joint reception is on the 15th) or the weekday, the time and
 * the place. Reception days are generated from it.
 */
export const receptionPositions = pgTable(
  "reception_positions",
  {
    id: id(),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    /** The office that runs the calendar, the bookings and the record (the citizen reception board for the province's heads). */
    officeUnitId: uuid("office_unit_id")
      .notNull()
      .references(() => units.id),
    kind: text("kind", { enum: POSITION_KINDS }).notNull(),
    title: text("title").notNull(),
    titleEn: text("title_en").notNull(),
    /** For a monthly rule: the days of the month, in order (the first `times` are used). */
    daysOfMonth: integer("days_of_month").array().notNull().default(sql`'{15}'::integer[]`),
    /** For a weekly rule: ISO weekday, 1 = Monday … 5 = Friday. */
    weekday: smallint("weekday").notNull().default(2),
    /** Local times "HH:MM" in Vietnam. */
    startTime: text("start_time").notNull().default("07:30"),
    endTime: text("end_time").notNull().default("11:00"),
    place: text("place").notNull(),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("reception_positions_unit_idx").on(t.unitId),
    check("reception_positions_kind_check", inList("kind", POSITION_KINDS)),
    check("reception_positions_weekday_check", sql`${t.weekday} between 1 and 5`),
    check("reception_positions_time_check", sql`${t.startTime} ~ '^[0-2][0-9]:[0-5][0-9]$' and ${t.endTime} ~ '^[0-2][0-9]:[0-5][0-9]$' and ${t.endTime} > ${t.startTime}`),
  ],
);

/** Which official holds a position, from when (and until when). */
export const receptionPositionHolders = pgTable(
  "reception_position_holders",
  {
    id: id(),
    positionId: uuid("position_id")
      .notNull()
      .references(() => receptionPositions.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    fromDate: date("from_date").notNull(),
    toDate: date("to_date"),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("reception_position_holders_position_idx").on(t.positionId, t.fromDate),
    index("reception_position_holders_user_idx").on(t.userId),
    check("reception_position_holders_dates_check", sql`${t.toDate} is null or ${t.toDate} >= ${t.fromDate}`),
  ],
);

/**
 * One reception day of a position: generated from the duty rule (`duty_key` names the duty it fulfils, so
 * generation is idempotent), or added by the office. Public once generated: place, time, head, planned content,
 * mode. When held, the record (who received, how many citizens) is kept on the same row.
 * `booked` counts the live bookings; the check keeps it within `capacity`, so two instances never overbook.
 */
export const receptionDays = pgTable(
  "reception_days",
  {
    id: id(),
    positionId: uuid("position_id")
      .notNull()
      .references(() => receptionPositions.id),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    officeUnitId: uuid("office_unit_id")
      .notNull()
      .references(() => units.id),
    areaId: uuid("area_id").references(() => areas.id),
    origin: text("origin", { enum: RECEPTION_DAY_ORIGINS }).notNull().default("duty"),
    /** "2026-12#1" (a month's first duty) or "2026-W05#1"; null for an added day. */
    dutyKey: text("duty_key"),
    /** The rule's own date before any move for a day off; null for an added day. */
    nominalOn: date("nominal_on"),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    place: text("place").notNull(),
    mode: text("mode", { enum: RECEPTION_MODES }).notNull().default("in_person"),
    onlineUrl: text("online_url"),
    plannedContent: text("planned_content"),
    status: text("status", { enum: RECEPTION_DAY_STATUSES }).notNull().default("planned"),
    /** The public reason of the last move or of the cancellation. */
    statusReason: text("status_reason"),
    capacity: integer("capacity").notNull().default(10),
    booked: integer("booked").notNull().default(0),
    bookingsOpen: boolean("bookings_open").notNull().default(true),
    /** The head expected on the day (the position's holder then), kept so a later change of holder is honest. */
    headUserId: text("head_user_id").references(() => users.id),
    // The record of what happened.
    receivedByUserId: text("received_by_user_id").references(() => users.id),
    /** Who received, when not the head: name and position as written by the intake officer. */
    receivedByName: text("received_by_name"),
    /** True only when the head received in person: a reception by anyone else never counts as the head's duty. */
    receivedInPerson: boolean("received_in_person"),
    citizensCount: integer("citizens_count"),
    delegationsCount: integer("delegations_count"),
    recordingRef: text("recording_ref"),
    recordedAt: timestamp("recorded_at", { withTimezone: true }),
    recordedBy: text("recorded_by").references(() => users.id),
    /** The head's conclusion notice (thông báo kết luận); its items are tracked as commitments. */
    conclusion: text("conclusion"),
    conclusionPublishedAt: timestamp("conclusion_published_at", { withTimezone: true }),
    createdBy: text("created_by").references(() => users.id),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("reception_days_duty_key").on(t.positionId, t.dutyKey),
    index("reception_days_starts_idx").on(t.startsAt),
    index("reception_days_unit_idx").on(t.unitId, t.startsAt),
    index("reception_days_office_idx").on(t.officeUnitId, t.startsAt),
    index("reception_days_area_idx").on(t.areaId, t.startsAt),
    index("reception_days_position_idx").on(t.positionId, t.startsAt),
    check("reception_days_status_check", inList("status", RECEPTION_DAY_STATUSES)),
    check("reception_days_origin_check", inList("origin", RECEPTION_DAY_ORIGINS)),
    check("reception_days_mode_check", inList("mode", RECEPTION_MODES)),
    check("reception_days_time_check", sql`${t.endsAt} > ${t.startsAt}`),
    check("reception_days_capacity_check", sql`${t.capacity} between 0 and 500 and ${t.booked} between 0 and ${t.capacity}`),
    check("reception_days_duty_check", sql`(${t.origin} = 'duty') = (${t.dutyKey} is not null and ${t.nominalOn} is not null)`),
    check("reception_days_counts_check", sql`coalesce(${t.citizensCount}, 0) >= 0 and coalesce(${t.delegationsCount}, 0) >= 0`),
  ],
);

/** A reception day's public history: generated, confirmed, moved (with the reason and the old date), added, … */
export const receptionDayEvents = pgTable(
  "reception_day_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    receptionDayId: uuid("reception_day_id")
      .notNull()
      .references(() => receptionDays.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    reason: text("reason"),
    data: jsonb("data").$type<Record<string, unknown>>(),
    actorUserId: text("actor_user_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("reception_day_events_day_idx").on(t.receptionDayId, t.id)],
);

/**
 * A citizen's booking of a place at a reception day, without an account. The name, contact and summary are
 * sealed like a case party's; only the receiving office sees them. The booking code is shown once and kept only
 * as a hash. One live booking per contact per day (unique index); per address, see reception_booking_addresses.
 */
export const receptionBookings = pgTable(
  "reception_bookings",
  {
    id: id(),
    receptionDayId: uuid("reception_day_id")
      .notNull()
      .references(() => receptionDays.id),
    codeHash: text("code_hash").notNull(),
    status: text("status", { enum: BOOKING_STATUSES }).notNull().default("booked"),
    keyId: text("key_id").notNull(),
    sealed: text("sealed").notNull(),
    /** Keyed hash of the normalised email or phone. */
    contactHash: text("contact_hash").notNull(),
    /** True when the contact is an email (the reminder goes there). */
    contactIsEmail: boolean("contact_is_email").notNull().default(false),
    language: text("language").notNull().default("vi"),
    /** The form's one-time key, bound to what was sent: the same form posted twice books once. */
    idempotencyKey: text("idempotency_key").notNull(),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    markedAt: timestamp("marked_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("reception_bookings_code_key").on(t.codeHash),
    uniqueIndex("reception_bookings_idempotency_key").on(t.idempotencyKey),
    uniqueIndex("reception_bookings_contact_key").on(t.receptionDayId, t.contactHash).where(sql`status <> 'cancelled'`),
    index("reception_bookings_day_idx").on(t.receptionDayId, t.createdAt),
    check("reception_bookings_status_check", inList("status", BOOKING_STATUSES)),
  ],
);

/** Files a citizen attached to a booking, kept in the database so that every instance sees them. */
export const receptionBookingFiles = pgTable(
  "reception_booking_files",
  {
    id: id(),
    bookingId: uuid("booking_id")
      .notNull()
      .references(() => receptionBookings.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    content: bytea("content").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("reception_booking_files_booking_idx").on(t.bookingId)],
);

/** Live bookings from one network address (keyed hash) to one day; the check is the limit. */
export const receptionBookingAddresses = pgTable(
  "reception_booking_addresses",
  {
    receptionDayId: uuid("reception_day_id")
      .notNull()
      .references(() => receptionDays.id, { onDelete: "cascade" }),
    addressHash: text("address_hash").notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.receptionDayId, t.addressHash] }), check("reception_booking_addresses_cap", sql`${t.count} between 0 and 5`)],
);

/**
 * A matter raised at a reception and what became of it: answered on the spot, registered as a case (channel
 * "reception", so the 10-working-day answer rule applies: `answer_due_on`), guided to the competent body, or
 * refused (the notice is due within 3 working days: `refusal_notice_due_on`). The summary is internal; public
 * pages show only counts.
 */
export const receptionMatters = pgTable(
  "reception_matters",
  {
    id: id(),
    receptionDayId: uuid("reception_day_id")
      .notNull()
      .references(() => receptionDays.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    summary: text("summary").notNull(),
    categoryId: uuid("category_id").references(() => categories.id),
    outcome: text("outcome", { enum: MATTER_OUTCOMES }).notNull(),
    /** The answer given, where the citizen was guided, or the refusal's legal reason. */
    response: text("response"),
    caseId: uuid("case_id").references(() => cases.id),
    bookingId: uuid("booking_id").references(() => receptionBookings.id),
    answerDueOn: date("answer_due_on"),
    refusalNoticeDueOn: date("refusal_notice_due_on"),
    refusalNotifiedOn: date("refusal_notified_on"),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("reception_matters_number_key").on(t.receptionDayId, t.number),
    uniqueIndex("reception_matters_case_key").on(t.caseId),
    check("reception_matters_outcome_check", inList("outcome", MATTER_OUTCOMES)),
    check("reception_matters_case_check", sql`(${t.outcome} = 'case') = (${t.caseId} is not null)`),
  ],
);
