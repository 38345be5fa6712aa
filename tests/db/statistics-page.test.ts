// The public statistics page's data: the unit list adds up to the same figures as getCaseStatistics (each unit
// alone and the province), for whole months and for a period that cuts through months; it is sorted by name; the
// page's data carries no filer's identity; the unfiltered page is cached for one minute.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { translator } from "@/i18n/messages";
import { rowsOf } from "@/db/rows";
import { caseParties, cases } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed-demo";
import { unsealPersonalData, type PersonalData } from "@/server/privacy/personal-data";
import { statisticsMinute, statisticsPage, STATISTICS_CACHED_PAGES } from "@/server/http/cached-statistics-pages";
import { getCaseStatistics } from "@/server/statistics/get-case-statistics";
import { getStatisticsPage, listStatisticsUnits } from "@/server/statistics/get-statistics-page";
import { getUnitFigures } from "@/server/statistics/get-unit-figures";
import { resolveScope } from "@/server/statistics/scope";
import { renderServerPage } from "../support/render-server-page";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
let locale: "vi" | "en" = "vi";

// The page renders as on the server: its words from the message files, its database the test's.
vi.mock("next-intl/server", async () => (await import("../support/page-mocks")).intlServer(() => locale));
vi.mock("@/db/client", async (original) => (await import("../support/page-mocks")).dbClient(await original<object>(), () => t.db));
vi.mock("next/navigation", async () => (await import("../support/page-mocks")).navigation());

async function renderPage(query: Record<string, string>): Promise<string> {
  const { default: StatisticsPage } = await import("@/app/thong-ke/page");
  const html = await renderServerPage(StatisticsPage({ searchParams: Promise.resolve(query) }));
  if (process.env.DUMP_PAGE) (await import("node:fs")).appendFileSync(process.env.DUMP_PAGE, `\n<!-- ${locale} ${JSON.stringify(query)} -->\n${html}`);
  return html;
}

const now = new Date("2026-11-27T03:00:00Z");
const YEAR = { from: "2026-01-01", to: "2026-12-31" };
// Cuts through two months at both ends: partial days counted case by case.
const CUT = { from: "2026-03-17", to: "2026-11-20" };
const ALL = { from: "2020-01-01", to: "2026-12-31" };

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
});
afterAll(() => t.close());

describe("the unit list of the statistics page", () => {
  for (const [name, period] of [["a year of whole months", YEAR], ["a period cutting through months", CUT], ["all time", ALL]] as const) {
    it(`matches getCaseStatistics for each unit alone and for the province: ${name}`, async () => {
      const province = (await resolveScope(t.db, { kind: "province" }))!;
      const rows = await getUnitFigures(t.db, province, period, now);
      const total = await getCaseStatistics(t.db, province, period, now);
      const sum = (k: "received" | "withinCompetence" | "answered" | "overdueNow") => rows.reduce((s, r) => s + r[k], 0);
      expect(sum("received")).toBe(total.figures.received);
      expect(sum("received")).toBeGreaterThan(0);
      expect(sum("withinCompetence")).toBe(total.figures.withinCompetence);
      expect(sum("answered")).toBe(total.figures.answered);
      expect(sum("overdueNow")).toBe(total.figures.overdueNow);
      expect(rows.reduce((s, r) => s + r.onTime.part, 0)).toBe(total.figures.onTime.part);

      const withCases = rows.filter((r) => r.received > 0 || r.overdueNow > 0);
      expect(withCases.length).toBeGreaterThan(1);
      for (const r of withCases) {
        const alone = (await resolveScope(t.db, { kind: "unit", unitId: r.unitId, subtree: false }))!;
        const f = (await getCaseStatistics(t.db, alone, period, now)).figures;
        expect({ received: r.received, within: r.withinCompetence, answered: r.answered, overdue: r.overdueNow, resolution: r.resolution, onTime: r.onTime }).toEqual({
          received: f.received,
          within: f.withinCompetence,
          answered: f.answered,
          overdue: f.overdueNow,
          resolution: f.resolution,
          onTime: f.onTime,
        });
      }
    });
  }

  it("is sorted by name, never by a figure, and covers a unit's subtree when asked", async () => {
    const province = (await resolveScope(t.db, { kind: "province" }))!;
    const rows = await getUnitFigures(t.db, province, YEAR, now, "vi");
    const names = rows.map((r) => r.name);
    expect(names).toEqual([...names].sort(new Intl.Collator("vi").compare));
    const [parent] = rowsOf<{ id: string }>(await t.db.execute(sql`select p.id from units p where exists (select 1 from units c where c.parent_id = p.id) order by p.code limit 1`));
    const subtree = (await resolveScope(t.db, { kind: "unit", unitId: parent!.id, subtree: true }))!;
    const inSubtree = await getUnitFigures(t.db, subtree, YEAR, now);
    expect(inSubtree.length).toBeGreaterThan(1);
    for (const r of inSubtree) expect(subtree.unitIds).toContain(r.unitId);
    const alone = await getUnitFigures(t.db, (await resolveScope(t.db, { kind: "unit", unitId: parent!.id, subtree: false }))!, YEAR, now);
    expect(alone.map((r) => r.unitId)).toEqual([parent!.id]);
  });
});

describe("the statistics page's data", () => {
  let filers: PersonalData[];
  beforeAll(async () => {
    filers = (await t.db.select().from(caseParties)).map((p) => unsealPersonalData(p.keyId, p.sealed));
  });

  it("names the fields and areas its charts show and carries no filer's identity nor any case's text", async () => {
    const province = (await resolveScope(t.db, { kind: "province" }))!;
    const data = await getStatisticsPage(t.db, province, ALL, now);
    for (const f of data.statistics.byField) expect(data.fieldNames.has(f.categoryId)).toBe(true);
    for (const a of data.statistics.byArea) expect(data.areaNames.has(a.areaId)).toBe(true);
    expect(data.statistics.byKind.some((k) => k.kind === "denunciation")).toBe(true);

    const text = JSON.stringify({ ...data, fieldNames: [...data.fieldNames], areaNames: [...data.areaNames], units: await listStatisticsUnits(t.db) });
    const identities = filers.flatMap((f) => [f.name, f.phone, f.email, f.address, f.idNumber]).filter((v): v is string => Boolean(v && v.length > 3));
    expect(identities.length).toBeGreaterThan(10);
    for (const v of identities) expect(text).not.toContain(v);
    const texts = (await t.db.select({ title: cases.title, body: cases.body }).from(cases)).flatMap((c) => [c.title, c.body]);
    for (const v of texts) expect(text).not.toContain(v);
  });
});

describe("the statistics page", () => {
  it("renders every figure, the charts with their tables and the units, in both languages, with no filer's identity", async () => {
    const filers = (await t.db.select().from(caseParties)).map((p) => unsealPersonalData(p.keyId, p.sealed));
    const identities = filers.flatMap((f) => [f.name, f.phone, f.email, f.address, f.idNumber]).filter((v): v is string => Boolean(v && v.length > 3));
    for (const l of ["vi", "en"] as const) {
      locale = l;
      for (const query of [{}, { ky: "custom", tu: "2025-01-01", den: "2026-11-20" }, { ky: "quarter", nam: "2026", so: "4" }] as Record<string, string>[]) {
        const html = await renderPage(query);
        const tr = translator(l);
        expect(html).toContain(tr("statistics.page.title"));
        for (const key of ["received", "resolution", "onTime", "medianDaysToAnswer", "sessionsHeld", "commitmentsKept", "receptionDaysHeld"]) {
          expect(html).toContain(tr(`statistics.definitions.${key}` as never));
        }
        expect(html.match(/<svg role="img"/g)?.length).toBe(4);
        expect(html.match(/<caption/g)?.length).toBeGreaterThanOrEqual(6);
        expect(html).toContain('href="/thong-ke/don-vi/');
        expect(html).not.toMatch(/MISSING_MESSAGE|statistics\.(page|charts|figureList)\./);
        for (const v of identities) expect(html).not.toContain(v);
      }
    }
    locale = "vi";
  });

  it("shows a wrong period's message with the form keeping what was typed, and 404s an unknown unit", async () => {
    const html = await renderPage({ ky: "month", nam: "2026", so: "13" });
    expect(html).toContain(translator("vi")("statistics.page.errors.bad_index"));
    expect(html).toContain('value="13"');
    expect(html).not.toContain("<svg");
    const custom = await renderPage({ ky: "custom", tu: "2026-05-01", den: "2026-04-01" });
    expect(custom).toContain(translator("vi")("statistics.page.errors.reversed"));
    expect(custom).toContain('value="2026-05-01"');
    await expect(renderPage({ "don-vi": "KHONG-CO" })).rejects.toThrow("NEXT_NOT_FOUND");
  });

  it("shows a unit with the units below it, and links to its record", async () => {
    const [parent] = rowsOf<{ code: string; name: string }>(await t.db.execute(sql`select p.code, p.name from units p where exists (select 1 from units c where c.parent_id = p.id) order by p.code limit 1`));
    const html = await renderPage({ "don-vi": parent!.code, "cap-duoi": "1" });
    expect(html).toContain(translator("vi")("statistics.page.scopeUnitSubtree", { unit: parent!.name }));
    expect(html).toContain(`href="/thong-ke/don-vi/${encodeURIComponent(parent!.code)}`);
  });
});

describe("the cached statistics page", () => {
  it("is the page without a query, valid for the minute (local time) it was rendered in", async () => {
    expect(STATISTICS_CACHED_PAGES).toContain(statisticsPage);
    expect(statisticsPage.match("/thong-ke")).toBe("");
    expect(statisticsPage.match("/thong-ke/bao-cao")).toBeNull();
    expect(statisticsPage.match("/thong-ke/don-vi/ABC")).toBeNull();
    const at = new Date("2026-11-27T16:59:30Z");
    expect(statisticsMinute(at)).toBe("2026-11-27 23:59");
    expect(await statisticsPage.validator(t.db, "", at)).toBe(await statisticsPage.validator(t.db, "", new Date("2026-11-27T16:59:59Z")));
    expect(await statisticsPage.validator(t.db, "", at)).not.toBe(await statisticsPage.validator(t.db, "", new Date("2026-11-27T17:00:00Z")));
    expect(statisticsMinute(new Date("2026-11-27T17:00:00Z"))).toBe("2026-11-28 00:00");
  });
});
