// Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2): every endpoint in XML and JSON, its errors, a POST
// that becomes a routed case, tokens, API keys, and privacy (no filer's identity, no denunciation, ever).
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/rows";
import { areas, auditLog, caseParties, cases, categories, open311ApiKeys, open311Requests, publicAnswers } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed-demo";
import { DEMO_AREA_CENTRES } from "@/db/seed/demo-open311";
import type { Viewer } from "@/server/auth/roles";
import { issueApiKey, listApiKeys, revokeApiKey } from "@/server/open311/api-keys";
import { handleOpen311 } from "@/server/open311/handle-request";
import { jurisdictionId } from "@/server/open311/site";
import { bodyLimitFor } from "@/server/http/body-limits";
import { OPEN311_CACHED_PAGES } from "@/server/http/cached-open311-pages";
import { unsealPersonalData } from "@/server/privacy/personal-data";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
const now = new Date("2026-11-27T03:00:00Z"); // Friday 27/11/2026, 10:00 in Vietnam
const BASE = "http://localhost:3000/open311/v2/";
let admin: Viewer;
let key = "";
const areaIds: Record<string, string> = {};

function get(path: string, at = now) {
  return handleOpen311(t.db, new Request(`${BASE}${path}`), path.split("?")[0]!.split("/"), at);
}

function post(path: string, fields: Record<string, string>, at = now) {
  const body = new URLSearchParams(fields).toString();
  return handleOpen311(t.db, new Request(`${BASE}${path}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body }), path.split("?")[0]!.split("/"), at);
}

async function json(response: Response) {
  expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
  return JSON.parse(await response.text());
}

async function xml(response: Response) {
  expect(response.headers.get("content-type")).toBe("text/xml; charset=utf-8");
  const text = await response.text();
  expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  return text;
}

const report = (fields: Record<string, string> = {}) => ({
  api_key: key,
  service_code: "report-infrastructure",
  lat: "13.9850",
  long: "108.0050",
  description: "Đèn đường trên đường Trần Phú hỏng từ hai tuần nay, buổi tối rất tối và nguy hiểm.",
  first_name: "Trần Văn",
  last_name: "Bình",
  email: "binh.open311@example.com",
  phone: "0912 345 678",
  ...fields,
});

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
  for (const a of await t.db.select().from(areas)) areaIds[a.code] = a.id;
  const [adminRow] = rowsOf<{ user_id: string; unit_id: string }>(await t.db.execute(sql`select user_id, unit_id from memberships where role = 'admin' limit 1`));
  admin = { userId: adminRow!.user_id, email: "admin@example.com", name: "admin", locale: "vi", memberships: [{ unitId: adminRow!.unit_id, unitName: "", unitNameEn: "", role: "admin" }] };
  const issued = await issueApiKey(t.db, admin, { name: "Ứng dụng thử", contact: "dev@example.com", hourlyLimit: "1000" });
  if (!issued.ok) throw new Error("key not issued");
  key = issued.key;
});
afterAll(() => t.close());

describe("discovery and services", () => {
  it("discovery in XML and JSON names the endpoint, its specification and formats", async () => {
    const x = await xml(await get("discovery.xml"));
    expect(x).toContain("<discovery><changeset>");
    expect(x).toContain("<endpoints><endpoint><specification>http://wiki.open311.org/GeoReport_v2</specification><url>http://localhost:3000/open311/v2</url>");
    expect(x).toContain("<formats><format>text/xml</format><format>application/json</format></formats>");
    const j = await json(await get("discovery.json"));
    expect(j.endpoints[0]).toMatchObject({ specification: "http://wiki.open311.org/GeoReport_v2", url: "http://localhost:3000/open311/v2", type: "production", formats: ["text/xml", "application/json"] });
    expect(j.key_service).toContain("/du-lieu-mo/open311");
  });

  it("services: one per kind that may be posted and active field of life", async () => {
    const active = await t.db.select().from(categories).where(eq(categories.active, true));
    const list = await json(await get("services.json"));
    expect(list).toHaveLength(active.length * 3);
    const codes = list.map((s: { service_code: string }) => s.service_code);
    expect(codes).toContain("report-infrastructure");
    expect(codes).toContain("contribution-party_building");
    expect(codes.some((c: string) => c.startsWith("complaint-") || c.startsWith("denunciation-"))).toBe(false);
    expect(list[0]).toEqual({ service_code: expect.any(String), service_name: expect.any(String), description: expect.any(String), metadata: true, type: "realtime", keywords: expect.any(String), group: expect.any(String) });
    const x = await xml(await get("services.xml"));
    expect(x).toContain("<services><service><service_code>");
    expect(x).toContain("<service_code>report-infrastructure</service_code><service_name>Phản ánh – Hạ tầng, giao thông</service_name>");
    expect(x).toContain("<metadata>true</metadata><type>realtime</type>");
  });

  it("a service definition lists its attributes; an unknown service is a 404 in the standard's error format", async () => {
    const def = await json(await get("services/report-infrastructure.json"));
    expect(def.service_code).toBe("report-infrastructure");
    expect(def.attributes.map((a: { code: string }) => a.code)).toEqual(["title", "consent_publish"]);
    expect(def.attributes[1]).toMatchObject({ variable: true, datatype: "singlevaluelist", required: false, order: 2, values: [{ key: "true", name: "Đồng ý" }, { key: "false", name: "Không đồng ý" }] });
    const x = await xml(await get("services/report-infrastructure.xml"));
    expect(x).toContain("<service_definition><service_code>report-infrastructure</service_code><attributes><attribute><variable>true</variable><code>title</code>");
    expect(x).toContain("<values><value><key>true</key><name>Đồng ý</name></value>");
    for (const code of ["complaint-land", "denunciation-land", "report-nonexistent", "nonsense"]) {
      const r = await get(`services/${code}.xml`);
      expect(r.status).toBe(404);
      expect(await xml(r)).toMatch(/<errors><error><code>404<\/code><description>.+<\/description><\/error><\/errors>/);
    }
    const r = await get("services/denunciation-land.json");
    expect(r.status).toBe(404);
    expect(await json(r)).toEqual([{ code: 404, description: expect.any(String) }]);
  });

  it("a missing or unknown format is a 400, an unknown path a 404, a wrong method a 405", async () => {
    for (const path of ["services", "services.html", "requests.csv", "discovery"]) {
      const r = await get(path);
      expect(r.status, path).toBe(400);
      expect(await xml(r)).toContain("<code>400</code>");
    }
    for (const path of ["nothing.xml", "services/a/b.xml", "requests/x/y.json"]) expect((await get(path)).status, path).toBe(404);
    const put = await handleOpen311(t.db, new Request(`${BASE}services.json`, { method: "POST", body: "" }), ["services.json"], now);
    expect(put.status).toBe(405);
  });

  it("jurisdiction_id: ours is accepted, another is a 404", async () => {
    expect(jurisdictionId()).toBe("localhost");
    expect((await get("services.json?jurisdiction_id=localhost")).status).toBe(200);
    const r = await get("services.json?jurisdiction_id=sf.gov");
    expect(r.status).toBe(404);
    expect((await json(r))[0].description).toContain("jurisdiction_id");
    const p = await post("requests.json?jurisdiction_id=sf.gov", report());
    expect(p.status).toBe(404);
  });
});

describe("GET requests", () => {
  it("lists the last 90 days' petitions, reports and contributions, with the standard's fields and never a denunciation or a complaint", async () => {
    const list = await json(await get("requests.json"));
    expect(list.length).toBeGreaterThan(0);
    expect(list.length).toBeLessThanOrEqual(1000);
    const expected = rowsOf<{ code: string }>(
      await t.db.execute(sql`select code from cases where kind in ('petition','report','contribution') and received_at >= ${new Date(now.getTime() - 90 * 86_400_000).toISOString()}::timestamptz and received_at <= ${now.toISOString()}::timestamptz`),
    ).map((r) => r.code);
    expect(list.map((r: { service_request_id: string }) => r.service_request_id).sort()).toEqual(expected.sort());
    const hidden = rowsOf<{ code: string }>(await t.db.execute(sql`select code from cases where kind in ('denunciation','complaint')`)).map((r) => r.code);
    expect(hidden.length).toBeGreaterThan(0);
    for (const code of hidden) expect(list.some((r: { service_request_id: string }) => r.service_request_id === code)).toBe(false);
    const first = list[0];
    expect(Object.keys(first)).toEqual([
      "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible", "service_notice",
      "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url",
    ]);
    expect(first.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
    expect(["open", "closed"]).toContain(first.status);
    expect(first.media_url).toBeNull();
    // Newest first.
    const times = list.map((r: { requested_datetime: string }) => r.requested_datetime);
    expect([...times].sort().reverse()).toEqual(times);
    // The area's name, code and centre: never the filer's address or point.
    const withCentre = list.find((r: { address_id: string }) => DEMO_AREA_CENTRES[r.address_id]);
    expect(withCentre.lat).toBe(DEMO_AREA_CENTRES[withCentre.address_id]!.latitude);
    expect(withCentre.long).toBe(DEMO_AREA_CENTRES[withCentre.address_id]!.longitude);
    for (const r of list) {
      if (r.status === "open") expect(r.expected_datetime).toMatch(/T23:59:59\+07:00$/);
      else expect(r.expected_datetime).toBeNull();
    }
  });

  it("the same list in XML, empty fields as empty elements", async () => {
    const x = await xml(await get("requests.xml"));
    expect(x).toMatch(/^<\?xml[^>]+>\n<service_requests><request><service_request_id>[0-9A-Z-]+<\/service_request_id><status>(open|closed)<\/status>/);
    expect(x).toContain("<zipcode/>");
    expect(x).toContain("<media_url/>");
  });

  it("filters by service_code, status and dates; ids override everything", async () => {
    const all = await json(await get("requests.json"));
    const code = all[0].service_code;
    const byService = await json(await get(`requests.json?service_code=${code}`));
    expect(byService.length).toBeGreaterThan(0);
    expect(byService.every((r: { service_code: string }) => r.service_code === code)).toBe(true);
    const open = await json(await get("requests.json?status=open"));
    const closed = await json(await get("requests.json?status=closed"));
    expect(open.every((r: { status: string }) => r.status === "open")).toBe(true);
    expect(closed.every((r: { status: string }) => r.status === "closed")).toBe(true);
    expect(open.length + closed.length).toBe(all.length);
    expect((await json(await get("requests.json?status=open,closed"))).length).toBe(all.length);
    const window = await json(await get("requests.json?start_date=2026-11-20T00:00:00%2B07:00&end_date=2026-11-27T23:59:59%2B07:00"));
    expect(window.every((r: { requested_datetime: string }) => r.requested_datetime >= "2026-11-20" && r.requested_datetime <= "2026-11-28")).toBe(true);
    const ids = [all[0].service_request_id, all[1].service_request_id.toLowerCase().replace(/-/g, ""), "NOPE"].join(",");
    const byIds = await json(await get(`requests.json?service_request_id=${ids}&start_date=bad`));
    expect(byIds.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([all[0].service_request_id, all[1].service_request_id].sort((a, b) => (all.findIndex((r: { service_request_id: string }) => r.service_request_id === a) - all.findIndex((r: { service_request_id: string }) => r.service_request_id === b))));
  });

  it("bad dates, spans over 90 days, unknown services and statuses are 400s", async () => {
    for (const query of [
      "start_date=yesterday",
      "end_date=2026-13-01",
      "start_date=2026-02-30",
      "start_date=2026-01-01&end_date=2026-06-01",
      "start_date=2026-11-20&end_date=2026-11-01",
      "end_date=2026-11-27T10:00:00%2B25:00",
      "service_code=complaint-land",
      "service_code=report-infrastructure,bogus",
      "status=pending",
    ]) {
      const r = await get(`requests.json?${query}`);
      expect(r.status, query).toBe(400);
      const body = await json(r);
      expect(body[0]).toEqual({ code: 400, description: expect.any(String) });
    }
    const x = await get("requests.xml?start_date=nope");
    expect(x.status).toBe(400);
    expect(await xml(x)).toContain("<errors><error><code>400</code><description>start_date is not a W3C date-time");
  });

  it("requests/{id}: one request; a denunciation, a complaint or an unknown id is a 404", async () => {
    const [one] = await json(await get("requests.json"));
    const r = await json(await get(`requests/${one.service_request_id}.json`));
    expect(r).toEqual([one]);
    expect(await xml(await get(`requests/${one.service_request_id}.xml`))).toContain(`<service_requests><request><service_request_id>${one.service_request_id}</service_request_id>`);
    const hidden = rowsOf<{ code: string }>(await t.db.execute(sql`select code from cases where kind in ('denunciation','complaint') limit 5`));
    for (const { code } of hidden) expect((await get(`requests/${code}.json`)).status).toBe(404);
    expect((await get("requests/ZZZZ-ZZZZ-ZZZ.xml")).status).toBe(404);
    expect((await get("requests/%3Cscript%3E.xml")).status).toBe(404);
  });

  it("description is the published, redacted question only, else empty", async () => {
    const rows = rowsOf<{ id: string; code: string; kind: string; category_id: string; area_id: string; unit_id: string; version: number }>(
      await t.db.execute(sql`select id, code, kind, category_id, area_id, unit_id, version from cases where kind in ('petition','report','contribution') and status in ('answered','closed')
        and id not in (select case_id from public_answers) limit 1`),
    );
    const c = rows[0]!;
    const before = (await json(await get(`requests/${c.code}.json`)))[0];
    expect(before.description).toBeNull();
    await t.db.insert(publicAnswers).values({
      caseId: c.id, code: c.code, kind: c.kind, categoryId: c.category_id, areaId: c.area_id, unitId: c.unit_id,
      title: "Đèn đường", question: "Đèn đường ở [đã ẩn] hỏng.", answer: "Đã sửa.", searchText: "den duong", receivedOn: "2026-11-01", answeredOn: "2026-11-10", caseVersion: c.version,
    }).onConflictDoNothing();
    const published = (await t.db.select().from(publicAnswers).where(eq(publicAnswers.caseId, c.id)))[0]!;
    const after = (await json(await get(`requests/${c.code}.json`)))[0];
    expect(after.description).toBe(published.question);
    const [raw] = await t.db.select({ body: cases.body }).from(cases).where(eq(cases.id, c.id));
    expect(JSON.stringify(await json(await get("requests.json")))).not.toContain(raw!.body);
  });
});

describe("POST requests", () => {
  it("creates a case placed in the nearest area, routed like any other, with the point kept for staff only", async () => {
    const r = await post("requests.json", report({ "attribute[consent_publish]": "true", media_url: "https://example.com/anh.jpg" }));
    expect(r.status).toBe(200);
    const [created] = await json(r);
    expect(created).toEqual({ service_request_id: expect.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{3}$/), token: expect.any(String), service_notice: expect.stringContaining("/tra-cuu/"), account_id: null });
    const [row] = await t.db.select().from(cases).where(eq(cases.code, created.service_request_id));
    expect(row!.areaId).toBe(areaIds["demo-23602"]); // Phường Pleiku: the nearest centre
    expect(row!.kind).toBe("report");
    expect(row!.channel).toBe("web");
    expect(row!.latitude).toBe(13.985);
    expect(row!.longitude).toBe(108.005);
    expect(row!.consentPublish).toBe(true);
    expect(row!.body).toContain("https://example.com/anh.jpg");
    expect(row!.routingReason).toMatch(/rule|fallback/);
    const [mapping] = await t.db.select().from(open311Requests).where(eq(open311Requests.token, created.token));
    expect(mapping!.caseId).toBe(row!.id);
    expect(mapping!.serviceCode).toBe("report-infrastructure");
    const [party] = await t.db.select().from(caseParties).where(eq(caseParties.caseId, row!.id));
    expect(unsealPersonalData(party!.keyId, party!.sealed)).toMatchObject({ name: "Trần Văn Bình", email: "binh.open311@example.com" });

    const shown = (await json(await get(`requests/${created.service_request_id}.json`)))[0];
    expect(shown).toMatchObject({ status: "open", service_code: "report-infrastructure", address: "Phường Pleiku", address_id: "demo-23602", lat: 13.9833, long: 108, description: null, media_url: null });
    expect(JSON.stringify(shown)).not.toContain("Bình");
    const token = await json(await get(`tokens/${created.token}.json`));
    expect(token).toEqual([{ service_request_id: created.service_request_id, token: created.token }]);
    expect(await xml(await get(`tokens/${created.token}.xml`))).toContain(`<service_requests><request><service_request_id>${created.service_request_id}</service_request_id><token>${created.token}</token></request></service_requests>`);
    expect((await get("tokens/unknown-token-1234.json")).status).toBe(404);
    const [keyRow] = await t.db.select().from(open311ApiKeys).where(eq(open311ApiKeys.id, mapping!.apiKeyId));
    expect(keyRow!.lastUsedAt).toEqual(now);
  });

  it("in XML; by address_id; by address_string alone (kept as the case's address, never shown)", async () => {
    const x = await xml(await post("requests.xml", report({ lat: "", long: "", address_id: "demo-23896" })));
    const code = /<service_request_id>([^<]+)<\/service_request_id>/.exec(x)![1]!;
    expect(x).toContain("<account_id/>");
    const [byId] = await t.db.select().from(cases).where(eq(cases.code, code));
    expect(byId!.areaId).toBe(areaIds["demo-23896"]);
    expect(byId!.latitude).toBeNull();

    const address = "Số 12 ngõ 5 đường Lê Lợi";
    const [made] = await json(await post("requests.json", report({ lat: "", long: "", address_string: address, service_code: "contribution-party_building", first_name: "", last_name: "", email: "", phone: "" })));
    const [byAddress] = await t.db.select().from(cases).where(eq(cases.code, made.service_request_id));
    expect(byAddress!.areaId).toBe(areaIds["demo-52"]);
    expect(byAddress!.address).toBe(address);
    expect(byAddress!.kind).toBe("contribution");
    const shown = await get(`requests/${made.service_request_id}.xml`);
    const text = await xml(shown);
    expect(text).not.toContain("Lê Lợi");
    expect(text).toContain("<address>Tỉnh Gia Lai</address>");
  });

  it("refuses a missing, unknown or revoked key, and a key over its hourly limit, with 403", async () => {
    for (const apiKey of ["", "o311_wrong", "x".repeat(500)]) {
      const r = await post("requests.json", report({ api_key: apiKey }));
      expect(r.status).toBe(403);
      expect((await json(r))[0].code).toBe(403);
    }
    const issued = await issueApiKey(t.db, admin, { name: "Giới hạn", contact: "", hourlyLimit: "2" });
    if (!issued.ok) throw new Error("not issued");
    expect((await post("requests.json", report({ api_key: issued.key }))).status).toBe(200);
    expect((await post("requests.json", report({ api_key: issued.key, description: "Ngắn" }))).status).toBe(400);
    const over = await post("requests.xml", report({ api_key: issued.key }));
    expect(over.status).toBe(403);
    expect(over.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await xml(over)).toContain("<code>403</code>");
    // The next hour, it works again.
    expect((await post("requests.json", report({ api_key: issued.key }), new Date(now.getTime() + 3600_000))).status).toBe(200);
    expect(await revokeApiKey(t.db, admin, issued.id, now)).toBe(true);
    expect(await revokeApiKey(t.db, admin, issued.id, now)).toBe(false);
    const revoked = await post("requests.json", report({ api_key: issued.key }), new Date(now.getTime() + 7200_000));
    expect(revoked.status).toBe(403);
    expect((await json(revoked))[0].description).toContain("revoked");
  });

  it("refuses bad arguments with 400 and says which", async () => {
    const cases400: [Record<string, string>, string][] = [
      [{ service_code: "" }, "service_code is required"],
      [{ service_code: "complaint-land" }, "not a service"],
      [{ service_code: "denunciation-official_conduct" }, "not a service"],
      [{ lat: "", long: "" }, "A location is required"],
      [{ lat: "13.9", long: "" }, "lat and long must both be given"],
      [{ lat: "abc", long: "108" }, "lat and long must both be given"],
      [{ lat: "95", long: "108" }, "lat and long must both be given"],
      [{ lat: "21.0285", long: "105.8542" }, "outside the province"], // Hà Nội
      [{ address_id: "demo-99999" }, "not an area code"],
      [{ description: "" }, "description is required"],
      [{ description: "Quá ngắn" }, "at least 20 characters"],
      [{ first_name: "", last_name: "" }, "first_name or last_name is required"],
      [{ email: "", phone: "" }, "email or phone is required"],
      [{ email: "not-an-email" }, "email is not a valid"],
      [{ media_url: "javascript:alert(1)" }, "media_url"],
      [{ "attribute[consent_publish]": "maybe" }, "consent_publish"],
    ];
    for (const [fields, message] of cases400) {
      const r = await post("requests.json", report(fields));
      expect(r.status, JSON.stringify(fields)).toBe(400);
      const body = await json(r);
      expect(body.map((e: { description: string }) => e.description).join(" "), JSON.stringify(fields)).toContain(message);
      expect(body.every((e: { code: number }) => e.code === 400)).toBe(true);
    }
  });
});

describe("POST bodies and the docs page's cache", () => {
  it("takes multipart form data too, and refuses a body it cannot read", async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries(report({ description: "Ổ gà lớn giữa đường Hùng Vương, xe máy ngã nhiều lần trong tuần." }))) form.append(k, v);
    const r = await handleOpen311(t.db, new Request(`${BASE}requests.json`, { method: "POST", body: form }), ["requests.json"], now);
    expect(r.status).toBe(200);
    const bad = await handleOpen311(t.db, new Request(`${BASE}requests.xml`, { method: "POST", headers: { "content-type": "multipart/form-data; boundary=x" }, body: "garbage" }), ["requests.xml"], now);
    expect(bad.status).toBe(400);
    expect(bodyLimitFor("/open311/v2/requests.json")).toEqual({ name: "open311", bytes: 128 * 1024 });
  });

  it("the documentation page's validator moves when a field of life changes, and only matches its path", async () => {
    const [page] = OPEN311_CACHED_PAGES;
    expect(page!.match("/du-lieu-mo/open311")).toBe("");
    expect(page!.match("/du-lieu-mo/open311/x")).toBeNull();
    const before = await page!.validator(t.db, "", now);
    expect(await page!.validator(t.db, "", now)).toBe(before);
    await t.db.update(categories).set({ nameVi: "Môi trường, cảnh quan" }).where(eq(categories.code, "environment"));
    expect(await page!.validator(t.db, "", now)).not.toBe(before);
    await t.db.update(categories).set({ nameVi: "Môi trường" }).where(eq(categories.code, "environment"));
  });
});

describe("API keys", () => {
  it("are issued and revoked by admins only, stored hashed, listed by prefix, audited", async () => {
    const citizen: Viewer = { ...admin, memberships: [] };
    const handler: Viewer = { ...admin, memberships: [{ ...admin.memberships[0]!, role: "handler" }] };
    await expect(issueApiKey(t.db, citizen, { name: "x", hourlyLimit: "10" })).rejects.toThrow();
    await expect(issueApiKey(t.db, handler, { name: "x", hourlyLimit: "10" })).rejects.toThrow();
    await expect(listApiKeys(t.db, null)).rejects.toThrow();
    expect(await issueApiKey(t.db, admin, { name: "", hourlyLimit: "0" })).toEqual({ ok: false, fields: { name: "required", hourlyLimit: "invalid" } });
    const issued = await issueApiKey(t.db, admin, { name: "Báo Gia Lai", contact: "toasoan@example.com", hourlyLimit: "30" });
    if (!issued.ok) throw new Error("not issued");
    expect(issued.key).toMatch(/^o311_[A-Za-z0-9_-]{32}$/);
    const stored = await t.db.select().from(open311ApiKeys);
    expect(JSON.stringify(stored)).not.toContain(issued.key);
    const listed = (await listApiKeys(t.db, admin)).find((k) => k.id === issued.id)!;
    expect(listed).toMatchObject({ name: "Báo Gia Lai", prefix: issued.key.slice(0, 9), hourlyLimit: 30, revokedAt: null, requests: 0 });
    expect(JSON.stringify(await listApiKeys(t.db, admin))).not.toContain(issued.key);
    await revokeApiKey(t.db, admin, issued.id, now);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, issued.id));
    expect(audit.map((a) => a.action).sort()).toEqual(["open311_key.issued", "open311_key.revoked"]);
    expect(JSON.stringify(audit)).not.toContain(issued.key);
  });
});

describe("privacy", () => {
  it("no output carries a filer's name, phone, email, address or ID number", async () => {
    const parties = await t.db.select().from(caseParties);
    const secrets = new Set<string>();
    for (const p of parties) {
      const data = unsealPersonalData(p.keyId, p.sealed) as Record<string, string | undefined>;
      for (const field of ["name", "phone", "email", "address", "idNumber"]) {
        const value = data[field];
        if (value && value.length >= 6) secrets.add(value);
      }
    }
    expect(secrets.size).toBeGreaterThan(5);
    const addresses = rowsOf<{ address: string }>(await t.db.execute(sql`select address from cases where address is not null and length(address) >= 6`)).map((r) => r.address);
    const outputs: string[] = [];
    for (const format of ["json", "xml"]) {
      const list = await get(`requests.${format}?start_date=2026-09-01T00:00:00%2B07:00&end_date=2026-11-28T00:00:00%2B07:00`);
      outputs.push(await list.text());
      outputs.push(await (await get(`requests.${format}`)).text());
      outputs.push(await (await get(`services.${format}`)).text());
    }
    const codes = rowsOf<{ code: string }>(await t.db.execute(sql`select code from cases where kind <> 'denunciation'`)).map((r) => r.code);
    for (const code of codes) outputs.push(await (await get(`requests/${code}.json`)).text());
    const all = outputs.join("\n");
    for (const secret of [...secrets, ...addresses]) expect(all, secret).not.toContain(secret);
    // A denunciation's code, title or body never appears.
    const denunciations = rowsOf<{ code: string; title: string }>(await t.db.execute(sql`select code, title from cases where kind = 'denunciation'`));
    expect(denunciations.length).toBeGreaterThan(0);
    for (const d of denunciations) {
      expect(all).not.toContain(d.code);
      expect(all).not.toContain(d.title);
      const one = await get(`requests/${d.code}.xml`);
      expect(one.status).toBe(404);
      expect(await one.text()).not.toContain(d.title);
    }
  });
});

describe("limits", () => {
  it("answers at most 1,000 requests, the most recent first", async () => {
    await t.db.execute(sql`insert into cases (code, access_key_hash, kind, channel, status, category_id, area_id, title, body, unit_id, routing_reason, received_at, acceptance_due_on, idempotency_key)
      select 'BULK-' || lpad(g::text, 4, '0') || '-XX', c.access_key_hash, 'report', 'web', 'received', c.category_id, c.area_id, 'Hàng loạt', 'Dữ liệu thử giới hạn 1.000 yêu cầu.', c.unit_id, 'rule',
        ${now.toISOString()}::timestamptz - make_interval(mins => g), c.acceptance_due_on, 'bulk-' || g
      from (select * from cases where kind = 'report' limit 1) c, generate_series(1, 1005) g`);
    const list = await json(await get("requests.json"));
    expect(list).toHaveLength(1000);
    const expected = rowsOf<{ code: string }>(
      await t.db.execute(sql`select code from cases where kind in ('petition','report','contribution')
        and received_at between ${new Date(now.getTime() - 90 * 86_400_000).toISOString()}::timestamptz and ${now.toISOString()}::timestamptz
        order by received_at desc, code limit 1000`),
    ).map((r) => r.code);
    expect(list.map((r: { service_request_id: string }) => r.service_request_id)).toEqual(expected);
    expect(list.filter((r: { service_request_id: string }) => r.service_request_id.startsWith("BULK-")).length).toBeGreaterThan(990);
  });
});
