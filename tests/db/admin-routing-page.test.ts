// The routing rules page renders as on the server, in both languages (the rules in try order, labelled fields, the
// tester); its action tries a change without saving it, saves it, keeps what was typed with errors by field, says
// why the rule-set check refused a change; a non-admin is refused.
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ruleAction, rowAction } from "@/app/can-bo/quan-tri/dinh-tuyen/actions";
import { EMPTY_RULE_FORM } from "@/app/can-bo/quan-tri/dinh-tuyen/form-state";
import { routingRules, units } from "@/db/schema";
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
  const { default: Page } = await import("@/app/can-bo/quan-tri/dinh-tuyen/page");
  return renderServerPage(Page({ searchParams: Promise.resolve(query) }), state.locale);
}

const viewer = (name: string) => staffViewer(t.db, name);

const now = new Date("2026-07-20T03:00:00Z");
const unit: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
  for (const u of await t.db.select().from(units)) unit[u.code] = u.id;
});
afterAll(() => t.close());
const ruleCount = async () => (await t.db.select({ n: count() }).from(routingRules))[0]!.n;

describe("routing rules page", () => {
  it("lists the rules in try order with labelled fields and the tester, in both languages", async () => {
    state.viewer = await viewer("quantri");
    for (const locale of ["vi", "en"] as const) {
      state.locale = locale;
      const html = await renderPage();
      expect(html).toContain(locale === "vi" ? "Các quy tắc, theo thứ tự được xét" : "Rules, in the order they are tried");
      expect(html).toContain(locale === "vi" ? "Số 1: Tố cáo → Thanh tra tỉnh" : "No. 1: Denunciation → Provincial Inspectorate");
      expect(html).toContain(locale === "vi" ? "Chưa dùng lần nào trong 90 ngày qua" : "Not used in the last 90 days");
      expect(html).toMatch(/<label for="[^"]+-unitId"[^>]*>(Đơn vị nhận hồ sơ|Unit receiving the case)<\/label>/);
      expect(html).toMatch(/<button type="submit" value="try"[^>]*name="intent">(Thử|Try)<\/button>/);
      expect(html).toContain('name="op" value="test"');
    }
    state.locale = "vi";
  });

  it("opens the edit form of a rule from its link", async () => {
    state.viewer = await viewer("quantri");
    const [rule] = await t.db.select().from(routingRules).where(eq(routingRules.subjectUnitId, unit["demo-syt"]!));
    const html = await renderPage({ sua: rule!.id });
    expect(html).toContain("Sửa quy tắc số 1");
    expect(html).toContain(`name="id" value="${rule!.id}"`);
  });

  it("refuses a non-admin", async () => {
    state.viewer = await viewer("lanhdao.pleiku");
    await expect(renderPage()).rejects.toThrow("FORBIDDEN");
  });
});

describe("the routing rules action", () => {
  const sample = { sampleKind: "denunciation", sampleSubjectUnitId: "", sampleAreaId: "", sampleCategoryId: "" };

  it("tries a new rule on a sample without saving it, then saves it", async () => {
    state.viewer = await viewer("quantri");
    const before = await ruleCount();
    const fields = { op: "create", kind: "denunciation", subjectUnitId: unit["demo-sxd"]!, unitId: unit["demo-ttr"]!, priority: "0", note: "Thử", ...sample, sampleSubjectUnitId: unit["demo-sxd"]! };
    const tried = await ruleAction(EMPTY_RULE_FORM, form({ ...fields, intent: "try" }));
    expect(tried.tried?.proposed).toMatchObject({ unitId: unit["demo-ttr"], reason: "rule" });
    expect(tried.tried?.problems).toEqual([]);
    expect(tried.values).toMatchObject({ note: "Thử", unitId: unit["demo-ttr"] });
    expect(await ruleCount()).toBe(before);
    await expect(ruleAction(tried, form({ ...fields, intent: "save" }))).rejects.toThrow(/REDIRECT \/can-bo\/quan-tri\/dinh-tuyen\?xong=created#quy-tac-/);
    expect(await ruleCount()).toBe(before + 1);
  });

  it("keeps what was typed with errors by field, and explains a refusal", async () => {
    state.viewer = await viewer("quantri");
    const bad = await ruleAction(EMPTY_RULE_FORM, form({ op: "create", intent: "save", kind: "petition", subjectUnitId: unit["demo-sxd"]!, unitId: unit["demo-ttr"]!, note: "giữ lại" }));
    expect(bad).toMatchObject({ formError: "invalid", fieldErrors: { subjectUnitId: "subject_kind" }, values: { note: "giữ lại", kind: "petition" } });
    const conflict = await ruleAction(EMPTY_RULE_FORM, form({ op: "create", intent: "save", kind: "denunciation", subjectUnitId: unit["demo-ubnd"]!, unitId: unit["demo-sxd"]! }));
    expect(conflict.formError).toBe("refused");
    expect(conflict.refusal?.problems[0]).toMatchObject({ problem: "to_denounced_body" });
    expect(conflict.refusal?.labels[unit["demo-sxd"]!]?.vi).toBe("Sở Xây dựng");
  });

  it("disables a rule and says so; refuses a non-admin", async () => {
    state.viewer = await viewer("quantri");
    const [rule] = await t.db.select().from(routingRules).where(eq(routingRules.subjectUnitId, unit["demo-syt"]!));
    await expect(rowAction(EMPTY_RULE_FORM, form({ op: "active", id: rule!.id, active: "0" }))).rejects.toThrow(`REDIRECT /can-bo/quan-tri/dinh-tuyen?xong=disabled#quy-tac-${rule!.id}`);
    state.viewer = await viewer("xuly.pleiku");
    expect((await rowAction(EMPTY_RULE_FORM, form({ op: "active", id: rule!.id, active: "1" }))).formError).toBe("no_access");
    expect((await ruleAction(EMPTY_RULE_FORM, form({ op: "test", ...sample }))).formError).toBe("no_access");
  });
});
