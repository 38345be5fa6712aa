// The deadline policies page renders as on the server in both languages (each kind's versions with their numbers,
// labelled fields, the unconfirmed Decree 155/2026 version with its confirm button); its action keeps what was
// typed with errors by field, saves on a valid post and redirects with a status; a non-admin is refused.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { policyAction } from "@/app/can-bo/quan-tri/thoi-han/actions";
import { EMPTY_POLICY_FORM } from "@/app/can-bo/quan-tri/thoi-han/form-state";
import { deadlinePolicies } from "@/db/schema";
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
vi.mock("@/server/auth/viewer", async () => (await import("../support/page-mocks")).authViewer(() => state.viewer));
vi.mock("next/navigation", async () => (await import("../support/page-mocks")).navigation());

async function renderPage(query: Record<string, string> = {}): Promise<string> {
  const { default: Page } = await import("@/app/can-bo/quan-tri/thoi-han/page");
  return renderServerPage(Page({ searchParams: Promise.resolve(query) }), state.locale);
}

const viewer = (name: string) => staffViewer(t.db, name);

// The page and the action read the real clock: the seed's cases are dated from it too.
const now = new Date();
const today = toLocalDate(now);

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
});
afterAll(() => t.close());

describe("deadline policies page", () => {
  it("shows each kind's versions with their numbers and labelled fields, in both languages", async () => {
    state.viewer = await viewer("quantri");
    for (const locale of ["vi", "en"] as const) {
      state.locale = locale;
      const html = await renderPage({ xong: "confirmed" });
      expect(html).toContain(locale === "vi" ? "Khiếu nại lần đầu" : "Complaint, first instance");
      expect(html).toContain('id="loai-complaint-1"');
      expect(html).toContain(locale === "vi" ? "7 ngày làm việc" : "7 working days");
      expect(html).toContain(locale === "vi" ? "Chưa xác nhận: chưa áp dụng cho hồ sơ nào" : "Not confirmed: applies to no case");
      expect(html).toContain(locale === "vi" ? "Xác nhận phiên bản này" : "Confirm this version");
      expect(html).toContain("Nghị định 155/2026/NĐ-CP");
      expect(html).toMatch(/<label for="[^"]+-legalBasis"[^>]*>(Căn cứ pháp lý|Legal basis)<\/label>/);
      expect(html).toContain('role="status"');
      expect(html).toContain(`value="${today}"`);
    }
    state.locale = "vi";
  });

  it("refuses a non-admin", async () => {
    state.viewer = await viewer("lanhdao.tinh");
    await expect(renderPage()).rejects.toThrow("FORBIDDEN");
  });
});

describe("the deadline policies action", () => {
  const add = {
    op: "add",
    track: "contribution",
    kind: "contribution",
    instance: "",
    effectiveFrom: today,
    acceptanceAmount: "10",
    acceptanceUnit: "working_days",
    resolutionAmount: "25",
    resolutionUnit: "days",
    legalBasis: "Quyết định 554-QĐ/TU (thử)",
    confirmed: "on",
  };

  it("keeps what was typed, with errors by field, and writes nothing", async () => {
    state.viewer = await viewer("quantri");
    const refused = await policyAction(EMPTY_POLICY_FORM, form({ ...add, acceptanceAmount: "" }));
    expect(refused).toMatchObject({ formError: "invalid", fieldErrors: { acceptanceAmount: "required" }, values: { resolutionAmount: "25", effectiveFrom: today } });
    expect(await t.db.select().from(deadlinePolicies).where(eq(deadlinePolicies.legalBasis, add.legalBasis))).toHaveLength(0);
  });

  it("saves a valid version and returns to its kind with a status", async () => {
    state.viewer = await viewer("quantri");
    await expect(policyAction(EMPTY_POLICY_FORM, form(add))).rejects.toThrow("REDIRECT /can-bo/quan-tri/thoi-han?xong=added#loai-contribution");
    expect(await t.db.select().from(deadlinePolicies).where(eq(deadlinePolicies.legalBasis, add.legalBasis))).toHaveLength(1);
    const again = await policyAction(EMPTY_POLICY_FORM, form(add));
    expect(again.fieldErrors).toEqual({ effectiveFrom: "same_start" });
    expect(again.fieldParams).toEqual({ effectiveFrom: { date: today } });
  });

  it("says why a version in use cannot be deleted, and refuses a non-admin", async () => {
    state.viewer = await viewer("quantri");
    const [used] = await t.db.select({ id: deadlinePolicies.id }).from(deadlinePolicies).where(eq(deadlinePolicies.effectiveFrom, "2026-01-01")).limit(1);
    const inUse = await policyAction(EMPTY_POLICY_FORM, form({ op: "remove", id: used!.id, track: "petition" }));
    expect(["in_use", "in_force"]).toContain(inUse.formError);
    state.viewer = await viewer("canbo.syt");
    expect((await policyAction(EMPTY_POLICY_FORM, form({ op: "confirm", id: used!.id }))).formError).toBe("no_access");
  });
});
