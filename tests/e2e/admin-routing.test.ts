// Routing rules in the browser (issue 13, room D), JavaScript off: an administrator edits a rule, tries it on a
// sample case before saving (which rule fires, which unit receives it), saves it; a change sending denunciations
// to the body denounced is refused with an explanation.
import { afterEach, describe, expect, inject, it } from "vitest";
import { openBrowser, type Session } from "./support/browser";
import { signInReusing } from "./support/sign-in";

const baseUrl = inject("baseUrl");
const sessions: Session[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close();
});

async function admin(path: string): Promise<Session> {
  const s = await openBrowser({ javaScriptEnabled: false });
  sessions.push(s);
  await signInReusing(s.page, baseUrl, "quantri@doithoai.example", path);
  await s.page.waitForURL(new RegExp(path.replace(/[?]/g, "\\?")));
  return s;
}

describe("routing rules", () => {
  it("edits the rule for denunciations about the Department of Health, tries it on a sample, saves it, and is refused sending them to that department (JavaScript off)", async () => {
    const { page } = await admin("/can-bo/quan-tri/dinh-tuyen");
    // The demo rule about a body is tried first: number 1.
    await page.getByRole("link", { name: "Sửa quy tắc số 1", exact: true }).click();
    const edit = page.locator("#sua");
    await edit.getByRole("heading", { name: "Sửa quy tắc số 1" }).waitFor();
    expect(await edit.getByLabel("Cơ quan bị tố cáo hoặc khiếu nại", { exact: true }).inputValue()).not.toBe("");

    // Try: the sample (a denunciation about the Department of Health) would now reach the provincial police.
    await edit.getByLabel("Đơn vị nhận hồ sơ").selectOption({ label: "Công an tỉnh" });
    await edit.getByRole("button", { name: "Thử", exact: true }).click();
    const outcome = page.getByRole("status").filter({ hasText: "Kết quả thử" });
    await outcome.waitFor();
    expect(await outcome.textContent()).toContain("Với các quy tắc đang lưu");
    expect(await outcome.textContent()).toContain("Hồ sơ đến: Thanh tra tỉnh");
    expect(await outcome.textContent()).toContain("Nếu lưu thay đổi này");
    expect(await outcome.textContent()).toContain("Hồ sơ đến: Công an tỉnh");
    expect(await outcome.textContent()).toContain("Có thể lưu thay đổi này.");
    // What was chosen is kept after the try.
    expect(await page.locator("#sua").getByLabel("Đơn vị nhận hồ sơ").locator("option:checked").textContent()).toBe("Công an tỉnh");

    await page.locator("#sua").getByRole("button", { name: "Lưu thay đổi" }).click();
    await page.getByRole("status").filter({ hasText: "Đã lưu thay đổi của quy tắc." }).first().waitFor();
    expect(await page.locator("#quy-tac ol > li").first().locator("h3").textContent()).toContain("Công an tỉnh");

    // Sending denunciations about the department to the department itself is refused, with the reason.
    await page.getByRole("link", { name: "Sửa quy tắc số 1", exact: true }).click();
    await page.locator("#sua").getByLabel("Đơn vị nhận hồ sơ").selectOption({ label: "Sở Y tế" });
    await page.locator("#sua").getByRole("button", { name: "Lưu thay đổi" }).click();
    const refusal = page.getByRole("alert").filter({ hasText: "Chưa lưu: thay đổi này làm hỏng việc chuyển hồ sơ." });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain("chuyển tố cáo về Sở Y tế đến Sở Y tế");

    // Put the demo rule back as it was: the other journeys share this server.
    await page.locator("#sua").getByLabel("Đơn vị nhận hồ sơ").selectOption({ label: "Thanh tra tỉnh" });
    await page.locator("#sua").getByRole("button", { name: "Lưu thay đổi" }).click();
    await page.getByRole("status").filter({ hasText: "Đã lưu thay đổi của quy tắc." }).first().waitFor();
    expect(await page.locator("#quy-tac ol > li").first().locator("h3").textContent()).toContain("Thanh tra tỉnh");
  });
});
