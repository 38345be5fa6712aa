// What a citizen's phone downloads in script, per page: the framework's own files (the build's rootMainFiles, the
// same on every page) plus what the page adds. Issue 14's budget: at most 15 KB compressed above a bare page;
// zod (33 KB) or next-intl's formatter (12 KB) slipping back into a client component breaks it at once.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { afterEach, describe, expect, inject, it } from "vitest";
import { openBrowser, type Session } from "./support/browser";
import { IntakePage } from "./pages/intake-page";

const baseUrl = inject("baseUrl");
const PAGE_BUDGET_BYTES = 15 * 1024;
let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

const root = path.resolve(import.meta.dirname, "../..");
const rootMainFiles: string[] = JSON.parse(readFileSync(path.join(root, ".next/build-manifest.json"), "utf8")).rootMainFiles;

const sizes = new Map<string, number>();
async function gzipSize(src: string): Promise<number> {
  if (!sizes.has(src)) sizes.set(src, gzipSync(Buffer.from(await (await fetch(new URL(src, baseUrl))).arrayBuffer()), { level: 9 }).length);
  return sizes.get(src)!;
}

/** The scripts a browser with modules loads for the page as it stands, beyond the framework's own files. */
async function addedScripts(page: Page): Promise<{ bytes: number; files: string[] }> {
  const srcs = await page.evaluate(() => [...document.querySelectorAll<HTMLScriptElement>("script[src]:not([nomodule])")].map((s) => s.getAttribute("src")!));
  const added = srcs.filter((src) => !rootMainFiles.some((file) => src.endsWith(file.replace(/^static\//, "/_next/static/"))));
  expect(srcs.length - added.length, "every page loads the framework's files").toBe(rootMainFiles.length);
  let bytes = 0;
  const files: string[] = [];
  for (const src of added) {
    const size = await gzipSize(src);
    bytes += size;
    files.push(`${src.split("/").pop()} ${(size / 1024).toFixed(1)} KB`);
  }
  return { bytes, files };
}

async function expectWithinBudget(page: Page, name: string) {
  const { bytes, files } = await addedScripts(page);
  expect(bytes, `${name} adds ${(bytes / 1024).toFixed(1)} KB: ${files.join(", ")}`).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);
}

describe("script on the citizen pages", () => {
  it("stays within 15 KB compressed above the framework's on every page, the filing form and the private view included", async () => {
    session = await openBrowser();
    const { page } = session;
    for (const url of ["/", "/tra-cuu", "/tra-cuu?ma=ABCD-EFGH", "/dang-nhap"]) {
      await page.goto(`${baseUrl}${url}`);
      await expectWithinBudget(page, url);
    }
    const form = new IntakePage(page, baseUrl);
    await form.open();
    await expectWithinBudget(page, "/gui-y-kien");
    await form.fill({ kind: "report", kindLabel: "Phản ánh", category: "Hạ tầng, giao thông", area: "Phường Quy Nhơn", title: "Ngắn", body: "Đèn đường hỏng" });
    await form.submit();
    await page.getByText("Chưa gửi được.", { exact: false }).waitFor();
    await expectWithinBudget(page, "/gui-y-kien after a refusal");
    await page.getByLabel(/^Tiêu đề/).fill(`Đèn đường hẻm 7 hỏng ${Date.now().toString(36)}`);
    await page.getByLabel(/^Nội dung/).fill("Đèn đường đầu hẻm 7 đã hỏng hai tuần, buổi tối rất tối và nguy hiểm.");
    await page.getByLabel(/^Họ và tên/).fill("Lê Văn Tám");
    await page.getByLabel(/^Số điện thoại/).fill("0905 444 555");
    await form.submit();
    const receipt = await form.receipt();
    await expectWithinBudget(page, "receipt");
    await page.goto(`${baseUrl}/tra-cuu/${receipt.code}`);
    await expectWithinBudget(page, "status page");
    await page.goto(`${baseUrl}/tra-cuu/${receipt.code}/rieng`);
    await expectWithinBudget(page, "private view, locked");
    await page.getByLabel("Mã truy cập riêng").fill(receipt.key);
    await page.getByRole("button", { name: "Mở hồ sơ" }).click();
    await page.getByRole("heading", { level: 1, name: `Hồ sơ ${receipt.code}`, exact: true }).waitFor();
    await expectWithinBudget(page, "private view, opened");
  });

  it("stays within it on a dialogue session's page and its projector view (live updates included)", async () => {
    session = await openBrowser();
    const { page } = session;
    const calendar = await (await fetch(`${baseUrl}/doi-thoai`)).text();
    const id = /href="\/doi-thoai\/([0-9a-f-]{36})"/.exec(calendar)?.[1];
    expect(id, "the calendar lists a session").toBeTruthy();
    for (const url of ["/doi-thoai", `/doi-thoai/${id}`, `/doi-thoai/${id}/trinh-chieu`]) {
      await page.goto(`${baseUrl}${url}`);
      await expectWithinBudget(page, url);
    }
  });

  it("stays within it on the reception calendar, a reception day with its booking form, the cancel form and the duty pages", async () => {
    session = await openBrowser();
    const { page } = session;
    const calendar = await (await fetch(`${baseUrl}/tiep-cong-dan`)).text();
    const day = /href="\/tiep-cong-dan\/([0-9a-f-]{36})"/.exec(calendar)?.[1];
    const duty = await (await fetch(`${baseUrl}/tiep-cong-dan/nhiem-vu`)).text();
    const seat = /href="\/tiep-cong-dan\/nhiem-vu\/([0-9a-f-]{36})"/.exec(duty)?.[1];
    expect(day && seat, "the calendar lists a day and the duty page a seat").toBeTruthy();
    for (const url of ["/tiep-cong-dan", `/tiep-cong-dan/${day}`, "/tiep-cong-dan/huy-dat-lich", "/tiep-cong-dan/nhiem-vu", `/tiep-cong-dan/nhiem-vu/${seat}`]) {
      await page.goto(`${baseUrl}${url}`);
      await expectWithinBudget(page, url);
    }
  });

  it("stays within it on the statistics, the records, the report and the published answers", async () => {
    session = await openBrowser();
    const { page } = session;
    const list = await (await fetch(`${baseUrl}/cong-khai`)).text();
    const answer = /href="\/cong-khai\/([0-9a-f-]{36})"/.exec(list)?.[1];
    expect(answer, "Công khai lists an answer").toBeTruthy();
    for (const url of ["/thong-ke", "/thong-ke/don-vi/demo-ubnd-pleiku", "/thong-ke/lanh-dao", "/thong-ke/bao-cao", "/cong-khai", `/cong-khai/${answer}`, "/du-lieu-mo"]) {
      await page.goto(`${baseUrl}${url}`);
      await expectWithinBudget(page, url);
    }
  });
});
