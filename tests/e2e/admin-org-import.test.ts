// Importing areas and units in the browser (issue 13), JavaScript off: a file with errors is refused line by line
// and writes nothing; corrected, it is previewed, imported, and the same file again changes nothing.
import { afterEach, describe, expect, inject, it } from "vitest";
import { openBrowser, type Session } from "./support/browser";
import { signInReusing } from "./support/sign-in";

const baseUrl = inject("baseUrl");
const PATH = "/can-bo/quan-tri/to-chuc/nhap";
const sessions: Session[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close();
});

async function admin(): Promise<Session> {
  const s = await openBrowser({ javaScriptEnabled: false });
  sessions.push(s);
  await signInReusing(s.page, baseUrl, "quantri@doithoai.example", PATH);
  await s.page.waitForURL(new RegExp(PATH));
  return s;
}

// Codes of their own for each run, so the test can run again on the same database.
const run = Date.now().toString(36);
const fileOf = (lines: string[]) => ({ name: "to-chuc.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8") });
const HEADER = "loai;ma;ten;ten_en;phan_loai;ma_cha;ma_dia_ban;vung_kho_khan;hieu_luc_tu;hieu_luc_den;email";
const area = `dia_ban;e2e-xa-${run};Xã Thử Nhập;;xa;demo-52;;co;01/08/2026;;`;
const unit = (kind: string) => `don_vi;e2e-ubnd-${run};Ủy ban nhân dân xã Thử Nhập;;${kind};demo-ubnd;e2e-xa-${run};;01/08/2026;;`;

describe("organisation import", () => {
  it("refuses a file with errors line by line, then imports the corrected file once (JavaScript off)", async () => {
    const { page } = await admin();
    await page.getByRole("heading", { level: 1, name: "Nhập danh sách địa bàn và đơn vị từ tệp CSV" }).waitFor();
    expect(await page.getByRole("columnheader", { name: "Ý nghĩa" }).count()).toBe(1);

    await page.getByLabel("Tệp CSV").setInputFiles(fileOf([HEADER, area, unit("uy_ban")]));
    await page.getByRole("button", { name: "Kiểm tra và xem trước" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Chưa có gì được ghi" });
    await alert.waitFor();
    expect(await alert.textContent()).toContain("Dòng 3, cột phan_loai: Phân loại “uy_ban” không có");

    await page.getByLabel("Tệp CSV").setInputFiles(fileOf([HEADER, area, unit("ubnd")]));
    await page.getByRole("button", { name: "Kiểm tra và xem trước" }).click();
    const preview = page.getByRole("status").filter({ hasText: "Xem trước: chưa có gì được ghi" });
    await preview.waitFor();
    expect(await preview.textContent()).toContain("Địa bàn: 1 thêm mới, 0 cập nhật, 0 không đổi.");
    await page.getByRole("button", { name: "Nhập 2 thay đổi vào hệ thống" }).click();
    await page.getByRole("status").filter({ hasText: "Đã nhập xong: 2 mục thêm mới, 0 mục cập nhật." }).waitFor();

    await page.getByLabel("Tệp CSV").setInputFiles(fileOf([HEADER, area, unit("ubnd")]));
    await page.getByRole("button", { name: "Kiểm tra và xem trước" }).click();
    await page.getByRole("status").filter({ hasText: "Không có thay đổi" }).waitFor();
    expect(await page.getByRole("button", { name: /Nhập \d+ thay đổi/ }).count()).toBe(0);
  });

  it("refuses a Windows-1258 file, saying how to save it as CSV UTF-8", async () => {
    const { page } = await admin();
    await page.getByLabel("Tệp CSV").setInputFiles({ name: "excel.csv", mimeType: "text/csv", buffer: Buffer.from([0x6c, 0x6f, 0x61, 0x69, 0x0d, 0x0a, 0x58, 0x61, 0xde]) });
    await page.getByRole("button", { name: "Kiểm tra và xem trước" }).click();
    await page.getByRole("alert").filter({ hasText: "CSV UTF-8 (Comma delimited)" }).waitFor();
  });
});
