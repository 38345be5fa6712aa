import "server-only";
import type { DbOrTx } from "@/db/client";
import type { ExistingArea, ExistingUnit } from "@/domain/organisation/csv-diff";
import { organisationCsv, type TemplateRow } from "@/domain/organisation/csv-template";
import { assertAdmin } from "@/server/admin/admin-frame";
import type { Viewer } from "@/server/auth/roles";
import { loadOrganisationSnapshot } from "./import-frame";

/** Each parent before its children, siblings by code (the import itself takes any order). */
function treeOrder<T extends { code: string; parentCode: string | null }>(rows: readonly T[]): T[] {
  const codes = new Set(rows.map((r) => r.code));
  const children = new Map<string | null, T[]>();
  for (const r of [...rows].sort((a, b) => a.code.localeCompare(b.code))) {
    const parent = r.parentCode !== null && codes.has(r.parentCode) ? r.parentCode : null;
    children.set(parent, [...(children.get(parent) ?? []), r]);
  }
  const out: T[] = [];
  const visit = (parent: string | null) => {
    for (const r of children.get(parent) ?? []) {
      out.push(r);
      visit(r.code);
    }
  };
  visit(null);
  return out;
}

/** The stored areas and units in the import format: download, edit, import again (unchanged rows change nothing). */
export async function exportOrganisationCsv(db: DbOrTx, viewer: Viewer | null): Promise<string> {
  assertAdmin(viewer);
  const snapshot = await loadOrganisationSnapshot(db);
  const areaRows = treeOrder<ExistingArea>(snapshot.areas).map((a): TemplateRow => ({ entity: "area", ...a }));
  const unitRows = treeOrder<ExistingUnit>(snapshot.units).map((u): TemplateRow => ({ entity: "unit", ...u }));
  return organisationCsv([...areaRows, ...unitRows]);
}
