import "server-only";
import { createHash } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { areas, cases, routingRules, units } from "@/db/schema";
import type { OrganisationSnapshot } from "@/domain/organisation/csv-diff";
import { planImport, writtenChanges, type ImportPlan } from "@/domain/organisation/csv-import";
import type { ImportProblem } from "@/domain/organisation/csv-format";
import { decodeCsvBytes, IMPORT_MAX_BYTES, normaliseCsvText, type FileProblem } from "@/domain/organisation/csv-read";
import type { IsoDate } from "@/domain/types";
import { adminFieldError } from "@/server/admin/admin-frame";
import { AppError } from "@/server/errors";
import { OPEN_STATUSES } from "@/server/workspace/list-inbox";

/** What the page shows before anything is written; `text` and the hashes travel back with the apply form. */
export type OrganisationImportPreview = { text: string; fileHash: string; planHash: string; plan: Extract<ImportPlan, { ok: true }> };

/** The stored areas and units by code, with the work each unit holds (a unit holding work is not closed here). */
export async function loadOrganisationSnapshot(db: DbOrTx): Promise<OrganisationSnapshot> {
  const parentArea = alias(areas, "parent_area");
  const parentUnit = alias(units, "parent_unit");
  const unitArea = alias(areas, "unit_area");
  const [areaRows, unitRows, openCases, activeRules] = await Promise.all([
    db
      .select({ code: areas.code, name: areas.name, nameEn: areas.nameEn, kind: areas.kind, parentCode: parentArea.code, remote: areas.remote, validFrom: areas.validFrom, validTo: areas.validTo })
      .from(areas)
      .leftJoin(parentArea, eq(parentArea.id, areas.parentId)),
    db
      .select({ id: units.id, code: units.code, name: units.name, nameEn: units.nameEn, kind: units.kind, parentCode: parentUnit.code, areaCode: unitArea.code, email: units.email, validFrom: units.validFrom, validTo: units.validTo })
      .from(units)
      .leftJoin(parentUnit, eq(parentUnit.id, units.parentId))
      .leftJoin(unitArea, eq(unitArea.id, units.areaId)),
    db
      .select({ unitId: cases.unitId, n: sql<number>`count(*)::int` })
      .from(cases)
      .where(inArray(cases.status, [...OPEN_STATUSES]))
      .groupBy(cases.unitId),
    db
      .select({ unitId: routingRules.unitId, n: sql<number>`count(*)::int` })
      .from(routingRules)
      .where(and(eq(routingRules.active, true)))
      .groupBy(routingRules.unitId),
  ]);
  const casesOf = new Map(openCases.map((r) => [r.unitId, Number(r.n)]));
  const rulesOf = new Map(activeRules.map((r) => [r.unitId, Number(r.n)]));
  return {
    areas: areaRows,
    units: unitRows.map(({ id, ...u }) => ({ ...u, openCases: casesOf.get(id) ?? 0, activeRules: rulesOf.get(id) ?? 0 })),
  };
}

export const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
/** What the admin saw: the changes that write something (applying refuses if they differ by then). */
export const planHashOf = (plan: Extract<ImportPlan, { ok: true }>) => sha256(JSON.stringify(writtenChanges(plan.changes)));

const fileError = (problem: FileProblem) => adminFieldError("file", problem, { maxKb: IMPORT_MAX_BYTES / 1024 });

/** The uploaded file: its size checked before a byte is read, then decoded (UTF-8 only). */
export const previewInputSchema = z.object({ file: z.instanceof(Blob, { error: "required" }) });
export async function readUploadedFile(input: unknown): Promise<string> {
  const parsed = previewInputSchema.safeParse(input);
  if (!parsed.success) throw adminFieldError("file", "required");
  const { file } = parsed.data;
  if (file.size === 0) throw adminFieldError("file", "required");
  if (file.size > IMPORT_MAX_BYTES) throw fileError("too_large");
  const decoded = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
  if (!decoded.ok) throw fileError(decoded.problem);
  return decoded.text;
}

/** The text that came back with the preview, and the hashes of the file and of the changes shown. */
export const applyInputSchema = z.object({
  text: z.string({ error: "required" }).max(IMPORT_MAX_BYTES * 2, { error: "too_large" }),
  fileHash: z.string().regex(/^[0-9a-f]{64}$/, { error: "invalid" }),
  planHash: z.string().regex(/^[0-9a-f]{64}$/, { error: "invalid" }),
});
export function readReturnedText(input: unknown): z.infer<typeof applyInputSchema> {
  const parsed = applyInputSchema.safeParse(input);
  if (!parsed.success) throw adminFieldError("file", parsed.error.issues[0]?.message === "too_large" ? "too_large" : "stale");
  const normalised = normaliseCsvText(parsed.data.text);
  if (!normalised.ok) throw fileError(normalised.problem);
  // A form may hand the text back with other line endings: the hash is of the normalised text.
  if (sha256(normalised.text) !== parsed.data.fileHash) throw adminFieldError("file", "stale");
  return { ...parsed.data, text: normalised.text };
}

/** The file's problems, line by line: nothing is written while there is one. */
export function importProblems(problems: ImportProblem[]): AppError {
  return new AppError("invalid_input", "import_problems", { fields: { file: "has_problems" }, problems });
}

export async function previewFromText(db: DbOrTx, text: string, today: IsoDate): Promise<OrganisationImportPreview> {
  const plan = planImport(text, await loadOrganisationSnapshot(db), today);
  if (!plan.ok) throw importProblems(plan.problems);
  return { text, fileHash: sha256(text), planHash: planHashOf(plan), plan };
}
