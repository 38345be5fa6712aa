import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { CASE_KINDS } from "@/domain/types";
import { createdAt, id, updatedAt } from "./common";
import { areas, categories, units } from "./organisation";
import { users } from "./auth";

const periodUnit = ["working_days", "days"] as const;

/** Deadline numbers with their legal basis and effective dates: data, never constants in code. */
export const deadlinePolicies = pgTable(
  "deadline_policies",
  {
    id: id(),
    kind: text("kind", { enum: CASE_KINDS }).notNull(),
    /** 1 or 2 for complaints; null applies to any instance. */
    instance: integer("instance"),
    effectiveFrom: date("effective_from").notNull(),
    effectiveTo: date("effective_to"),
    acceptanceAmount: integer("acceptance_amount").notNull(),
    acceptanceUnit: text("acceptance_unit", { enum: periodUnit }).notNull(),
    resolutionAmount: integer("resolution_amount"),
    resolutionUnit: text("resolution_unit", { enum: periodUnit }),
    remoteResolutionAmount: integer("remote_resolution_amount"),
    remoteResolutionUnit: text("remote_resolution_unit", { enum: periodUnit }),
    extensionMaxCount: integer("extension_max_count"),
    extensionMaxDays: integer("extension_max_days"),
    progressUpdateEveryDays: integer("progress_update_every_days"),
    pausesOnInfoRequest: boolean("pauses_on_info_request").notNull().default(false),
    legalBasis: text("legal_basis").notNull(),
    /**
     * False for a version entered from an unofficial copy of a decree: it applies to no case until an admin has
     * checked the official text and confirmed it.
     */
    confirmed: boolean("confirmed").notNull().default(true),
    /** What changed and why, for the admin and the public status page's note on the version. */
    note: text("note"),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("deadline_policies_kind_idx").on(t.kind, t.effectiveFrom),
    check("deadline_policies_amounts_check", sql`${t.acceptanceAmount} >= 0 and coalesce(${t.resolutionAmount}, 0) >= 0`),
  ],
);

/** The yearly holiday table kept by admins (the Prime Minister fixes Tết and swapped days). */
export const holidays = pgTable(
  "holidays",
  {
    date: date("date").primaryKey(),
    kind: text("kind", { enum: ["holiday", "day_off_in_lieu", "makeup_workday"] }).notNull(),
    name: text("name").notNull(),
    confirmed: boolean("confirmed").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [check("holidays_kind_check", sql`${t.kind} in ('holiday','day_off_in_lieu','makeup_workday')`)],
);

/** (kind, field, area) -> unit; null matches anything. */
export const routingRules = pgTable(
  "routing_rules",
  {
    id: id(),
    kind: text("kind", { enum: CASE_KINDS }),
    categoryId: uuid("category_id").references(() => categories.id),
    areaId: uuid("area_id").references(() => areas.id),
    /**
     * For denunciations and complaints: matches only those about this body (the unit of the person denounced, or
     * the body whose decision is complained of), e.g. "denunciations about a department, to the provincial
     * inspectorate". A denunciation rule never sends to the body itself nor a unit below it (checked on save).
     */
    subjectUnitId: uuid("subject_unit_id").references(() => units.id),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    priority: integer("priority").notNull().default(0),
    active: boolean("active").notNull().default(true),
    note: text("note"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("routing_rules_unit_idx").on(t.unitId),
    uniqueIndex("routing_rules_match_key")
      .on(t.kind, t.categoryId, t.areaId, t.subjectUnitId, t.unitId)
      .where(sql`${t.active}`),
  ],
);
