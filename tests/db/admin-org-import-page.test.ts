// The organisation import page renders as on the server in both languages (the documented format, a labelled
// file field, the template link); its action previews a file, lists problems by line, imports on the second post
// and refuses non-admins; the template route serves the demo sample.
import { eq } from "drizzle-orm";
import { createElement } from "react";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { importAction } from "@/app/can-bo/quan-tri/to-chuc/nhap/actions";
import { EMPTY_IMPORT_FORM } from "@/app/can-bo/quan-tri/to-chuc/nhap/form-state";
import { areas } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed-demo";
import { formData as form, staffViewer } from "../support/page-mocks";
import { renderServerPage } from "../support/render-server-page";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

const state = vi.hoisted(() => ({ locale: "vi" as "vi" | "en", viewer: null as unknown }));
let t: TestDatabase;
vi.mock("next-intl/server", async () => (await import("../support/page-mocks")).intlServer(() => state.locale));
vi.mock("@/db/client", async (original) => (await import("../support/page-mocks")).dbClient(await original<object>(), () => t.db));
vi.mock("@/server/auth/require-staff", async () => (await import("../support/page-mocks")).requireStaff(() => state.viewer));
vi.mock("@/server/auth/viewer", async () => (await import("../support/page-mocks")).authViewer(() => state.viewer));
vi.mock("next/navigation", async () => (await import("../support/page-mocks")).navigation());

async function renderPage(query: Record<string, string> = {}): Promise<string> {
  const { default: Page } = await import("@/app/can-bo/quan-tri/to-chuc/nhap/page");
  return renderServerPage(Page({ searchParams: Promise.resolve(query) }), state.locale);
}

const viewer = (name: string) => staffViewer(t.db, name);

const now = new Date("2026-07-20T03:00:00Z");
beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
});
afterAll(() => t.close());
const csv = (text: string) => new File([text], "to-chuc.csv", { type: "text/csv" });

describe("the import page", () => {
  it("documents the format and offers the template, in both languages", async () => {
    state.viewer = await viewer("quantri");
    for (const locale of ["vi", "en"] as const) {
      state.locale = locale;
      const html = await renderPage(locale === "vi" ? { xong: "imported", tao: "2", sua: "1" } : {});
      expect(html).toContain(locale === "vi" ? "Nhập danh sách địa bàn và đơn vị từ tệp CSV" : "Import areas and units from a CSV file");
      expect(html).toMatch(/<label for="[^"]+-file"[^>]*>(Tệp CSV|CSV file)<\/label>/);
      expect(html).toContain('href="/can-bo/quan-tri/to-chuc/mau.csv"');
      expect(html).toContain('href="/can-bo/quan-tri/to-chuc/mau.csv?hien-co=1"');
      for (const column of ["loai", "ma_cha", "ma_dia_ban", "vung_kho_khan", "hieu_luc_den"]) expect(html).toContain(`>${column}`);
      expect(html).toContain("<code>ban_tiep_cong_dan</code>");
      if (locale === "vi") expect(html).toMatch(/role="status"[^>]*>Đã nhập xong: 2 mục thêm mới, 1 mục cập nhật\./);
    }
    state.locale = "vi";
  });

  it("refuses a non-admin", async () => {
    state.viewer = await viewer("lanhdao.tinh");
    await expect(renderPage()).rejects.toThrow("FORBIDDEN");
  });
});

describe("the import action", () => {
  const good = "loai,ma,ten,phan_loai,ma_cha,vung_kho_khan\ndia_ban,trang-thu,Xã Trang Thử,xa,demo-52,co\n";

  it("lists a file's problems by line and writes nothing", async () => {
    state.viewer = await viewer("quantri");
    const refused = await importAction(EMPTY_IMPORT_FORM, form({ op: "preview", file: csv("loai,ma,ten,phan_loai\ndia_ban,x,Xã X,huyen\n") }));
    expect(refused).toMatchObject({ formError: "invalid", fileError: "has_problems", problemCount: 1, problems: [{ line: 2, column: "phan_loai", problem: "unknown_kind" }] });
    const encoding = await importAction(EMPTY_IMPORT_FORM, form({ op: "preview", file: new File([new Uint8Array([0x58, 0x61, 0xde])], "x.csv") }));
    expect(encoding).toMatchObject({ formError: "invalid", fileError: "not_utf8" });
    const none = await importAction(EMPTY_IMPORT_FORM, form({ op: "preview", file: new File([], "") }));
    expect(none.fileError).toBe("required");
    expect(await importAction(EMPTY_IMPORT_FORM, form({ op: "apply" }))).toMatchObject({ formError: "invalid", fileError: "stale" });
  });

  it("previews, then imports on the second post", async () => {
    state.viewer = await viewer("quantri");
    const first = await importAction(EMPTY_IMPORT_FORM, form({ op: "preview", file: csv(good) }));
    expect(first.preview).toMatchObject({ lines: 1, changeCount: 1, counts: { area: { create: 1 } } });
    expect(await t.db.select().from(areas).where(eq(areas.code, "trang-thu"))).toHaveLength(0);
    // The preview travels back as the form's previous state (React binds it to the form).
    await expect(importAction(first, form({ op: "apply" }))).rejects.toThrow("REDIRECT /can-bo/quan-tri/to-chuc/nhap?xong=imported&tao=1&sua=0");
    expect(await t.db.select().from(areas).where(eq(areas.code, "trang-thu"))).toHaveLength(1);
    const again = await importAction(EMPTY_IMPORT_FORM, form({ op: "preview", file: csv(good) }));
    expect(again.preview).toMatchObject({ changeCount: 0, counts: { area: { unchanged: 1 } } });
  });

  it("renders the form as a plain multipart post of the file", async () => {
    state.viewer = await viewer("quantri");
    const { ImportForm } = await import("@/app/can-bo/quan-tri/to-chuc/nhap/forms");
    const html = await renderServerPage(createElement(ImportForm), "vi");
    expect(html).toContain('type="file"');
    expect(html).toContain('name="op" value="preview"');
  });

  it("refuses a non-admin", async () => {
    state.viewer = await viewer("canbo.syt");
    expect(await importAction(EMPTY_IMPORT_FORM, form({ op: "preview", file: csv(good) }))).toEqual({ formError: "no_access" });
  });
});

describe("the template route", () => {
  it("serves the demo sample as CSV UTF-8 to an admin", async () => {
    state.viewer = await viewer("quantri");
    const { GET } = await import("@/app/can-bo/quan-tri/to-chuc/mau.csv/route");
    const response = await GET(new Request("http://localhost/can-bo/quan-tri/to-chuc/mau.csv"));
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const text = await response.text();
    expect(text).toContain("loai,ma,ten,ten_en,phan_loai");
    expect(text).toContain("don_vi,demo-btcd,Ban Tiếp công dân tỉnh,Provincial Citizen Reception Board,ban_tiep_cong_dan,demo-ubnd,demo-52,");
    const current = await GET(new Request("http://localhost/can-bo/quan-tri/to-chuc/mau.csv?hien-co=1"));
    expect(current.headers.get("content-disposition")).toContain("dia-ban-don-vi-hien-co.csv");
    expect(await current.text()).toContain("dia_ban,trang-thu,Xã Trang Thử,,xa,demo-52,,co,");
    state.viewer = await viewer("canbo.syt");
    await expect(GET(new Request("http://localhost/can-bo/quan-tri/to-chuc/mau.csv"))).rejects.toThrow("FORBIDDEN");
  });
});
