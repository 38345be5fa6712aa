import type { Page } from "playwright-core";
import postgres from "postgres";
import { expect, inject } from "vitest";

/**
 * The sign-in link of the newest message to `email`. Local mode: read from the outbox page, as a newcomer does.
 * Server mode has no outbox page for non-admins, so the link is read from the outbox table.
 */
async function signInLink(page: Page, baseUrl: string, email: string): Promise<string> {
  if (inject("serverMode") === "server") {
    const sql = postgres(inject("e2eDatabaseUrl"), { max: 1, onnotice: () => {} });
    try {
      const [row] = await sql<{ text: string }[]>`select text from email_outbox where to_address = ${email} order by created_at desc limit 1`;
      return row!.text.match(/https?:\/\/\S+callback\/resend\S+/)![0];
    } finally {
      await sql.end();
    }
  }
  await page.goto(`${baseUrl}/hop-thu`);
  const message = page.getByTestId("outbox-message").filter({ hasText: email }).first();
  const href = await message.getByRole("link", { name: /callback\/resend/ }).first().getAttribute("href");
  return href!;
}

/** Signs in through the real magic-link flow: the form, then the link from the outbox. */
export async function signInThroughOutbox(page: Page, baseUrl: string, email: string, callbackPath = "/") {
  await page.goto(`${baseUrl}/dang-nhap?callbackUrl=${encodeURIComponent(callbackPath)}`);
  await page.getByLabel(/Địa chỉ email|Email address/).fill(email);
  await page.getByRole("button", { name: /Gửi đường dẫn đăng nhập|Send me a sign-in link/ }).click();
  await page.waitForURL(/\/dang-nhap\/kiem-tra-email/);
  const href = await signInLink(page, baseUrl, email);
  expect(href).toContain("/api/auth/callback/resend");
  await page.goto(href);
}
