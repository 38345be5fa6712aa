import "server-only";
import { eq } from "drizzle-orm";
import type { Database, Tx } from "@/db/client";
import { areas, units } from "@/db/schema";
import { toLocalDate } from "@/domain/calendar";
import type { ImportChange, ImportCounts, RowValues } from "@/domain/organisation/csv-diff";
import { writtenChanges } from "@/domain/organisation/csv-import";
import type { AreaKind, UnitKind } from "@/domain/types";
import { adminChange, adminRefusal } from "@/server/admin/admin-frame";
import type { Viewer } from "@/server/auth/roles";
import { previewFromText, readReturnedText, type OrganisationImportPreview } from "./import-frame";

export type OrganisationImportResult = { counts: ImportCounts; created: number; updated: number };

type Written = Exclude<ImportChange, { op: "unchanged" }>;

async function codeIds(tx: Tx, table: typeof areas | typeof units): Promise<Map<string, string>> {
  const rows = await tx.select({ id: table.id, code: table.code }).from(table);
  return new Map(rows.map((r) => [r.code, r.id]));
}

/**
 * Writes one entity's changes: new rows first (their parents may be new too), then every parent link and field,
 * so the order of the file does not matter.
 */
async function writeAreas(tx: Tx, changes: Written[]): Promise<Map<string, string>> {
  for (const c of changes) if (c.op === "create") await tx.insert(areas).values({ code: c.code, name: c.values.name, kind: c.values.kind as AreaKind, validFrom: c.values.validFrom });
  const ids = await codeIds(tx, areas);
  for (const c of changes) {
    const v: RowValues = c.values;
    await tx
      .update(areas)
      .set({ name: v.name, nameEn: v.nameEn, kind: v.kind as AreaKind, parentId: v.parentCode ? ids.get(v.parentCode)! : null, remote: v.remote, validFrom: v.validFrom, validTo: v.validTo })
      .where(eq(areas.code, c.code));
  }
  return ids;
}

async function writeUnits(tx: Tx, changes: Written[], areaIds: Map<string, string>): Promise<void> {
  for (const c of changes) if (c.op === "create") await tx.insert(units).values({ code: c.code, name: c.values.name, nameEn: c.values.nameEn ?? c.values.name, kind: c.values.kind as UnitKind, validFrom: c.values.validFrom });
  const ids = await codeIds(tx, units);
  for (const c of changes) {
    const v = c.values;
    await tx
      .update(units)
      .set({
        name: v.name,
        nameEn: v.nameEn ?? v.name,
        kind: v.kind as UnitKind,
        parentId: v.parentCode ? ids.get(v.parentCode)! : null,
        areaId: v.areaCode ? areaIds.get(v.areaCode)! : null,
        email: v.email,
        validFrom: v.validFrom,
        validTo: v.validTo,
      })
      .where(eq(units.code, c.code));
  }
}

/**
 * Applies a previewed file: its text comes back with the preview's hashes, is read and compared again inside the
 * transaction, and everything is written at once with one audit entry (counts and codes). Refused while the file
 * has problems, or when the changes are no longer those the admin saw (the refusal carries the new preview).
 */
export async function applyOrganisationImport(db: Database, viewer: Viewer | null, input: { text?: unknown; fileHash?: unknown; planHash?: unknown }, now = new Date()): Promise<OrganisationImportResult> {
  return adminChange(db, viewer, async (tx) => {
    const { text, planHash } = readReturnedText(input);
    const preview: OrganisationImportPreview = await previewFromText(tx, text, toLocalDate(now));
    const written = writtenChanges(preview.plan.changes) as Written[];
    if (preview.planHash !== planHash || written.length === 0) throw adminRefusal(written.length === 0 ? "no_changes" : "changed_since_preview", { preview });
    const areaIds = await writeAreas(
      tx,
      written.filter((c) => c.entity === "area"),
    );
    await writeUnits(
      tx,
      written.filter((c) => c.entity === "unit"),
      areaIds,
    );
    const codes = (entity: "area" | "unit", op: "create" | "update") => written.filter((c) => c.entity === entity && c.op === op).map((c) => c.code);
    const created = written.filter((c) => c.op === "create").length;
    return {
      result: { counts: preview.plan.counts, created, updated: written.length - created },
      audit: {
        action: "organisation.imported",
        entityType: "organisation",
        entityId: preview.fileHash.slice(0, 16),
        data: {
          fileHash: preview.fileHash,
          rows: preview.plan.lines,
          counts: preview.plan.counts,
          created: { areas: codes("area", "create"), units: codes("unit", "create") },
          updated: {
            areas: written.filter((c) => c.entity === "area" && c.op === "update").map((c) => ({ code: c.code, fields: c.op === "update" ? c.fields : [] })),
            units: written.filter((c) => c.entity === "unit" && c.op === "update").map((c) => ({ code: c.code, fields: c.op === "update" ? c.fields : [] })),
          },
        },
      },
    };
  });
}
