// Administration in the browser (issue 13, first part): the holiday calendar pre-filled from the lunar calendar and
// confirmed by an administrator, with the deadlines a change would move shown before it is saved; and an official
// deactivated by an administrator is signed out at once.
import { afterEach, describe, expect, inject, it } from "vitest";
import { openBrowser, type Session } from "./support/browser";
import { signInReusing, signInThroughOutbox } from "./support/sign-in";

const baseUrl = inject("baseUrl");
const sessions: Session[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close();
});

async function admin(path: string): Promise<Session> {
  const s = await openBrowser({ javaScriptEnabled: false });
  sessions.push(s);
  await signInReusing(s.page, baseUrl, "quantri@doithoai.example", path);
  await s.page.waitForURL(new RegExp(path.replace(/[?]/g, "\\?")));
  return s;
}

describe("holidays", () => {
  it("pre-fills a year's lunar holidays unconfirmed, then confirms Tết after seeing which deadlines it moves (JavaScript off)", async () => {
    const { page } = await admin("/can-bo/quan-tri/ngay-nghi?nam=2028");
    await page.locator("#dien-san").getByRole("button", { name: "Điền sẵn năm 2028" }).click();
    await page.getByRole("status").filter({ hasText: "chưa xác nhận" }).first().waitFor();
    // Tết 2028 is on 26 January (the Vietnamese lunar calendar), pre-filled and not yet confirmed.
    const tet = page.locator("li#ngay-2028-01-26");
    await tet.waitFor();
    const confirm = tet.getByLabel("Đã xác nhận theo quyết định của Thủ tướng Chính phủ");
    expect(await confirm.isChecked()).toBe(false);
    await confirm.check();
    await tet.getByRole("button", { name: "Xem thay đổi" }).click();
    await page.getByRole("status").filter({ hasText: "Trước khi lưu" }).first().waitFor();
    await page.getByRole("button", { name: "Lưu thay đổi" }).click();
    await page.getByRole("status").filter({ hasText: "Đã lưu thay đổi." }).first().waitFor();
    expect(await page.locator("li#ngay-2028-01-26").getByLabel("Đã xác nhận theo quyết định của Thủ tướng Chính phủ").isChecked()).toBe(true);
  });
});

describe("people", () => {
  it("signs a deactivated official out at once, lists their open cases for reassignment, and lets them back in once reactivated", async () => {
    // The official is at work, signed in.
    const official = await openBrowser();
    sessions.push(official);
    await signInThroughOutbox(official.page, baseUrl, "canbo.syt@doithoai.example", "/can-bo");
    await official.page.waitForURL(/\/can-bo/);
    await official.page.locator("h1").first().waitFor();

    const { page } = await admin("/can-bo/quan-tri/nguoi-dung");
    await page.getByLabel("Tìm theo tên hoặc email").fill("canbo.syt");
    await page.getByRole("button", { name: "Tìm", exact: true }).click();
    const card = page.locator("article", { has: page.getByRole("heading", { name: "Cán bộ Sở Y tế (mẫu)" }) });
    await card.getByRole("button", { name: "Khóa tài khoản" }).click();
    await page.getByRole("status").filter({ hasText: "mọi phiên đăng nhập của tài khoản đã kết thúc" }).first().waitFor();

    // The official's next request finds no session: sent to sign in, the staff area closed to them.
    await official.page.reload();
    await official.page.waitForURL(/\/dang-nhap/);
    expect(new URL(official.page.url()).pathname).toBe("/dang-nhap");

    await page.goto(`${baseUrl}/can-bo/quan-tri/nguoi-dung?q=canbo.syt`);
    const again = page.locator("article", { has: page.getByRole("heading", { name: "Cán bộ Sở Y tế (mẫu)" }) });
    await again.getByRole("button", { name: "Mở khóa tài khoản" }).click();
    await page.getByRole("status").first().waitFor();
    expect(await page.locator("article", { has: page.getByRole("heading", { name: "Cán bộ Sở Y tế (mẫu)" }) }).getByRole("button", { name: "Khóa tài khoản" }).count()).toBe(1);
  });
});
