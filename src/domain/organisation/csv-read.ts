// Reading an organisation CSV file (src/domain/organisation/csv-format.ts says what its columns mean): the bytes
// decoded as UTF-8 (with or without a byte order mark; Excel's Windows-1258 "CSV" and UTF-16 "Unicode text" are
// refused with how to save the file right), then split into records with comma or semicolon separators, quoted
// fields, and the line of the file each record starts on. Pure.

/**
 * The largest file taken (a province's list is ~150 KB). A post after the preview carries the file's text in the
 * form's state besides a new file, and the server takes at most 1 MB for this page's forms (body-limits.ts "form").
 */
export const IMPORT_MAX_BYTES = 384 * 1024;

export type FileProblem = "empty" | "too_large" | "utf16" | "not_utf8";
export type DecodeResult = { ok: true; text: string } | { ok: false; problem: FileProblem };

/** The file's text with its byte order mark dropped and every line ending as "\n" (so a hash of it is stable). */
export function decodeCsvBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.byteLength > IMPORT_MAX_BYTES) return { ok: false, problem: "too_large" };
  if (bytes.byteLength === 0) return { ok: false, problem: "empty" };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { ok: false, problem: "utf16" };
  // UTF-16 without a mark: every other byte of Latin text is zero.
  const sample = bytes.subarray(0, 512);
  if (sample.filter((b) => b === 0).length * 4 > sample.length) return { ok: false, problem: "utf16" };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: "not_utf8" };
  }
  return normaliseCsvText(text);
}

/** The same normalisation for text that comes back with the preview (a form's hidden field). */
export function normaliseCsvText(raw: string): DecodeResult {
  const text = raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (new TextEncoder().encode(text).byteLength > IMPORT_MAX_BYTES) return { ok: false, problem: "too_large" };
  if (text.trim() === "") return { ok: false, problem: "empty" };
  return { ok: true, text };
}

export type CsvRecord = { line: number; cells: string[] };
export type CsvReadProblem = { line: number; problem: "unclosed_quote" | "bad_quote" };
export type CsvTable = { separator: "," | ";"; records: CsvRecord[]; problems: CsvReadProblem[] };

/** Comma or semicolon, whichever the header line (outside quotes) holds more of; a tie is a comma. */
export function detectSeparator(text: string): "," | ";" {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "\n") break;
    else if (!quoted && ch === ",") commas++;
    else if (!quoted && ch === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}

/**
 * Records of RFC 4180 CSV (text already normalised to "\n"). Each record carries the line it starts on, as an
 * editor numbers the file's lines; blank lines are skipped. A quote inside an unquoted field is kept as it is.
 */
export function readCsv(text: string, separator = detectSeparator(text)): CsvTable {
  const records: CsvRecord[] = [];
  const problems: CsvReadProblem[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const start = line;
    const cells: string[] = [];
    let cell = "";
    let ended = false;
    while (!ended) {
      if (text[i] === '"') {
        // A quoted field: up to the closing quote ("" is a quote), line breaks included.
        i++;
        let closed = false;
        while (i < text.length) {
          const ch = text[i]!;
          if (ch === '"' && text[i + 1] === '"') {
            cell += '"';
            i += 2;
          } else if (ch === '"') {
            closed = true;
            i++;
            break;
          } else {
            if (ch === "\n") line++;
            cell += ch;
            i++;
          }
        }
        if (!closed) {
          problems.push({ line: start, problem: "unclosed_quote" });
          return { separator, records, problems };
        }
        if (i < text.length && text[i] !== separator && text[i] !== "\n") {
          problems.push({ line, problem: "bad_quote" });
          while (i < text.length && text[i] !== separator && text[i] !== "\n") cell += text[i++];
        }
      } else {
        while (i < text.length && text[i] !== separator && text[i] !== "\n") cell += text[i++];
      }
      cells.push(cell);
      cell = "";
      if (i >= text.length || text[i] === "\n") {
        ended = true;
        i++;
        line++;
      } else {
        i++; // the separator
      }
    }
    if (!(cells.length === 1 && cells[0]!.trim() === "")) records.push({ line: start, cells });
  }
  return { separator, records, problems };
}
