// Limits that stop guessing, not citizens: on a server of its own (blocking an address must not disturb the
// other journeys), whose browsers say which address they come from. A citizen behind an address that guessers
// have blocked still opens their case with the code and key, and still looks it up; sign-in emails are limited.
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { generateTrackingCode } from "../../src/domain/tracking-code";
import { openBrowser, type Session } from "./support/browser";
import { startOwnServer, type OwnServer } from "./support/own-server";
import { IntakePage } from "./pages/intake-page";

let server: OwnServer;
const sessions: Session[] = [];
beforeAll(async () => {
  server = await startOwnServer();
});
afterAll(async () => {
  await server?.stop();
});
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close();
});

/** A browser whose requests come from `address`, as the server sees them through its trusted proxy. */
async function browserFrom(address: string, javaScriptEnabled = true): Promise<Page> {
  const session = await openBrowser({ javaScriptEnabled });
  sessions.push(session);
  await session.context.setExtraHTTPHeaders({ "x-forwarded-for": address });
  return session.page;
}

async function enterKey(page: Page, key: string) {
  await page.getByLabel("Mã truy cập riêng").fill(key);
  await page.getByRole("button", { name: "Mở hồ sơ" }).click();
  await page.waitForLoadState("load");
}

describe("a blocked address", () => {
  it("still lets the citizen open their case with code and key, and look it up, while guesses from it are refused", async () => {
    const shared = "198.51.100.23"; // a carrier's NAT: the citizen and a guesser share it
    const citizen = await browserFrom(shared, false);
    const form = new IntakePage(citizen, server.baseUrl);
    await form.open();
    await form.fill({
      kind: "report",
      kindLabel: "Phản ánh",
      category: "Hạ tầng, giao thông",
      area: "Phường Quy Nhơn",
      title: "Đèn tín hiệu giao thông ở ngã tư bị hỏng",
      body: "Đèn tín hiệu ở ngã tư đường Lê Lợi bị hỏng từ ba ngày nay, xe cộ đi lại lộn xộn.",
      name: "Trương Văn Phúc",
      phone: "0905 444 555",
    });
    await form.submit();
    const receipt = await form.receipt();

    // The guesser, from the same address: wrong keys on this case until both limits are passed...
    const guesser = await browserFrom(shared, false);
    await guesser.goto(`${server.baseUrl}/tra-cuu/${receipt.code}/rieng`);
    for (let i = 0; i < 31; i++) await enterKey(guesser, "AAAA-BBBB-CCCC-DDDD-EEEE");
    await guesser.getByText("Có quá nhiều lần nhập sai mã truy cập", { exact: false }).waitFor();
    // ...and codes that do not exist, until the lookup form is paused for this address.
    for (let i = 0; i < 31; i++) {
      const response = await fetch(`${server.baseUrl}/tra-cuu?ma=${generateTrackingCode()}`, { headers: { "x-forwarded-for": shared } });
      expect(response.status).toBe(200);
    }
    await guesser.goto(`${server.baseUrl}/tra-cuu?ma=${generateTrackingCode()}`);
    await guesser.getByText("Có quá nhiều lượt nhập sai mã từ địa chỉ mạng này", { exact: false }).waitFor();
    expect((await fetch(`${server.baseUrl}/tra-cuu/${generateTrackingCode()}`, { headers: { "x-forwarded-for": shared } })).status).toBe(200);

    // The citizen, same address, right code: the lookup goes through, by link and by the form.
    await citizen.goto(`${server.baseUrl}/tra-cuu?ma=${receipt.code}`);
    await citizen.waitForURL(`${server.baseUrl}/tra-cuu/${receipt.code}`);
    expect(await citizen.getByRole("heading", { level: 1 }).textContent()).toBe(`Hồ sơ ${receipt.code}`);
    await citizen.goto(`${server.baseUrl}/tra-cuu`);
    await citizen.getByRole("textbox", { name: "Mã hồ sơ" }).fill(receipt.code.toLowerCase());
    await citizen.getByRole("button", { name: "Tra cứu", exact: true }).click();
    await citizen.waitForURL(`${server.baseUrl}/tra-cuu/${receipt.code}`);

    // And the right key opens the private page at once, with JavaScript off and on.
    await citizen.goto(`${server.baseUrl}/tra-cuu/${receipt.code}/rieng`);
    await enterKey(citizen, receipt.key);
    await citizen.getByRole("heading", { level: 1, name: `Hồ sơ ${receipt.code}`, exact: true }).waitFor();
    expect(await citizen.locator("main").textContent()).toContain("Trương Văn Phúc");
    const withScripts = await browserFrom(shared, true);
    await withScripts.goto(`${server.baseUrl}/tra-cuu/${receipt.code}/rieng`);
    await withScripts.getByLabel("Mã truy cập riêng").fill(receipt.key);
    await withScripts.getByRole("button", { name: "Mở hồ sơ" }).click();
    await withScripts.getByRole("heading", { level: 1, name: `Hồ sơ ${receipt.code}`, exact: true }).waitFor();

    // The guesser is still refused, even from a fresh address: this case's misses are counted too.
    const elsewhere = await browserFrom("203.0.113.61", false);
    await elsewhere.goto(`${server.baseUrl}/tra-cuu/${receipt.code}/rieng`);
    await enterKey(elsewhere, "AAAA-BBBB-CCCC-DDDD-EEEE");
    await elsewhere.getByText("Có quá nhiều lần nhập sai mã truy cập", { exact: false }).waitFor();
    // A citizen at another address looking up a code of their own is not affected.
    await elsewhere.goto(`${server.baseUrl}/tra-cuu?ma=${generateTrackingCode()}`);
    await elsewhere.getByText("Không tìm thấy hồ sơ nào có mã", { exact: false }).waitFor();
  }, 180_000); // some forty page loads: on a busy two-core machine that can take over a minute
});

describe("sign-in emails", () => {
  it("are limited per email address with a clear message that keeps what was typed (JavaScript off)", async () => {
    const page = await browserFrom("192.0.2.77", false);
    const email = "nguoidan.thu@example.com";
    for (let i = 0; i < 5; i++) {
      await page.goto(`${server.baseUrl}/dang-nhap`);
      await page.getByLabel("Địa chỉ email").fill(email);
      await page.getByRole("button", { name: "Gửi đường dẫn đăng nhập" }).click();
      await page.waitForURL(/\/dang-nhap\/kiem-tra-email/);
    }
    await page.goto(`${server.baseUrl}/dang-nhap`);
    await page.getByLabel("Địa chỉ email").fill(email);
    await page.getByRole("button", { name: "Gửi đường dẫn đăng nhập" }).click();
    await page.getByRole("alert").filter({ hasText: "Ông/bà đã yêu cầu gửi đường dẫn đăng nhập quá nhiều lần" }).waitFor();
    expect(await page.getByRole("alert").textContent()).toMatch(/thử lại sau \d+ phút/);
    expect(await page.getByLabel("Địa chỉ email").inputValue()).toBe(email);
    // Another address asking for another email is served.
    const other = await browserFrom("192.0.2.78", true);
    await other.goto(`${server.baseUrl}/dang-nhap`);
    await other.getByLabel("Địa chỉ email").fill("nguoikhac@example.com");
    await other.getByRole("button", { name: "Gửi đường dẫn đăng nhập" }).click();
    await other.waitForURL(/\/dang-nhap\/kiem-tra-email/);
  });

  it("cannot be asked for through Auth.js's own endpoint, which would skip the limits; the rest of it works", async () => {
    const baseUrl = inject("baseUrl");
    const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
    expect(csrfResponse.status).toBe(200);
    const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
    expect(csrfToken).toMatch(/\w{20,}/);
    const cookie = csrfResponse.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const body = new URLSearchParams({ email: "khongduoc@example.com", csrfToken, callbackUrl: "/" });
    for (const path of ["/api/auth/signin/resend", "/api/auth/signin", "/api/auth/%73ignin/resend"]) {
      const response = await fetch(`${baseUrl}${path}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie },
        body,
        redirect: "manual",
      });
      expect(response.status, path).toBe(405);
    }
    expect((await fetch(`${baseUrl}/api/auth/session`)).status).toBe(200);
    expect((await fetch(`${baseUrl}/api/auth/providers`)).status).toBe(200);
    // Sign-out still goes through the endpoint (a signed-out visitor is simply sent on).
    const signOut = await fetch(`${baseUrl}/api/auth/signout`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie },
      body: new URLSearchParams({ csrfToken, callbackUrl: "/" }),
      redirect: "manual",
    });
    expect([200, 302, 303]).toContain(signOut.status);
  });
});
