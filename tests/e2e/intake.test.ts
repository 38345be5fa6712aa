import { afterEach, describe, expect, inject, it } from "vitest";
import { openBrowser, type Session } from "./support/browser";
import { IntakePage, type Filing } from "./pages/intake-page";
import { signInThroughOutbox } from "./support/sign-in";

const baseUrl = inject("baseUrl");
let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

const stamp = Date.now().toString(36);
const FILINGS: (Filing & { unit: string })[] = [
  { kind: "petition", kindLabel: "Kiến nghị", category: "Giáo dục", area: "Xã Chư Păh", title: `Xin thêm phòng học ${stamp}`, body: "Điểm trường thôn 3 chỉ có hai phòng học tạm, đề nghị xây thêm phòng học.", name: "Trần Văn Bình", phone: "0912 345 678", unit: "Sở Giáo dục và Đào tạo" },
  { kind: "report", kindLabel: "Phản ánh", category: "Hạ tầng, giao thông", area: "Phường Quy Nhơn", title: `Ổ gà trên đường Lê Lợi ${stamp}`, body: "Đoạn đường trước chợ có nhiều ổ gà lớn, đã có người ngã xe vào buổi tối.", name: "Lê Thị Cúc", email: `cuc.${stamp}@example.com`, unit: "Ủy ban nhân dân phường Quy Nhơn" },
  { kind: "complaint", kindLabel: "Khiếu nại", category: "Đất đai", area: "Xã Ia Grai", title: `Khiếu nại quyết định thu hồi đất ${stamp}`, body: "Quyết định thu hồi đất của gia đình tôi ghi sai diện tích so với giấy chứng nhận.", name: "Siu H'Mai", phone: "0987 654 321", filerAddress: "Làng Bồ, xã Ia Grai", unit: "Ủy ban nhân dân xã Ia Grai" },
  { kind: "denunciation", kindLabel: "Tố cáo", category: "Đạo đức, tác phong cán bộ, đảng viên", area: "Phường Pleiku", title: `Tố cáo cán bộ thu tiền sai quy định ${stamp}`, body: "Cán bộ một phòng chuyên môn thu thêm tiền ngoài lệ phí khi làm thủ tục, không có biên lai.", name: "Phạm Văn Dũng", phone: "0934 111 222", filerAddress: "Tổ 4, phường Pleiku", unit: "Thanh tra tỉnh" },
  { kind: "contribution", kindLabel: "Góp ý", category: "Xây dựng Đảng, chính quyền", area: "Tỉnh Gia Lai", title: `Góp ý công khai kết quả tiếp dân ${stamp}`, body: "Đề nghị công khai kết quả trả lời cử tri tại nhà văn hóa thôn sau mỗi kỳ họp.", anonymous: true, unit: "Ban Dân vận Tỉnh ủy" },
];

describe("citizen files feedback", () => {
  for (const [index, filing] of FILINGS.entries()) {
    for (const javaScriptEnabled of [true, false]) {
      it(`files a ${filing.kind} and gets a receipt, then finds it by code (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
        session = await openBrowser({ javaScriptEnabled });
        const form = new IntakePage(session.page, baseUrl);
        await form.open();
        await form.fill({ ...filing, title: `${filing.title} ${index}${javaScriptEnabled ? "j" : "n"}` });
        await form.submit();
        const receipt = await form.receipt();
        expect(receipt.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{3}$/);
        expect(receipt.key).toMatch(/^([0-9A-Z]{4}-){4}[0-9A-Z]{4}$/);
        expect(receipt.unit).toBe(filing.unit);
        expect(receipt.due).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
        // The status page by code: the right unit, the acceptance deadline, and no personal data.
        const { page } = session;
        await page.goto(`${baseUrl}/tra-cuu?ma=${encodeURIComponent(receipt.code.toLowerCase().replace(/-/g, " "))}`);
        await page.waitForURL(new RegExp(`/tra-cuu/${receipt.code}`));
        const text = (await page.locator("main").textContent())!;
        expect(text).toContain(filing.unit);
        expect(text).toContain(receipt.due);
        expect(text).toContain("Đã tiếp nhận");
        for (const personal of [filing.name, filing.phone, filing.email, filing.filerAddress].filter(Boolean)) expect(text).not.toContain(personal);
        if (filing.kind === "denunciation") expect(text).not.toContain(filing.body.slice(0, 30));
        // Code and key open the filer's private view.
        await page.goto(`${baseUrl}/tra-cuu/${receipt.code}/rieng`);
        await page.getByLabel(/Mã truy cập/).fill(receipt.key);
        await page.getByRole("button", { name: /Xem hồ sơ|Mở hồ sơ|Tiếp tục/ }).click();
        await page.getByText(filing.body.slice(0, 40)).first().waitFor();
      });
    }
  }

  it("explains every problem next to its field and keeps what was typed (JavaScript off)", async () => {
    session = await openBrowser({ javaScriptEnabled: false });
    const form = new IntakePage(session.page, baseUrl);
    await form.open();
    await form.fill({ kind: "complaint", kindLabel: "Khiếu nại", category: "Đất đai", area: "Xã Kbang", title: "Đất", body: "Ngắn quá", name: "", phone: "12345", email: "khong-hop-le" });
    await form.submit();
    const p = session.page;
    await p.waitForLoadState("load");
    expect(await p.getByRole("alert").first().textContent()).toContain("Chưa gửi được");
    expect(await p.getByText("Vui lòng ghi họ và tên.").count()).toBe(1);
    expect(await p.getByText("Số điện thoại chưa đúng", { exact: false }).count()).toBe(1);
    expect(await p.getByText("Email chưa đúng", { exact: false }).count()).toBe(1);
    expect(await p.getByText("Khiếu nại và tố cáo cần ghi địa chỉ liên hệ.").count()).toBe(1);
    expect(await p.getByLabel(/^Nội dung/).inputValue()).toBe("Ngắn quá");
    expect(await p.getByLabel(/^Số điện thoại/).inputValue()).toBe("12345");
    expect(await p.getByRole("radio", { name: /^Khiếu nại/ }).isChecked()).toBe(true);
    expect(await p.getByLabel(/^Địa bàn xảy ra sự việc/).inputValue()).not.toBe("");
    expect(await p.getByLabel(/^Nội dung/).getAttribute("aria-invalid")).toBe("true");
  });

  it("without JavaScript posts to the filing route, which refuses a disguised file with the text kept and stores a real one", async () => {
    session = await openBrowser({ javaScriptEnabled: false });
    const p = session.page;
    const posts: string[] = [];
    p.on("response", (r) => {
      if (r.request().method() === "POST") posts.push(`${r.status()} ${new URL(r.url()).pathname}`);
    });
    const form = new IntakePage(p, baseUrl);
    await form.open();
    const filing: Filing = { kind: "report", kindLabel: "Phản ánh", category: "Môi trường", area: "Xã Krông Pa", title: `Nước thải ra suối ${stamp}`, body: "Cơ sở chế biến mủ cao su xả nước thải ra suối, cá chết nhiều ngày nay.", name: "Rơ Mah Thị H", phone: "0905 222 333" };
    await form.fill(filing);
    await form.attach([{ name: "anh.jpg", mimeType: "image/jpeg", buffer: Buffer.from("<script>alert(1)</script>") }]);
    await form.submit();
    await p.getByText('Tệp "anh.jpg" không phải ảnh, PDF hay tài liệu văn phòng được chấp nhận.').waitFor();
    // The route handed the refusal to the server action, which showed the form again as typed.
    expect(posts).toEqual(["307 /gui-y-kien/gui", "200 /gui-y-kien"]);
    expect(await p.getByLabel(/^Tiêu đề/).inputValue()).toBe(filing.title);
    expect(await p.getByLabel(/^Nội dung/).inputValue()).toBe(filing.body);
    expect(await p.getByLabel(/^Số điện thoại/).inputValue()).toBe(filing.phone);
    posts.length = 0;
    const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
    await form.attach([{ name: "nuoc-thai.png", mimeType: "image/png", buffer: png }]);
    await form.submit();
    const receipt = await form.receipt();
    expect(posts).toEqual(["303 /gui-y-kien/gui"]);
    expect(receipt.unit).not.toBe("");
    await p.goto(`${baseUrl}/tra-cuu/${receipt.code}/rieng`);
    await p.getByLabel(/Mã truy cập/).fill(receipt.key);
    await p.getByRole("button", { name: /Xem hồ sơ|Mở hồ sơ|Tiếp tục/ }).click();
    await p.getByText("nuoc-thai.png").first().waitFor();
  });

  it("keeps what was typed after an error with JavaScript on too", async () => {
    session = await openBrowser();
    const form = new IntakePage(session.page, baseUrl);
    await form.open();
    await form.fill({ kind: "report", kindLabel: "Phản ánh", category: "Môi trường", area: "Xã Krông Pa", title: "Khói bụi từ lò gạch", body: "Quá ngắn", name: "Ksor Y" });
    await form.submit();
    const p = session.page;
    await p.getByText("Nội dung quá ngắn.").waitFor();
    expect(await p.getByLabel(/^Tiêu đề/).inputValue()).toBe("Khói bụi từ lò gạch");
    expect(await p.getByLabel(/^Họ và tên/).inputValue()).toBe("Ksor Y");
    // The choices in lists are kept as well as the text (React resets a form after its action).
    expect(await p.getByLabel(/^Lĩnh vực/).locator("option:checked").textContent()).toBe("Môi trường");
    expect(await p.getByLabel(/^Địa bàn xảy ra sự việc/).locator("option:checked").textContent()).toContain("Xã Krông Pa");
    expect(await p.getByRole("radio", { name: /^Phản ánh/ }).isChecked()).toBe(true);
    expect(await p.getByText("Vui lòng để lại số điện thoại hoặc email để nhận trả lời.").count()).toBe(1);
    // Focus moves to the summary of problems.
    expect(await p.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("alert");
  });
});

describe("a citizen's own cases", () => {
  it("lists every case filed with the email the citizen signs in with, and no one else's", async () => {
    session = await openBrowser();
    const { page } = session;
    const email = `mine.${Date.now().toString(36)}@example.com`;
    const form = new IntakePage(page, baseUrl);
    const codes: string[] = [];
    for (const title of ["Rác thải ùn ứ ở chợ đêm", "Đường ống nước bị vỡ"]) {
      await form.open();
      await form.fill({ kind: "report", kindLabel: "Phản ánh", category: "Môi trường", area: "Phường Quy Nhơn", title: `${title} ${email}`, body: "Tình trạng kéo dài nhiều ngày, ảnh hưởng sinh hoạt của bà con trong khu phố.", name: "Võ Văn Em", email });
      await form.submit();
      codes.push((await form.receipt()).code);
    }
    await signInThroughOutbox(page, baseUrl, email, "/ho-so-cua-toi");
    await page.waitForURL(/\/ho-so-cua-toi/);
    const text = (await page.locator("main").textContent())!;
    for (const code of codes) expect(text).toContain(code);
    expect(await page.getByRole("link", { name: /Rác thải ùn ứ ở chợ đêm/ }).count()).toBe(1);
  });
});
