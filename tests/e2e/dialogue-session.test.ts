// A whole dialogue session, end to end in Chromium, as its people use it: the ward's intake officer schedules
// it; three citizens send questions (one without JavaScript); a duplicate is suggested as it is typed and
// supported instead; one question is merged, one declined with a public reason; the session runs live with the
// projector in another browser following without a reload; answers are recorded; one question becomes a case
// whose public page links back; an agenda case's answer appears on its timeline; a commitment is made, updated
// and later kept; the minutes are published.
import type { Locator, Page } from "playwright-core";
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
const title = `Đối thoại về giao thông và chợ Pleiku (kiểm thử ${stamp})`;

async function browser(javaScriptEnabled = true, viewport?: { width: number; height: number }): Promise<Page> {
  const session = await openBrowser({ javaScriptEnabled });
  sessions.push(session);
  if (viewport) await session.page.setViewportSize(viewport);
  return session.page;
}

async function staff(email: string): Promise<Page> {
  const page = await browser();
  await signInThroughOutbox(page, baseUrl, email, "/can-bo");
  await page.waitForURL(/\/can-bo/);
  return page;
}

/** Tomorrow in Vietnam, as the date field wants it. */
function tomorrow(): string {
  return new Date(Date.now() + 7 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
}

/** A moderation item of the staff session page, by question number. */
const item = (page: Page, number: number) => page.locator(`#kiem-duyet-${number}`);

/** Picks the first real choice of a list (the leader of a one-leader session may be the only one). */
async function chooseFirst(select: Locator) {
  const value = await select.locator("option").evaluateAll((options) => (options as HTMLOptionElement[]).find((o) => o.value !== "")?.value ?? "");
  await select.selectOption(value);
}

async function settle(page: Page) {
  await page.waitForLoadState("load");
}

describe("a dialogue session from its announcement to its minutes", () => {
  let office: Page;
  let sessionUrl = "";
  let staffUrl = "";
  let agendaCode = "";

  it("is scheduled by the ward's intake officer and announced in public", async () => {
    // A citizen's open case of the ward, registered at a reception, which the session will take up on its agenda.
    office = await staff("tiepnhan.pleiku@doithoai.example");
    await office.goto(`${baseUrl}/can-bo/tiep-nhan`);
    await office.getByLabel("Kênh tiếp nhận").selectOption({ label: "Tiếp công dân" });
    const intake = new IntakePage(office, baseUrl);
    await intake.fill({
      kind: "report",
      kindLabel: "Phản ánh",
      category: "An ninh, trật tự",
      area: "Phường Pleiku",
      title: `Xe tải đỗ chắn lối vào chợ Pleiku (${stamp})`,
      body: "Bà Nguyễn Thị Hoa phản ánh nhiều xe tải đỗ chắn lối vào chợ vào buổi sáng, người đi bộ phải đi xuống lòng đường.",
      name: "Nguyễn Thị Hoa",
      phone: "0905 123 456",
    });
    await intake.submit();
    agendaCode = (await intake.receipt()).code;

    await office.goto(`${baseUrl}/can-bo/doi-thoai/moi`);
    const form = office.locator("form").filter({ has: office.locator('[name="title"]') });
    const unit = form.locator('[name="unitId"]');
    expect(await unit.inputValue(), "the only unit the officer may host for is chosen").not.toBe("");
    await form.locator('[name="title"]').fill(title);
    await form.locator('[name="topic"]').fill("Giao thông, trật tự chợ");
    await form.locator('[name="areaId"]').selectOption({ label: "Phường Pleiku" });
    await form.locator('[name="leaders.0.userId"]').selectOption({ label: "Chủ tịch UBND phường Pleiku (mẫu) (lanhdao.pleiku@doithoai.example)" });
    await form.locator('[name="leaders.0.position"]').fill("Chủ tịch UBND phường Pleiku");
    await form.locator('[name="leaders.0.positionEn"]').fill("Chair of the Pleiku Ward People's Committee");
    await form.locator('[name="date"]').fill(tomorrow());
    await form.locator('[name="startTime"]').fill("08:00");
    await form.locator('[name="endTime"]').fill("10:30");
    await form.locator('[name="location"]').fill("Hội trường UBND phường Pleiku");
    await form.locator('[name="questionsInAdvance"]').check();
    await form.getByRole("button", { name: "Lên lịch và công khai" }).click();
    await office.waitForURL(/\/can-bo\/doi-thoai\/[0-9a-f-]{36}/);
    staffUrl = office.url().split(/[?#]/)[0]!;
    sessionUrl = staffUrl.replace("/can-bo/doi-thoai/", "/doi-thoai/");

    // On the public calendar, and the open commitments of the ward's earlier session are on its agenda.
    const visitor = await browser(false);
    await visitor.goto(`${baseUrl}/doi-thoai`);
    await visitor.getByRole("link", { name: title }).first().click();
    await visitor.waitForURL(sessionUrl);
    expect((await visitor.getByRole("heading", { level: 1 }).textContent())?.trim()).toBe(title);
    await visitor.getByText("Lắp đặt đèn chiếu sáng hẻm 12.").first().waitFor();

    // The office puts the citizen's case on the agenda.
    await office.goto(staffUrl);
    await office.getByLabel("Mã hồ sơ").fill(agendaCode.toLowerCase());
    await office.getByRole("button", { name: "Đưa vào chương trình" }).click();
    await office.getByText("Đã đưa hồ sơ vào chương trình.").waitFor();
  });

  let asker: Page;

  it("takes questions from citizens, with and without JavaScript, and moderates them", async () => {
    asker = await browser();
    await asker.goto(sessionUrl);
    await asker.getByLabel(/^Câu hỏi của bạn/).fill("Khi nào phường sửa đoạn đường Lê Lợi bị sụt lún trước cổng chợ Pleiku?");
    await asker.getByLabel(/^Thư điện tử/).fill(`nguoihoi.${stamp}@example.com`);
    await asker.getByLabel(/Tôi đồng ý để cơ quan liên hệ/).check();
    await asker.getByRole("button", { name: "Gửi câu hỏi", exact: true }).click();
    await asker.getByText(/Đã gửi câu hỏi số 1\b/).waitFor();

    // Without JavaScript: a question, then one so close to it that the page offers it first.
    const plain = await browser(false);
    await plain.goto(sessionUrl);
    await plain.getByLabel(/^Câu hỏi của bạn/).fill("Đề nghị lắp đèn tín hiệu giao thông ở ngã tư Hùng Vương – Trần Phú.");
    await plain.getByRole("button", { name: "Gửi câu hỏi", exact: true }).click();
    await plain.getByText(/Đã gửi câu hỏi số 2\b/).waitFor();
    await plain.getByLabel(/^Câu hỏi của bạn/).fill("Xin lắp đèn giao thông ở ngã tư Hùng Vương Trần Phú, rất hay xảy ra va chạm.");
    await plain.getByRole("button", { name: "Gửi câu hỏi", exact: true }).click();
    await settle(plain);
    // Question 2 is not public yet (pending), so nothing is suggested and it is sent as question 3.
    await plain.getByText(/Đã gửi câu hỏi số 3\b/).waitFor();
    await plain.getByLabel(/^Câu hỏi của bạn/).fill("Hỏi về học phí trường trung học phổ thông ở xã Kbang năm học tới.");
    await plain.getByRole("button", { name: "Gửi câu hỏi", exact: true }).click();
    await plain.getByText(/Đã gửi câu hỏi số 4\b/).waitFor();

    // The office approves 1 and 2, merges 3 into 2 and declines 4 as off topic.
    await office.goto(staffUrl);
    await item(office, 1).getByRole("button", { name: "Duyệt" }).click();
    await office.getByText("Đã duyệt câu hỏi số 1.").waitFor();
    await item(office, 2).getByRole("button", { name: "Duyệt" }).click();
    await office.getByText("Đã duyệt câu hỏi số 2.").waitFor();
    await item(office, 3).getByLabel("Gộp vào câu số").fill("2");
    await item(office, 3).getByRole("button", { name: "Gộp", exact: true }).click();
    await office.getByText("Đã gộp câu hỏi số 3.").waitFor();
    await item(office, 4).getByLabel("Lý do từ chối").selectOption("off_topic");
    await item(office, 4).getByRole("button", { name: "Từ chối" }).click();
    await office.getByText("Đã từ chối câu hỏi số 4.").waitFor();

    // The public page shows the declined question's reason, and the log downloads as CSV.
    await plain.goto(sessionUrl);
    const declined = plain.locator("section", { has: plain.getByRole("heading", { name: "Câu hỏi không được đưa lên" }) });
    await declined.getByText(/Không đúng chủ đề/).first().waitFor();
    await declined.getByText("học phí trường trung học phổ thông").first().waitFor();
    const csv = await (await fetch(`${sessionUrl}/kiem-duyet.csv`)).text();
    expect(csv).toMatch(/off_topic|Không đúng chủ đề/);
    expect(csv).not.toContain("Kbang");
  });

  it("suggests a similar question as a citizen types, ignoring accents, so they support it instead", async () => {
    const third = await browser();
    await third.goto(sessionUrl);
    await third.getByLabel(/^Câu hỏi của bạn/).pressSequentially("khi nao sua duong le loi sut lun", { delay: 20 });
    const suggestion = third.locator("li", { hasText: "Lê Lợi bị sụt lún" }).first();
    await suggestion.waitFor();
    await suggestion.getByRole("button", { name: /Ủng hộ/ }).click();
    await third.getByText(/đã ghi nhận ủng hộ|Cảm ơn/).first().waitFor();

    // The live state follows within moments of the commit (the notification reaches the server's listener).
    const supportsOfFirst = async () => {
      const state = (await fetch(`${sessionUrl}/trang-thai`).then((r) => r.json())) as { queue: { number: number; supportCount: number }[] };
      return state.queue.find((q) => q.number === 1)?.supportCount;
    };
    await expect.poll(supportsOfFirst, { timeout: 10_000 }).toBe(1);
  });

  it("runs live: the projector follows the moderator without reloading, and answers are published", async () => {
    await office.goto(staffUrl);
    await office.getByRole("button", { name: "Bắt đầu phiên" }).click();
    await office.getByText("Phiên đã bắt đầu.").waitFor();

    const projector = await browser(true, { width: 1920, height: 1080 });
    await projector.goto(`${sessionUrl}/trinh-chieu`);
    await projector.getByRole("heading", { level: 1 }).waitFor();
    await projector.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

    await office.goto(staffUrl);
    await item(office, 1).getByRole("button", { name: "Trả lời câu này" }).click();
    await office.getByText("Câu hỏi số 1 đang được trả lời.").waitFor();
    const current = projector.locator("[aria-live]").first();
    await expect.poll(() => current.textContent(), { timeout: 10_000 }).toContain("Lê Lợi bị sụt lún");
    expect(await projector.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

    await item(office, 1).getByLabel("Nội dung trả lời").fill("Phường đã giao Ban quản lý dự án khảo sát; đoạn sụt lún sẽ được sửa xong trong tháng tới.");
    await chooseFirst(item(office, 1).getByLabel("Lãnh đạo trả lời"));
    await item(office, 1).getByRole("button", { name: "Ghi nhận câu trả lời" }).click();
    await office.getByText("Đã ghi nhận câu trả lời cho câu hỏi số 1.").waitFor();
    await expect.poll(() => current.textContent(), { timeout: 10_000 }).not.toContain("Lê Lợi bị sụt lún");
    expect(await projector.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

    await asker.goto(sessionUrl);
    await asker.getByText("sẽ được sửa xong trong tháng tới").first().waitFor();
  });

  it("turns a question into a case whose public page links back to the session", async () => {
    await office.goto(staffUrl);
    const href = await item(office, 2).getByRole("link", { name: "Chuyển thành hồ sơ" }).getAttribute("href");
    const form = office.locator(href!.slice(href!.indexOf("#")));
    await form.getByLabel("Lĩnh vực").selectOption({ label: "Hạ tầng, giao thông" });
    await form.getByRole("button", { name: "Lập hồ sơ" }).click();
    const done = office.getByText(/Đã lập hồ sơ [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{3} từ câu hỏi số 2\./);
    await done.waitFor();
    const code = /([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{3})/.exec((await done.textContent())!)![1]!;

    const visitor = await browser(false);
    await visitor.goto(`${baseUrl}/tra-cuu/${code}`);
    await visitor.getByText(/câu hỏi số 2/i).first().waitFor();
    expect(await visitor.locator(`a[href$="${new URL(sessionUrl).pathname}"]`).count()).toBeGreaterThan(0);
  });

  it("answers the agenda case in public, on the case's own timeline", async () => {
    await office.goto(staffUrl);
    const agendaItem = office.locator("li", { hasText: agendaCode }).filter({ has: office.getByLabel("Nội dung trả lời") }).first();
    await chooseFirst(agendaItem.getByLabel("Lãnh đạo trả lời"));
    await agendaItem.getByLabel("Nội dung trả lời").fill("Công an phường sẽ bố trí lực lượng phân luồng xe tải từ 6 giờ đến 8 giờ sáng hằng ngày.");
    await agendaItem.getByRole("button", { name: "Ghi câu trả lời" }).click();
    await office.getByText("Đã ghi câu trả lời và công khai trên trang hồ sơ.").waitFor();

    const visitor = await browser(false);
    await visitor.goto(`${baseUrl}/tra-cuu/${agendaCode}`);
    await visitor.getByText("phân luồng xe tải từ 6 giờ đến 8 giờ").first().waitFor();
  });

  it("records a commitment, reports progress, and the ward's chair marks it kept", async () => {
    await office.goto(staffUrl);
    const create = office.locator("form", { has: office.getByRole("button", { name: "Ghi nhận cam kết" }) });
    await chooseFirst(create.getByLabel("Lãnh đạo cam kết"));
    await create.getByLabel(/^Nội dung cam kết/).fill(`Sửa xong đoạn đường Lê Lợi trước cổng chợ Pleiku (${stamp}).`);
    await create.getByLabel("Đơn vị chủ trì thực hiện").selectOption({ label: "Ủy ban nhân dân phường Pleiku" });
    await create.getByLabel(/^Hạn thực hiện/).fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
    await create.getByRole("button", { name: "Ghi nhận cam kết" }).click();
    await office.getByText("Đã ghi nhận cam kết.").waitFor();

    await office.getByRole("link", { name: `Sửa xong đoạn đường Lê Lợi trước cổng chợ Pleiku (${stamp}).` }).first().click();
    await office.waitForURL(/\/can-bo\/cam-ket\/[0-9a-f-]{36}/);
    const commitmentUrl = office.url().split(/[?#]/)[0]!;
    await office.getByLabel(/^Tiến độ/).fill("Đã khảo sát hiện trạng và lập dự toán sửa chữa.");
    await office.getByRole("button", { name: "Đăng cập nhật" }).click();
    await office.getByText("Đã cập nhật tiến độ.").waitFor();

    const chair = await staff("lanhdao.pleiku@doithoai.example");
    await chair.goto(commitmentUrl);
    await chair.getByLabel(/^Kết quả và minh chứng/).fill("Đoạn đường đã được thảm lại nhựa ngày hôm nay; biên bản nghiệm thu của phường.");
    await chair.getByRole("button", { name: "Xác nhận đã thực hiện" }).click();
    await chair.getByText("Đã xác nhận cam kết đã thực hiện.").waitFor();

    const visitor = await browser(false);
    await visitor.goto(commitmentUrl.replace("/can-bo/cam-ket/", "/cam-ket/"));
    await visitor.getByText("Đã khảo sát hiện trạng và lập dự toán sửa chữa.").waitFor();
    await visitor.getByText("biên bản nghiệm thu của phường").waitFor();
  });

  it("ends, and its minutes are published with the answers", async () => {
    await office.goto(staffUrl);
    await office.getByRole("button", { name: "Kết thúc phiên" }).click();
    await office.getByText("Phiên đã kết thúc.").waitFor();
    await office.getByLabel(/^Số người dự/).fill("85");
    await office.getByLabel(/^Nội dung biên bản/).fill("Người dân nêu ý kiến về đường Lê Lợi, đèn tín hiệu ngã tư và xe tải đỗ trước chợ.");
    await office.getByRole("button", { name: "Công bố biên bản" }).click();
    await office.getByText("Đã công bố biên bản.").waitFor();

    const visitor = await browser(false);
    await visitor.goto(`${sessionUrl}/bien-ban`);
    await visitor.getByText("đèn tín hiệu ngã tư và xe tải đỗ trước chợ").waitFor();
    await visitor.getByText("sẽ được sửa xong trong tháng tới").first().waitFor();
    await visitor.getByText(/85/).first().waitFor();
  });
});
