// The filer's private page: a case filed through the real form, opened with its code and key, then added to,
// downloaded from and withdrawn, with JavaScript on and off. Answer-dependent actions (rating, contesting) need
// an official's answer first and are covered by tests/db/filer-actions.test.ts.
import type { Page } from "playwright-core";
import { afterEach, describe, expect, inject, it } from "vitest";
import { generateTrackingCode } from "../../src/domain/tracking-code";
import { openBrowser, type Session } from "./support/browser";
import { IntakePage } from "./pages/intake-page";

const baseUrl = inject("baseUrl");
let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const stamp = Date.now().toString(36);

/** The private page, driven by labels and visible text as a filer would. */
class FilerPage {
  constructor(
    private readonly page: Page,
    private readonly code: string,
  ) {}

  async open() {
    await this.page.goto(`${baseUrl}/tra-cuu/${this.code}/rieng`);
  }

  async enterKey(key: string) {
    await this.page.getByLabel("Mã truy cập riêng").fill(key);
    await this.page.getByRole("button", { name: "Mở hồ sơ" }).click();
    await this.page.waitForLoadState("load");
  }

  main() {
    return this.page.locator("main");
  }

  async text() {
    return (await this.main().textContent()) ?? "";
  }

  addInfo() {
    return this.page.locator("section[aria-labelledby='add-title']");
  }

  async sendInformation(text: string, file?: { name: string; buffer: Buffer }) {
    const section = this.addInfo();
    await section.getByLabel(/^Nội dung gửi thêm/).fill(text);
    if (file) await section.getByLabel(/^Tệp đính kèm/).setInputFiles({ name: file.name, mimeType: "image/png", buffer: file.buffer });
    await section.getByRole("button", { name: "Gửi thông tin" }).click();
    await this.page.waitForLoadState("load");
  }

  withdrawBox() {
    return this.page.locator("details", { hasText: "Rút đơn" });
  }
}

async function fileCase(page: Page, suffix: string) {
  const form = new IntakePage(page, baseUrl);
  await form.open();
  await form.fill({
    kind: "report",
    kindLabel: "Phản ánh",
    category: "Hạ tầng, giao thông",
    area: "Phường Quy Nhơn",
    title: `Cống thoát nước bị tắc ${stamp} ${suffix}`,
    body: "Cống thoát nước đầu hẻm 12 bị tắc, mỗi khi mưa nước tràn vào nhà dân.",
    name: "Đặng Thị Hoa",
    phone: "0905 222 333",
  });
  await form.submit();
  return form.receipt();
}

describe("the filer's private page", () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`opens with code and key, adds information with a file, serves the file only to the filer, and withdraws after confirming (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      session = await openBrowser({ javaScriptEnabled });
      const { page, context } = session;
      const receipt = await fileCase(page, javaScriptEnabled ? "j" : "n");
      const filer = new FilerPage(page, receipt.code);

      // Without proof, the page asks for the key and says where to find it.
      await filer.open();
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain(receipt.code);
      expect(await filer.text()).toContain("giấy biên nhận");
      expect(await filer.text()).not.toContain("Đặng Thị Hoa");

      // A wrong key: a clear refusal next to the field, and what was typed stays.
      await filer.enterKey("AAAA-BBBB-CCCC-DDDD-EEEE");
      await page.getByText("Mã truy cập không đúng với hồ sơ này", { exact: false }).waitFor();
      expect(await page.getByLabel("Mã truy cập riêng").inputValue()).toBe("AAAA-BBBB-CCCC-DDDD-EEEE");
      expect(await page.getByLabel("Mã truy cập riêng").getAttribute("aria-invalid")).toBe("true");

      // The right key, typed the careless way, opens the whole case.
      await filer.enterKey(receipt.key.toLowerCase().replace(/-/g, ""));
      await page.getByRole("heading", { level: 1, name: `Hồ sơ ${receipt.code}`, exact: true }).waitFor();
      const opened = await filer.text();
      for (const expected of ["Đặng Thị Hoa", "0905222333", "Cống thoát nước đầu hẻm 12", "Đã tiếp nhận", receipt.unit]) expect(opened).toContain(expected);
      const cookie = (await context.cookies(baseUrl)).find((c) => c.name === `dt_filer_${receipt.code}`);
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });

      // Nothing sent: the form says what is missing.
      await filer.addInfo().getByRole("button", { name: "Gửi thông tin" }).click();
      await page.getByText("Vui lòng nhập nội dung hoặc đính kèm ít nhất một tệp.").waitFor();

      // Too long: the count is shown and the text is kept.
      const long = "ạ".repeat(5001);
      await filer.sendInformation(long);
      await page.getByText("tối đa 5000 ký tự, ông/bà đã nhập 5001 ký tự", { exact: false }).waitFor();
      expect((await filer.addInfo().getByLabel(/^Nội dung gửi thêm/).inputValue()).length).toBe(5001);

      // Two windows on the same case: the second, stale one is refused and keeps its text.
      const other = await context.newPage();
      await other.goto(`${baseUrl}/tra-cuu/${receipt.code}/rieng`);
      const added = `Ảnh chụp cống bị tắc sáng nay ${stamp}`;
      await filer.sendInformation(added, { name: "cong-tac.png", buffer: PNG });
      await page.getByText("Đã gửi thông tin bổ sung.", { exact: false }).waitFor();
      const stale = new FilerPage(other, receipt.code);
      await stale.sendInformation("Gửi từ cửa sổ cũ");
      await other.getByText("Hồ sơ vừa có thay đổi", { exact: false }).waitFor();
      expect(await stale.addInfo().getByLabel(/^Nội dung gửi thêm/).inputValue()).toBe("Gửi từ cửa sổ cũ");
      await other.close();

      // The filer sees what they added, in the timeline and in the files.
      const afterAdd = await filer.text();
      expect(afterAdd).toContain("Đã gửi thêm thông tin");
      expect(afterAdd).toContain(added);
      const link = filer.main().locator("section[aria-labelledby='files-title'] a", { hasText: "cong-tac.png" });
      const href = (await link.getAttribute("href"))!;
      expect(href).toMatch(/^\/api\/tep\/[0-9a-f-]{36}$/);

      // The file is served to the filer's browser only, as a download that is never sniffed or cached.
      const download = await context.request.get(`${baseUrl}${href}`);
      expect(download.status()).toBe(200);
      expect(download.headers()["content-type"]).toBe("image/png");
      expect(download.headers()["content-disposition"]).toContain("attachment;");
      expect(download.headers()["content-disposition"]).toContain("filename*=UTF-8''cong-tac.png");
      expect(download.headers()["x-content-type-options"]).toBe("nosniff");
      expect(download.headers()["cache-control"]).toBe("private, no-store");
      expect(Buffer.from(await download.body()).equals(PNG)).toBe(true);
      expect((await fetch(`${baseUrl}${href}`)).status).toBe(404);
      expect((await fetch(`${baseUrl}/api/tep/00000000-0000-4000-8000-000000000000`)).status).toBe(404);

      // The public page says information was added, never what.
      await page.goto(`${baseUrl}/tra-cuu/${receipt.code}`);
      const publicText = (await page.locator("main").textContent()) ?? "";
      expect(publicText).not.toContain(added);
      expect(publicText).not.toContain("Đặng Thị Hoa");

      // Withdrawing takes an explicit tick; without it the reason is kept and the box explains.
      await filer.open();
      await filer.withdrawBox().locator("summary").click();
      await filer.withdrawBox().getByLabel(/^Lý do rút đơn/).fill("Phường đã cho người đến thông cống.");
      await filer.withdrawBox().getByRole("button", { name: "Rút đơn" }).click();
      await page.waitForLoadState("load");
      await page.getByText("Vui lòng đánh dấu vào ô xác nhận", { exact: false }).waitFor();
      expect(await filer.withdrawBox().getByLabel(/^Lý do rút đơn/).inputValue()).toBe("Phường đã cho người đến thông cống.");
      await filer.withdrawBox().getByLabel(/không thể hoàn tác/).check();
      await filer.withdrawBox().getByRole("button", { name: "Rút đơn" }).click();
      await page.getByText("Ông/bà đã rút đơn.", { exact: false }).waitFor();
      expect(await filer.text()).toContain("Đã rút");
      expect(await filer.withdrawBox().count()).toBe(0);
      expect(await filer.addInfo().count()).toBe(0);
      await page.goto(`${baseUrl}/tra-cuu/${receipt.code}`);
      expect(await page.locator("main").textContent()).not.toContain("Phường đã cho người đến thông cống.");

      // Leaving ends the private view: the session on the server, not only the cookie on this device.
      await filer.open();
      const proof = (await context.cookies(baseUrl)).find((c) => c.name === `dt_filer_${receipt.code}`)!;
      await page.getByRole("button", { name: "Thoát" }).click();
      await page.waitForURL(new RegExp(`/tra-cuu/${receipt.code}$`));
      expect((await context.cookies(baseUrl)).some((c) => c.name === `dt_filer_${receipt.code}`)).toBe(false);
      await filer.open();
      expect(await page.getByLabel("Mã truy cập riêng").count()).toBe(1);
      // A copy of the cookie, put back, opens nothing any more: neither the page nor the filer's file.
      await context.addCookies([proof]);
      await filer.open();
      expect(await page.getByLabel("Mã truy cập riêng").count()).toBe(1);
      expect(await filer.text()).not.toContain("Đặng Thị Hoa");
      expect((await context.request.get(`${baseUrl}${href}`)).status()).toBe(404);
    });
  }

  it("asks for the key in English when the visitor chose English, and shows nothing of a case to a stranger", async () => {
    session = await openBrowser({ javaScriptEnabled: false });
    const { page, context } = session;
    await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseUrl }]);
    const unknown = generateTrackingCode();
    await page.goto(`${baseUrl}/tra-cuu/${unknown}/rieng`);
    // A code that does not exist gets the same form as one that does: the page is no existence oracle.
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(`See the whole of case ${unknown}`);
    expect(await page.getByLabel("Private access key").count()).toBe(1);
    expect(await page.locator("main").textContent()).toContain("printed on your receipt");
    const response = await page.goto(`${baseUrl}/tra-cuu/not-a-code/rieng`);
    expect(response?.status()).toBe(404);
  });
});
