import { networkInterfaces } from "node:os";
import { afterEach, describe, expect, inject, it } from "vitest";
import { openBrowser, type Session } from "./support/browser";
import { signInThroughOutbox } from "./support/sign-in";

const baseUrl = inject("baseUrl");
let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

describe("sign-in and the staff area", () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`lets a demo official sign in through the outbox link and see their unit's cases (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      session = await openBrowser({ javaScriptEnabled });
      const { page } = session;
      await signInThroughOutbox(page, baseUrl, "tiepnhan.quynhon@doithoai.example", "/can-bo");
      await page.waitForURL(/\/can-bo/);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Hộp hồ sơ");
      expect(await page.getByText("Ủy ban nhân dân phường Quy Nhơn: Cán bộ tiếp nhận").count()).toBe(1);
      const rows = page.locator("table tbody tr");
      expect(await rows.count()).toBeGreaterThan(0);
      for (const text of await rows.locator("td:nth-child(5)").allTextContents()) {
        expect(text).toBe("Ủy ban nhân dân phường Quy Nhơn");
      }
      // Signing out ends the session.
      await page.getByRole("button", { name: "Đăng xuất" }).click();
      await page.waitForURL((url) => url.pathname === "/");
      await page.goto(`${baseUrl}/can-bo`);
      expect(page.url()).toContain("/dang-nhap");
    });
  }

  it("offers the local outbox right after the sign-in link is asked for, with JavaScript on", async () => {
    if (inject("serverMode") === "server") return; // the outbox button is for this machine in local mode only
    session = await openBrowser();
    const { page } = session;
    await page.goto(`${baseUrl}/dang-nhap`);
    await page.getByLabel("Địa chỉ email").fill("xuly.quynhon@doithoai.example");
    await page.getByRole("button", { name: "Gửi đường dẫn đăng nhập" }).click();
    await page.waitForURL(/\/dang-nhap\/kiem-tra-email/);
    await page.getByRole("heading", { level: 1 }).waitFor();
    // No reload: the page the client navigated to must already carry the button.
    await page.getByRole("link", { name: "Mở hộp thư thử nghiệm" }).waitFor({ timeout: 5_000 });
    await page.getByRole("link", { name: "Mở hộp thư thử nghiệm" }).click();
    await page.waitForURL(/\/hop-thu/);
  });

  it("sends an anonymous visitor from the staff area to sign-in", async () => {
    const response = await fetch(`${baseUrl}/can-bo`, { redirect: "manual" });
    expect([303, 307]).toContain(response.status);
    expect(response.headers.get("location")).toContain("/dang-nhap");
  });

  it("refuses the staff area to a signed-in citizen with 403", async () => {
    session = await openBrowser();
    const { page } = session;
    await signInThroughOutbox(page, baseUrl, "congdan@doithoai.example", "/");
    await page.waitForURL((url) => url.pathname === "/");
    const response = await page.goto(`${baseUrl}/can-bo`);
    expect(response?.status()).toBe(403);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Ông/bà không có quyền vào trang này");
    expect(await page.getByRole("link", { name: "Khu vực cán bộ" }).count()).toBe(0);
  });

  it("keeps what was typed and explains a malformed email, without JavaScript", async () => {
    session = await openBrowser({ javaScriptEnabled: false });
    const { page } = session;
    await page.goto(`${baseUrl}/dang-nhap`);
    await page.getByLabel("Địa chỉ email").fill("nguyen van a@gmail");
    await page.getByRole("button", { name: "Gửi đường dẫn đăng nhập" }).click();
    await page.waitForLoadState("load");
    expect(await page.getByText("Địa chỉ email chưa đúng").count()).toBe(1);
    expect(await page.getByLabel("Địa chỉ email").inputValue()).toBe("nguyen van a@gmail");
    expect(await page.getByLabel("Địa chỉ email").getAttribute("aria-invalid")).toBe("true");
  });
});

describe("local outbox guard", () => {
  it("is served to this machine in local mode only (server mode: admins only)", async () => {
    const response = await fetch(`${baseUrl}/hop-thu`);
    expect(response.status).toBe(inject("serverMode") === "local" ? 200 : 404);
  });

  it("is not served to a request that came through a proxy, even with a forged loopback header", async () => {
    const response = await fetch(`${baseUrl}/hop-thu`, {
      headers: { "x-forwarded-for": "203.0.113.9", "x-doithoai-loopback": "forged" },
    });
    expect(response.status).toBe(404);
  });

  it("is not reachable from another machine (a local install listens on loopback; server mode answers only its own host)", async () => {
    const address = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === "IPv4" && !a.internal)?.address;
    expect(address, "this test needs a non-loopback IPv4 interface").toBeTruthy();
    const port = new URL(baseUrl).port;
    if (inject("serverMode") === "local") {
      // (A local install told to listen on the network is tested in security.test.ts: its outbox needs an admin.)
      await expect(fetch(`http://${address}:${port}/hop-thu`)).rejects.toThrow();
      await expect(fetch(`http://${address}:${port}/`)).rejects.toThrow();
    } else {
      // Server mode listens on every interface, but answers only for the site's own host.
      expect((await fetch(`http://${address}:${port}/hop-thu`)).status).toBe(421);
    }
  });
});
