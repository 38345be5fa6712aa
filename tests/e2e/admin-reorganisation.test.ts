// A reorganisation in the browser (issue 13): a citizen's case open at a unit, an administrator merges that unit
// into a successor dated today (preview, save, apply now, JavaScript off), and the case's public status page shows
// the move with the decision; the old unit's public record says where it went. On a server of its own: merging
// demo units would change what the other journeys find on the shared one.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { toLocalDate } from "../../src/domain/calendar";
import { openBrowser, type Session } from "./support/browser";
import { startOwnServer, type OwnServer } from "./support/own-server";
import { signInReusing } from "./support/sign-in";
import { IntakePage } from "./pages/intake-page";

let server: OwnServer;
const sessions: Session[] = [];
const stamp = Date.now().toString(36);

beforeAll(async () => {
  server = await startOwnServer();
}, 120_000);
afterAll(async () => {
  await server?.stop();
});
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close();
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("reorganisation", () => {
  it("merges the unit holding an open case into a successor today, and the status page shows the move (JavaScript off)", async () => {
    const baseUrl = server.baseUrl;
    const citizen = await openBrowser({ javaScriptEnabled: false });
    sessions.push(citizen);
    const form = new IntakePage(citizen.page, baseUrl);
    await form.open();
    await form.fill({
      kind: "report",
      kindLabel: "Phản ánh",
      category: "Hạ tầng, giao thông",
      area: "Xã Ia Pnôn",
      title: `Đường vào thôn bị sạt lở ${stamp}`,
      body: "Đoạn đường vào thôn bị sạt lở sau mưa lớn, xe máy đi lại rất nguy hiểm.",
      name: "Rơ Châm H'Lan",
      phone: "0905 444 555",
    });
    await form.submit();
    const receipt = await form.receipt();
    const successor = receipt.unit === "Ủy ban nhân dân xã Krông Pa" ? "Ủy ban nhân dân xã Kbang" : "Ủy ban nhân dân xã Krông Pa";
    const decision = `Nghị quyết số ${stamp}/NQ-HĐND (thử)`;

    const s = await openBrowser({ javaScriptEnabled: false });
    sessions.push(s);
    const { page } = s;
    await signInReusing(page, baseUrl, "quantri@doithoai.example", "/can-bo/quan-tri/sap-xep", server);
    await page.waitForURL(/\/can-bo\/quan-tri\/sap-xep/);
    const plan = page.locator("section#lap");
    await plan.getByRole("checkbox", { name: new RegExp(`^${escape(receipt.unit)} \\(`) }).check();
    const successorSelect = plan.getByLabel("Đơn vị kế thừa");
    const value = await successorSelect.locator("option", { hasText: new RegExp(`^${escape(successor)} \\(`) }).getAttribute("value");
    await successorSelect.selectOption(value!);
    await plan.getByLabel("Ngày có hiệu lực").fill(toLocalDate(new Date()));
    await plan.getByLabel("Căn cứ (nghị quyết, quyết định)").fill(decision);
    await plan.getByRole("button", { name: "Xem trước những gì sẽ chuyển" }).click();
    const preview = page.getByRole("status").filter({ hasText: "Xem trước" }).first();
    await preview.waitFor();
    expect(await preview.textContent()).toMatch(/\d+ hồ sơ đang giải quyết/);
    await page.getByRole("button", { name: "Lưu phương án" }).click();
    await page.getByRole("status").filter({ hasText: "Đã lưu phương án sắp xếp." }).first().waitFor();

    const item = page.locator("li", { has: page.getByRole("heading", { name: new RegExp(escape(decision)) }) });
    await item.getByRole("button", { name: "Áp dụng ngay" }).click();
    await page.getByRole("status").filter({ hasText: "Đã áp dụng phương án sắp xếp" }).first().waitFor();
    expect(await page.locator("li", { has: page.getByRole("heading", { name: new RegExp(escape(decision)) }) }).textContent()).toContain("Đã áp dụng");

    // The public status page: now at the successor, with the move and its decision on the timeline.
    await citizen.page.goto(`${baseUrl}/tra-cuu/${receipt.code}`);
    const main = (await citizen.page.locator("main").textContent()) ?? "";
    expect(main).toContain(`Chuyển sang đơn vị kế thừa ${successor} (theo ${decision})`);

    // The old unit's public record says where it went.
    await citizen.page.goto(`${baseUrl}/thong-ke/don-vi/demo-ubnd-iapnon`);
    if (receipt.unit === "Ủy ban nhân dân xã Ia Pnôn") {
      expect((await citizen.page.locator("main").textContent()) ?? "").toContain(`đã được sắp xếp vào ${successor}`);
    }
  }, 120_000);
});
