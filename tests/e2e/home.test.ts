import { afterEach, describe, expect, inject, it } from "vitest";
import { openBrowser, type Session } from "./support/browser";

const baseUrl = inject("baseUrl");
let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

describe("home page", () => {
  it("is in Vietnamese with the ways in, live figures over the demo data and upcoming sessions", async () => {
    session = await openBrowser();
    const { page } = session;
    const response = await page.goto(baseUrl);
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute("html", "lang")).toBe("vi");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("Người dân");
    expect(await page.getByRole("link", { name: "Gửi ý kiến" }).count()).toBeGreaterThan(0);
    expect(await page.getByLabel("Tra cứu hồ sơ").count()).toBe(1);
    const figures = page.locator("section[aria-labelledby='figures-title'] dd");
    const received = Number((await figures.first().textContent())!.replace(/\D/g, ""));
    expect(received).toBeGreaterThanOrEqual(36);
    const overdue = page.locator("section[aria-labelledby='figures-title'] div", { hasText: "Đang quá hạn" }).locator("dd");
    expect(Number((await overdue.textContent())!.replace(/\D/g, ""))).toBeGreaterThan(0);
    const sessions = page.locator("#doi-thoai li");
    expect(await sessions.count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByRole("note").textContent()).toContain("dữ liệu mẫu");
  });

  it("switches to English in one click and remembers it, without JavaScript too", async () => {
    session = await openBrowser({ javaScriptEnabled: false });
    const { page } = session;
    await page.goto(baseUrl);
    await page.getByRole("button", { name: "Switch to English" }).click();
    await page.waitForLoadState("load");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("Citizens speak");
    await page.goto(`${baseUrl}/dang-nhap`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Sign in");
    await page.getByRole("button", { name: "Chuyển sang tiếng Việt" }).click();
    await page.waitForLoadState("load");
    expect(page.url()).toContain("/dang-nhap");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Đăng nhập");
  });

  it("answers unknown pages with a 404 in the visitor's language", async () => {
    const response = await fetch(`${baseUrl}/khong-co-trang-nay`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Không tìm thấy trang");
    // A malformed escape in an address is the client's error, not the server's.
    expect((await fetch(`${baseUrl}/tra-cuu/%E0%A4`)).status).toBe(400);
  });
});
