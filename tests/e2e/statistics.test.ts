// Public accountability on a phone: the statistics, a unit's and a leader's record, the published answers and the
// periodic report, each used as a citizen or a journalist would, with JavaScript off (plain GET forms, server-drawn
// charts) and on.
import type { Page } from "playwright-core";
import { afterEach, describe, expect, inject, it } from "vitest";
import { openBrowser, type Session } from "./support/browser";

const baseUrl = inject("baseUrl");
let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

const main = (page: Page) => page.locator("main");
const mainText = async (page: Page) => (await main(page).textContent()) ?? "";

async function noHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/** Every chart is an SVG image with a title and a table with the same numbers beside it. */
async function chartsHaveTables(page: Page): Promise<{ charts: number; tables: number; untitled: number }> {
  return page.evaluate(() => {
    const svgs = [...document.querySelectorAll("main svg[role='img']")];
    return {
      charts: svgs.length,
      tables: document.querySelectorAll("main table caption").length,
      untitled: svgs.filter((s) => !s.querySelector("title")?.textContent?.trim()).length,
    };
  });
}

describe("statistics on a phone without JavaScript", () => {
  it("shows the province's figures with their definitions and charts, then a unit with its subtree over chosen dates", async () => {
    session = await openBrowser({ javaScriptEnabled: false });
    const { page } = session;
    await page.goto(`${baseUrl}/thong-ke`);
    await page.locator("h1", { hasText: "Thống kê" }).waitFor();
    let text = await mainText(page);
    expect(text).toContain("Đang xem: toàn tỉnh");
    expect(text).toContain("Tiếp nhận");
    // A figure says how it is computed.
    expect(text).toContain("Số hồ sơ đã giải quyết xong chia cho số hồ sơ thuộc thẩm quyền.");
    const charts = await chartsHaveTables(page);
    expect(charts.charts).toBeGreaterThanOrEqual(4);
    expect(charts.tables).toBeGreaterThanOrEqual(charts.charts);
    expect(charts.untitled).toBe(0);
    expect(await noHorizontalScroll(page)).toBe(true);

    // A unit with the units below it, over any dates: the form is a plain GET.
    await page.selectOption("#tk-don-vi", "demo-ubnd");
    await page.check("#tk-cap-duoi");
    await page.selectOption("#tk-ky", "custom");
    await page.fill("#tk-tu", "2026-01-15");
    await page.fill("#tk-den", "2026-11-14");
    await page.getByRole("button", { name: "Xem số liệu" }).click();
    await page.waitForURL(/don-vi=demo-ubnd/);
    await page.locator("main", { hasText: "và các đơn vị cấp dưới" }).waitFor();
    text = await mainText(page);
    expect(text).toContain("từ 15/01/2026 đến 14/11/2026");
    expect(new URL(page.url()).searchParams.get("cap-duoi")).toBe("1");

    // Dates the wrong way round: a clear message, and what was typed is kept.
    await page.fill("#tk-tu", "2026-11-20");
    await page.fill("#tk-den", "2026-11-01");
    await page.getByRole("button", { name: "Xem số liệu" }).click();
    await page.locator("main", { hasText: "Ngày bắt đầu đang sau ngày kết thúc" }).waitFor();
    expect(await page.inputValue("#tk-tu")).toBe("2026-11-20");
    expect(await page.inputValue("#tk-den")).toBe("2026-11-01");
    expect(await page.inputValue("#tk-don-vi")).toBe("demo-ubnd");
  });

  it("opens a unit's record from the list of units, and a leader's record from the list of leaders", async () => {
    session = await openBrowser({ javaScriptEnabled: false });
    const { page } = session;
    await page.goto(`${baseUrl}/thong-ke`);
    // The units come by name, 25 a page: the next page lists others, and each name opens that unit's record.
    const units = page.locator("section[aria-labelledby='thong-ke-don-vi'] table a[href^='/thong-ke/don-vi/']");
    const firstOnPage1 = ((await units.first().textContent()) ?? "").trim();
    await page.getByRole("link", { name: "Các đơn vị tiếp theo →" }).click();
    await page.waitForURL(/trang=2/);
    const link = units.first();
    const name = ((await link.textContent()) ?? "").trim();
    expect(name).not.toBe(firstOnPage1);
    await link.click();
    await page.waitForURL(/\/thong-ke\/don-vi\/[^/?]+/);
    await page.locator("h1", { hasText: name }).waitFor();

    await page.goto(`${baseUrl}/thong-ke/don-vi/demo-ubnd-pleiku`);
    await page.locator("h1", { hasText: "phường Pleiku" }).waitFor();
    let text = await mainText(page);
    expect(text).toContain("Tiếp nhận");
    expect(await page.locator("main h2#doi-thoai").count()).toBe(1);
    expect(await page.locator("main h2#cam-ket").count()).toBe(1);
    expect(await page.locator("main h2#tiep-cong-dan").count()).toBe(1);
    expect(await page.locator("main a[href*='/thong-ke/bao-cao?don-vi=demo-ubnd-pleiku']").count()).toBeGreaterThan(0);
    expect(await noHorizontalScroll(page)).toBe(true);

    await page.goto(`${baseUrl}/thong-ke/lanh-dao`);
    const leader = page.locator("main a[href^='/thong-ke/lanh-dao/']").first();
    const leaderName = ((await leader.textContent()) ?? "").trim();
    expect(leaderName.length).toBeGreaterThan(0);
    await leader.click();
    await page.waitForURL(/\/thong-ke\/lanh-dao\/[^/]+$/);
    await page.locator("h1", { hasText: leaderName }).waitFor();
    text = await mainText(page);
    // Officials are public figures: a name and a position, never an email address.
    expect(text).not.toMatch(/@doithoai\.example/);
    expect(await noHorizontalScroll(page)).toBe(true);
  });

  it("finds a published answer without diacritics and reads it", async () => {
    session = await openBrowser({ javaScriptEnabled: false });
    const { page } = session;
    await page.goto(`${baseUrl}/cong-khai`);
    await page.locator("h1", { hasText: "Công khai trả lời" }).waitFor();
    await page.fill("#f-q", "duong lien thon");
    await page.getByRole("button", { name: "Tìm", exact: true }).click();
    await page.waitForURL(/q=duong/);
    const first = page.locator("main article h3 a").first();
    await first.waitFor();
    expect(((await first.textContent()) ?? "").toLowerCase()).toContain("đường liên thôn");
    expect(await page.inputValue("#f-q")).toBe("duong lien thon");
    await first.click();
    await page.waitForURL(/\/cong-khai\/[0-9a-f-]{36}$/);
    const text = await mainText(page);
    expect(text.toLowerCase()).toContain("đường liên thôn");
    // The answer page is for search engines; the status page it links to is not.
    expect(await page.locator("meta[name='robots']").getAttribute("content")).not.toContain("noindex");
    const status = await page.locator("main a[href^='/tra-cuu/']").first().getAttribute("href");
    expect(status).toBeTruthy();
    const statusHtml = await (await fetch(new URL(status!, baseUrl))).text();
    expect(statusHtml).toMatch(/<meta name="robots" content="noindex/);
    expect(await noHorizontalScroll(page)).toBe(true);
  });

  it("prints the periodic report and downloads the same figures as CSV", async () => {
    session = await openBrowser({ javaScriptEnabled: false });
    const { page } = session;
    await page.goto(`${baseUrl}/thong-ke/bao-cao?ky=year&nam=2026`);
    await page.locator("h1", { hasText: "Báo cáo" }).waitFor();
    const text = await mainText(page);
    expect(text).toMatch(/giải quyết xong \d+\/\d+ vụ/);
    expect(text).toMatch(/đạt \d+,\d%/);
    // Printed on A4: the site's header and menu are not on the paper.
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("header nav").isVisible()).toBe(false);
    await page.emulateMedia({ media: "screen" });
    const csvHref = await page.locator("main a[href^='/thong-ke/bao-cao.csv']").first().getAttribute("href");
    const csv = await fetch(new URL(csvHref!, baseUrl));
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const bytes = new Uint8Array(await csv.arrayBuffer());
    // UTF-8 with a byte order mark, so a spreadsheet reads the accents.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const body = new TextDecoder().decode(bytes);
    expect(body.split("\r\n").length).toBeGreaterThan(10);
  });
});

describe("statistics on a phone with JavaScript", () => {
  it("shows the same page, without scrolling sideways, and the units' list links to their records", async () => {
    session = await openBrowser();
    const { page } = session;
    await page.goto(`${baseUrl}/thong-ke`);
    await page.locator("h1", { hasText: "Thống kê" }).waitFor();
    expect((await chartsHaveTables(page)).charts).toBeGreaterThanOrEqual(4);
    expect(await noHorizontalScroll(page)).toBe(true);
    expect(await page.locator("main a[href^='/thong-ke/don-vi/']").count()).toBeGreaterThan(3);
  });
});
