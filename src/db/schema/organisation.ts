import { sql } from "drizzle-orm";
import { boolean, check, date, doublePrecision, index, integer, pgTable, text, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { AREA_KINDS, ROLES, UNIT_KINDS } from "@/domain/types";
import { createdAt, id } from "./common";
import { users } from "./auth";

/** Administrative divisions (địa bàn). */
export const areas = pgTable(
  "areas",
  {
    id: id(),
    code: text("code").notNull(),
    name: text("name").notNull(),
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
    sortOrder: integer("sort_order").notNull().default(0),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("categories_code_key").on(t.code)],
);
