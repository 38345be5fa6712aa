// Fields of life and the citizen-form texts in the browser (issue 13), JavaScript off: an administrator adds a
// field with its explanation and the citizens' form offers it, with what it covers; deactivated, it is no longer
// offered. A text of the form ("thụ lý") is previewed, saved, shown to citizens, then restored to the default.
import { afterEach, describe, expect, inject, it } from "vitest";
import { openBrowser, type Session } from "./support/browser";
import { signInReusing } from "./support/sign-in";

const baseUrl = inject("baseUrl");
const PAGE = "/can-bo/quan-tri/linh-vuc";
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

async function citizen(): Promise<Session> {
  const s = await openBrowser({ javaScriptEnabled: false });
  sessions.push(s);
  await s.page.goto(`${baseUrl}/gui-y-kien`);
  return s;
}

describe("fields of life", () => {
  it("adds a field with its explanation, offered on the citizens' form, then deactivates it (JavaScript off)", async () => {
    const { page } = await admin();
    const add = page.locator("section#them");
    await add.getByLabel("Mã").fill("cap_nuoc_e2e");
    await add.getByLabel("Tên tiếng Việt").fill("Cấp nước sinh hoạt (thử)");
    await add.getByLabel("Tên tiếng Anh").fill("Water supply (test)");
    await add.getByLabel("Giải thích tiếng Việt").fill("Nước sạch, giá nước, đường ống cấp nước.");
    await add.getByLabel("Giải thích tiếng Anh").fill("Clean water, water prices, supply pipes.");
    await add.getByRole("button", { name: "Thêm lĩnh vực" }).click();
    await page.getByRole("status").filter({ hasText: "Đã thêm lĩnh vực" }).first().waitFor();
    const item = page.locator("li", { has: page.getByRole("heading", { name: /Cấp nước sinh hoạt \(thử\)/ }) });
    expect(await item.getByText("Mã: cap_nuoc_e2e").count()).toBe(1);

    // The same code again is refused beside the field, what was typed kept.
    await add.getByLabel("Mã").fill("cap_nuoc_e2e");
    await add.getByLabel("Tên tiếng Việt").fill("Trùng mã");
    await add.getByLabel("Tên tiếng Anh").fill("Same code");
    await add.getByRole("button", { name: "Thêm lĩnh vực" }).click();
    await page.getByText("Mã này đã có lĩnh vực khác dùng.").waitFor();
    expect(await page.locator("section#them").getByLabel("Tên tiếng Việt").inputValue()).toBe("Trùng mã");

    const form = (await citizen()).page;
    expect(await form.getByLabel(/^Lĩnh vực/).locator("option", { hasText: "Cấp nước sinh hoạt (thử)" }).count()).toBe(1);
    await form.getByText("Mỗi lĩnh vực gồm những việc gì?").click();
    await form.getByText("Nước sạch, giá nước, đường ống cấp nước.").waitFor();

    await page.goto(`${baseUrl}${PAGE}`);
    await page.getByRole("button", { name: "Ngừng dùng lĩnh vực Cấp nước sinh hoạt (thử)" }).click();
    await page.getByRole("status").filter({ hasText: "Đã ngừng dùng lĩnh vực" }).first().waitFor();
    await form.reload();
    expect(await form.getByLabel(/^Lĩnh vực/).locator("option", { hasText: "Cấp nước sinh hoạt (thử)" }).count()).toBe(0);
  });
});

describe("citizen-form texts", () => {
  it("previews, saves and shows the reworded explanation of thụ lý, then restores the default (JavaScript off)", async () => {
    const { page } = await admin();
    const wording = "Thụ lý: cơ quan nhận giải quyết đơn của ông/bà (lời thử).";
    let item = page.locator("li#lg-term_accept");
    await item.getByLabel("Tiếng Việt").fill(wording);
    await item.getByRole("button", { name: "Xem trước" }).click();
    await page.getByRole("status").filter({ hasText: "Xem trước (chưa lưu)" }).first().waitFor();
    item = page.locator("li#lg-term_accept");
    expect(await item.getByRole("status").getByText(wording).count()).toBe(1);
    await item.getByRole("button", { name: "Lưu lời giải thích" }).click();
    await page.getByRole("status").filter({ hasText: "Đã lưu lời giải thích" }).first().waitFor();

    const form = (await citizen()).page;
    await form.getByText("Giải thích thuật ngữ", { exact: true }).click();
    await form.getByText(wording).waitFor();

    await page.getByRole("button", { name: /^Khôi phục lời mặc định: Giải thích thuật ngữ "thụ lý"/ }).click();
    await page.getByRole("status").filter({ hasText: "Đã khôi phục lời mặc định." }).first().waitFor();
    await form.reload();
    await form.getByText("Giải thích thuật ngữ", { exact: true }).click();
    await form.getByText("Thụ lý: cơ quan chính thức nhận giải quyết hồ sơ.").waitFor();
    expect(await form.getByText(wording).count()).toBe(0);
  });
});
