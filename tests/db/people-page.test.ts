// The people page renders as on the server, in both languages: officials with their roles, the invitation form with
// labelled fields, a deactivated official's open cases linked for reassignment; a non-admin is refused.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seedDemoData } from "@/db/seed/seed-demo";
import { deactivateUser } from "@/server/people/deactivate-user";
import { staffViewer } from "../support/page-mocks";
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
  const { default: PeoplePage } = await import("@/app/can-bo/quan-tri/nguoi-dung/page");
  return renderServerPage(PeoplePage({ searchParams: Promise.resolve(query) }), state.locale);
}

const viewer = (name: string) => staffViewer(t.db, name);

const now = new Date("2026-07-20T03:00:00Z");
beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
});
afterAll(() => t.close());

describe("people page", () => {
  it("lists officials and offers the invitation, in both languages", async () => {
    state.viewer = await viewer("quantri");
    for (const locale of ["vi", "en"] as const) {
      state.locale = locale;
      const html = await renderPage();
      expect(html).toContain(locale === "vi" ? "Mời cán bộ" : "Invite an official");
      expect(html).toContain("xuly.pleiku@doithoai.example");
      expect(html).toMatch(/<label for="[^"]+-email"[^>]*>Email<\/label>/);
      expect(html).toContain('name="op" value="invite"');
      expect(html).toContain(locale === "vi" ? "Khóa tài khoản" : "Deactivate the account");
    }
    state.locale = "vi";
    const searched = await renderPage({ q: "pleiku" });
    expect(searched).toContain("xuly.pleiku@doithoai.example");
    expect(searched).not.toContain("xuly.quynhon@doithoai.example");
  });

  it("shows a deactivated official's open cases with links to reassign them", async () => {
    const admin = await viewer("quantri");
    state.viewer = admin;
    const target = await viewer("xuly.pleiku");
    const { openAssignments } = await deactivateUser(t.db, admin, { userId: target.userId }, now);
    expect(openAssignments.length).toBeGreaterThan(0);
    const html = await renderPage({ q: "xuly.pleiku", xong: "deactivated" });
    expect(html).toContain("Đã khóa tài khoản; mọi phiên đăng nhập");
    expect(html).toContain("Mở khóa tài khoản");
    for (const c of openAssignments) expect(html).toContain(`href="/can-bo/ho-so/${c.code}"`);
  });

  it("refuses a non-admin", async () => {
    state.viewer = await viewer("lanhdao.pleiku");
    await expect(renderPage()).rejects.toThrow("FORBIDDEN");
  });
});
