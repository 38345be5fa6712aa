// The reorganisations page renders as on the server, in both languages (the plans, labelled fields); its action
// previews a plan before saving it and keeps what was typed with errors by field; a non-admin is refused.
import { reorganisationAction } from "@/app/can-bo/quan-tri/sap-xep/actions";
import { EMPTY_REORGANISATION_FORM } from "@/app/can-bo/quan-tri/sap-xep/form-state";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { units } from "@/db/schema";
import { seedReorganisation } from "@/db/seed/demo-reorganisation";
import { seedDemoData } from "@/db/seed/seed-demo";
import { toLocalDate } from "@/domain/calendar";
import { formData as form, staffViewer } from "../support/page-mocks";
import { renderServerPage } from "../support/render-server-page";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

const state = vi.hoisted(() => ({ locale: "vi" as "vi" | "en", viewer: null as unknown }));
let t: TestDatabase;
vi.mock("next-intl/server", async () => (await import("../support/page-mocks")).intlServer(() => state.locale));
vi.mock("@/db/client", async (original) => (await import("../support/page-mocks")).dbClient(await original<object>(), () => t.db));
vi.mock("@/server/auth/require-staff", async () => (await import("../support/page-mocks")).requireStaff(() => state.viewer));
// The forms' server action reads the viewer through Auth.js; the page itself never calls it.
vi.mock("@/server/auth/viewer", async () => (await import("../support/page-mocks")).authViewer(() => state.viewer));
vi.mock("next/navigation", async () => (await import("../support/page-mocks")).navigation());

async function renderPage(query: Record<string, string> = {}): Promise<string> {
  const { default: Page } = await import("@/app/can-bo/quan-tri/sap-xep/page");
  return renderServerPage(Page({ searchParams: Promise.resolve(query) }), state.locale);
}

const viewer = (name: string) => staffViewer(t.db, name);

// The page and its action read the real clock: the data is seeded at it.
const now = new Date();
const ids: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
  await t.db.transaction((tx) => seedReorganisation(tx, now));
  for (const u of await t.db.select({ id: units.id, code: units.code }).from(units)) ids[u.code] = u.id;
});
afterAll(() => t.close());

describe("reorganisations page", () => {
  it("shows the planned demo merger and the labelled form, in both languages", async () => {
    state.viewer = await viewer("quantri");
    for (const locale of ["vi", "en"] as const) {
      state.locale = locale;
      const html = await renderPage({ xong: "planned" });
      expect(html).toContain(locale === "vi" ? "Lập phương án sắp xếp" : "Plan a reorganisation");
      expect(html).toContain("(mẫu)");
      expect(html).toContain(locale === "vi" ? "Chưa áp dụng" : "Planned");
      expect(html).toMatch(/<label for="[^"]+-effectiveOn"[^>]*>(Ngày có hiệu lực|Effective date)<\/label>/);
      expect(html).toMatch(/role="status"[^>]*>(Đã lưu phương án sắp xếp.|The reorganisation plan was saved.)/);
      expect(html).toContain('name="oldUnitIds"');
    }
    state.locale = "vi";
  });

  it("keeps what was typed with errors by field, previews, then saves", async () => {
    state.viewer = await viewer("quantri");
    const bad = await reorganisationAction(EMPTY_REORGANISATION_FORM, form({ op: "plan", oldUnitIds: [ids["demo-ubnd-chupah"]!], successorId: ids["demo-ubnd-chupah"]!, effectiveOn: "31/02/2027", decision: "NQ 5 (thử)" }));
    expect(bad).toMatchObject({ formError: "invalid", fieldErrors: { effectiveOn: "invalid" }, values: { decision: "NQ 5 (thử)" }, oldUnitIds: [ids["demo-ubnd-chupah"]] });
    const input = { op: "plan", oldUnitIds: [ids["demo-ubnd-chupah"]!], successorId: ids["demo-ubnd-iagrai"]!, effectiveOn: toLocalDate(now), decision: "NQ 5 (thử)" };
    const preview = await reorganisationAction(EMPTY_REORGANISATION_FORM, form(input));
    expect(preview.preview).toMatchObject({ due: true, successor: "Ủy ban nhân dân xã Ia Grai", oldUnits: ["Ủy ban nhân dân xã Chư Păh"] });
    await expect(reorganisationAction(preview, form({ ...input, apply: "1" }))).rejects.toThrow("REDIRECT /can-bo/quan-tri/sap-xep?xong=planned");
  });

  it("refuses a non-admin", async () => {
    state.viewer = await viewer("lanhdao.pleiku");
    await expect(renderPage()).rejects.toThrow("FORBIDDEN");
    expect((await reorganisationAction(EMPTY_REORGANISATION_FORM, form({ op: "plan", decision: "x" }))).formError).toBe("no_access");
  });
});
