import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeCsvBytes, detectSeparator, IMPORT_MAX_BYTES, normaliseCsvText, readCsv } from "./csv-read";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("decoding the file", () => {
  it("takes UTF-8 with or without a byte order mark, line endings made \\n", () => {
    expect(decodeCsvBytes(utf8("\uFEFFloai,ma\r\ndia_ban,Xã Ia Grai\r\n"))).toEqual({ ok: true, text: "loai,ma\ndia_ban,Xã Ia Grai\n" });
    expect(decodeCsvBytes(utf8("a,b\rc,d"))).toEqual({ ok: true, text: "a,b\nc,d" });
  });

  it("refuses Windows-1258 (Excel's plain CSV) as not UTF-8", () => {
    // "Xã" in Windows-1258: X, a (0x61) then the combining tilde 0xDE; and "Đ" is 0xD0.
    expect(decodeCsvBytes(new Uint8Array([0x58, 0x61, 0xde, 0x2c, 0xd0, 0x61]))).toEqual({ ok: false, problem: "not_utf8" });
  });

  it("refuses UTF-16, with or without its mark", () => {
    expect(decodeCsvBytes(new Uint8Array([0xff, 0xfe, 0x61, 0x00]))).toEqual({ ok: false, problem: "utf16" });
    expect(decodeCsvBytes(new Uint8Array([0xfe, 0xff, 0x00, 0x61]))).toEqual({ ok: false, problem: "utf16" });
    const bare = new Uint8Array([..."loai,ma"].flatMap((c) => [c.charCodeAt(0), 0]));
    expect(decodeCsvBytes(bare)).toEqual({ ok: false, problem: "utf16" });
  });

  it("refuses an empty file and one over the cap before reading it", () => {
    expect(decodeCsvBytes(new Uint8Array())).toEqual({ ok: false, problem: "empty" });
    expect(decodeCsvBytes(new Uint8Array(IMPORT_MAX_BYTES + 1))).toEqual({ ok: false, problem: "too_large" });
    expect(normaliseCsvText("x".repeat(IMPORT_MAX_BYTES + 1))).toEqual({ ok: false, problem: "too_large" });
    expect(normaliseCsvText(" \n\n")).toEqual({ ok: false, problem: "empty" });
  });
});

describe("reading records", () => {
  it("detects the separator from the header", () => {
    expect(detectSeparator("loai;ma;ten\nx,y")).toBe(";");
    expect(detectSeparator('"a;b",c\n')).toBe(",");
    expect(detectSeparator("loai")).toBe(",");
  });

  it("splits quoted fields with separators, quotes and line breaks, numbering records by the line they start on", () => {
    const table = readCsv('loai;ten\n\ndon_vi;"Sở ""A""; B"\ndon_vi;"hai\ndòng"\ndon_vi;x\n');
    expect(table.separator).toBe(";");
    expect(table.problems).toEqual([]);
    expect(table.records).toEqual([
      { line: 1, cells: ["loai", "ten"] },
      { line: 3, cells: ["don_vi", 'Sở "A"; B'] },
      { line: 4, cells: ["don_vi", "hai\ndòng"] },
      { line: 6, cells: ["don_vi", "x"] },
    ]);
  });

  it("keeps empty cells, and a last line without its line break", () => {
    expect(readCsv("a,,c,\nd").records).toEqual([
      { line: 1, cells: ["a", "", "c", ""] },
      { line: 2, cells: ["d"] },
    ]);
  });

  it("reports an unclosed quote at the line it opens, and text after a closing quote", () => {
    expect(readCsv('a,b\nc,"d\ne,f\n').problems).toEqual([{ line: 2, problem: "unclosed_quote" }]);
    expect(readCsv('a,b\n"c"x,d\n').problems).toEqual([{ line: 2, problem: "bad_quote" }]);
  });

  it("reads back what an RFC 4180 writer wrote (property)", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "Đ", "ễ", ",", ";", '"', "\n", " ", "1") });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const quote = (c: string) => `"${c.replace(/"/g, '""')}"`;
        const text = rows.map((r) => r.map(quote).join(",")).join("\n");
        expect(readCsv(text, ",").records.map((r) => r.cells)).toEqual(rows);
      }),
    );
  });
});
