import { createDecipheriv, createHash } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Cookie, Page } from "playwright-core";
import postgres from "postgres";
import { expect, inject } from "vitest";

/**
 * Opens an outbox secret ("keyId:iv.tag.body", AES-256-GCM with a key of PERSONAL_DATA_KEYS), as the app's
 * unsealSecret does: written out here because this runs outside the app's module graph.
 */
function unsealSecret(stored: string, keys: string): Record<string, string> {
  const at = stored.indexOf(":");
  const keyId = stored.slice(0, at);
  const entry = keys.split(",").find((part) => part.trim().split(":")[0] === keyId);
  if (!entry) throw new Error(`no key "${keyId}" in the keys the app was given`);
  const key = Buffer.from(entry.trim().split(":")[1]!, "base64");
  const [iv, tag, body] = stored.slice(at + 1).split(".").map((part) => Buffer.from(part, "base64"));
  const decipher = createDecipheriv("aes-256-gcm", key, iv!);
  decipher.setAuthTag(tag!);
  return JSON.parse(Buffer.concat([decipher.update(body!), decipher.final()]).toString("utf8")) as Record<string, string>;
}

/**
 * Where a server keeps its outbox: the shared server of the global setup by default, or a test file's own server
 * (its own data folder, or its own database and keys in server mode).
 */
export type OutboxServer = { mode: "local" | "server"; databaseUrl: string; personalDataKeys: string };

function sharedServer(): OutboxServer {
  return { mode: inject("serverMode") === "server" ? "server" : "local", databaseUrl: inject("e2eDatabaseUrl"), personalDataKeys: inject("personalDataKeys") };
}

async function withAppDatabase<T>(server: OutboxServer, work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(server.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    return await work(sql);
  } finally {
    await sql.end();
  }
}

/**
 * The sign-in link of the newest message to `email`. Local mode: read from the outbox page, as a newcomer does.
 * Server mode has no outbox page for non-admins, so the link is read from the outbox table, where it is sealed.
 */
export async function signInLink(page: Page, baseUrl: string, email: string, server = sharedServer()): Promise<string> {
  if (server.mode === "server") {
    return withAppDatabase(server, async (sql) => {
      const [row] = await sql<{ secret: string | null; text: string }[]>`
        select secret, text from email_outbox where to_address = ${email} and template = 'sign-in' order by created_at desc limit 1`;
      expect(row?.secret, "the sign-in message keeps its link sealed").toBeTruthy();
      expect(row!.text).not.toContain("callback/resend");
      return unsealSecret(row!.secret!, server.personalDataKeys).url!;
    });
  }
  await page.goto(`${baseUrl}/hop-thu`);
  const message = page.getByTestId("outbox-message").filter({ hasText: email }).first();
  const href = await message.getByRole("link", { name: /callback\/resend/ }).first().getAttribute("href");
  return href!;
}

/** Once a link is used, the outbox keeps no working link for that address. */
async function expectLinksPurged(baseUrl: string, email: string, server: OutboxServer) {
  if (server.mode === "server") {
    const left = await withAppDatabase(server, (sql) => sql`select id from email_outbox where to_address = ${email} and template = 'sign-in' and secret is not null`);
    expect(left).toHaveLength(0);
    return;
  }
  // The outbox page lists links with the address in them (email=...): none is left for this one.
  const html = await (await fetch(`${baseUrl}/hop-thu`)).text();
  expect(html).toContain(email);
  expect(html).not.toContain(`email=${encodeURIComponent(email)}`);
}

/** Signs in through the real magic-link flow: the form, then the link from the outbox. */
export async function signInThroughOutbox(page: Page, baseUrl: string, email: string, callbackPath = "/", server = sharedServer()) {
  await page.goto(`${baseUrl}/dang-nhap?callbackUrl=${encodeURIComponent(callbackPath)}`);
  await page.getByLabel(/Địa chỉ email|Email address/).fill(email);
  await page.getByRole("button", { name: /Gửi đường dẫn đăng nhập|Send me a sign-in link/ }).click();
  await page.waitForURL(/\/dang-nhap\/kiem-tra-email/);
  const href = await signInLink(page, baseUrl, email, server);
  expect(href).toContain("/api/auth/callback/resend");
  await page.goto(href);
  await expectLinksPurged(baseUrl, email, server);
}

/**
 * Signs in as `email`, reusing the session cookies an earlier test file saved for this server and address. The
 * sign-in limits (five emails an hour per address) are real in the test server, and the administration journeys
 * sign the same demo admin in more often than that; a saved session that no longer works (another server, a new
 * database) is replaced by a fresh sign-in through the outbox.
 */
export async function signInReusing(page: Page, baseUrl: string, email: string, callbackPath = "/", server = sharedServer()) {
  const file = path.join(tmpdir(), `doithoai-e2e-session-${createHash("sha256").update(`${baseUrl} ${email}`).digest("hex").slice(0, 16)}.json`);
  if (existsSync(file)) {
    await page.context().addCookies(JSON.parse(readFileSync(file, "utf8")) as Cookie[]);
    await page.goto(`${baseUrl}${callbackPath}`);
    if (!new URL(page.url()).pathname.startsWith("/dang-nhap")) return;
    await page.context().clearCookies();
  }
  await signInThroughOutbox(page, baseUrl, email, callbackPath, server);
  await page.waitForURL((url) => !url.pathname.startsWith("/dang-nhap"));
  const temp = `${file}.${process.pid}`;
  writeFileSync(temp, JSON.stringify(await page.context().cookies()));
  renameSync(temp, file);
}
