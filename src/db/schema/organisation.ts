import { sql } from "drizzle-orm";
import { boolean, check, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { AREA_KINDS, ROLES, UNIT_KINDS } from "@/domain/types";
import { createdAt, id, updatedAt } from "./common";
import { users } from "./auth";

/** Administrative divisions (địa bàn). */
export const areas = pgTable(
  "areas",
  {
    id: id(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    /** The English name; null shows the Vietnamese one (most area names are proper nouns). */
    nameEn: text("name_en"),
    kind: text("kind", { enum: AREA_KINDS }).notNull(),
    parentId: uuid("parent_id").references((): AnyPgColumn => areas.id),
    remote: boolean("remote").notNull().default(false),
    /** A point inside the area (its centre): an Open311 request given as lat/long is placed in the nearest area. */
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    validFrom: date("valid_from").notNull().default("2025-07-01"),
    validTo: date("valid_to"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("areas_code_key").on(t.code),
    index("areas_parent_idx").on(t.parentId),
    check("areas_kind_check", sql`${t.kind} in ('province','commune','ward','special_zone')`),
  ],
);

/** Party committees, People's Councils and Committees, departments, boards… */
export const units = pgTable(
  "units",
  {
    id: id(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    nameEn: text("name_en").notNull(),
    kind: text("kind", { enum: UNIT_KINDS }).notNull(),
    parentId: uuid("parent_id").references((): AnyPgColumn => units.id),
    areaId: uuid("area_id").references(() => areas.id),
    email: text("email"),
    validFrom: date("valid_from").notNull().default("2025-07-01"),
    validTo: date("valid_to"),
    successorId: uuid("successor_id").references((): AnyPgColumn => units.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("units_code_key").on(t.code),
    index("units_parent_idx").on(t.parentId),
    index("units_area_idx").on(t.areaId),
  ],
);

/** A user's role in a unit. Citizens hold none. */
export const memberships = pgTable(
  "memberships",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    role: text("role", { enum: ROLES }).notNull(),
    validFrom: date("valid_from").notNull().default(sql`current_date`),
    validTo: date("valid_to"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("memberships_user_unit_role_key").on(t.userId, t.unitId, t.role),
    index("memberships_unit_idx").on(t.unitId),
    check("memberships_role_check", sql`${t.role} in ('intake','handler','leader','overseer','admin')`),
  ],
);

/** Fields of life (lĩnh vực). */
export const categories = pgTable(
  "categories",
  {
    id: id(),
    code: text("code").notNull(),
    nameVi: text("name_vi").notNull(),
    nameEn: text("name_en").notNull(),
    /** What the field covers, shown to citizens under the choice on the form (both languages; null shows none). */
    descriptionVi: text("description_vi"),
    descriptionEn: text("description_en"),
    sortOrder: integer("sort_order").notNull().default(0),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("categories_code_key").on(t.code)],
);

/**
 * A reorganisation (sắp xếp): old units merged into, split into or dissolved into one successor on a date. Applied
 * (by an admin at once or by the scheduler on its date), it moves open cases, commitments, planned sessions,
 * memberships and routing rules to the successor in one transaction; closed cases and history keep their unit.
 */
export const reorganisations = pgTable(
  "reorganisations",
  {
    id: id(),
    /** The decision that ordered it (e.g. "Nghị quyết 1664/NQ-UBTVQH15"), shown on the old unit's public pages. */
    decision: text("decision").notNull(),
    /** The first day the successor holds the old units' work; the old units' last day is the day before. */
    effectiveOn: date("effective_on").notNull(),
    successorUnitId: uuid("successor_unit_id")
      .notNull()
      .references((): AnyPgColumn => units.id),
    status: text("status", { enum: ["planned", "applied", "cancelled"] }).notNull().default("planned"),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
    appliedAt: timestamp("applied_at", { withTimezone: true }),
    /** Null when the scheduler applied it on its date. */
    appliedBy: text("applied_by").references(() => users.id),
    /** What moved, counted when applied: { cases, commitments, sessions, memberships, rules }. */
    moved: jsonb("moved").$type<Record<string, number>>(),
  },
  (t) => [
    index("reorganisations_due_idx").on(t.status, t.effectiveOn),
    check("reorganisations_status_check", sql`${t.status} in ('planned','applied','cancelled')`),
  ],
);

/** The old units of a reorganisation. */
export const reorganisationUnits = pgTable(
  "reorganisation_units",
  {
    reorganisationId: uuid("reorganisation_id")
      .notNull()
      .references(() => reorganisations.id, { onDelete: "cascade" }),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.reorganisationId, t.unitId] }), index("reorganisation_units_unit_idx").on(t.unitId)],
);

/**
 * Explanations shown to citizens on the form (what a complaint or a denunciation is, what "thụ lý" means…), edited
 * by admins in both languages. A key with no row shows the text bundled in messages/intake.
 */
export const formTexts = pgTable("form_texts", {
  key: text("key").primaryKey(),
  textVi: text("text_vi").notNull(),
  textEn: text("text_en").notNull(),
  updatedBy: text("updated_by").references(() => users.id),
  updatedAt: updatedAt(),
});
