// The fields-of-life page renders as on the server in both languages (the fields in order with their buttons, the
// form's texts with preview and save); its actions keep what was typed with errors by field, preview a text before
// saving it, and refuse non-admins; the citizens' form then shows the reworded text and the fields' descriptions.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { categoryAction, formTextAction } from "@/app/can-bo/quan-tri/linh-vuc/actions";
import { EMPTY_CATEGORIES_FORM } from "@/app/can-bo/quan-tri/linh-vuc/form-state";
import { categories, formTexts } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed-demo";
import { MESSAGES } from "@/i18n/messages";
import { formData as form, staffViewer } from "../support/page-mocks";
import { renderServerPage } from "../support/render-server-page";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

const state = vi.hoisted(() => ({ locale: "vi" as "vi" | "en", viewer: null as unknown }));
let t: TestDatabase;
vi.mock("next-intl/server", async () => (await import("../support/page-mocks")).intlServer(() => state.locale));
vi.mock("@/db/client", async (original) => (await import("../support/page-mocks")).dbClient(await original<object>(), () => t.db));
vi.mock("@/server/auth/require-staff", async () => (await import("../support/page-mocks")).requireStaff(() => state.viewer));
vi.mock("@/server/auth/viewer", async () => (await import("../support/page-mocks")).authViewer(() => state.viewer));
// The citizens' form's own action signs nobody in here; only its rendering is tested.
vi.mock("@/app/gui-y-kien/actions", () => ({ submitCaseAction: async () => ({ values: {}, errors: {} }) }));
vi.mock("next/navigation", async () => (await import("../support/page-mocks")).navigation());

async function renderAdminPage(query: Record<string, string> = {}): Promise<string> {
  const { default: Page } = await import("@/app/can-bo/quan-tri/linh-vuc/page");
  return renderServerPage(Page({ searchParams: Promise.resolve(query) }), state.locale);
}

async function renderCitizenForm(): Promise<string> {
  const { default: Page } = await import("@/app/gui-y-kien/page");
  return renderServerPage(Page({ searchParams: Promise.resolve({}) }));
}

const viewer = (name: string) => staffViewer(t.db, name);

const now = new Date("2026-07-20T03:00:00Z");
beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
});
afterAll(() => t.close());

const unescape = (html: string) => html.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, "&");

describe("fields-of-life page", () => {
  it("shows the fields in order with their buttons and the form's texts, with labelled fields, in both languages", async () => {
    state.viewer = await viewer("quantri");
    for (const locale of ["vi", "en"] as const) {
      state.locale = locale;
      const html = unescape(await renderAdminPage({ xong: "moved" }));
      expect(html).toContain(locale === "vi" ? "Lĩnh vực và lời giải thích trên mẫu đơn" : "Fields of life and the form's explanations");
      expect(html).toMatch(/role="status"[^>]*>[^<]*(Đã đổi thứ tự|Order changed)/);
      expect(html.indexOf("Đất đai")).toBeLessThan(html.indexOf("Lĩnh vực khác"));
      expect(html).toContain(locale === "vi" ? 'aria-label="Chuyển Y tế lên trên"' : 'aria-label="Move Health up"');
      expect(html).toMatch(/<label for="[^"]+-nameVi"[^>]*>(Tên tiếng Việt|Name in Vietnamese)<\/label>/);
      expect(html).toContain('id="lg-term_accept"');
      expect(html).toMatch(/<button type="submit" value="preview"[^>]*name="op"/);
      // Both languages' wording in the editor, whatever the page's language.
      expect(html).toContain(MESSAGES.vi.intake.termAccept);
      expect(html).toContain(MESSAGES.en.intake.termAccept);
    }
    state.locale = "vi";
  });

  it("refuses a non-admin", async () => {
    state.viewer = await viewer("lanhdao.tinh");
    await expect(renderAdminPage()).rejects.toThrow("FORBIDDEN");
  });
});

describe("the page's actions", () => {
  it("adds a field and goes back to it; keeps what was typed with errors by field", async () => {
    state.viewer = await viewer("quantri");
    const refused = await categoryAction(EMPTY_CATEGORIES_FORM, form({ op: "create", code: "land", nameVi: "Đất ở", nameEn: "" }));
    expect(refused).toMatchObject({ formError: "invalid", fieldErrors: { nameEn: "required" }, values: { code: "land", nameVi: "Đất ở" } });
    const taken = await categoryAction(EMPTY_CATEGORIES_FORM, form({ op: "create", code: "land", nameVi: "Đất ở", nameEn: "Housing land" }));
    expect(taken.fieldErrors).toEqual({ code: "taken" });
    await expect(categoryAction(EMPTY_CATEGORIES_FORM, form({ op: "create", code: "housing", nameVi: "Nhà ở", nameEn: "Housing" }))).rejects.toThrow(/REDIRECT \/can-bo\/quan-tri\/linh-vuc\?xong=created#lv-/);
    const [row] = await t.db.select().from(categories).where(eq(categories.code, "housing"));
    await expect(categoryAction(EMPTY_CATEGORIES_FORM, form({ op: "up", id: row!.id }))).rejects.toThrow(`REDIRECT /can-bo/quan-tri/linh-vuc?xong=moved#lv-${row!.id}`);
  });

  it("previews a text as it will show, saving nothing, then saves it", async () => {
    state.viewer = await viewer("quantri");
    const fields = { key: "term_accept", textVi: "Thụ lý nghĩa là\n cơ quan nhận giải quyết.", textEn: "Accepted means the body takes the case up." };
    const preview = await formTextAction(EMPTY_CATEGORIES_FORM, form({ ...fields, op: "preview" }));
    expect(preview.preview).toEqual({ textVi: "Thụ lý nghĩa là cơ quan nhận giải quyết.", textEn: fields.textEn });
    expect(preview.values).toMatchObject({ textVi: fields.textVi });
    expect(await t.db.select().from(formTexts)).toHaveLength(0);
    const tooLong = await formTextAction(EMPTY_CATEGORIES_FORM, form({ ...fields, textEn: "x".repeat(301), op: "save" }));
    expect(tooLong).toMatchObject({ formError: "invalid", fieldErrors: { textEn: "too_long" } });
    await expect(formTextAction(preview, form({ ...fields, op: "save" }))).rejects.toThrow("REDIRECT /can-bo/quan-tri/linh-vuc?xong=textSaved#lg-term_accept");
    expect(await t.db.select().from(formTexts)).toHaveLength(1);
  });

  it("refuses a non-admin", async () => {
    state.viewer = await viewer("canbo.syt");
    expect((await categoryAction(EMPTY_CATEGORIES_FORM, form({ op: "create", code: "x_y", nameVi: "X", nameEn: "X" }))).formError).toBe("no_access");
    expect((await formTextAction(EMPTY_CATEGORIES_FORM, form({ op: "save", key: "intro", textVi: "X", textEn: "X" }))).formError).toBe("no_access");
  });
});

describe("the citizens' form", () => {
  it("shows the administrator's wording where there is one, the bundled one elsewhere, and what each field covers", async () => {
    for (const locale of ["vi", "en"] as const) {
      state.locale = locale;
      const html = unescape(await renderCitizenForm());
      expect(html).toContain(locale === "vi" ? "Thụ lý nghĩa là cơ quan nhận giải quyết." : "Accepted means the body takes the case up.");
      expect(html).not.toContain(MESSAGES[locale].intake.termAccept);
      expect(html).toContain(MESSAGES[locale].intake.termWorkingDays);
      expect(html).toContain(MESSAGES[locale].intake.intro);
      expect(html).toContain(MESSAGES[locale].categories.citizen.helpTitle);
      expect(html).toContain(locale === "vi" ? "Ô nhiễm nước, không khí" : "Water, air and noise pollution");
      // The kind cards keep their three parts by default, what happens next with the periods in force (the demo's).
      expect(html).toContain(MESSAGES[locale].intake.kindNext.complaint.replace("{acceptance}", locale === "vi" ? "10 ngày làm việc" : "10 working days"));
    }
    state.locale = "vi";
  });
});
