// What a screen reader meets, checked with axe-core in Chromium: every citizen page with all of axe's rules (WCAG A
// and AA, best practices), the status page's lists and the staff case page.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { openBrowser, type Session } from "./support/browser";
import { IntakePage } from "./pages/intake-page";
import { signInReusing, signInThroughOutbox } from "./support/sign-in";

const baseUrl = inject("baseUrl");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core"), "utf8");
let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

type Violation = { id: string; help: string; nodes: { target: string[] }[] };

/**
 * The pages allow only scripts with this response's nonce, so a <script> tag added by the test would be refused:
 * axe is evaluated through the DevTools protocol instead, which the policy does not govern.
 */
async function axeViolations(page: Page, rules?: string[]): Promise<Violation[]> {
  await page.evaluate(axeSource);
  expect(await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe)).toBe("object");
  return page.evaluate(async (only) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, only ? { runOnly: { type: "rule", values: only } } : {});
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  }, rules ?? null);
}

const LIST_RULES = ["definition-list", "dlitem", "list", "listitem", "landmark-unique", "region"];

/** Every violation on the page, with the elements concerned: a failure names what to fix. */
async function expectNoViolations(page: Page) {
  // After a client-side navigation the address changes before the new page is in, and its <title> is streamed after
  // the body: wait for a title (a page that truly has none is still reported by axe below).
  await page.waitForLoadState("load");
  await page.waitForFunction(() => !!document.querySelector("title")?.textContent, null, { timeout: 10_000 }).catch(() => {});
  const violations = await axeViolations(page);
  expect(violations.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** A petition on education in Chư Păh: routed to the Department of Education and Training. */
let code = "";
let accessKey = "";
beforeAll(async () => {
  const s = await openBrowser();
  try {
    const form = new IntakePage(s.page, baseUrl);
    await form.open();
    await form.fill({ kind: "petition", kindLabel: "Kiến nghị", category: "Giáo dục", area: "Xã Chư Păh", title: `Xin sửa mái trường ${Date.now().toString(36)}`, body: "Mái tôn của điểm trường thôn 5 bị dột nhiều chỗ, mưa là học sinh phải nghỉ.", name: "Rơ Châm H", phone: "0912 000 111" });
    await form.submit();
    ({ code, key: accessKey } = await form.receipt());
  } finally {
    await s.close();
  }
});

describe("accessibility of the citizen pages (all axe rules)", () => {
  it("home page", async () => {
    session = await openBrowser();
    await session.page.goto(baseUrl);
    await expectNoViolations(session.page);
  });

  it("filing form, as it opens and after a refused submission (JavaScript on)", async () => {
    session = await openBrowser();
    const { page } = session;
    const form = new IntakePage(page, baseUrl);
    await form.open();
    await expectNoViolations(page);
    // A complaint with too short a text and no address: problems by their fields, the subject's box shown.
    await form.fill({ kind: "complaint", kindLabel: "Khiếu nại", category: "Đất đai", area: "Xã Chư Păh", title: "Đất", body: "Quá ngắn" });
    await form.submit();
    await page.getByText("Chưa gửi được.", { exact: false }).waitFor();
    expect(await page.locator("[aria-invalid=true]").count()).toBeGreaterThan(2);
    await expectNoViolations(page);
  });

  it("filing form in English", async () => {
    session = await openBrowser();
    const { page, context } = session;
    await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseUrl }]);
    await page.goto(`${baseUrl}/gui-y-kien`);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await expectNoViolations(page);
  });

  it("receipt, as it opens with the access key shown once", async () => {
    session = await openBrowser();
    const { page } = session;
    const form = new IntakePage(page, baseUrl);
    await form.open();
    await form.fill({ kind: "contribution", kindLabel: "Góp ý", category: "Giáo dục", area: "Xã Chư Păh", title: `Góp ý giờ học bơi ${Date.now().toString(36)}`, body: "Đề nghị trường tổ chức lớp học bơi cho học sinh vào mùa hè.", anonymous: true });
    await form.submit();
    await form.receipt();
    await expectNoViolations(page);
  });

  it("lookup, empty and after a mistyped code", async () => {
    session = await openBrowser();
    const { page } = session;
    await page.goto(`${baseUrl}/tra-cuu`);
    await expectNoViolations(page);
    await page.getByRole("textbox", { name: "Mã hồ sơ" }).fill("ABCD-EFGH");
    await page.getByRole("button", { name: "Tra cứu", exact: true }).click();
    await page.waitForURL(/\/tra-cuu\?ma=/);
    await page.getByText("Mã hồ sơ chưa đúng", { exact: false }).waitFor();
    await expectNoViolations(page);
  });

  it("public status page", async () => {
    session = await openBrowser();
    await session.page.goto(`${baseUrl}/tra-cuu/${code}`);
    await expectNoViolations(session.page);
  });

  it("private view, asking for the key and opened with it", async () => {
    session = await openBrowser();
    const { page } = session;
    await page.goto(`${baseUrl}/tra-cuu/${code}/rieng`);
    await expectNoViolations(page);
    await page.getByLabel("Mã truy cập riêng").fill(accessKey);
    await page.getByRole("button", { name: "Mở hồ sơ" }).click();
    await page.getByRole("heading", { level: 1, name: `Hồ sơ ${code}`, exact: true }).waitFor();
    await expectNoViolations(page);
  });

  it("sign-in page, and the page saying the link is on its way", async () => {
    session = await openBrowser();
    const { page } = session;
    await page.goto(`${baseUrl}/dang-nhap`);
    await expectNoViolations(page);
    await page.getByLabel("Địa chỉ email").fill("axe.nguoidan@example.com");
    await page.getByRole("button", { name: "Gửi đường dẫn đăng nhập" }).click();
    await page.waitForURL(/\/dang-nhap\/kiem-tra-email/);
    await expectNoViolations(page);
  });
});

describe("accessibility", () => {
  it("the public status page has valid lists, its deadlines a real description list", async () => {
    session = await openBrowser();
    const { page } = session;
    await page.goto(`${baseUrl}/tra-cuu/${code}`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    // The check itself must be able to fail: a broken list on the page is reported.
    await page.evaluate(() => {
      const broken = document.createElement("dl");
      broken.id = "axe-self-check";
      broken.append(Object.assign(document.createElement("p"), { textContent: "x" }));
      document.body.append(broken);
    });
    expect((await axeViolations(page, ["definition-list"])).map((v) => v.id)).toEqual(["definition-list"]);
    await page.evaluate(() => document.getElementById("axe-self-check")?.remove());
    expect(await axeViolations(page, LIST_RULES)).toEqual([]);
  });

  it("the staff case page names its facts box for what it holds and shows every role the official has there", async () => {
    session = await openBrowser();
    const { page } = session;
    // A demo official who is both intake officer and handler of the Department of Education and Training.
    await signInThroughOutbox(page, baseUrl, "canbo.sgddt@doithoai.example", "/can-bo");
    await page.waitForURL(/\/can-bo/);
    await page.goto(`${baseUrl}/can-bo/ho-so/${code}`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(await page.getByRole("region", { name: "Mã hồ sơ" }).count()).toBe(0);
    expect(await page.getByRole("region", { name: "Thông tin hồ sơ" }).count()).toBe(1);
    const actions = (await page.locator("section[aria-labelledby='actions-title']").textContent()) ?? "";
    expect(actions).toContain("Chuyên viên xử lý");
    expect(actions).toContain("Cán bộ tiếp nhận");
    expect(await axeViolations(page, LIST_RULES)).toEqual([]);
  });
});

describe("accessibility of the dialogue pages (all axe rules)", () => {
  /** The demo session of a title on the calendar: its public address. */
  async function sessionOf(page: Page, title: RegExp): Promise<string> {
    await page.goto(`${baseUrl}/doi-thoai`);
    return new URL((await page.getByRole("link", { name: title }).first().getAttribute("href"))!, baseUrl).href;
  }

  it("the calendar, a session taking questions (and its form after a refused question), its projector", async () => {
    session = await openBrowser();
    const { page } = session;
    const url = await sessionOf(page, /bồi thường, hỗ trợ tái định cư/);
    await expectNoViolations(page);
    await page.goto(url);
    await expectNoViolations(page);
    await page.getByRole("button", { name: "Gửi câu hỏi", exact: true }).click();
    await page.locator("[aria-invalid=true]").first().waitFor();
    await expectNoViolations(page);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${url}/trinh-chieu`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await expectNoViolations(page);
  });

  it("a held session, its minutes, the commitments and one commitment", async () => {
    session = await openBrowser();
    const { page } = session;
    const url = await sessionOf(page, /trật tự đô thị và chợ tạm/);
    await page.goto(url);
    await expectNoViolations(page);
    await page.goto(`${url}/bien-ban`);
    await expectNoViolations(page);
    await page.goto(`${baseUrl}/cam-ket`);
    await expectNoViolations(page);
    await page.getByRole("link", { name: "Nạo vét mương thoát nước tổ 5 trước mùa mưa." }).first().click();
    await page.waitForURL(/\/cam-ket\/[0-9a-f-]{36}/);
    await expectNoViolations(page);
  });
});

describe("accessibility of the reception pages (all axe rules)", () => {
  it("the calendar, a reception day and its booking form (also after a refused booking), the cancel form, the duty pages", async () => {
    session = await openBrowser();
    const { page } = session;
    await page.goto(`${baseUrl}/tiep-cong-dan`);
    await expectNoViolations(page);
    await page.getByRole("link", { name: "Chủ tịch UBND tỉnh", exact: true }).first().click();
    await page.waitForURL(/\/tiep-cong-dan\/[0-9a-f-]{36}$/);
    await expectNoViolations(page);
    await page.getByRole("button", { name: "Đặt lịch", exact: true }).click();
    await page.locator("[aria-invalid=true]").first().waitFor();
    await expectNoViolations(page);
    await page.goto(`${baseUrl}/tiep-cong-dan/huy-dat-lich`);
    await expectNoViolations(page);
    await page.goto(`${baseUrl}/tiep-cong-dan/nhiem-vu`);
    await expectNoViolations(page);
    await page.getByRole("link", { name: "Chủ tịch UBND phường Pleiku", exact: true }).click();
    await page.waitForURL(/\/tiep-cong-dan\/nhiem-vu\/[0-9a-f-]{36}$/);
    await expectNoViolations(page);
    await page.goto(`${baseUrl}/tiep-cong-dan/nhiem-vu/cach-tinh`);
    await expectNoViolations(page);
  });

  it("a held reception's public page with its outcome and conclusion notice", async () => {
    session = await openBrowser();
    const { page } = session;
    // The commitments list links each conclusion item's source: the reception it came from.
    await page.goto(`${baseUrl}/cam-ket`);
    await page.getByRole("link", { name: /Thông báo kết luận buổi tiếp công dân/ }).first().click();
    await page.waitForURL(/\/tiep-cong-dan\/[0-9a-f-]{36}/);
    await page.getByText("Thông báo kết luận").first().waitFor();
    await expectNoViolations(page);
  });
});

describe("accessibility of the accountability pages (all axe rules)", () => {
  it("the statistics, a unit's and a leader's record, the report, the published answers, the open data and Open311 pages", async () => {
    session = await openBrowser();
    const { page } = session;
    await page.goto(`${baseUrl}/thong-ke`);
    await expectNoViolations(page);
    await page.goto(`${baseUrl}/thong-ke?ky=custom&tu=2026-11-20&den=2026-11-01`);
    await page.locator("main", { hasText: "Ngày bắt đầu đang sau ngày kết thúc" }).waitFor();
    await expectNoViolations(page);
    await page.goto(`${baseUrl}/thong-ke/don-vi/demo-ubnd-pleiku`);
    await expectNoViolations(page);
    await page.goto(`${baseUrl}/thong-ke/don-vi/demo-ubnd`);
    await expectNoViolations(page);
    await page.goto(`${baseUrl}/thong-ke/lanh-dao`);
    await expectNoViolations(page);
    await page.locator("main a[href^='/thong-ke/lanh-dao/']").first().click();
    await page.waitForURL(/\/thong-ke\/lanh-dao\/[^/]+$/);
    await expectNoViolations(page);
    await page.goto(`${baseUrl}/thong-ke/bao-cao`);
    await expectNoViolations(page);
    await page.goto(`${baseUrl}/cong-khai?q=duong`);
    await expectNoViolations(page);
    await page.locator("main article h3 a").first().click();
    await page.waitForURL(/\/cong-khai\/[0-9a-f-]{36}$/);
    await expectNoViolations(page);
    await page.goto(`${baseUrl}/du-lieu-mo`);
    await expectNoViolations(page);
    await page.goto(`${baseUrl}/du-lieu-mo/open311`);
    await expectNoViolations(page);
  });
});

describe("accessibility of the administration pages (all axe rules)", () => {
  it("the officials and the holidays", async () => {
    session = await openBrowser();
    const { page } = session;
    await signInReusing(page, baseUrl, "quantri@doithoai.example", "/can-bo/quan-tri/nguoi-dung");
    await page.waitForURL(/\/can-bo\/quan-tri\/nguoi-dung/);
    await expectNoViolations(page);
    await page.goto(`${baseUrl}/can-bo/quan-tri/ngay-nghi?nam=2027`);
    await expectNoViolations(page);
  });

  it("the index, the organisation and its import, reorganisations, routing rules, deadlines, fields and texts", async () => {
    session = await openBrowser();
    const { page } = session;
    await signInReusing(page, baseUrl, "quantri@doithoai.example", "/can-bo/quan-tri");
    await page.waitForURL(/\/can-bo\/quan-tri$/);
    await expectNoViolations(page);
    for (const path of ["to-chuc", "to-chuc/nhap", "sap-xep", "dinh-tuyen", "thoi-han", "linh-vuc"]) {
      await page.goto(`${baseUrl}/can-bo/quan-tri/${path}`);
      await page.locator("h1").first().waitFor();
      await expectNoViolations(page);
    }
  });
});
