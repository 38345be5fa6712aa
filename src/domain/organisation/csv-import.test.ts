import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ExistingArea, ExistingUnit, OrganisationSnapshot } from "./csv-diff";
import { parseImportDate, plainKey } from "./csv-format";
import { planImport, writtenChanges } from "./csv-import";
import { readCsv } from "./csv-read";
import { organisationCsv, type TemplateRow } from "./csv-template";

const today = "2026-07-20";
const area = (code: string, over: Partial<ExistingArea> = {}): ExistingArea => ({ code, name: `Xã ${code}`, nameEn: null, kind: "commune", parentCode: "52", remote: false, validFrom: "2025-07-01", validTo: null, ...over });
const unit = (code: string, over: Partial<ExistingUnit> = {}): ExistingUnit => ({
  code,
  name: `Ủy ban ${code}`,
  nameEn: `Committee ${code}`,
  kind: "peoples_committee",
  parentCode: null,
  areaCode: "52",
  email: null,
  validFrom: "2025-07-01",
  validTo: null,
  openCases: 0,
  activeRules: 0,
  ...over,
});
const db: OrganisationSnapshot = { areas: [area("52", { name: "Tỉnh Gia Lai", kind: "province", parentCode: null }), area("100")], units: [unit("ubnd"), unit("ubnd-100", { parentCode: "ubnd", areaCode: "100" })] };

const HEADER = "loai,ma,ten,ten_en,phan_loai,ma_cha,ma_dia_ban,vung_kho_khan,hieu_luc_tu,hieu_luc_den,email";
const file = (...lines: string[]) => [HEADER, ...lines].join("\n");
const problemsOf = (text: string) => {
  const plan = planImport(text, db, today);
  return plan.ok ? [] : plan.problems;
};

describe("the format", () => {
  it("reads dates as YYYY-MM-DD or DD/MM/YYYY, and only real ones", () => {
    expect(parseImportDate("2025-07-01")).toBe("2025-07-01");
    expect(parseImportDate("01/07/2025")).toBe("2025-07-01");
    expect(parseImportDate("1/7/2025")).toBe("2025-07-01");
    expect(parseImportDate("31/02/2025")).toBeNull();
    expect(parseImportDate("07/01/25")).toBeNull();
    expect(parseImportDate("2025-7-1")).toBeNull();
  });

  it("takes headers with accents, capitals or in English", () => {
    expect(plainKey(" Mã cha ")).toBe("ma_cha");
    expect(plainKey("Hiệu lực đến")).toBe("hieu_luc_den");
    const plan = planImport("Loại;Mã;Tên;Phân loại;Mã cha\ndia_ban;200;Xã Mới;xa;52", db, today);
    expect(plan.ok).toBe(true);
    expect(planImport("type,code,name,kind,parent_code\narea,200,Xã Mới,commune,52", db, today).ok).toBe(true);
  });

  it("names missing, unknown and repeated columns on line 1", () => {
    expect(problemsOf("loai,ma,ten\ndia_ban,1,X")).toEqual([{ line: 1, column: "phan_loai", problem: "missing_column" }]);
    expect(problemsOf("loai,ma,ten,phan_loai,ghi_chu,ma\n")).toEqual([
      { line: 1, problem: "unknown_column", params: { name: "ghi_chu" } },
      { line: 1, column: "ma", problem: "duplicate_column" },
    ]);
    expect(problemsOf(HEADER)).toEqual([{ line: 1, problem: "no_rows" }]);
  });

  it("checks each line on its own, with the file's line numbers", () => {
    const problems = problemsOf(
      file(
        "huyen,1,X,,xa,52,,,,,", // line 2
        "dia_ban,,,,quan,52,,,,,", // line 3
        "dia_ban,2 3,X,,xa,52,,hơi,2025-13-01,,", // line 4
        "don_vi,u1,Sở,,so_nganh,,52,co,01/07/2025,30/06/2025,not-an-email", // line 5
        "dia_ban,3,X,,xa,52,52,,,,a@b.vn", // line 6
        "dia_ban,4,X,,xa,52,,,,,,,thừa", // line 7
      ),
    );
    expect(problems).toEqual([
      { line: 2, column: "loai", problem: "unknown_type", params: { value: "huyen" } },
      { line: 3, column: "ma", problem: "required" },
      { line: 3, column: "ten", problem: "required" },
      { line: 3, column: "phan_loai", problem: "unknown_kind", params: { value: "quan", allowed: "tinh, xa, phuong, dac_khu" } },
      { line: 4, column: "ma", problem: "bad_code", params: { value: "2 3" } },
      { line: 4, column: "vung_kho_khan", problem: "bad_flag", params: { value: "hơi" } },
      { line: 4, column: "hieu_luc_tu", problem: "bad_date", params: { value: "2025-13-01" } },
      { line: 5, column: "hieu_luc_den", problem: "ends_before_start" },
      { line: 5, column: "email", problem: "bad_email", params: { value: "not-an-email" } },
      { line: 5, column: "vung_kho_khan", problem: "not_for_unit" },
      { line: 6, column: "ma_dia_ban", problem: "not_for_area" },
      { line: 6, column: "email", problem: "not_for_area" },
      { line: 7, problem: "field_count", params: { expected: 11, found: 13 } },
    ]);
  });

  it("takes the stored English kind values and yes/no in several spellings", () => {
    const plan = planImport(file("dia_ban,200,Xã Mới,,commune,52,,Có,,,", "dia_ban,201,Xã Khác,,XA,52,,0,,,"), db, today);
    expect(plan.ok && plan.changes.map((c) => c.op === "create" && [c.values.kind, c.values.remote])).toEqual([
      ["commune", true],
      ["commune", false],
    ]);
  });
});

describe("against the database", () => {
  it("reports duplicate codes (areas and units apart), unknown parents and areas", () => {
    const problems = problemsOf(
      file(
        "dia_ban,200,Xã A,,xa,52,,,,,", // 2
        "don_vi,200,UBND xã A,,ubnd,ubnd,200,,,,", // 3: a unit may share an area's code
        "dia_ban,200,Xã A lần hai,,xa,52,,,,,", // 4
        "dia_ban,201,Xã B,,xa,999,,,,,", // 5
        "don_vi,u2,UBND B,,ubnd,khong-co,888,,,,", // 6
      ),
    );
    expect(problems).toEqual([
      { line: 4, column: "ma", problem: "duplicate_code", params: { code: "200", firstLine: 2 } },
      { line: 5, column: "ma_cha", problem: "parent_unknown", params: { code: "999" } },
      { line: 6, column: "ma_cha", problem: "parent_unknown", params: { code: "khong-co" } },
      { line: 6, column: "ma_dia_ban", problem: "area_unknown", params: { code: "888" } },
    ]);
  });

  it("finds a parent later in the file, and a loop through the file and the database, naming its path", () => {
    expect(problemsOf(file("dia_ban,301,Xã con,,xa,300,,,,,", "dia_ban,300,Xã cha,,xa,52,,,,,"))).toEqual([]);
    const problems = problemsOf(file("dia_ban,52,Tỉnh Gia Lai,,tinh,100,,,,,"));
    expect(problems).toEqual([{ line: 2, column: "ma_cha", problem: "cycle", params: { path: expect.stringMatching(/^(52 → 100 → 52|100 → 52 → 100)$/) } }]);
    expect(problemsOf(file("don_vi,ubnd,UBND tỉnh,,ubnd,ubnd,,,,,"))).toEqual([{ line: 2, column: "ma_cha", problem: "cycle", params: { path: "ubnd → ubnd" } }]);
  });

  it("checks dates once merged with what is stored, and refuses to close a unit that still holds work", () => {
    expect(problemsOf(file("dia_ban,100,Xã 100,,xa,,,,,30/06/2025,"))).toEqual([{ line: 2, column: "hieu_luc_den", problem: "ends_before_start", params: { from: "2025-07-01", to: "2025-06-30" } }]);
    const busy: OrganisationSnapshot = { ...db, units: [unit("ubnd", { openCases: 3, activeRules: 1 })] };
    const plan = planImport(file("don_vi,ubnd,UBND,,ubnd,,,,,31/12/2026,"), busy, today);
    expect(plan).toEqual({ ok: false, problems: [{ line: 2, column: "hieu_luc_den", problem: "close_busy", params: { code: "ubnd", cases: 3, rules: 1 } }] });
  });

  it("diffs by code: create with defaults, update naming each field, unchanged; an empty cell keeps the stored value", () => {
    const plan = planImport(
      file(
        "dia_ban,52,Tỉnh Gia Lai,Gia Lai Province,tinh,,,,,,", // English name added
        "dia_ban,100,Xã 100,,xa,,,co,,,", // remote set
        "dia_ban,200,Xã Mới,,xa,52,,,,,", // new
        "don_vi,ubnd,Ủy ban ubnd,,ubnd,,,,,,", // same
        "don_vi,ubnd-200,UBND xã Mới,,ubnd,ubnd,200,,,,UBND@moi.gov.vn", // new unit in a new area
      ),
      db,
      today,
    );
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.counts).toEqual({ area: { create: 1, update: 2, unchanged: 0 }, unit: { create: 1, update: 0, unchanged: 1 } });
    expect(plan.changes[0]).toMatchObject({ op: "update", code: "52", fields: [{ field: "nameEn", before: null, after: "Gia Lai Province" }] });
    expect(plan.changes[1]).toMatchObject({ op: "update", code: "100", fields: [{ field: "remote", before: false, after: true }] });
    expect(plan.changes[2]).toMatchObject({ op: "create", code: "200", values: { parentCode: "52", remote: false, validFrom: today, validTo: null, nameEn: null } });
    expect(plan.changes[4]).toMatchObject({ op: "create", entity: "unit", values: { nameEn: "UBND xã Mới", areaCode: "200", email: "ubnd@moi.gov.vn" } });
    expect(writtenChanges(plan.changes).map((c) => c.code)).toEqual(["52", "100", "200", "ubnd-200"]);
  });

  it("changes nothing when the file says what is stored (property: the stored tree written out and read back)", () => {
    const kinds = fc.constantFrom("commune", "ward", "special_zone");
    const snapshot = fc
      .array(fc.record({ name: fc.string({ minLength: 1, maxLength: 20, unit: fc.constantFrom("a", "ễ", "Đ", ",", '"', " ", "x") }), kind: kinds, remote: fc.boolean(), parent: fc.nat(), closed: fc.boolean() }), { minLength: 1, maxLength: 12 })
      .map((specs): OrganisationSnapshot => ({
        areas: specs.map((s, i) => ({
          code: `a${i}`,
          name: s.name.replace(/\s+/g, " ").trim() || "x",
          nameEn: null,
          kind: s.kind,
          // A parent earlier in the list: a tree.
          parentCode: i === 0 ? null : `a${s.parent % i}`,
          remote: s.remote,
          validFrom: "2025-07-01",
          validTo: s.closed ? "2026-06-30" : null,
        })),
        units: [],
      }));
    fc.assert(
      fc.property(snapshot, (snap) => {
        const rows: TemplateRow[] = snap.areas.map((a) => ({ entity: "area", ...a }));
        const plan = planImport(organisationCsv(rows).replace(/^\uFEFF/, "").replace(/\r\n/g, "\n"), snap, today);
        expect(plan.ok && writtenChanges(plan.changes)).toEqual([]);
      }),
    );
  });

  it("never throws on any text: every problem names a line of the file (property)", () => {
    const unit = fc.constantFrom("a", "ma", ",", ";", '"', "\n", "dia_ban", "don_vi", "xa", "52", "100", " ", "01/07/2025");
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 80 }), (body) => {
        const text = `${HEADER}\n${body}`;
        const plan = planImport(text, db, today);
        const lineCount = text.split("\n").length;
        if (!plan.ok) for (const p of plan.problems) expect(p.line >= 1 && p.line <= lineCount).toBe(true);
      }),
    );
  });

  it("reads the template it writes, comma separated, header first", () => {
    const text = organisationCsv([{ entity: "unit", code: "u", name: 'Sở "X", Y', nameEn: "X", kind: "department", parentCode: null, areaCode: "52", validFrom: "2025-07-01" }]);
    expect(text.startsWith("\uFEFFloai,ma,ten,")).toBe(true);
    expect(readCsv(text.slice(1).replace(/\r\n/g, "\n")).records[1]!.cells).toEqual(["don_vi", "u", 'Sở "X", Y', "X", "so_nganh", "", "52", "", "2025-07-01", "", ""]);
  });
});
