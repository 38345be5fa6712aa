// A parsed organisation file against the database, by code: the checks that need both (a parent or an area that
// exists in neither, a loop of parents, dates out of order once merged with what is stored, a unit closed while
// it still holds work), then what would change: create, update (which fields, before and after) or unchanged.
// Never a deletion: closing is a `hieu_luc_den`. Pure.
import type { AreaKind, IsoDate, UnitKind } from "../types";
import type { ImportEntity, ImportProblem, ImportRow } from "./csv-format";
import { findCycles } from "./tree";

export type ExistingArea = { code: string; name: string; nameEn: string | null; kind: AreaKind; parentCode: string | null; remote: boolean; validFrom: IsoDate; validTo: IsoDate | null };
export type ExistingUnit = {
  code: string;
  name: string;
  nameEn: string;
  kind: UnitKind;
  parentCode: string | null;
  areaCode: string | null;
  email: string | null;
  validFrom: IsoDate;
  validTo: IsoDate | null;
  /** Work that must move to a successor before the unit closes (the reorganisation page does that). */
  openCases: number;
  activeRules: number;
};
export type OrganisationSnapshot = { areas: readonly ExistingArea[]; units: readonly ExistingUnit[] };

export const DIFF_FIELDS = ["name", "nameEn", "kind", "parentCode", "areaCode", "remote", "validFrom", "validTo", "email"] as const;
export type DiffField = (typeof DIFF_FIELDS)[number];
export type FieldValue = string | boolean | null;
export type FieldChange = { field: DiffField; before: FieldValue; after: FieldValue };

/** The values a row ends with (a new row's defaults filled in). */
export type RowValues = { name: string; nameEn: string | null; kind: string; parentCode: string | null; areaCode: string | null; remote: boolean; validFrom: IsoDate; validTo: IsoDate | null; email: string | null };

export type ImportChange =
  | { op: "create"; entity: ImportEntity; code: string; line: number; values: RowValues }
  | { op: "update"; entity: ImportEntity; code: string; line: number; values: RowValues; fields: FieldChange[] }
  | { op: "unchanged"; entity: ImportEntity; code: string; line: number };

export type ImportCounts = Record<ImportEntity, { create: number; update: number; unchanged: number }>;
export type ImportDiff = { problems: ImportProblem[]; changes: ImportChange[]; counts: ImportCounts };

const fieldsOf = (entity: ImportEntity): readonly DiffField[] =>
  entity === "area" ? ["name", "nameEn", "kind", "parentCode", "remote", "validFrom", "validTo"] : ["name", "nameEn", "kind", "parentCode", "areaCode", "email", "validFrom", "validTo"];

function storedValues(entity: ImportEntity, e: ExistingArea | ExistingUnit): RowValues {
  return entity === "area"
    ? { name: e.name, nameEn: e.nameEn, kind: e.kind, parentCode: e.parentCode, areaCode: null, remote: (e as ExistingArea).remote, validFrom: e.validFrom, validTo: e.validTo, email: null }
    : { name: e.name, nameEn: e.nameEn, kind: e.kind, parentCode: e.parentCode, areaCode: (e as ExistingUnit).areaCode, remote: false, validFrom: e.validFrom, validTo: e.validTo, email: (e as ExistingUnit).email };
}

/** What the row asks for over what is stored: an empty cell keeps the stored value; a new row gets the defaults. */
function mergedValues(row: ImportRow, stored: RowValues | null, today: IsoDate): RowValues {
  return {
    name: row.name,
    // A unit's English name is required: a new one without it takes the Vietnamese name.
    nameEn: row.nameEn ?? stored?.nameEn ?? (row.entity === "unit" ? row.name : null),
    kind: row.kind,
    parentCode: row.parentCode ?? stored?.parentCode ?? null,
    areaCode: row.entity === "unit" ? (row.areaCode ?? stored?.areaCode ?? null) : null,
    remote: row.entity === "area" ? (row.remote ?? stored?.remote ?? false) : false,
    validFrom: row.validFrom ?? stored?.validFrom ?? today,
    validTo: row.validTo ?? stored?.validTo ?? null,
    email: row.entity === "unit" ? (row.email ?? stored?.email ?? null) : null,
  };
}

/** The rows that repeat a code already given above (per kind of row: areas and units have their own codes). */
function duplicates(rows: readonly ImportRow[]): { problems: ImportProblem[]; unique: ImportRow[] } {
  const first = new Map<string, number>();
  const problems: ImportProblem[] = [];
  const unique: ImportRow[] = [];
  for (const row of rows) {
    const key = `${row.entity}:${row.code}`;
    const seen = first.get(key);
    if (seen !== undefined) problems.push({ line: row.line, column: "ma", problem: "duplicate_code", params: { code: row.code, firstLine: seen } });
    else {
      first.set(key, row.line);
      unique.push(row);
    }
  }
  return { problems, unique };
}

export function diffImport(rows: readonly ImportRow[], existing: OrganisationSnapshot, today: IsoDate): ImportDiff {
  const { problems, unique } = duplicates(rows);
  const stored = {
    area: new Map(existing.areas.map((a) => [a.code, a] as const)),
    unit: new Map(existing.units.map((u) => [u.code, u] as const)),
  } as const;
  const merged = unique.map((row) => {
    const before = stored[row.entity].get(row.code);
    const storedRow = before ? storedValues(row.entity, before) : null;
    return { row, before, storedRow, values: mergedValues(row, storedRow, today) };
  });
  const fileCodes = { area: new Set(unique.filter((r) => r.entity === "area").map((r) => r.code)), unit: new Set(unique.filter((r) => r.entity === "unit").map((r) => r.code)) };
  const known = (entity: ImportEntity, code: string) => fileCodes[entity].has(code) || stored[entity].has(code);

  for (const { row, before, values } of merged) {
    if (row.parentCode !== null && !known(row.entity, row.parentCode)) problems.push({ line: row.line, column: "ma_cha", problem: "parent_unknown", params: { code: row.parentCode } });
    if (row.areaCode !== null && !known("area", row.areaCode)) problems.push({ line: row.line, column: "ma_dia_ban", problem: "area_unknown", params: { code: row.areaCode } });
    if (values.validTo !== null && values.validTo < values.validFrom && !(row.validFrom && row.validTo)) {
      problems.push({ line: row.line, column: row.validTo ? "hieu_luc_den" : "hieu_luc_tu", problem: "ends_before_start", params: { from: values.validFrom, to: values.validTo } });
    }
    if (row.entity === "unit" && before && row.validTo !== null && row.validTo !== before.validTo) {
      const unit = before as ExistingUnit;
      if (unit.openCases > 0 || unit.activeRules > 0) problems.push({ line: row.line, column: "hieu_luc_den", problem: "close_busy", params: { code: row.code, cases: unit.openCases, rules: unit.activeRules } });
    }
  }

  // Loops of parents in the tree the file would leave (the stored tree has none, so a file row is on each loop).
  for (const entity of ["area", "unit"] as const) {
    const parents = new Map<string, string | null>();
    for (const e of entity === "area" ? existing.areas : existing.units) parents.set(e.code, e.parentCode);
    for (const m of merged) if (m.row.entity === entity) parents.set(m.row.code, m.values.parentCode);
    const lineOf = new Map(merged.filter((m) => m.row.entity === entity).map((m) => [m.row.code, m.row.line]));
    for (const cycle of findCycles([...parents].map(([id, parentId]) => ({ id, parentId })))) {
      const path = [...cycle, cycle[0]!].join(" → ");
      for (const code of cycle) {
        const line = lineOf.get(code);
        if (line !== undefined) problems.push({ line, column: "ma_cha", problem: "cycle", params: { path } });
      }
    }
  }

  const changes: ImportChange[] = merged.map(({ row, storedRow, values }) => {
    if (!storedRow) return { op: "create", entity: row.entity, code: row.code, line: row.line, values };
    const fields = fieldsOf(row.entity)
      .filter((f) => values[f] !== storedRow[f])
      .map((field) => ({ field, before: storedRow[field], after: values[field] }));
    return fields.length === 0 ? { op: "unchanged", entity: row.entity, code: row.code, line: row.line } : { op: "update", entity: row.entity, code: row.code, line: row.line, values, fields };
  });
  const counts: ImportCounts = { area: { create: 0, update: 0, unchanged: 0 }, unit: { create: 0, update: 0, unchanged: 0 } };
  for (const c of changes) counts[c.entity][c.op]++;
  problems.sort((a, b) => a.line - b.line);
  return { problems, changes, counts };
}
