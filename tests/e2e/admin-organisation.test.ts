// Areas and units in the browser (issue 13), JavaScript off: an administrator adds a commune under the province,
// renames it in both languages, is refused a move that would put the province under its own commune (the loop
// named beside the field), and is sent to the reorganisation page when closing a department that still has open
// cases. Codes carry the run's time so the test can run again on the same database.
import type { Locator } from "playwright-core";
import { afterEach, describe, expect, inject, it } from "vitest";
import { openBrowser, type Session } from "./support/browser";
import { signInReusing } from "./support/sign-in";

const baseUrl = inject("baseUrl");
const PAGE = "/can-bo/quan-tri/to-chuc";
const sessions: Session[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close();
});

async function admin(): Promise<Session> {
  const s = await openBrowser({ javaScriptEnabled: false });
  sessions.push(s);
  await signInReusing(s.page, baseUrl, "quantri@doithoai.example", PAGE);
  await s.page.waitForURL(new RegExp(PAGE));
  return s;
}

/** Picks the option whose text names the code (options read "— Name (code)", indented by depth). */
async function chooseByCode(select: Locator, code: string): Promise<void> {
  const value = await select.locator("option", { hasText: `(${code})` }).first().getAttribute("value");
  expect(value).toBeTruthy();
  await select.selectOption(value!);
}

describe("areas and units", () => {
  it("adds a commune, renames it, refuses a loop with its path, and sends a unit with open cases to the reorganisation page", async () => {
    const { page } = await admin();
    const code = `e2e-${Date.now()}`;
    const create = page.locator("#them-dia-ban");

    // A code already used is refused beside the field; what was typed stays.
    await create.getByLabel("Mã").fill("demo-52");
    await create.getByLabel("Loại").selectOption({ label: "Xã" });
    await create.getByLabel("Tên tiếng Việt").fill("Xã Thử Nghiệm (mẫu)");
    await chooseByCode(create.getByLabel("Địa bàn cấp trên"), "demo-52");
    await create.getByRole("button", { name: "Thêm địa bàn" }).click();
    await page.locator("#them-dia-ban").getByText("Mã này đã được dùng").waitFor();
    expect(await page.locator("#them-dia-ban").getByLabel("Tên tiếng Việt").inputValue()).toBe("Xã Thử Nghiệm (mẫu)");

    const again = page.locator("#them-dia-ban");
    await again.getByLabel("Mã").fill(code);
    await again.getByLabel("Vùng sâu, vùng xa, vùng đặc biệt khó khăn").check();
    await again.getByRole("button", { name: "Thêm địa bàn" }).click();
    await page.getByRole("status").filter({ hasText: "Đã thêm địa bàn." }).waitFor();

    // The editor of the new area opens: rename it in both languages.
    const editor = page.locator("#sua");
    await editor.getByRole("heading", { name: /Sửa địa bàn Xã Thử Nghiệm \(mẫu\)/ }).waitFor();
    await editor.getByLabel("Tên tiếng Việt").fill("Xã Thử Nghiệm Mới (mẫu)");
    await editor.getByLabel("Tên tiếng Anh").fill("Thu Nghiem Moi Commune (demo)");
    await editor.getByRole("button", { name: "Lưu tên mới" }).click();
    await page.getByRole("status").filter({ hasText: "Đã đổi tên." }).waitFor();
    expect(await page.locator("#dia-ban").getByText("Xã Thử Nghiệm Mới (mẫu)").count()).toBeGreaterThan(0);

    // The province under its own new commune: refused, the loop named.
    await page.locator("#dia-ban").getByRole("link", { name: "Sửa Tỉnh Gia Lai", exact: true }).click();
    const province = page.locator("#sua");
    await province.getByRole("heading", { name: /Sửa địa bàn Tỉnh Gia Lai/ }).waitFor();
    await chooseByCode(province.getByLabel("Địa bàn cấp trên"), code);
    await province.getByRole("button", { name: "Chuyển", exact: true }).click();
    await page.locator("#sua").getByText(/vòng lặp/).waitFor();
    expect(await page.locator("#sua").getByText(`Tỉnh Gia Lai (demo-52) › Xã Thử Nghiệm Mới (mẫu) (${code})`, { exact: false }).count()).toBe(1);

    // A department with open cases cannot simply close: the page points to the reorganisations.
    await page.goto(`${baseUrl}${PAGE}`);
    await page.locator("#don-vi").getByRole("link", { name: "Sửa Sở Y tế", exact: true }).click();
    const unit = page.locator("#sua");
    await unit.getByRole("heading", { name: /Sửa đơn vị Sở Y tế/ }).waitFor();
    await unit.getByLabel("Ngày cuối cùng còn hiệu lực").fill("2030-12-31");
    await unit.getByRole("button", { name: "Lưu ngày kết thúc" }).click();
    await page.getByRole("alert").filter({ hasText: "Chưa thể kết thúc đơn vị này" }).waitFor();
    expect(await page.getByRole("link", { name: "Đến trang Sắp xếp đơn vị" }).getAttribute("href")).toBe("/can-bo/quan-tri/sap-xep");
  });
});
