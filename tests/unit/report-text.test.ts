// The report's sentences (src/domain/statistics/report-text.ts): the province's way of writing figures, both
// languages, and what is said when there is nothing to count.
import { describe, expect, it } from "vitest";
import { caseFigures, emptyCounters, type CaseCounters } from "@/domain/statistics/figures";
import { reportText, type ReportInput, type ReportParticipation } from "@/domain/statistics/report-text";

const counters = (over: Partial<CaseCounters>): CaseCounters => ({ ...emptyCounters(), ...over });

function participation(over: { dialogue?: Partial<ReportParticipation["dialogue"]>; receptions?: Partial<ReportParticipation["receptions"]>; commitments?: Partial<ReportParticipation["commitments"]> } = {}): ReportParticipation {
  return {
    dialogue: { sessionsHeld: 0, conferencesHeld: 0, attendance: 0, questions: 0, answeredInSession: 0, passedOnAsCases: 0, ...over.dialogue },
    receptions: { receptionDaysRequired: 0, receptionDaysHeld: 0, receptionMonthsMet: 0, receptionMonthsMissed: 0, citizensReceived: 0, receptionMatters: 0, ...over.receptions },
    commitments: { commitmentsMade: 0, commitmentsKept: 0, commitmentsMissed: 0, commitmentsOpen: 0, commitmentsOverdue: 0, ...over.commitments },
  };
}

/** The province's year in DOMAIN.md section 1: 758 letters, 365 within competence, 338 resolved (92.6%). */
function provinceYear(): ReportInput {
  const c = counters({ received: 758, refused: 380, withdrawnBeforeAcceptance: 13, accepted: 365, answered: 338, answeredOnTime: 300, rated: 200, satisfied: 150, contested: 12, extended: 20 });
  return {
    figures: caseFigures({ counters: c, daysToAccept: new Map([[3, 365]]), daysToAnswer: new Map([[18, 169], [25, 169]]), overdueNow: 7, transferredIn: 4, transferredOut: 9 }),
    byKind: [
      { kind: "denunciation", instance: 1, counters: counters({ received: 58 }) },
      { kind: "complaint", instance: 2, counters: counters({ received: 40 }) },
      { kind: "complaint", instance: 1, counters: counters({ received: 300 }) },
      { kind: "petition", instance: 1, counters: counters({ received: 360 }) },
    ],
    participation: participation({
      dialogue: { sessionsHeld: 80, conferencesHeld: 12, attendance: 478187, questions: 52661, answeredInSession: 40000, passedOnAsCases: 1200 },
      receptions: { receptionDaysRequired: 120, receptionDaysHeld: 118, receptionMonthsMet: 10, receptionMonthsMissed: 2, citizensReceived: 8135, receptionMatters: 900 },
      commitments: { commitmentsMade: 30, commitmentsKept: 20, commitmentsMissed: 2, commitmentsOpen: 8, commitmentsOverdue: 3 },
    }),
  };
}

const all = (input: ReportInput, locale: "vi" | "en") => reportText(input, locale).flatMap((s) => s.sentences);

describe("the report's sentences", () => {
  it("write the resolution rate the way the province's reports do, with Vietnamese number formats", () => {
    const s = all(provinceYear(), "vi");
    expect(s).toContain("Đã giải quyết xong 338/365 vụ, đạt 92,6%.");
    expect(s).toContain("Tổ chức 80 buổi đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền với Nhân dân (trong đó có 12 hội nghị đối thoại của xã, phường), với 478.187 lượt người tham dự.");
    expect(s).toContain("Nhân dân nêu 52.661 ý kiến, kiến nghị; đã trả lời trực tiếp tại buổi đối thoại 40.000 ý kiến, chuyển 1.200 ý kiến thành hồ sơ để cơ quan có thẩm quyền giải quyết.");
    expect(s).toContain("Người đứng đầu trực tiếp tiếp công dân 118/120 ngày theo quy định; tiếp 8.135 lượt công dân, ghi nhận 900 vụ việc.");
    expect(s).toContain("Tiếp nhận 758 đơn, thư (kiến nghị, phản ánh, khiếu nại, tố cáo, góp ý); không thụ lý 380 đơn (đã hướng dẫn người gửi đến đúng nơi có thẩm quyền), người gửi rút 13 đơn trước khi thụ lý; thuộc thẩm quyền 365 vụ.");
    expect(s).toContain("Trong số đã giải quyết, trả lời đúng hạn 300/338 vụ, đạt 88,8%.");
    expect(s).toContain("Thời gian trả lời (trung vị): 21,5 ngày kể từ ngày nhận đơn.");
    expect(s).toContain("Tính đến hôm nay còn 7 hồ sơ quá hạn chưa giải quyết.");
    expect(s).toContain("Người đứng đầu đưa ra 30 cam kết; đã thực hiện 20, không thực hiện đúng hạn 2, đang thực hiện 8 (trong đó 3 cam kết đã quá hạn).");
    // Kinds in the report's order, the two instances of complaints apart, denunciations as a count only.
    expect(s).toContain("Phân theo loại đơn: kiến nghị 360, khiếu nại 340 (lần đầu 300, lần hai 40), tố cáo 58.");
  });

  it("say the same in English", () => {
    const s = all(provinceYear(), "en");
    expect(s).toContain("Resolved 338/365 (92.6%).");
    expect(s).toContain("80 direct dialogues between heads of Party committees and government and the people were held (of which 12 commune or ward dialogue conferences), with 478,187 attendees.");
    expect(s).toContain("By kind: petitions 360, complaints 340 (first instance 300, second instance 40), denunciations 58.");
    expect(s).toContain("As of today 7 cases are overdue.");
  });

  it("give the sections in the report's order, in both languages", () => {
    for (const locale of ["vi", "en"] as const) {
      expect(reportText(provinceYear(), locale).map((s) => s.section)).toEqual(["dialogue", "receptions", "cases", "overdue", "commitments", "kinds"]);
    }
  });

  it("never write a rate of nothing: an empty period says so plainly", () => {
    const empty: ReportInput = {
      figures: caseFigures({ counters: emptyCounters(), daysToAccept: new Map(), daysToAnswer: new Map(), overdueNow: 0, transferredIn: 0, transferredOut: 0 }),
      byKind: [],
      participation: participation(),
    };
    const s = all(empty, "vi");
    expect(s).toContain("Trong kỳ chưa tổ chức buổi đối thoại trực tiếp nào.");
    expect(s).toContain("Đã giải quyết xong 0/0 vụ.");
    expect(s).toContain("Tính đến hôm nay không có hồ sơ quá hạn.");
    expect(s).toContain("Trong kỳ không có cam kết mới của người đứng đầu.");
    expect(s).toContain("Không có đơn nào trong kỳ.");
    expect(s.join(" ")).not.toMatch(/%|NaN|null|undefined/);
    const en = all(empty, "en");
    expect(en).toContain("Resolved 0/0.");
    expect(en.join(" ")).not.toMatch(/%|NaN|null|undefined/);
  });

  it("leave out the on-time, median, transfer, satisfaction and contested sentences when there is nothing to say", () => {
    const c = counters({ received: 3, accepted: 1 });
    const s = all({ figures: caseFigures({ counters: c, daysToAccept: new Map([[2, 1]]), daysToAnswer: new Map(), overdueNow: 1, transferredIn: 0, transferredOut: 0 }), byKind: [{ kind: "report", instance: 1, counters: c }], participation: participation() }, "vi");
    expect(s.some((x) => x.includes("đúng hạn") || x.includes("trung vị") || x.includes("chuyển đến") || x.includes("hài lòng") || x.includes("không đồng ý"))).toBe(false);
    expect(s).toContain("Đã giải quyết xong 0/3 vụ, đạt 0,0%.");
    expect(s).toContain("Tính đến hôm nay còn 1 hồ sơ quá hạn chưa giải quyết.");
    expect(s).toContain("Phân theo loại đơn: phản ánh 3.");
  });
});
