// The officials' workspace, end to end in Chromium: a case filed by a citizen is transferred by one unit,
// accepted, assigned and investigated by another, answered after a send-back, and published. Three officials of
// two units each use their own browser; the public status page is checked after every step.
import type { Page } from "playwright-core";
import postgres from "postgres";
import { afterAll, describe, expect, inject, it } from "vitest";
import { openBrowser, type Session } from "./support/browser";
import { signInThroughOutbox } from "./support/sign-in";
import { IntakePage } from "./pages/intake-page";

const baseUrl = inject("baseUrl");
const sessions: Session[] = [];
afterAll(async () => {
  for (const s of sessions) await s.close();
});

const stamp = Date.now().toString(36);

async function staff(email: string, javaScriptEnabled = true): Promise<Page> {
  const session = await openBrowser({ javaScriptEnabled });
  sessions.push(session);
  await signInThroughOutbox(session.page, baseUrl, email, "/can-bo");
  await session.page.waitForURL(/\/can-bo/);
  return session.page;
}

/** The workspace page of one case, driven by headings, labels and button names as an official would. */
class StaffCasePage {
  constructor(
    private readonly page: Page,
    private readonly code: string,
  ) {}

  async open() {
    await this.page.goto(`${baseUrl}/can-bo/ho-so/${this.code}`);
  }

  action(name: string) {
    return this.page.locator(`section[data-action='${name}']`);
  }

  async submit(name: string, button: string) {
    await this.action(name).getByRole("button", { name: button }).click();
    await this.page.waitForLoadState("load");
  }

  async expectDone(message: string) {
    await this.page.getByRole("status").filter({ hasText: message }).waitFor();
  }

  async text() {
    return (await this.page.locator("main").textContent()) ?? "";
  }
}

/** The public status page as anyone sees it, without signing in. */
async function publicPage(code: string): Promise<string> {
  const response = await fetch(`${baseUrl}/tra-cuu/${code}`);
  expect(response.status).toBe(200);
  const html = await response.text();
  return html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
}

describe("the officials' workspace", () => {
  it("walks a case from intake through transfer, acceptance, information request and reply, draft, send-back, approval and publication", async () => {
    // A citizen files a report about the wrong ward.
    const citizen = await openBrowser();
    sessions.push(citizen);
    const intake = new IntakePage(citizen.page, baseUrl);
    await intake.open();
    const title = `Kè sông bị sạt lở ${stamp}`;
    await intake.fill({
      kind: "report",
      kindLabel: "Phản ánh",
      category: "Hạ tầng, giao thông",
      area: "Phường Pleiku",
      title,
      body: "Đoạn kè dài khoảng 20 m bị sạt lở sau trận mưa lớn, nguy hiểm cho người đi bộ.",
      name: "Phạm Thị Lan",
      phone: "0905 444 555",
      email: `lan.${stamp}@example.com`,
      consent: true,
    });
    await intake.submit();
    const receipt = await intake.receipt();
    expect(receipt.unit).toBe("Ủy ban nhân dân phường Pleiku");

    // 1. Pleiku's intake officer finds it by searching without diacritics, and transfers it to Quy Nhơn.
    const pleiku = await staff("tiepnhan.pleiku@doithoai.example");
    await pleiku.getByLabel("Tìm trong tiêu đề, nội dung, mã hồ sơ").fill(`ke song bi sat lo ${stamp}`);
    await pleiku.getByRole("button", { name: "Lọc", exact: true }).click();
    await pleiku.getByRole("link", { name: receipt.code }).click();
    const atPleiku = new StaffCasePage(pleiku, receipt.code);
    await pleiku.getByRole("heading", { level: 1, name: title }).waitFor();
    expect(await atPleiku.text()).not.toContain("Phạm Thị Lan");
    // A transfer without a reason is refused next to the field, keeping the chosen unit.
    const transfer = atPleiku.action("transfer");
    await transfer.getByLabel("Đơn vị nhận").selectOption({ label: "Ủy ban nhân dân phường Quy Nhơn" });
    await atPleiku.submit("transfer", "Chuyển hồ sơ");
    await transfer.getByText("Vui lòng điền mục này.").waitFor();
    await transfer.getByLabel("Lý do chuyển").fill("Đoạn kè thuộc địa bàn phường Quy Nhơn.");
    await transfer.getByLabel("Đơn vị nhận").selectOption({ label: "Ủy ban nhân dân phường Quy Nhơn" });
    await atPleiku.submit("transfer", "Chuyển hồ sơ");
    await pleiku.waitForURL(/\/can-bo\?xong=transferred/);
    let pub = await publicPage(receipt.code);
    expect(pub).toContain("Chuyển từ Ủy ban nhân dân phường Pleiku đến Ủy ban nhân dân phường Quy Nhơn");
    expect(pub).toContain("Đoạn kè thuộc địa bàn phường Quy Nhơn.");
    // The old unit no longer sees it.
    expect((await pleiku.goto(`${baseUrl}/can-bo/ho-so/${receipt.code}`))!.status()).toBe(404);

    // 2. Quy Nhơn's leader accepts it and assigns the handler.
    const leader = await staff("lanhdao.quynhon@doithoai.example");
    const atLeader = new StaffCasePage(leader, receipt.code);
    await atLeader.open();
    await atLeader.submit("accept", "Thụ lý");
    await atLeader.expectDone("Đã thụ lý hồ sơ.");
    // Keyboard and screen-reader users land on the outcome.
    await leader.waitForFunction(() => document.activeElement?.id === "ket-qua");
    pub = await publicPage(receipt.code);
    expect(pub).toContain("Thụ lý (chính thức nhận giải quyết)");
    // The citizen is told by email, in Vietnamese: the local outbox page stands in for the mail service (in
    // server mode that page is for admins only, so the outbox table is read instead).
    if (inject("serverMode") === "server") {
      const sql = postgres(inject("e2eDatabaseUrl"), { max: 1, onnotice: () => {} });
      const rows = await sql<{ template: string; locale: string }[]>`select template, locale from email_outbox where to_address = ${`lan.${stamp}@example.com`}`;
      await sql.end();
      expect(rows.map((r) => r.template).sort()).toEqual(["case-accepted", "case-receipt", "case-transferred"]);
      expect(rows.every((r) => r.locale === "vi")).toBe(true);
    } else {
      await citizen.page.goto(`${baseUrl}/hop-thu`);
      const mail = citizen.page.getByTestId("outbox-message").filter({ hasText: `lan.${stamp}@example.com` });
      await mail.filter({ hasText: `Hồ sơ ${receipt.code} đã được thụ lý` }).first().waitFor();
      await mail.filter({ hasText: `mã hồ sơ ${receipt.code}` }).first().waitFor(); // the receipt
      await mail.filter({ hasText: `Hồ sơ ${receipt.code} đã được chuyển đơn vị giải quyết` }).first().waitFor();
    }
    await atLeader.action("assign").getByLabel("Người xử lý").selectOption({ label: "Chuyên viên phường Quy Nhơn (mẫu)" });
    await atLeader.submit("assign", "Giao việc");
    await atLeader.expectDone("Đã giao người xử lý.");
    // The internal timeline names each step and who took it.
    const timeline = await leader.locator("section[aria-labelledby='timeline-title']").textContent();
    for (const step of ["Tiếp nhận", "Chuyển đơn vị", "Thụ lý", "Giao người xử lý", "Cán bộ tiếp nhận phường Pleiku (mẫu)", "Đoạn kè thuộc địa bàn phường Quy Nhơn."]) {
      expect(timeline).toContain(step);
    }

    // 3. The handler sees it under "assigned to me", reads the filer's details (logged) and asks for information.
    const handler = await staff("xuly.quynhon@doithoai.example");
    await handler.goto(`${baseUrl}/can-bo?cua-toi=1`);
    await handler.getByRole("link", { name: receipt.code }).click();
    const atHandler = new StaffCasePage(handler, receipt.code);
    // No link shows who filed it, not even the old one: the official chooses a reason, and that POST's answer shows it.
    await handler.goto(`${baseUrl}/can-bo/ho-so/${receipt.code}?danh-tinh=1`);
    expect(await atHandler.text()).not.toContain("Phạm Thị Lan");
    const reveal = handler.locator("form[data-action='reveal_identity']");
    await reveal.getByRole("button", { name: "Xem thông tin người gửi" }).click();
    await reveal.getByText("Vui lòng điền mục này.").waitFor();
    expect(await atHandler.text()).not.toContain("Phạm Thị Lan");
    await reveal.getByLabel("Lý do xem thông tin người gửi").selectOption({ label: "Liên hệ người gửi để xác minh hoặc đề nghị bổ sung thông tin" });
    await reveal.getByRole("button", { name: "Xem thông tin người gửi" }).click();
    await handler.getByTestId("identity").getByText("Phạm Thị Lan").waitFor();
    expect(await handler.getByTestId("identity").textContent()).toContain("lý do: Liên hệ người gửi để xác minh");
    await atHandler.action("request_info").getByLabel("Cần bổ sung những gì").fill("Xin gửi ảnh chụp đoạn kè và số nhà gần nhất.");
    await atHandler.submit("request_info", "Gửi đề nghị");
    await atHandler.expectDone("Đã gửi đề nghị bổ sung thông tin.");
    pub = await publicPage(receipt.code);
    expect(pub).toContain("Đề nghị người gửi bổ sung thông tin");
    expect(pub).toContain("Xin gửi ảnh chụp đoạn kè và số nhà gần nhất.");
    expect(pub).not.toContain("Phạm Thị Lan");

    // 4. The citizen replies through the private page.
    await citizen.page.goto(`${baseUrl}/tra-cuu/${receipt.code}/rieng`);
    await citizen.page.getByLabel("Mã truy cập riêng").fill(receipt.key);
    await citizen.page.getByRole("button", { name: "Mở hồ sơ" }).click();
    await citizen.page.getByText("Xin gửi ảnh chụp đoạn kè và số nhà gần nhất.").first().waitFor();
    await citizen.page.getByLabel(/^Nội dung bổ sung/).fill("Đoạn kè trước nhà số 12 đường Xuân Diệu.");
    await citizen.page.getByRole("button", { name: "Gửi thông tin bổ sung" }).click();
    await citizen.page.getByText("Hồ sơ tiếp tục được giải quyết", { exact: false }).waitFor();
    pub = await publicPage(receipt.code);
    expect(pub).toContain("Người gửi đã bổ sung thông tin");

    // 5. The handler drafts and submits; a stale second tab is told to reload and keeps its text.
    await atHandler.open();
    expect(await atHandler.text()).toContain("Đoạn kè trước nhà số 12 đường Xuân Diệu.");
    const staleTab = await handler.context().newPage();
    await staleTab.goto(`${baseUrl}/can-bo/ho-so/${receipt.code}`);
    await atHandler.action("draft").getByLabel("Nội dung trả lời").fill("Kính gửi bà, phường đã kiểm tra đoạn kè.");
    await atHandler.submit("draft", "Trình lãnh đạo duyệt");
    await atHandler.expectDone("Đã trình dự thảo lên lãnh đạo.");
    const stale = new StaffCasePage(staleTab, receipt.code);
    await stale.action("note").getByLabel(/^Ghi chú/).fill("Ghi chú từ tab cũ");
    await stale.submit("note", "Lưu ghi chú");
    await staleTab.getByText("Hồ sơ vừa được người khác thay đổi", { exact: false }).waitFor();
    expect(await stale.action("note").getByLabel(/^Ghi chú/).inputValue()).toBe("Ghi chú từ tab cũ");
    await staleTab.close();

    // 6. The leader sends it back with a comment; the handler revises and resubmits.
    await atLeader.open();
    await atLeader.action("review").getByLabel("Ý kiến khi trả lại").fill("Nêu rõ thời hạn khắc phục.");
    await atLeader.submit("review", "Trả lại để sửa");
    await atLeader.expectDone("Đã trả lại dự thảo.");
    await atHandler.open();
    expect(await atHandler.text()).toContain("Nêu rõ thời hạn khắc phục.");
    const answer = `Kính gửi bà, phường sẽ gia cố đoạn kè trước ngày 31/12/2026. ${stamp}`;
    await atHandler.action("draft").getByLabel("Nội dung trả lời").fill(answer);
    await atHandler.submit("draft", "Trình lãnh đạo duyệt");
    await atHandler.expectDone("Đã trình dự thảo lên lãnh đạo.");
    pub = await publicPage(receipt.code);
    expect(pub).not.toContain(answer);

    // 7. The leader approves and signs: the answer is published because the citizen consented.
    await atLeader.open();
    await atLeader.submit("review", "Duyệt và ký trả lời");
    await atLeader.expectDone("Đã duyệt và ký câu trả lời.");
    pub = await publicPage(receipt.code);
    expect(pub).toContain("Trả lời, thông báo kết quả giải quyết");
    expect(pub).toContain(answer);
    expect(pub).not.toContain("Phạm Thị Lan");
    expect(pub).not.toContain("Nêu rõ thời hạn khắc phục.");
  });

  it("works without JavaScript: an overseer reads a case, can only flag it, and the flag stays internal", async () => {
    const overseer = await staff("giamsat.mttq@doithoai.example", false);
    await overseer.goto(`${baseUrl}/can-bo?don-vi=`);
    const code = (await overseer.locator("table a").first().textContent())!.trim();
    const page = new StaffCasePage(overseer, code);
    await page.open();
    expect(await page.action("accept").count()).toBe(0);
    await page.action("flag").getByLabel("Lý do").fill(`Đề nghị lãnh đạo kiểm tra ${stamp}`);
    await page.submit("flag", "Gắn cờ");
    await page.expectDone("Đã gắn cờ.");
    expect(await page.text()).toContain(`Đề nghị lãnh đạo kiểm tra ${stamp}`);
    expect(await publicPage(code)).not.toContain(`Đề nghị lãnh đạo kiểm tra ${stamp}`);
  });

  it("lets an intake officer register a case received at a reception, without JavaScript", async () => {
    const officer = await staff("tiepnhan.quynhon@doithoai.example", false);
    await officer.getByRole("link", { name: "Nhập hồ sơ thay cho công dân" }).click();
    await officer.waitForURL(/\/can-bo\/tiep-nhan/);
    await officer.getByLabel("Kênh tiếp nhận").selectOption({ label: "Tiếp công dân" });
    const form = new IntakePage(officer, baseUrl);
    const title = `Kiến nghị sửa cầu treo ${stamp}`;
    await form.fill({
      kind: "petition",
      kindLabel: "Kiến nghị",
      category: "Hạ tầng, giao thông",
      area: "Phường Quy Nhơn",
      title,
      body: "Tại buổi tiếp công dân, ông Võ Văn Tư kiến nghị sửa cầu treo bị hỏng ván mặt cầu.",
      name: "Võ Văn Tư",
      phone: "0905 666 777",
    });
    await form.submit();
    const receipt = await form.receipt();
    expect(receipt.unit).toBe("Ủy ban nhân dân phường Quy Nhơn");
    const pub = await publicPage(receipt.code);
    expect(pub).toContain("Hình thức: tại nơi tiếp công dân");
    expect(pub).not.toContain("Võ Văn Tư");
    await officer.goto(`${baseUrl}/can-bo/ho-so/${receipt.code}`);
    expect(await officer.locator("main").textContent()).toContain(title);

    // Without JavaScript too, the filer's details come only as the answer to the reason form's POST.
    const reveal = officer.locator("form[data-action='reveal_identity']");
    await reveal.getByLabel("Lý do xem thông tin người gửi").selectOption({ label: "Lý do khác (ghi rõ bên dưới)" });
    await reveal.getByRole("button", { name: "Xem thông tin người gửi" }).click();
    await officer.waitForLoadState("load");
    await reveal.getByText("Vui lòng điền mục này.").waitFor();
    expect(await reveal.getByLabel("Lý do xem thông tin người gửi").inputValue()).toBe("other");
    expect(await officer.locator("main").textContent()).not.toContain("0905666777");
    await reveal.getByLabel(/^Ghi rõ lý do/).fill("In lại phiếu hẹn cho công dân");
    await reveal.getByRole("button", { name: "Xem thông tin người gửi" }).click();
    await officer.waitForLoadState("load");
    const shown = officer.getByTestId("identity");
    await shown.getByText("0905666777").waitFor();
    expect(await shown.textContent()).toContain("lý do: Lý do khác");
    // Reloading the page by its address (a GET) shows nothing again.
    await officer.goto(`${baseUrl}/can-bo/ho-so/${receipt.code}`);
    expect(await officer.locator("main").textContent()).not.toContain("0905666777");
  });

  it("refuses a citizen and answers a guessed case code with 404", async () => {
    const citizen = await staff("congdan@doithoai.example");
    expect((await citizen.goto(`${baseUrl}/can-bo`))!.status()).toBe(403);
    expect((await citizen.goto(`${baseUrl}/can-bo/ho-so/ABCD-EFGH-JKM`))!.status()).toBe(403);
    const pleiku = await staff("tiepnhan.pleiku@doithoai.example");
    expect((await pleiku.goto(`${baseUrl}/can-bo/ho-so/ABCD-EFGH-JKM`))!.status()).toBe(404);
  });
});
