import { describe, expect, it } from "vitest";
import { EMAIL_PREVIEWS } from "@/emails/previews";
import { LOCALES } from "@/i18n/config";
import { preferenceToken, verifyPreferenceToken } from "@/server/email/preference-token";

describe("email templates", () => {
  for (const preview of EMAIL_PREVIEWS) {
    for (const locale of LOCALES) {
      it(`${preview.name} renders subject, HTML and text in ${locale}`, async () => {
        const email = await preview.render(locale);
        expect(email.subject.trim()).not.toBe("");
        // A missing translation shows up as its key (email.x.y) in next-intl's fallback.
        for (const part of [email.subject, email.text]) expect(part).not.toMatch(/\bemail\.[a-z_]+\.|MISSING_MESSAGE/i);
        expect(email.html).toContain(`lang="${locale}"`);
        expect(email.html).toContain("http://localhost:3000/");
        expect(email.text).toContain("http://localhost:3000/");
        expect(email.text).not.toContain("<");
        if (locale === "vi") expect(email.text).toBe(email.text.normalize("NFC"));
        const optional = preview.name.startsWith("staff-digest") || preview.name === "case-info-reminder";
        expect(email.text.includes("/email/huy-dang-ky?t=")).toBe(optional);
      });
    }
  }

  it("greet citizens, the receipt too, and address them as ông/bà", async () => {
    for (const preview of EMAIL_PREVIEWS.filter((p) => !p.name.startsWith("staff-") && !p.name.startsWith("sign-in"))) {
      const vi = await preview.render("vi");
      expect(vi.text, preview.name).toContain("Kính gửi ông/bà,");
      expect(vi.text, preview.name).not.toMatch(/\bbạn\b/i);
    }
    expect((await EMAIL_PREVIEWS.find((p) => p.name === "case-receipt")!.render("en")).text).toContain("Dear Sir or Madam,");
  });

  it("tell the filer of an answer what they may do next, as the private view offers it", async () => {
    const { citizenUpdateEmail } = await import("@/emails/citizen-case-update");
    const answered = (kind: string, instance: number | null) =>
      citizenUpdateEmail("vi", { update: "answered", code: "ABCD-EFGH-JKM", kind, instance, unit: { name: "UBND phường Quy Nhơn", nameEn: "Quy Nhon Ward" } }).then((e) => e.text);
    const report = await answered("report", null);
    expect(report).toContain("đề nghị xem xét lại");
    expect(report).not.toContain("khiếu nại");
    expect(await answered("complaint", 1)).toContain("khiếu nại lần hai");
    expect(await answered("complaint", 2)).toContain("khởi kiện vụ án hành chính tại Tòa án");
  });

  it("say when an overdue case is reported again, and how often it will be", async () => {
    const again = EMAIL_PREVIEWS.find((p) => p.name === "staff-escalated-again")!;
    const vi = await again.render("vi");
    expect(vi.subject).toBe("Hồ sơ ABCD-EFGH-JKM vẫn quá hạn, báo cáo lần thứ 3 lên UBND tỉnh Gia Lai (mẫu)");
    expect(vi.text).toContain("Đây là lần thứ 3 hồ sơ được báo cáo");
    expect(vi.text).toContain("sau mỗi 5 ngày làm việc");
    const en = await again.render("en");
    expect(en.subject).toBe("Case ABCD-EFGH-JKM still overdue: reported to Gia Lai Provincial People's Committee (sample) for the 3rd time");
    expect(en.text).toContain("every 5 working days");
    const first = await EMAIL_PREVIEWS.find((p) => p.name === "staff-escalated")!.render("vi");
    expect(first.text).not.toContain("lần thứ");
  });

  it("mark a digest that stands for missed working days, in both languages", async () => {
    const catchUp = EMAIL_PREVIEWS.find((p) => p.name === "staff-digest-catch-up")!;
    const vi = await catchUp.render("vi");
    expect(vi.subject).toBe("Hồ sơ cần chú ý ngày 18/02/2027, gộp cả 3 ngày làm việc trước: 2 quá hạn, 0 sắp đến hạn");
    expect(vi.text).toContain("các bản tổng hợp từ ngày 15/02/2027 đến ngày 17/02/2027 (3 ngày làm việc) chưa được gửi");
    const en = await catchUp.render("en");
    expect(en.subject).toBe("Cases needing attention on 18/02/2027, including the previous 3 working days: 2 overdue, 0 due soon");
    expect(en.text).toContain("the digests from 15/02/2027 to 17/02/2027 (3 working days) were not sent");
    const usual = await EMAIL_PREVIEWS.find((p) => p.name === "staff-digest")!.render("vi");
    expect(usual.text).not.toContain("gián đoạn");
  });

  it("escapes what comes from users", async () => {
    const { staffNoticeEmail } = await import("@/emails/staff-case-notice");
    const email = await staffNoticeEmail("vi", { notice: "assigned", recipientName: "<b>x</b>", code: "C", kind: "report", title: "<script>alert(1)</script>", unit: { name: "U", nameEn: "U" } });
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("&lt;script&gt;");
  });

  it("writes Vietnamese and English", async () => {
    const accepted = EMAIL_PREVIEWS.find((p) => p.name === "case-accepted")!;
    expect((await accepted.render("vi")).subject).toBe("Hồ sơ ABCD-EFGH-JKM đã được thụ lý");
    expect((await accepted.render("en")).subject).toBe("Case ABCD-EFGH-JKM has been accepted for handling");
  });
});

describe("preference links", () => {
  it("verify only untampered tokens, per address and topic", () => {
    const token = preferenceToken("A@Example.com ", "digest");
    expect(verifyPreferenceToken(token)?.topic).toBe("digest");
    expect(verifyPreferenceToken(preferenceToken("a@example.com", "digest"))?.emailHash).toBe(verifyPreferenceToken(token)?.emailHash);
    expect(verifyPreferenceToken(token.replace(".digest.", ".reminder."))).toBeNull();
    expect(verifyPreferenceToken(token.slice(0, -1) + (token.endsWith("A") ? "B" : "A"))).toBeNull();
    expect(verifyPreferenceToken("garbage")).toBeNull();
  });
});
