// The one CSV format for importing areas and units (documented on /can-bo/quan-tri/to-chuc/nhap, template at
// /can-bo/quan-tri/to-chuc/mau.csv). One row per area (địa bàn) or unit (đơn vị), matched to the database by its
// code; an empty cell keeps what is stored (a new row gets the default). Pure.
import { isIsoDate } from "../calendar";
import { cleanLine } from "../text-input";
import { AREA_KINDS, UNIT_KINDS, type AreaKind, type IsoDate, type UnitKind } from "../types";
import type { CsvRecord } from "./csv-read";

export const IMPORT_COLUMNS = ["loai", "ma", "ten", "ten_en", "phan_loai", "ma_cha", "ma_dia_ban", "vung_kho_khan", "hieu_luc_tu", "hieu_luc_den", "email"] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly ImportColumn[] = ["loai", "ma", "ten", "phan_loai"];
/** Columns only one of the two kinds of row may fill. */
export const AREA_ONLY: readonly ImportColumn[] = ["vung_kho_khan"];
export const UNIT_ONLY: readonly ImportColumn[] = ["ma_dia_ban", "email"];

/** English headers are taken too (the page's English documentation names them). */
const COLUMN_ALIASES: Record<string, ImportColumn> = {
  type: "loai",
  code: "ma",
  name: "ten",
  name_en: "ten_en",
  kind: "phan_loai",
  parent_code: "ma_cha",
  area_code: "ma_dia_ban",
  remote: "vung_kho_khan",
  valid_from: "hieu_luc_tu",
  valid_to: "hieu_luc_den",
};

export const ENTITY_VALUES = { dia_ban: "area", don_vi: "unit" } as const;
export type ImportEntity = "area" | "unit";

/** The value written in the file for each kind (the stored English value is taken too). */
export const AREA_KIND_VALUES: Record<string, AreaKind> = { tinh: "province", xa: "commune", phuong: "ward", dac_khu: "special_zone" };
export const UNIT_KIND_VALUES: Record<string, UnitKind> = {
  cap_uy: "party_committee",
  hdnd: "peoples_council",
  ubnd: "peoples_committee",
  so_nganh: "department",
  thanh_tra: "inspectorate",
  ban_tiep_cong_dan: "reception_board",
  mttq: "fatherland_front",
  doan_the: "mass_organisation",
};
export const fileValueOfKind = (kind: string): string =>
  Object.entries({ ...AREA_KIND_VALUES, ...UNIT_KIND_VALUES }).find(([, v]) => v === kind)?.[0] ?? kind;

const YES = new Set(["co", "x", "1", "true", "yes", "y"]);
const NO = new Set(["khong", "0", "false", "no", "n"]);

export const CODE_PATTERN = /^[\p{L}\p{N}._-]{1,64}$/u;
export const NAME_MAX = 200;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type ImportProblemCode =
  | "unclosed_quote"
  | "bad_quote"
  | "missing_column"
  | "unknown_column"
  | "duplicate_column"
  | "no_rows"
  | "field_count"
  | "required"
  | "unknown_type"
  | "unknown_kind"
  | "bad_code"
  | "too_long"
  | "bad_flag"
  | "bad_date"
  | "bad_email"
  | "not_for_area"
  | "not_for_unit"
  | "duplicate_code"
  | "parent_unknown"
  | "area_unknown"
  | "cycle"
  | "ends_before_start"
  | "close_busy";

/** A problem on a line of the file (line 1 is the header), with the column and what to show. */
export type ImportProblem = { line: number; column?: ImportColumn; problem: ImportProblemCode; params?: Record<string, string | number> };

/** A row as the file says it; null is an empty cell (keep what is stored, or the default for a new row). */
export type ImportRow = {
  line: number;
  entity: ImportEntity;
  code: string;
  name: string;
  nameEn: string | null;
  kind: AreaKind | UnitKind;
  parentCode: string | null;
  areaCode: string | null;
  remote: boolean | null;
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
  email: string | null;
};

/** Lower case, no accents, spaces and dashes as underscores: "Mã cha" and "ma-cha" are ma_cha. */
export function plainKey(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .trim()
    .replace(/[\s-]+/g, "_");
}

/** YYYY-MM-DD, or DD/MM/YYYY as a Vietnamese spreadsheet writes it (D/M/YYYY and dots too). */
export function parseImportDate(value: string): IsoDate | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const vn = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(value);
  const date = iso ? value : vn ? `${vn[3]}-${vn[2]!.padStart(2, "0")}-${vn[1]!.padStart(2, "0")}` : null;
  return date && isIsoDate(date) ? date : null;
}

export type ParsedRows = { rows: ImportRow[]; problems: ImportProblem[] };

/** The header, then each record checked on its own (references between rows and to the database: csv-diff). */
export function parseImportRows(records: readonly CsvRecord[]): ParsedRows {
  const problems: ImportProblem[] = [];
  const [header, ...body] = records;
  if (!header) return { rows: [], problems: [{ line: 1, problem: "no_rows" }] };
  const columns: (ImportColumn | null)[] = [];
  for (const raw of header.cells) {
    const key = plainKey(raw);
    const column = (IMPORT_COLUMNS as readonly string[]).includes(key) ? (key as ImportColumn) : (COLUMN_ALIASES[key] ?? null);
    if (column === null) {
      if (key !== "") problems.push({ line: header.line, problem: "unknown_column", params: { name: raw.trim() } });
    } else if (columns.includes(column)) problems.push({ line: header.line, column, problem: "duplicate_column" });
    columns.push(column);
  }
  for (const column of REQUIRED_COLUMNS) if (!columns.includes(column)) problems.push({ line: header.line, column, problem: "missing_column" });
  if (problems.length > 0) return { rows: [], problems };
  if (body.length === 0) return { rows: [], problems: [{ line: header.line, problem: "no_rows" }] };

  const rows: ImportRow[] = [];
  for (const record of body) {
    const { line } = record;
    if (record.cells.length > columns.length && record.cells.slice(columns.length).some((c) => c.trim() !== "")) {
      problems.push({ line, problem: "field_count", params: { expected: columns.length, found: record.cells.length } });
      continue;
    }
    const cell = (column: ImportColumn): string => {
      const at = columns.indexOf(column);
      return at < 0 ? "" : cleanLine(record.cells[at] ?? "");
    };
    const found: ImportProblem[] = [];
    const need = (column: ImportColumn): string => {
      const value = cell(column);
      if (value === "") found.push({ line, column, problem: "required" });
      return value;
    };
    const entityRaw = need("loai");
    const entity: ImportEntity | null = entityRaw === "" ? null : (ENTITY_VALUES[plainKey(entityRaw) as keyof typeof ENTITY_VALUES] ?? (["area", "unit"].includes(plainKey(entityRaw)) ? (plainKey(entityRaw) as ImportEntity) : null));
    if (entityRaw !== "" && entity === null) found.push({ line, column: "loai", problem: "unknown_type", params: { value: entityRaw } });

    const code = need("ma");
    if (code !== "" && !CODE_PATTERN.test(code)) found.push({ line, column: "ma", problem: "bad_code", params: { value: code } });
    const name = need("ten");
    if (name.length > NAME_MAX) found.push({ line, column: "ten", problem: "too_long", params: { max: NAME_MAX } });
    const nameEn = cell("ten_en") || null;
    if (nameEn && nameEn.length > NAME_MAX) found.push({ line, column: "ten_en", problem: "too_long", params: { max: NAME_MAX } });

    const kindRaw = need("phan_loai");
    let kind: AreaKind | UnitKind | null = null;
    if (kindRaw !== "" && entity !== null) {
      const key = plainKey(kindRaw);
      const values = entity === "area" ? AREA_KIND_VALUES : UNIT_KIND_VALUES;
      const stored: readonly string[] = entity === "area" ? AREA_KINDS : UNIT_KINDS;
      kind = values[key] ?? (stored.includes(key) ? (key as AreaKind | UnitKind) : null);
      if (kind === null) found.push({ line, column: "phan_loai", problem: "unknown_kind", params: { value: kindRaw, allowed: Object.keys(values).join(", ") } });
    }

    const parentCode = cell("ma_cha") || null;
    if (parentCode !== null && !CODE_PATTERN.test(parentCode)) found.push({ line, column: "ma_cha", problem: "bad_code", params: { value: parentCode } });
    const areaCode = cell("ma_dia_ban") || null;
    if (areaCode !== null && !CODE_PATTERN.test(areaCode)) found.push({ line, column: "ma_dia_ban", problem: "bad_code", params: { value: areaCode } });

    const flag = cell("vung_kho_khan");
    let remote: boolean | null = null;
    if (flag !== "") {
      const key = plainKey(flag);
      remote = YES.has(key) ? true : NO.has(key) ? false : null;
      if (remote === null) found.push({ line, column: "vung_kho_khan", problem: "bad_flag", params: { value: flag } });
    }

    const date = (column: "hieu_luc_tu" | "hieu_luc_den"): IsoDate | null => {
      const value = cell(column);
      if (value === "") return null;
      const parsed = parseImportDate(value);
      if (parsed === null) found.push({ line, column, problem: "bad_date", params: { value } });
      return parsed;
    };
    const validFrom = date("hieu_luc_tu");
    const validTo = date("hieu_luc_den");
    if (validFrom && validTo && validTo < validFrom) found.push({ line, column: "hieu_luc_den", problem: "ends_before_start" });

    const email = cell("email").toLowerCase() || null;
    if (email !== null && !EMAIL.test(email)) found.push({ line, column: "email", problem: "bad_email", params: { value: email } });

    if (entity === "area") for (const column of UNIT_ONLY) if (cell(column) !== "") found.push({ line, column, problem: "not_for_area" });
    if (entity === "unit") for (const column of AREA_ONLY) if (cell(column) !== "") found.push({ line, column, problem: "not_for_unit" });

    if (found.length > 0 || entity === null || kind === null) {
      problems.push(...found);
      continue;
    }
    rows.push({ line, entity, code, name, nameEn, kind, parentCode, areaCode, remote, validFrom, validTo, email });
  }
  return { rows, problems };
}
