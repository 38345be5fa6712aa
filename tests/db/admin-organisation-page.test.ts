// The areas and units page renders as on the server, in both languages (both trees, a node's editor, labelled
// fields); its action keeps what was typed with errors by field (a loop named beside the parent), points a unit
// with open cases to the reorganisation page, redirects with a status after a change; a non-admin is refused.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { organisationAction } from "@/app/can-bo/quan-tri/to-chuc/actions";
import { EMPTY_ORG_FORM } from "@/app/can-bo/quan-tri/to-chuc/form-state";
import { areas, units } from "@/db/schema";
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
  const { default: OrganisationPage } = await import("@/app/can-bo/quan-tri/to-chuc/page");
  return renderServerPage(OrganisationPage({ searchParams: Promise.resolve(query) }), state.locale);
}

const viewer = (name: string) => staffViewer(t.db, name);

const now = new Date("2026-07-20T03:00:00Z");
beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
});
afterAll(() => t.close());
const unitByCode = async (code: string) => (await t.db.select().from(units).where(eq(units.code, code)))[0]!;

describe("organisation page", () => {
  it("shows both trees, nested, with codes, kinds and labelled create forms, in both languages", async () => {
    state.viewer = await viewer("quantri");
    for (const locale of ["vi", "en"] as const) {
      state.locale = locale;
      const html = await renderPage();
      expect(html).toContain(locale === "vi" ? "Cây địa bàn" : "Areas");
      expect(html).toContain(locale === "vi" ? "Phường Quy Nhơn" : "Quy Nhon Ward");
      expect(html).toContain("demo-ubnd-kbang");
      expect(html).toContain(locale === "vi" ? "Vùng sâu, vùng xa" : "Remote area");
      // The commune's People's Committee sits inside the provincial one's list.
      expect(html).toMatch(/demo-ubnd<\/code>[\s\S]*<ul[^>]*>[\s\S]*demo-ubnd-kbang/);
      expect(html).toMatch(/<label for="[^"]+-code"[^>]*>(Mã|Code)<\/label>/);
      expect(html).toContain('name="op" value="create_area"');
      expect(html).toContain('name="op" value="create_unit"');
    }
    state.locale = "vi";
  });

  it("shows a unit's editor with its current values", async () => {
    state.viewer = await viewer("quantri");
    const kbang = await unitByCode("demo-ubnd-kbang");
    const html = await renderPage({ "don-vi": kbang.id });
    expect(html).toContain('id="sua"');
    expect(html).toContain("Sửa đơn vị Ủy ban nhân dân xã Kbang");
    expect(html).toContain('name="op" value="unit_area"');
    expect(html).toContain('name="op" value="close"');
    expect(html).toContain('value="Kbang Commune People&#x27;s Committee"');
  });

  it("refuses a non-admin", async () => {
    state.viewer = await viewer("lanhdao.tinh");
    await expect(renderPage()).rejects.toThrow("FORBIDDEN");
  });
});

describe("the organisation action", () => {
  it("keeps what was typed with errors by field, then creates and redirects with a status", async () => {
    state.viewer = await viewer("quantri");
    const typed = { op: "create_area", code: "demo-52", name: "Xã Mới", nameEn: "", kind: "commune", parentId: "", remote: "on", validFrom: "2026-07-20" };
    const refused = await organisationAction(EMPTY_ORG_FORM, form(typed));
    expect(refused).toMatchObject({ formError: "invalid", fieldErrors: { code: "taken" }, values: { name: "Xã Mới", remote: "on", validFrom: "2026-07-20" } });
    await expect(organisationAction(EMPTY_ORG_FORM, form({ ...typed, code: "page-x1" }))).rejects.toThrow(/REDIRECT \/can-bo\/quan-tri\/to-chuc\?dia-ban=[0-9a-f-]+&xong=area_created#sua/);
    expect(await t.db.select().from(areas).where(eq(areas.code, "page-x1"))).toHaveLength(1);
  });

  it("names the loop beside the parent field, and the page shows it", async () => {
    state.viewer = await viewer("quantri");
    const [ubnd, syt] = [await unitByCode("demo-ubnd"), await unitByCode("demo-syt")];
    const refused = await organisationAction(EMPTY_ORG_FORM, form({ op: "move", entity: "unit", id: ubnd.id, parentId: syt.id }));
    expect(refused.fieldErrors).toEqual({ parentId: "cycle" });
    expect(refused.fieldParams).toEqual({ parentId: { path: "Ủy ban nhân dân tỉnh Gia Lai (demo-ubnd) › Sở Y tế (demo-syt)" } });
    expect(refused.values).toEqual({ parentId: syt.id });
  });

  it("points a unit with open cases to the reorganisation page", async () => {
    state.viewer = await viewer("quantri");
    const syt = await unitByCode("demo-syt");
    const refused = await organisationAction(EMPTY_ORG_FORM, form({ op: "close", entity: "unit", id: syt.id, validTo: "2026-07-31" }));
    expect(refused.formError).toBe("needs_successor");
    expect(Number(refused.formParams?.openCases)).toBeGreaterThan(0);
  });

  it("says how many open cases keep their deadlines when the remote flag changes", async () => {
    state.viewer = await viewer("quantri");
    const [area] = await t.db.select().from(areas).where(eq(areas.code, "demo-23602"));
    await expect(organisationAction(EMPTY_ORG_FORM, form({ op: "area_remote", entity: "area", id: area!.id, remote: "on" }))).rejects.toThrow(/REDIRECT \/can-bo\/quan-tri\/to-chuc\?dia-ban=[0-9a-f-]+&so=\d+&xong=remote_on#sua/);
    const html = await renderPage({ "dia-ban": area!.id, xong: "remote_on", so: "3" });
    expect(html).toContain("3 hồ sơ đang mở của địa bàn giữ nguyên thời hạn đã có");
  });

  it("refuses a non-admin", async () => {
    state.viewer = await viewer("canbo.syt");
    const refused = await organisationAction(EMPTY_ORG_FORM, form({ op: "create_unit", code: "page-no", name: "Không", nameEn: "No", kind: "department", validFrom: "2026-07-20" }));
    expect(refused.formError).toBe("no_access");
    expect(await t.db.select().from(units).where(eq(units.code, "page-no"))).toHaveLength(0);
  });
});
