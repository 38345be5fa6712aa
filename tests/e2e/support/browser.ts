import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export type Session = { context: BrowserContext; page: Page; close: () => Promise<void> };

/** A fresh browser profile per session; `javaScriptEnabled: false` checks that forms work without scripts. */
export async function openBrowser(options: { javaScriptEnabled?: boolean; locale?: string } = {}): Promise<Session> {
  const profile = mkdtempSync(path.join(tmpdir(), "doithoai-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    locale: options.locale ?? "vi-VN",
    viewport: { width: 390, height: 844 },
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
