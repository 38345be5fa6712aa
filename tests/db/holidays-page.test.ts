// The holidays page renders as on the server, in both languages (a year's days, labelled fields, the pre-fill); its
// action previews a change before saving it, keeps what was typed with errors by field; a non-admin is refused.
import { eq } from "drizzle-orm";
import { holidayAction } from "@/app/can-bo/quan-tri/ngay-nghi/actions";
import { EMPTY_HOLIDAY_FORM } from "@/app/can-bo/quan-tri/ngay-nghi/form-state";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { holidays } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed-demo";
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
  const { default: HolidaysPage } = await import("@/app/can-bo/quan-tri/ngay-nghi/page");
  return renderServerPage(HolidaysPage({ searchParams: Promise.resolve(query) }), state.locale);
}

const viewer = (name: string) => staffViewer(t.db, name);

// Monday 20/7/2026, 10:00 in Vietnam.
const now = new Date("2026-07-20T03:00:00Z");
beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
});
afterAll(() => t.close());

describe("holidays page", () => {
  it("shows the chosen year's days with labelled fields, in both languages", async () => {
    state.viewer = await viewer("quantri");
    for (const locale of ["vi", "en"] as const) {
      state.locale = locale;
      const html = await renderPage({ nam: "2027" });
      expect(html).toContain(locale === "vi" ? "Lịch năm 2027" : "Calendar for 2027");
      expect(html).toContain('id="ngay-2027-02-06"');
      expect(html).toMatch(/<label for="[^"]+-name"[^>]*>(Tên|Name)<\/label>/);
      expect(html).toContain('name="op" value="prefill"');
      expect(html).toContain(locale === "vi" ? "Điền sẵn năm 2027" : "Pre-fill 2027");
    }
    state.locale = "vi";
  });

  it("refuses a non-admin", async () => {
    state.viewer = await viewer("lanhdao.pleiku");
    await expect(renderPage()).rejects.toThrow("FORBIDDEN");
  });
});

describe("the holidays action", () => {
  const add = { op: "add", date: "2026-07-22", kind: "holiday", name: "Ngày nghỉ thử", confirmed: "on" };

  it("first shows which open deadlines would move and saves nothing, then saves on apply", async () => {
    state.viewer = await viewer("quantri");
    const first = await holidayAction(EMPTY_HOLIDAY_FORM, form(add));
    expect(first.preview?.op).toBe("add");
    expect(first.preview!.moved.length).toBeGreaterThan(0);
    expect(first.values).toMatchObject({ date: "2026-07-22", name: "Ngày nghỉ thử" });
    expect(await t.db.select().from(holidays).where(eq(holidays.date, "2026-07-22"))).toHaveLength(0);
    await expect(holidayAction(first, form({ ...add, apply: "1" }))).rejects.toThrow("REDIRECT /can-bo/quan-tri/ngay-nghi?nam=2026&xong=added");
    expect(await t.db.select().from(holidays).where(eq(holidays.date, "2026-07-22"))).toHaveLength(1);
  });

  it("keeps what was typed, with errors by field", async () => {
    state.viewer = await viewer("quantri");
    const refused = await holidayAction(EMPTY_HOLIDAY_FORM, form({ ...add, date: "22/07/2026", name: "" }));
    expect(refused).toMatchObject({ formError: "invalid", fieldErrors: { date: "invalid", name: "required" }, values: { date: "22/07/2026", kind: "holiday" } });
    const taken = await holidayAction(EMPTY_HOLIDAY_FORM, form({ ...add, apply: "1" }));
    expect(taken.fieldErrors).toEqual({ date: "taken" });
  });

  it("refuses a non-admin", async () => {
    state.viewer = await viewer("xuly.pleiku");
    const refused = await holidayAction(EMPTY_HOLIDAY_FORM, form({ op: "prefill", year: "2030" }));
    expect(refused.formError).toBe("no_access");
  });
});
