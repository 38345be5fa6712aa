// CSV files people open in a spreadsheet: UTF-8 with a byte order mark (so the accents read right), CRLF lines,
// RFC 4180 quoting, and no cell a spreadsheet would run as a formula. Pure.

/** A time as Vietnam reads it, ISO 8601 with its offset (Vietnam keeps +07:00 all year). */
export function vietnamIso(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3600_000);
  return `${local.toISOString().slice(0, 19)}+07:00`;
}

/**
 * One CSV cell (RFC 4180): quoted when it holds a quote, a comma or a line break. A text cell a spreadsheet would
 * take for a formula (= + - @, or a tab or carriage return before one) gets an apostrophe first; a number is
 * written as it is (a negative number is not a formula).
 */
export function csvCell(value: string | number | null): string {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  let text = value === null ? "" : value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: ReadonlyArray<string | number | null>): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/** The byte order mark a file starts with. */
export const CSV_BOM = "\uFEFF";

/** A whole CSV file. */
export function csvDocument(lines: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return CSV_BOM + lines.map(csvLine).join("");
}
