// Nothing public identifies a filer. Crawls every public page, export and API answer an anonymous visitor can
// reach from the home page, the statistics, the published answers, the open data and Open311 (following links,
// as a search engine or a scraper would), and looks in each for the demo filers' names, phone numbers, emails,
// addresses and ID numbers, the denounced official, and the citizens who booked a reception.
import { describe, expect, inject, it } from "vitest";
import { DEMO_CASE_TEXTS, DEMO_FILER_NAMES, demoFiler } from "../../src/db/seed/demo-cases";

const baseUrl = inject("baseUrl");

/** Private paths: staff, a filer's own pages, sign-in, the local outbox. */
const PRIVATE = /^\/(can-bo|ho-so-cua-toi|dang-nhap|hop-thu|api\/auth|email|tra-cuu\/[^/]+\/rieng)(\/|$)/;

const SEEDS = [
  "/",
  "/thong-ke",
  "/thong-ke?ky=custom&tu=2025-01-01&den=2026-12-31",
  "/thong-ke/lanh-dao",
  "/thong-ke/bao-cao",
  "/thong-ke/bao-cao?ky=year",
  "/thong-ke/bao-cao.csv",
  "/cong-khai",
  "/cong-khai?q=dat+dai",
  "/du-lieu-mo",
  "/du-lieu-mo/v1/ho-so.csv",
  "/du-lieu-mo/v1/ho-so.json",
  "/du-lieu-mo/v1/thong-ke.csv",
  "/du-lieu-mo/v1/thong-ke.json",
  "/du-lieu-mo/open311",
  "/open311/v2/discovery.xml",
  "/open311/v2/discovery.json",
  "/open311/v2/services.xml",
  "/open311/v2/services.json",
  "/open311/v2/requests.xml",
  "/open311/v2/requests.json",
  "/sitemap.xml",
  "/robots.txt",
  "/doi-thoai",
  "/tiep-cong-dan",
  "/cam-ket",
];

/** Every identity the demo gives its filers (sealed in the database; never to be shown). */
function identities(): string[] {
  const out = new Set<string>(["congdan@doithoai.example", "0914000222", "Trần Văn B", "Trần Thị Bình"]);
  for (const name of DEMO_FILER_NAMES) out.add(name);
  for (let i = 0; i < 400; i++) {
    const f = demoFiler(i, "", DEMO_CASE_TEXTS[i % DEMO_CASE_TEXTS.length]!.kind);
    out.add(f.phone);
    out.add(f.email);
    out.add(demoFiler(i, "", "complaint").idNumber!);
  }
  return [...out];
}

/** Demo filers' home addresses: "Thôn N, <area>, tỉnh Gia Lai". */
const ADDRESS = /Thôn \d, [^<>",]{3,40}, tỉnh Gia Lai/;

function linksOf(body: string, from: URL): string[] {
  const out: string[] = [];
  for (const m of body.matchAll(/(?:href|src)="([^"#]+)/g)) {
    const raw = m[1]!.replace(/&amp;/g, "&");
    let url: URL;
    try {
      url = new URL(raw, from);
    } catch {
      continue;
    }
    if (url.origin !== from.origin) continue;
    if (url.pathname.startsWith("/_next/")) continue;
    out.push(url.pathname + url.search);
  }
  // Links in XML and JSON (sitemaps, open data, Open311 answers).
  for (const m of body.matchAll(/(?:<loc>|"(?:url|link|href)"\s*:\s*")([^<"]+)/g)) {
    try {
      const url = new URL(m[1]!, from);
      if (url.origin === from.origin) out.push(url.pathname + url.search);
    } catch {
      // not a link
    }
  }
  return out;
}

describe("public outputs", () => {
  it("never show who filed a case, on any page, export or API answer reachable from the public site", async () => {
    const secrets = identities();
    const seen = new Set<string>();
    const queue = [...SEEDS];
    const leaks: string[] = [];
    const statuses: string[] = [];
    // Status pages: one per distinct page shape is enough; the crawl would otherwise fetch every case.
    let statusPages = 0;
    while (queue.length > 0 && seen.size < 260) {
      const path = queue.shift()!;
      if (seen.has(path) || PRIVATE.test(path.split("?")[0]!)) continue;
      if (/^\/tra-cuu\/[^/?]+$/.test(path) && ++statusPages > 25) continue;
      // Paged and filtered lists: the first pages show the shape; every combination would be thousands.
      if (/[?&]trang=([3-9]|\d\d)/.test(path)) continue;
      seen.add(path);
      const response = await fetch(new URL(path, baseUrl), { redirect: "manual" });
      if (response.status >= 500) statuses.push(`${response.status} ${path}`);
      const type = response.headers.get("content-type") ?? "";
      if (!/text|json|xml|csv|calendar/.test(type)) continue;
      const body = await response.text();
      for (const s of secrets) if (body.includes(s)) leaks.push(`${path}: ${s}`);
      if (ADDRESS.test(body)) leaks.push(`${path}: ${ADDRESS.exec(body)![0]}`);
      for (const link of linksOf(body, new URL(path, baseUrl))) if (!seen.has(link)) queue.push(link);
    }
    expect(statuses).toEqual([]);
    expect(leaks).toEqual([]);
    // The crawl reached the new rooms' detail pages, not only their entry points.
    const reached = [...seen];
    for (const prefix of ["/thong-ke/don-vi/", "/thong-ke/lanh-dao/", "/cong-khai/", "/tra-cuu/"]) {
      expect(reached.some((p) => p.startsWith(prefix)), prefix).toBe(true);
    }
  }, 240_000);
});
