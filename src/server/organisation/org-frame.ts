import "server-only";
import { and, eq, gt, inArray, isNull, or } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { areas, cases, routingRules, units } from "@/db/schema";
import { isIsoDate } from "@/domain/calendar";
import { moveProblem, type OrgNode } from "@/domain/organisation/changes";
import type { IsoDate } from "@/domain/types";
import { adminFieldError } from "@/server/admin/admin-frame";
import { AppError } from "@/server/errors";
import { filerText } from "@/server/filer/filer-access";
import { OPEN_STATUSES } from "@/server/workspace/list-inbox";

/** Which tree a change is about. */
export const ORG_ENTITIES = ["area", "unit"] as const;
export type OrgEntity = (typeof ORG_ENTITIES)[number];

export type AreaRow = typeof areas.$inferSelect;
export type UnitRow = typeof units.$inferSelect;

const trimmed = (v: unknown) => (typeof v === "string" ? v.normalize("NFC").trim() : v == null ? "" : v);

/** Official codes: letters, digits, dot, dash, underscore (e.g. "52", "21583", "demo-ubnd-kbang"). */
export const codeField = z.preprocess(
  trimmed,
  z
    .string()
    .min(1, { error: "required" })
    .max(50, { error: "too_long" })
    .regex(/^[A-Za-z0-9._-]+$/, { error: "invalid" }),
);
export const nameField = filerText({ required: true, max: 200 });
/** Optional text: empty becomes null. */
export const optionalName = z.preprocess((v) => {
  const t = trimmed(v);
  return t === "" ? null : t;
}, z.string().max(200, { error: "too_long" }).nullable());
export const isoDateField = z.preprocess(trimmed, z.string().min(1, { error: "required" }).refine(isIsoDate, { error: "invalid" }));
/** A select's value: empty is none; anything else must look like an id (the row is checked in the transaction). */
export const optionalId = z.preprocess((v) => {
  const t = trimmed(v);
  return t === "" ? null : t;
}, z.uuid({ error: "invalid" }).nullable());
export const requiredId = z.preprocess(trimmed, z.string().min(1, { error: "required" }).pipe(z.uuid({ error: "invalid" })));
export const entityField = z.enum(ORG_ENTITIES, { error: "invalid" });
export const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

/** Inputs come straight from a form: any field may be missing or of the wrong type. */
export type FormInput<S extends z.ZodType> = { [K in keyof z.input<S>]?: unknown };

const toOrgNode = (r: AreaRow | UnitRow): OrgNode => ({ id: r.id, parentId: r.parentId, code: r.code, name: r.name, validFrom: r.validFrom, validTo: r.validTo });

export async function loadAreaRows(db: DbOrTx): Promise<AreaRow[]> {
  return db.select().from(areas);
}
export async function loadUnitRows(db: DbOrTx): Promise<UnitRow[]> {
  return db.select().from(units);
}
export const orgNodes = (rows: readonly (AreaRow | UnitRow)[]): OrgNode[] => rows.map(toOrgNode);

export async function findNode(db: DbOrTx, entity: "area", id: string): Promise<AreaRow>;
export async function findNode(db: DbOrTx, entity: "unit", id: string): Promise<UnitRow>;
export async function findNode(db: DbOrTx, entity: OrgEntity, id: string): Promise<AreaRow | UnitRow>;
export async function findNode(db: DbOrTx, entity: OrgEntity, id: string): Promise<AreaRow | UnitRow> {
  const [row] = entity === "area" ? await db.select().from(areas).where(eq(areas.id, id)) : await db.select().from(units).where(eq(units.id, id));
  if (!row) throw new AppError("not_found", "not_found", { reason: "not_found" });
  return row;
}

/** A code is unique within its tree (a field error beside the code). */
export async function assertCodeFree(db: DbOrTx, entity: OrgEntity, code: string): Promise<void> {
  const table = entity === "area" ? areas : units;
  const [taken] = await db.select({ id: table.id }).from(table).where(eq(table.code, code));
  if (taken) throw adminFieldError("code", "taken");
}

/** The parent a node may take (its tree's nodes loaded in the transaction): refused by field, a loop with its path. */
export function assertParentAllowed(nodes: readonly OrgNode[], id: string, parentId: string | null, today: IsoDate): void {
  const problem = moveProblem(nodes, id, parentId, today);
  if (!problem) return;
  if (problem.problem === "cycle") throw adminFieldError("parentId", "cycle", { path: problem.path.map((p) => `${p.name} (${p.code})`).join(" › ") });
  throw adminFieldError("parentId", problem.problem === "not_found" ? "unknown" : "parent_closed");
}

/** The area a unit answers for: an existing area that is not closed. */
export async function assertAreaOpen(db: DbOrTx, areaId: string, today: IsoDate): Promise<void> {
  const [row] = await db.select({ validTo: areas.validTo }).from(areas).where(eq(areas.id, areaId));
  if (!row) throw adminFieldError("areaId", "unknown");
  if (row.validTo !== null && row.validTo < today) throw adminFieldError("areaId", "parent_closed");
}

/** What still points at a unit: its open cases and the active routing rules that send cases to it. */
export async function unitWork(db: DbOrTx, unitId: string): Promise<{ openCases: number; activeRules: number }> {
  const [open, rules] = await Promise.all([
    db.select({ id: cases.id }).from(cases).where(and(eq(cases.unitId, unitId), inArray(cases.status, [...OPEN_STATUSES]))),
    db.select({ id: routingRules.id }).from(routingRules).where(and(eq(routingRules.unitId, unitId), eq(routingRules.active, true))),
  ]);
  return { openCases: open.length, activeRules: rules.length };
}

/** Units still answering for an area after its last day (they must be given another area first). */
export async function unitsOfAreaAfter(db: DbOrTx, areaId: string, lastDay: IsoDate): Promise<number> {
  const rows = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.areaId, areaId), or(isNull(units.validTo), gt(units.validTo, lastDay))));
  return rows.length;
}

export const auditEntity = (entity: OrgEntity) => (entity === "area" ? "area" : "unit");
