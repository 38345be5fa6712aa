// Importing areas and units from a CSV file: previewed first (counts and changes, nothing written), applied in one
// transaction with one audit entry; refused line by line while the file has problems, for a wrong encoding or a
// file too large, for non-admins, and when the database changed since the preview. The same file twice changes
// nothing; the downloadable template matches the demo data.
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { areas, auditLog, cases, units, users } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed-demo";
import { IMPORT_MAX_BYTES } from "@/domain/organisation/csv-read";
import { verifyAuditChain } from "@/server/audit/append-audit";
import { loadMemberships, type Viewer } from "@/server/auth/roles";
import { AppError } from "@/server/errors";
import { applyOrganisationImport } from "@/server/organisation-import/apply-organisation-import";
import { demoTemplateCsv } from "@/server/organisation-import/demo-template";
import { exportOrganisationCsv } from "@/server/organisation-import/export-organisation";
import { previewOrganisationImport } from "@/server/organisation-import/preview-organisation-import";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
// Monday 20/7/2026, 10:00 in Vietnam.
const now = new Date("2026-07-20T03:00:00Z");

async function viewer(name: string): Promise<Viewer> {
  const email = `${name}@doithoai.example`;
  const [user] = await t.db.select().from(users).where(eq(users.email, email));
  return { userId: user!.id, email, name: user!.name, locale: "vi", memberships: await loadMemberships(t.db, user!.id) };
}
const admin = () => viewer("quantri");

async function refusedWith(p: Promise<unknown>): Promise<AppError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const upload = (text: string | Uint8Array) => ({ file: new Blob([(typeof text === "string" ? new TextEncoder().encode(text) : text) as Uint8Array<ArrayBuffer>]) });
const importAudits = () => t.db.select().from(auditLog).where(eq(auditLog.action, "organisation.imported"));

const HEADER = "loai;ma;ten;ten_en;phan_loai;ma_cha;ma_dia_ban;vung_kho_khan;hieu_luc_tu;hieu_luc_den;email";
// Semicolons, a byte order mark and Windows line endings, as Excel's "CSV UTF-8" writes in a Vietnamese locale.
const GOOD = [
  "\uFEFF" + HEADER,
  "don_vi;test-ubnd-moi;Ủy ban nhân dân xã Thử Nghiệm;;ubnd;demo-ubnd;test-xa-moi;;01/08/2026;;ubnd.thunghiem@gialai.gov.vn",
  "dia_ban;test-xa-moi;Xã Thử Nghiệm;Thu Nghiem Commune;xa;demo-52;;co;2026-08-01;;",
  "dia_ban;demo-23737;Xã Ia Grai;Ia Grai Commune;xa;demo-52;;co;;;",
].join("\r\n");

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
});
afterAll(() => t?.close());

describe("who may import", () => {
  it("refuses officials who are not administrators, before reading the file, and writes nothing", async () => {
    const preview = await previewOrganisationImport(t.db, await admin(), upload(GOOD), now);
    for (const name of ["canbo.syt", "lanhdao.tinh"]) {
      const v = await viewer(name);
      expect((await refusedWith(previewOrganisationImport(t.db, v, upload(GOOD), now))).code).toBe("forbidden");
      expect((await refusedWith(applyOrganisationImport(t.db, v, preview, now))).code).toBe("forbidden");
    }
    expect((await refusedWith(previewOrganisationImport(t.db, null, upload(GOOD), now))).code).toBe("unauthenticated");
    expect(await t.db.select().from(areas).where(eq(areas.code, "test-xa-moi"))).toHaveLength(0);
    expect(await importAudits()).toHaveLength(0);
  });
});

describe("the template", () => {
  it("is the demo data: imported into the demo database, it changes nothing", async () => {
    const text = demoTemplateCsv();
    expect(text.startsWith("\uFEFFloai,ma,ten,ten_en,phan_loai,ma_cha,ma_dia_ban,vung_kho_khan,hieu_luc_tu,hieu_luc_den,email\r\n")).toBe(true);
    expect(text).toContain("dia_ban,demo-23896,Xã Kbang,");
    const preview = await previewOrganisationImport(t.db, await admin(), upload(text), now);
    const counts = preview.plan.counts;
    expect(counts.area).toEqual({ create: 0, update: 0, unchanged: 11 });
    expect(counts.unit.create + counts.unit.update).toBe(0);
    expect(counts.unit.unchanged).toBeGreaterThan(30);
  });
});

describe("a file with problems", () => {
  it("is refused with its problems by line, and nothing is written", async () => {
    const bad = [
      HEADER,
      "dia_ban;test-a;Xã A;;xa;demo-52;;;;;", // 2: fine
      "dia_ban;test-a;Xã A lần nữa;;xa;demo-52;;;;;", // 3: duplicate
      "dia_ban;test-b;Xã B;;huyen;demo-52;;;;;", // 4: unknown kind
      "dia_ban;test-c;Xã C;;xa;khong-co;;;;;", // 5: unknown parent (seen only once the lines read right)
      "don_vi;test-u;UBND;;ubnd;demo-ubnd;;;31/02/2026;;", // 6: bad date
    ].join("\n");
    const error = await refusedWith(previewOrganisationImport(t.db, await admin(), upload(bad), now));
    expect(error.details).toMatchObject({ fields: { file: "has_problems" } });
    expect(error.details!.problems).toEqual([
      { line: 4, column: "phan_loai", problem: "unknown_kind", params: { value: "huyen", allowed: "tinh, xa, phuong, dac_khu" } },
      { line: 6, column: "hieu_luc_tu", problem: "bad_date", params: { value: "31/02/2026" } },
    ]);
    const fixedLines = bad.replace(";huyen;", ";xa;").replace("31/02/2026", "28/02/2026");
    const second = await refusedWith(previewOrganisationImport(t.db, await admin(), upload(fixedLines), now));
    expect(second.details!.problems).toEqual([
      { line: 3, column: "ma", problem: "duplicate_code", params: { code: "test-a", firstLine: 2 } },
      { line: 5, column: "ma_cha", problem: "parent_unknown", params: { code: "khong-co" } },
    ]);
    const loop = `${HEADER}\ndia_ban;demo-52;Tỉnh Gia Lai;;tinh;demo-23737;;;;;`;
    expect((await refusedWith(previewOrganisationImport(t.db, await admin(), upload(loop), now))).details!.problems).toEqual([
      { line: 2, column: "ma_cha", problem: "cycle", params: { path: expect.stringContaining("demo-52 → ") } },
    ]);
    expect(await t.db.select().from(areas).where(inArray(areas.code, ["test-a", "test-c"]))).toHaveLength(0);
  });

  it("refuses Windows-1258, UTF-16, an empty file and one over the cap, saying how", async () => {
    const field = async (input: unknown) => ((await refusedWith(previewOrganisationImport(t.db, await admin(), input as never, now))).details as { fields: Record<string, string> }).fields.file;
    expect(await field(upload(new Uint8Array([0x6c, 0x6f, 0x61, 0x69, 0x0a, 0x58, 0x61, 0xde])))).toBe("not_utf8");
    expect(await field(upload(new Uint8Array([0xff, 0xfe, 0x6c, 0x00, 0x6f, 0x00])))).toBe("utf16");
    expect(await field(upload(""))).toBe("required");
    expect(await field({})).toBe("required");
    expect(await field(upload(new Uint8Array(IMPORT_MAX_BYTES + 1).fill(0x61)))).toBe("too_large");
  });

  it("refuses to close a unit that still holds open cases, pointing to the reorganisation", async () => {
    const [busy] = await t.db.select({ code: units.code }).from(units).innerJoin(cases, eq(cases.unitId, units.id)).where(eq(cases.status, "received")).limit(1);
    const unit = (await t.db.select().from(units).where(eq(units.code, busy!.code)))[0]!;
    const text = `${HEADER}\ndon_vi;${unit.code};${unit.name};;ubnd;;;;;31/12/2026;`.replace(";ubnd;", `;${unit.kind};`);
    const error = await refusedWith(previewOrganisationImport(t.db, await admin(), upload(text), now));
    expect(error.details!.problems).toEqual([{ line: 2, column: "hieu_luc_den", problem: "close_busy", params: expect.objectContaining({ code: unit.code }) }]);
  });
});

describe("a good file", () => {
  it("previews, then applies everything at once with one audit entry; the same file again changes nothing", async () => {
    const preview = await previewOrganisationImport(t.db, await admin(), upload(GOOD), now);
    expect(preview.plan.counts).toEqual({ area: { create: 1, update: 1, unchanged: 0 }, unit: { create: 1, update: 0, unchanged: 0 } });
    expect(preview.plan.changes.find((c) => c.code === "demo-23737")).toMatchObject({
      op: "update",
      // The demo seed already gives it this English name: only the remote flag changes.
      fields: [{ field: "remote", before: false, after: true }],
    });
    expect(preview.text.includes("\r")).toBe(false);
    expect(await t.db.select().from(areas).where(eq(areas.code, "test-xa-moi"))).toHaveLength(0);

    // The form hands the text back with Windows line endings: still the same file.
    const result = await applyOrganisationImport(t.db, await admin(), { ...preview, text: preview.text.replace(/\n/g, "\r\n") }, now);
    expect(result).toMatchObject({ created: 2, updated: 1 });
    const [area] = await t.db.select().from(areas).where(eq(areas.code, "test-xa-moi"));
    const [province] = await t.db.select().from(areas).where(eq(areas.code, "demo-52"));
    expect(area).toMatchObject({ name: "Xã Thử Nghiệm", nameEn: "Thu Nghiem Commune", kind: "commune", remote: true, validFrom: "2026-08-01", parentId: province!.id });
    const [unit] = await t.db.select().from(units).where(eq(units.code, "test-ubnd-moi"));
    const [parent] = await t.db.select().from(units).where(eq(units.code, "demo-ubnd"));
    expect(unit).toMatchObject({ nameEn: "Ủy ban nhân dân xã Thử Nghiệm", kind: "peoples_committee", parentId: parent!.id, areaId: area!.id, email: "ubnd.thunghiem@gialai.gov.vn", validFrom: "2026-08-01" });
    const [iaGrai] = await t.db.select().from(areas).where(eq(areas.code, "demo-23737"));
    expect(iaGrai).toMatchObject({ remote: true, nameEn: "Ia Grai Commune" });

    const audits = await importAudits();
    expect(audits).toHaveLength(1);
    expect(audits[0]!.data).toMatchObject({
      fileHash: preview.fileHash,
      counts: preview.plan.counts,
      created: { areas: ["test-xa-moi"], units: ["test-ubnd-moi"] },
      updated: { areas: [{ code: "demo-23737" }], units: [] },
    });
    expect((await verifyAuditChain(t.db)).ok).toBe(true);

    const again = await previewOrganisationImport(t.db, await admin(), upload(GOOD), now);
    expect(again.plan.counts).toEqual({ area: { create: 0, update: 0, unchanged: 2 }, unit: { create: 0, update: 0, unchanged: 1 } });
    // The old preview applied a second time: the file has nothing left to change.
    for (const p of [preview, again]) expect(await refusedWith(applyOrganisationImport(t.db, await admin(), p, now))).toMatchObject({ code: "conflict", message: "no_changes" });
    expect(await importAudits()).toHaveLength(1);
  });

  it("refuses a text that is not the previewed file, and a preview made before the database changed", async () => {
    const text = `${HEADER}\ndia_ban;test-xa-hai;Xã Thứ Hai;;xa;demo-52;;;;;`;
    const preview = await previewOrganisationImport(t.db, await admin(), upload(text), now);
    const tampered = await refusedWith(applyOrganisationImport(t.db, await admin(), { ...preview, text: preview.text.replace("Thứ Hai", "Thứ Ba") }, now));
    expect(tampered.details).toMatchObject({ fields: { file: "stale" } });

    // Meanwhile another import created the same area with another name.
    const other = await previewOrganisationImport(t.db, await admin(), upload(text.replace("Xã Thứ Hai", "Xã Thứ Hai (khác)")), now);
    await applyOrganisationImport(t.db, await admin(), other, now);
    const changed = await refusedWith(applyOrganisationImport(t.db, await admin(), preview, now));
    expect(changed.message).toBe("changed_since_preview");
    // The refusal carries what the file would do now: rename it back.
    expect((changed.details!.preview as { plan: { counts: unknown } }).plan.counts).toMatchObject({ area: { create: 0, update: 1 } });
    const [row] = await t.db.select().from(areas).where(eq(areas.code, "test-xa-hai"));
    expect(row!.name).toBe("Xã Thứ Hai (khác)");
  });
});

describe("the current list", () => {
  it("is written in the import format for admins only; imported back unchanged, it changes nothing", async () => {
    expect((await refusedWith(exportOrganisationCsv(t.db, await viewer("lanhdao.tinh")))).code).toBe("forbidden");
    const text = await exportOrganisationCsv(t.db, await admin());
    const lines = text.split("\r\n");
    expect(lines[1]).toMatch(/^dia_ban,demo-52,Tỉnh Gia Lai,[^,]*,tinh,,,khong,2025-07-01,,$/);
    expect(text).toContain("dia_ban,test-xa-moi,Xã Thử Nghiệm,Thu Nghiem Commune,xa,demo-52,,co,2026-08-01,,");
    expect(text).toContain("don_vi,test-ubnd-moi,");
    const preview = await previewOrganisationImport(t.db, await admin(), upload(text), now);
    expect(preview.plan.changes.every((c) => c.op === "unchanged")).toBe(true);
    expect(preview.plan.counts.area.unchanged).toBe((await t.db.select().from(areas)).length);
  });
});
