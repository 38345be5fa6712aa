import type { Page } from "playwright-core";
import { afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { CODE_ALPHABET, generateTrackingCode } from "../../src/domain/tracking-code";
import { openBrowser, type Session } from "./support/browser";
import { signInThroughOutbox } from "./support/sign-in";

const baseUrl = inject("baseUrl");
let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

type MyCaseCard = { code: string; title: string; kind: string; overdue: boolean };

/** The demo citizen's cases, read from "Hồ sơ của tôi" as they would read them. */
let myCases: MyCaseCard[] = [];

async function readMyCases(page: Page): Promise<MyCaseCard[]> {
  return page.locator("main li.card").evaluateAll((items) =>
    items.map((li) => {
      const values = [...li.querySelectorAll("dd")].map((dd) => dd.textContent?.trim() ?? "");
      return {
        code: li.querySelector("dd.font-mono")?.textContent?.trim() ?? "",
        title: li.querySelector("h2")?.textContent?.trim() ?? "",
        kind: values[1] ?? "",
        overdue: (li.textContent ?? "").includes("Quá hạn"),
      };
    }),
  );
}

/** A code one character off: the check symbol catches every single substitution. */
function mistype(code: string): string {
  const first = code[0]!;
  const other = CODE_ALPHABET[(CODE_ALPHABET.indexOf(first) + 1) % CODE_ALPHABET.length]!;
  return other + code.slice(1);
}

async function noHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

beforeAll(async () => {
  const s = await openBrowser();
  try {
    await signInThroughOutbox(s.page, baseUrl, "congdan@doithoai.example", "/ho-so-cua-toi");
    await s.page.waitForURL(/\/ho-so-cua-toi/);
    myCases = await readMyCases(s.page);
  } finally {
    await s.close();
  }
});

describe("my cases", () => {
  it("lists the signed-in citizen's cases with code, kind, status and overdue, each linking to its status page", async () => {
    expect(myCases.length).toBeGreaterThanOrEqual(5);
    for (const c of myCases) expect(c.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{3}$/);
    expect(myCases.some((c) => c.overdue)).toBe(true);
    expect(myCases.some((c) => c.kind === "Tố cáo")).toBe(true);
  });

  it("sends an anonymous visitor to sign in first", async () => {
    const response = await fetch(`${baseUrl}/ho-so-cua-toi`, { redirect: "manual" });
    expect([303, 307]).toContain(response.status);
    const location = decodeURIComponent(response.headers.get("location") ?? "");
    expect(location).toContain("/dang-nhap?callbackUrl=/ho-so-cua-toi");
  });
});

describe("tracking a case by its code", () => {
  for (const javaScriptEnabled of [true, false]) {
    const js = `JavaScript ${javaScriptEnabled ? "on" : "off"}`;

    it(`goes from the home page to the public status page of an overdue case (${js})`, async () => {
      const overdue = myCases.find((c) => c.overdue && c.kind !== "Tố cáo")!;
      expect(overdue, "the demo citizen has an overdue case").toBeTruthy();
      session = await openBrowser({ javaScriptEnabled });
      const { page } = session;
      await page.goto(baseUrl);
      await page.getByLabel("Tra cứu hồ sơ").fill(overdue.code);
      await page.getByRole("button", { name: "Tra cứu", exact: true }).click();
      await page.waitForURL(`${baseUrl}/tra-cuu/${overdue.code}`);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(`Hồ sơ ${overdue.code}`);
      // Overdue, in words, at the top.
      expect(await page.getByRole("heading", { name: /Hồ sơ đã quá hạn/ }).count()).toBe(1);
      const banner = await page.locator("section[aria-labelledby='overdue-title']").textContent();
      expect(banner).toMatch(/quá hạn \d+ ngày/);
      // What, who, when.
      const summary = (await page.locator("section[aria-labelledby='summary-title']").textContent()) ?? "";
      expect(summary).toMatch(/Đang giải quyết|Đã tiếp nhận/);
      expect(summary).toContain(overdue.title);
      expect(summary).toContain("Đơn vị đang giải quyết");
      expect(summary).toContain("Ngày tiếp nhận");
      // Deadlines and the public history, in order.
      const deadlines = (await page.locator("section[aria-labelledby='deadlines-title']").textContent()) ?? "";
      expect(deadlines).toContain("Thụ lý là việc cơ quan có thẩm quyền chính thức nhận giải quyết");
      expect(deadlines).toMatch(/Quá hạn \d+ ngày/);
      const steps = await page.locator("section[aria-labelledby='timeline-title'] ol > li").allTextContents();
      expect(steps[0]).toContain("Tiếp nhận hồ sơ");
      expect(steps.some((s) => s.includes("Thụ lý (chính thức nhận giải quyết)"))).toBe(true);
      // The filer's way in; nobody's personal data.
      expect(await page.getByRole("link", { name: "Mở trang riêng của người gửi" }).getAttribute("href")).toBe(`/tra-cuu/${overdue.code}/rieng`);
      expect(await page.locator("main").textContent()).not.toContain("Nguyễn Văn An");
      expect(await noHorizontalScroll(page)).toBe(true);
    });

    it(`accepts a code typed in lowercase with spaces, and explains a mistyped or unknown one (${js})`, async () => {
      const known = myCases[0]!;
      session = await openBrowser({ javaScriptEnabled });
      const { page } = session;
      const field = () => page.getByRole("textbox", { name: "Mã hồ sơ" });
      const submit = () => page.getByRole("button", { name: "Tra cứu", exact: true });

      await page.goto(`${baseUrl}/tra-cuu`);
      expect(await page.getByText("giấy biên nhận").count()).toBeGreaterThan(0);
      const casual = `  ${known.code.toLowerCase().replace(/-/g, " ")} `;
      await field().fill(casual);
      await submit().click();
      await page.waitForURL(`${baseUrl}/tra-cuu/${known.code}`);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(`Hồ sơ ${known.code}`);

      await page.goto(`${baseUrl}/tra-cuu`);
      const typo = mistype(known.code);
      await field().fill(typo);
      await submit().click();
      await page.waitForURL(/\/tra-cuu\?ma=/);
      expect(await page.getByText("Mã hồ sơ chưa đúng").count()).toBe(1);
      expect(await field().inputValue()).toBe(typo);
      expect(await field().getAttribute("aria-invalid")).toBe("true");
      expect((await field().getAttribute("aria-describedby"))?.split(" ")).toContain("ma-error");
      expect(await noHorizontalScroll(page)).toBe(true);

      const unknown = generateTrackingCode();
      await field().fill(unknown);
      await submit().click();
      await page.waitForURL((url) => url.searchParams.get("ma") === unknown);
      expect(await page.getByText(`Không tìm thấy hồ sơ nào có mã ${unknown}`).count()).toBe(1);
      expect(await field().inputValue()).toBe(unknown);
    });
  }

  it("shows no title or content of a denunciation, even to its filer", async () => {
    const denunciation = myCases.find((c) => c.kind === "Tố cáo")!;
    session = await openBrowser();
    const { page } = session;
    await page.goto(`${baseUrl}/tra-cuu/${denunciation.code}`);
    const main = (await page.locator("main").textContent()) ?? "";
    expect(main).toContain("Tố cáo");
    expect(main).toContain("không hiển thị tiêu đề, nội dung");
    expect(main).not.toContain(denunciation.title);
  });

  it("speaks English when the visitor chose it", async () => {
    const overdue = myCases.find((c) => c.overdue && c.kind !== "Tố cáo")!;
    session = await openBrowser();
    const { page, context } = session;
    await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseUrl }]);
    await page.goto(`${baseUrl}/tra-cuu/${overdue.code}`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(`Case ${overdue.code}`);
    expect(await page.getByRole("heading", { name: /This case is overdue/ }).count()).toBe(1);
    expect(await page.locator("main").textContent()).toContain("Acceptance (thụ lý)");
  });

  it("answers an unknown code with a 404 and a malformed address with a redirect to the canonical one", async () => {
    let unknown = generateTrackingCode();
    while (myCases.some((c) => c.code === unknown)) unknown = generateTrackingCode();
    expect((await fetch(`${baseUrl}/tra-cuu/${unknown}`)).status).toBe(404);
    const known = myCases[0]!.code;
    const response = await fetch(`${baseUrl}/tra-cuu/${encodeURIComponent(known.toLowerCase())}`, { redirect: "manual" });
    expect([303, 307, 308]).toContain(response.status);
    expect(response.headers.get("location")).toContain(`/tra-cuu/${known}`);
    // The status page is never cached.
    const page = await fetch(`${baseUrl}/tra-cuu/${known}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control") ?? "").toMatch(/no-store|no-cache|private|max-age=0/);
  });
});
