// Deadline policies in the browser (issue 13, room E), JavaScript off: the administrator confirms the complaint
// version of Decree 155/2026 entered from an unofficial copy, then adds a version for contributions that takes
// effect today and is in force at once, the version before it ended the day before.
import { afterEach, describe, expect, inject, it } from "vitest";
import { openBrowser, type Session } from "./support/browser";
import { signInReusing } from "./support/sign-in";

const baseUrl = inject("baseUrl");
const PAGE = "/can-bo/quan-tri/thoi-han";
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

describe("deadline policies", () => {
  it("confirms the unconfirmed complaint version, which is then in force (JavaScript off)", async () => {
    const { page } = await admin();
    const complaint = page.locator("section#loai-complaint-1");
    await complaint.getByText("Chưa xác nhận: chưa áp dụng cho hồ sơ nào").first().waitFor();
    await complaint.getByRole("button", { name: "Xác nhận phiên bản này" }).click();
    await page.getByRole("status").filter({ hasText: "Đã xác nhận phiên bản" }).first().waitFor();
    const confirmed = page.locator("section#loai-complaint-1");
    expect(await confirmed.getByText("Chưa xác nhận: chưa áp dụng cho hồ sơ nào").count()).toBe(0);
    expect(await confirmed.getByText("Đang áp dụng: Thời hạn thụ lý 7 ngày làm việc", { exact: false }).count()).toBe(1);
  });

  it("adds a version taking effect today, pre-filled from the one in force, after a refusal that keeps what was typed", async () => {
    const { page } = await admin();
    const section = page.locator("section#loai-contribution");
    const addForm = section.locator("details", { has: page.getByText("Thêm phiên bản mới", { exact: true }) });
    await addForm.locator("summary").click();
    // Pre-filled from the version in force: 10 working days to acknowledge.
    expect(await addForm.getByLabel("Thời hạn thụ lý (số ngày)").inputValue()).toBe("10");
    await addForm.getByLabel("Thời hạn giải quyết (số ngày, để trống nếu không quy định)").fill("25");
    await addForm.getByLabel("Căn cứ pháp lý").fill("");
    await addForm.getByRole("button", { name: "Lưu phiên bản mới" }).click();
    await page.getByRole("alert").filter({ hasText: "Vui lòng sửa các mục được đánh dấu" }).first().waitFor();
    const again = page.locator("section#loai-contribution details[open]");
    expect(await again.getByLabel("Thời hạn giải quyết (số ngày, để trống nếu không quy định)").inputValue()).toBe("25");
    await again.getByLabel("Căn cứ pháp lý").fill("Quyết định 554-QĐ/TU ngày 14/3/2017 của Tỉnh ủy Gia Lai (bản thử nghiệm)");
    await again.getByLabel("Ghi chú (thay đổi gì, vì sao)").fill("Rút ngắn thời hạn trả lời góp ý (thử)");
    await again.getByRole("button", { name: "Lưu phiên bản mới" }).click();
    await page.getByRole("status").filter({ hasText: "Đã thêm phiên bản mới." }).first().waitFor();
    const after = page.locator("section#loai-contribution");
    expect(await after.getByText("Đang áp dụng: Thời hạn thụ lý 10 ngày làm việc; Thời hạn giải quyết 25 ngày", { exact: false }).count()).toBe(1);
    expect(await after.getByText("Đã hết hiệu lực").count()).toBe(1);
  });
});
