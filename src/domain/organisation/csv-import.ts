// A whole organisation file from its text to what it would change (csv-read, csv-format, csv-diff in turn). The
// references between rows and to the database are checked once every line reads right. Pure.
import type { IsoDate } from "../types";
import { diffImport, type ImportChange, type ImportCounts, type OrganisationSnapshot } from "./csv-diff";
import { parseImportRows, type ImportProblem } from "./csv-format";
import { readCsv } from "./csv-read";

export type ImportPlan = { ok: true; separator: "," | ";"; lines: number; changes: ImportChange[]; counts: ImportCounts } | { ok: false; problems: ImportProblem[] };

export function planImport(text: string, existing: OrganisationSnapshot, today: IsoDate): ImportPlan {
  const table = readCsv(text);
  if (table.problems.length > 0) return { ok: false, problems: table.problems };
  const parsed = parseImportRows(table.records);
  if (parsed.problems.length > 0) return { ok: false, problems: parsed.problems };
  const diff = diffImport(parsed.rows, existing, today);
  if (diff.problems.length > 0) return { ok: false, problems: diff.problems };
  return { ok: true, separator: table.separator, lines: parsed.rows.length, changes: diff.changes, counts: diff.counts };
}

/** The changes that write something (the page lists these; unchanged rows are only counted). */
export const writtenChanges = (changes: readonly ImportChange[]) => changes.filter((c) => c.op !== "unchanged");
