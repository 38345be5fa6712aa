// Open data v1 (/du-lieu-mo/v1/…): the anonymised case list and the statistics files. Their format is a promise to
// whoever reuses them, so the columns are pinned here; no denunciation and no filer's identity ever appears; the
// list is streamed page by page; bad parameters get a 400 (404 for an unknown unit) with a message in the
// reader's language.
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/rows";
import { caseParties } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed-demo";
import { addCalendarDays, toLocalDate } from "@/domain/calendar";
import { CASE_FIGURE_KEYS } from "@/domain/statistics/figures";
import { caseListStream, CASE_COLUMNS_V1, readCasePage } from "@/server/open-data/case-list";
import { respondCaseList, respondStatistics, type OpenDataContext } from "@/server/open-data/open-data-http";
import { statisticsColumns } from "@/server/open-data/statistics-export";
import { OPEN_DATA_CACHED_PAGES } from "@/server/http/cached-open-data-pages";
import { unsealPersonalData, type PersonalData } from "@/server/privacy/personal-data";
import { getCaseStatistics } from "@/server/statistics/get-case-statistics";
import { resolveScope } from "@/server/statistics/scope";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
const now = new Date("2026-11-27T03:00:00Z");
const today = toLocalDate(now);
const SITE = "https://doithoai.example.gov.vn";
let filers: PersonalData[] = [];

const messages = (locale: "vi" | "en") =>
  JSON.parse(readFileSync(path.join(process.cwd(), "messages", "openData", `${locale}.json`), "utf8")) as { errors: Record<string, string> };

function context(locale: "vi" | "en" = "vi"): OpenDataContext {
  const errors = messages(locale).errors;
  return { now, siteOrigin: SITE, locale, message: (e) => errors[e] ?? e };
}

const get = (p: string, headers: Record<string, string> = {}) => new Request(`${SITE}${p}`, { headers });

/** Every identity of the fixture's filers (and denounced people) found in a text. */
function leaks(text: string): string[] {
  const found: string[] = [];
  const folded = text.toLowerCase();
  for (const f of filers) {
    for (const v of [f.name, f.phone, f.email, f.address, f.idNumber]) {
      if (v && v.length >= 5 && folded.includes(v.toLowerCase())) found.push(v);
    }
  }
  return found;
}

/** CSV lines without the BOM, split on CRLF (no cell of the list holds a line break). */
const csvLines = (text: string) => text.replace(/^\uFEFF/, "").split("\r\n").filter((l) => l !== "");

async function nonDenunciationsBetween(from: string, to: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await t.db.execute(sql`select count(*)::int as n from cases where kind <> 'denunciation'
      and vn_local_date(received_at) between ${from}::date and ${to}::date`),
  );
  return Number(row!.n);
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
  filers = (await t.db.select().from(caseParties)).map((p) => unsealPersonalData(p.keyId, p.sealed));
});
afterAll(() => t.close());

describe("the case list, v1", () => {
  it("has the columns of v1, in order, in CSV and JSON", async () => {
    expect([...CASE_COLUMNS_V1]).toEqual([
      "tracking_code", "kind", "instance", "field_code", "field_name", "area_code", "area_name", "unit_code", "unit_name", "channel",
      "received_on", "status", "accepted_on", "due_on", "answered_on", "on_time", "overdue_now", "extended", "published_answer_url",
    ]);
    const bytes = new Uint8Array(await (await respondCaseList(t.db, get("/du-lieu-mo/v1/ho-so.csv"), "csv", context())).arrayBuffer());
    // UTF-8 with a byte order mark, so a spreadsheet reads the accents right (Response.text() drops the mark).
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csvLines(csv)[0]).toBe(CASE_COLUMNS_V1.join(","));
    const json = JSON.parse(await (await respondCaseList(t.db, get("/du-lieu-mo/v1/ho-so.json"), "json", context())).text());
    expect(json.version).toBe("1");
    expect(json.licence).toBe("CC BY 4.0");
    expect(json.columns).toEqual([...CASE_COLUMNS_V1]);
    expect(json.cases.length).toBeGreaterThan(10);
    for (const c of json.cases) expect(Object.keys(c)).toEqual([...CASE_COLUMNS_V1]);
  });

  it("lists every case of the last 12 months but denunciations, with no filer's identity and no free text", async () => {
    const from = addCalendarDays(addCalendarDays(today, 1), -365);
    const response = await respondCaseList(t.db, get("/du-lieu-mo/v1/ho-so.json"), "json", context());
    const text = await response.text();
    const json = JSON.parse(text) as { period: { from: string; to: string }; cases: Array<Record<string, unknown>> };
    expect(json.period).toEqual({ from, to: today });
    expect(json.cases.length).toBe(await nonDenunciationsBetween(from, today));
    expect(json.cases.some((c) => c.kind === "denunciation")).toBe(false);
    const [denunciations] = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from cases where kind = 'denunciation'`));
    expect(Number(denunciations!.n)).toBeGreaterThan(0);
    expect(filers.filter((f) => f.name).length).toBeGreaterThan(5);
    expect(leaks(text)).toEqual([]);
    const csv = await (await respondCaseList(t.db, get(`/du-lieu-mo/v1/ho-so.csv?tu=2000-01-01&den=2000-12-31`), "csv", context())).text();
    expect(csvLines(csv)).toHaveLength(1);
    // No title or body of any case, in any file.
    const all = await (await respondCaseList(t.db, get(`/du-lieu-mo/v1/ho-so.csv?tu=${from}`), "csv", context())).text();
    const texts = rowsOf<{ title: string; body: string }>(await t.db.execute(sql`select title, body from cases`));
    for (const c of texts) {
      expect(all.includes(c.title)).toBe(false);
      if (c.body.length > 20) expect(all.includes(c.body)).toBe(false);
    }
    expect(leaks(all)).toEqual([]);
  });

  it("links the published answers by the site's address", async () => {
    const json = JSON.parse(await (await respondCaseList(t.db, get("/du-lieu-mo/v1/ho-so.json?tu=2025-11-28"), "json", context())).text());
    const linked = json.cases.filter((c: { published_answer_url: string | null }) => c.published_answer_url);
    const [published] = rowsOf<{ n: number }>(
      await t.db.execute(sql`select count(*)::int as n from public_answers pa join cases c on c.id = pa.case_id where vn_local_date(c.received_at) >= '2025-11-28'`),
    );
    expect(linked.length).toBe(Number(published!.n));
    for (const c of linked) expect(c.published_answer_url).toMatch(new RegExp(`^${SITE}/cong-khai/[0-9a-f-]{36}$`));
  });

  it("streams page by page: small pages give the same file as one page", async () => {
    const scope = { from: "2024-01-01", to: today, unitIds: null, today, siteOrigin: SITE };
    const read = async (stream: ReadableStream<Uint8Array>) => {
      const reader = stream.getReader();
      const decoder = new TextDecoder();
      let text = "";
      let chunks = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks++;
        text += decoder.decode(value, { stream: true });
      }
      return { text, chunks };
    };
    const whole = await readCasePage(t.db, scope, null, 100_000);
    expect(whole.rows.length).toBeGreaterThan(20);
    const small = await read(caseListStream(t.db, scope, "csv", {}, 7));
    const big = await read(caseListStream(t.db, scope, "csv", {}, 100_000));
    expect(small.chunks).toBeGreaterThan(Math.floor(whole.rows.length / 7));
    expect(small.text).toBe(big.text);
    expect(csvLines(small.text)).toHaveLength(whole.rows.length + 1);
    const json = await read(caseListStream(t.db, scope, "json", {}, 7));
    const parsed = JSON.parse(json.text);
    expect(parsed.cases.map((c: { tracking_code: string }) => c.tracking_code)).toEqual(whole.rows.map((r) => r.tracking_code));
  });

  it("filters by unit, with or without the units below", async () => {
    const [unit] = rowsOf<{ code: string; id: string }>(await t.db.execute(sql`select code, id from units where code = 'demo-ubnd'`));
    const alone = JSON.parse(await (await respondCaseList(t.db, get(`/du-lieu-mo/v1/ho-so.json?don-vi=${unit!.code}&tu=2025-11-28`), "json", context())).text());
    const below = JSON.parse(await (await respondCaseList(t.db, get(`/du-lieu-mo/v1/ho-so.json?don-vi=${unit!.code}&cap-duoi=1&tu=2025-11-28`), "json", context())).text());
    expect(alone.cases.every((c: { unit_code: string }) => c.unit_code === unit!.code)).toBe(true);
    expect(below.cases.length).toBeGreaterThan(alone.cases.length);
  });

  it("answers with the file's headers, and 304 to a matching If-None-Match", async () => {
    const response = await respondCaseList(t.db, get("/du-lieu-mo/v1/ho-so.csv?tu=2026-01-01&den=2026-06-30"), "csv", context());
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="ho-so-v1-2026-01-01-2026-06-30.csv"');
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    const etag = response.headers.get("etag")!;
    expect(etag).toMatch(/^W\/".+"$/);
    await response.body?.cancel();
    const again = await respondCaseList(t.db, get("/du-lieu-mo/v1/ho-so.csv?tu=2026-01-01&den=2026-06-30", { "if-none-match": etag }), "csv", context());
    expect(again.status).toBe(304);
    const json = await respondCaseList(t.db, get("/du-lieu-mo/v1/ho-so.json?tu=2026-01-01&den=2026-06-30", { "if-none-match": etag }), "json", context());
    expect(json.status).toBe(200);
    expect(json.headers.get("content-type")).toBe("application/json; charset=utf-8");
    await json.body?.cancel();
  });

  it("refuses bad parameters with a clear message in the reader's language", async () => {
    const cases: Array<[string, number, string]> = [
      ["tu=2026-13-01", 400, "bad_from"],
      ["den=31/12/2026", 400, "bad_to"],
      ["tu=2026-06-01&den=2026-01-01", 400, "reversed"],
      ["tu=2024-01-01&den=2026-01-01", 400, "too_long"],
      ["don-vi=khong-co", 404, "unknown_unit"],
    ];
    for (const [query, status, code] of cases) {
      const csv = await respondCaseList(t.db, get(`/du-lieu-mo/v1/ho-so.csv?${query}`), "csv", context("vi"));
      expect(csv.status).toBe(status);
      expect(csv.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      expect(await csv.text()).toBe(`${messages("vi").errors[code]}\n`);
      const json = await respondCaseList(t.db, get(`/du-lieu-mo/v1/ho-so.json?${query}`), "json", context("en"));
      expect(json.status).toBe(status);
      expect(await json.json()).toEqual({ error: { code, message: messages("en").errors[code] } });
    }
  });
});

describe("the statistics files, v1", () => {
  it("have stable columns and the same figures as the statistics pages", async () => {
    const response = await respondStatistics(t.db, get("/du-lieu-mo/v1/thong-ke.csv?ky=year&nam=2026"), "csv", context());
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="thong-ke-v1-2026-01-01-2026-12-31.csv"');
    const lines = csvLines(await response.text());
    const columns = statisticsColumns();
    expect(lines[0]).toBe(columns.join(","));
    expect(columns.slice(0, 7)).toEqual(["row", "from", "to", "unit_code", "unit_name", "received", "withinCompetence"]);
    expect(columns).toContain("resolution_rate");
    expect(columns).toContain("sessionsHeld");
    expect(columns).toContain("receptionMatters");
    const total = lines[1]!.split(",");
    const province = (await resolveScope(t.db, { kind: "province" }))!;
    const stats = await getCaseStatistics(t.db, province, { from: "2026-01-01", to: "2026-12-31" }, now);
    expect(total.slice(0, 3)).toEqual(["total", "2026-01-01", "2026-12-31"]);
    expect(Number(total[columns.indexOf("received")])).toBe(stats.figures.received);
    expect(Number(total[columns.indexOf("resolution_part")])).toBe(stats.figures.resolution.part);
    expect(lines.filter((l) => l.startsWith("month,"))).toHaveLength(12);
    const units = lines.filter((l) => l.startsWith("unit,"));
    expect(units.length).toBeGreaterThan(3);
    const sumOfUnits = units.reduce((s, l) => s + Number(l.split(",")[columns.indexOf("received")]), 0);
    expect(sumOfUnits).toBe(stats.figures.received);
  });

  it("parse as JSON, with every figure key and denunciations only as counts", async () => {
    const response = await respondStatistics(t.db, get("/du-lieu-mo/v1/thong-ke.json?ky=custom&tu=2025-12-15&den=2026-02-10"), "json", context());
    const text = await response.text();
    const json = JSON.parse(text);
    expect(json.version).toBe("1");
    expect(json.period).toEqual({ kind: "custom", from: "2025-12-15", to: "2026-02-10" });
    expect(json.figure_keys).toEqual([...CASE_FIGURE_KEYS]);
    expect(json.rows[0].row).toBe("total");
    expect(json.rows.filter((r: { row: string }) => r.row === "month").map((r: { from: string; to: string }) => [r.from, r.to])).toEqual([
      ["2025-12-15", "2025-12-31"],
      ["2026-01-01", "2026-01-31"],
      ["2026-02-01", "2026-02-10"],
    ]);
    for (const key of CASE_FIGURE_KEYS) expect(json.rows[0].figures).toHaveProperty(key);
    expect(json.rows[0].participation.dialogue).toHaveProperty("sessionsHeld");
    expect(leaks(text)).toEqual([]);
  });

  it("refuse a bad period or an unknown unit", async () => {
    const bad = await respondStatistics(t.db, get("/du-lieu-mo/v1/thong-ke.json?ky=week"), "json", context("vi"));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe("bad_kind");
    const unknown = await respondStatistics(t.db, get("/du-lieu-mo/v1/thong-ke.csv?don-vi=khong-co"), "csv", context("en"));
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toBe(`${messages("en").errors.unknown_unit}\n`);
  });
});

describe("the documentation page's cache", () => {
  it("matches /du-lieu-mo only (the files are streamed with their own ETag), with a validator that reads nothing", async () => {
    const [page] = OPEN_DATA_CACHED_PAGES;
    expect(OPEN_DATA_CACHED_PAGES.map((p) => p.match("/du-lieu-mo"))).toEqual([""]);
    expect(page!.match("/du-lieu-mo/v1/ho-so.csv")).toBeNull();
    expect(page!.match("/du-lieu-mo/open311")).toBeNull();
    expect(await page!.validator(t.db, "", now)).toBe(`v1|${today}`);
  });
});
