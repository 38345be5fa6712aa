// The record pages rendered to HTML on the demo data with the real messages, in both languages: no message
// missing, tables with captions and header cells, the links the brief asks for, 404 for an unknown code or id,
// and no filer's identity nor any official's email in the HTML.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { caseParties, users } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed-demo";
import { unsealPersonalData } from "@/server/privacy/personal-data";
import { renderServerPage } from "../support/render-server-page";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

const state = vi.hoisted(() => ({ locale: "vi" as "vi" | "en", errors: [] as string[] }));
// A message not found is an error the tests expect to be none, not the key printed in its place.
vi.mock("next-intl/server", async () => (await import("../support/page-mocks")).intlServer(() => state.locale, (e) => state.errors.push(String(e))));
vi.mock("next/navigation", async () => (await import("../support/page-mocks")).navigation());
vi.mock("@/db/client", async (original) => (await import("../support/page-mocks")).dbClient(await original<object>(), () => t.db));

const { default: UnitRecordPage } = await import("@/app/thong-ke/don-vi/[code]/page");
const { default: LeadersPage } = await import("@/app/thong-ke/lanh-dao/page");
const { default: LeaderRecordPage } = await import("@/app/thong-ke/lanh-dao/[userId]/page");

let t: TestDatabase;
const now = new Date("2026-11-27T03:00:00Z");

const query = (q: Record<string, string> = {}) => Promise.resolve(q);
// Streamed: the record pages put async components below plain ones (FiguresSection's FigureList).
const render = (page: Promise<React.ReactNode>) => renderServerPage(page, undefined, { streamed: true });

beforeAll(async () => {
  vi.useFakeTimers({ now, toFake: ["Date"] });
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

async function secrets(): Promise<string[]> {
  const out = new Set<string>();
  for (const p of await t.db.select({ keyId: caseParties.keyId, sealed: caseParties.sealed }).from(caseParties)) {
    const d = unsealPersonalData(p.keyId, p.sealed);
    for (const v of [d.name, d.phone, d.email, d.address, d.idNumber]) if (v && v.trim().length >= 5) out.add(v.trim());
  }
  for (const u of await t.db.select({ email: users.email }).from(users)) out.add(u.email);
  return [...out];
}

describe("record pages", () => {
  for (const locale of ["vi", "en"] as const) {
    it(`a unit's record renders in ${locale} with every message found`, async () => {
      state.locale = locale;
      state.errors = [];
      const html = await render(UnitRecordPage({ params: Promise.resolve({ code: "demo-ubnd-pleiku" }), searchParams: query({ ky: "year", nam: "2026" }) }));
      expect(state.errors).toEqual([]);
      expect(html).toContain("/thong-ke/bao-cao?don-vi=demo-ubnd-pleiku&amp;cap-duoi=1&amp;ky=year&amp;nam=2026");
      expect(html).toContain("/thong-ke?don-vi=demo-ubnd-pleiku&amp;ky=year&amp;nam=2026");
      expect(html).toContain('href="/doi-thoai/');
      expect(html).toContain('href="/cam-ket/');
      expect(html).toContain('href="/tiep-cong-dan/nhiem-vu/');
      expect(html).toContain('href="/thong-ke/don-vi/demo-ubnd"');
      expect((html.match(/<table/g) ?? []).length).toBe((html.match(/<caption/g) ?? []).length);
      expect(html).toContain('scope="col"');
      expect(html).toContain('role="img"');
      for (const s of await secrets()) expect(html.includes(s), s).toBe(false);
    });
  }

  it("a bad period keeps what was typed and says why; an unknown code is a 404", async () => {
    state.locale = "vi";
    const html = await render(UnitRecordPage({ params: Promise.resolve({ code: "demo-ubnd" }), searchParams: query({ ky: "month", nam: "2026", so: "13" }) }));
    expect(html).toContain('role="alert"');
    expect(html).toContain('value="13"');
    await expect(render(UnitRecordPage({ params: Promise.resolve({ code: "khong-co" }), searchParams: query() }))).rejects.toThrow("NEXT_NOT_FOUND");
  });

  for (const locale of ["vi", "en"] as const) {
    it(`the leaders and a leader's record render in ${locale} with every message found`, async () => {
      state.locale = locale;
      state.errors = [];
      const list = await render(LeadersPage({ searchParams: query() }));
      expect(list).toContain("Chủ tịch UBND phường Pleiku (mẫu)");
      const [pleiku] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, "lanhdao.pleiku@doithoai.example"));
      expect(list).toContain(`/thong-ke/lanh-dao/${pleiku!.id}`);
      const page = await render(LeaderRecordPage({ params: Promise.resolve({ userId: pleiku!.id }), searchParams: query() }));
      expect(state.errors).toEqual([]);
      expect(page).toContain("Chủ tịch UBND phường Pleiku (mẫu)");
      expect(page).toContain('href="/thong-ke/don-vi/demo-ubnd-pleiku"');
      for (const s of await secrets()) {
        expect(list.includes(s), s).toBe(false);
        expect(page.includes(s), s).toBe(false);
      }
    });
  }

  it("a citizen's id is a 404", async () => {
    const [citizen] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, "congdan@doithoai.example"));
    await expect(render(LeaderRecordPage({ params: Promise.resolve({ userId: citizen!.id }), searchParams: query() }))).rejects.toThrow("NEXT_NOT_FOUND");
  });
});
