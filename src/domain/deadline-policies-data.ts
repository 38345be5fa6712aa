// Default deadline policies for the demo seed (DOMAIN.md section 4, table). Law 136/2025/QH15
// (in force 1/7/2026) may change some numbers: admins add a new policy with a later effectiveFrom.
import type { DeadlinePolicy, PeriodRule } from "./deadlines";

const FROM = "2026-01-01";

export const DEFAULT_DEADLINE_POLICIES: DeadlinePolicy[] = [
  {
    id: "complaint-1-2026",
    kind: "complaint",
    instance: 1,
    effectiveFrom: FROM,
    effectiveTo: null,
    acceptance: { amount: 10, unit: "working_days" },
    resolution: { amount: 30, unit: "days" },
    remoteResolution: { amount: 45, unit: "days" },
    // Complex: 30 -> 45 days, remote 45 -> 60: one extension of up to 15 days.
    extension: { maxCount: 1, maxDaysEach: 15 },
    progressUpdateEveryDays: null,
    // The statute gives no pause; admins may change it.
    pausesOnInfoRequest: false,
    legalBasis: "Luật Khiếu nại số 02/2011/QH13, Điều 27, 28; Thông tư 07/2013/TT-TTCP",
  },
  {
    // Decree 155/2026 amending Decree 124/2020 art. 16 shortens acceptance to 7 working days from 1/7/2026, but it
    // was seen only in one unofficial copy: unconfirmed, it applies to no case until an admin checks the official
    // text and confirms it on the deadline policies page (cases already received keep theirs).
    id: "complaint-1-2026-07",
    kind: "complaint",
    instance: 1,
    effectiveFrom: "2026-07-01",
    effectiveTo: null,
    acceptance: { amount: 7, unit: "working_days" },
    resolution: { amount: 30, unit: "days" },
    remoteResolution: { amount: 45, unit: "days" },
    extension: { maxCount: 1, maxDaysEach: 15 },
    progressUpdateEveryDays: null,
    pausesOnInfoRequest: false,
    legalBasis: "Luật Khiếu nại số 02/2011/QH13, Điều 27, 28; Nghị định 155/2026/NĐ-CP sửa đổi Nghị định 124/2020/NĐ-CP, Điều 16",
    confirmed: false,
    note:
      "(mẫu) Thời hạn thụ lý 7 ngày làm việc; vụ việc phức tạp xác định theo 7 tiêu chí ghi trong hồ sơ. Mới thấy trong một bản sao không chính thức của Nghị định 155/2026/NĐ-CP: cần đối chiếu văn bản chính thức rồi mới xác nhận.",
  },
  {
    id: "complaint-2-2026",
    kind: "complaint",
    instance: 2,
    effectiveFrom: FROM,
    effectiveTo: null,
    acceptance: { amount: 10, unit: "working_days" },
    resolution: { amount: 45, unit: "days" },
    remoteResolution: { amount: 60, unit: "days" },
    // Complex: 45 -> 60 days (remote 60 -> 70): one extension of up to 15 days.
    extension: { maxCount: 1, maxDaysEach: 15 },
    progressUpdateEveryDays: null,
    pausesOnInfoRequest: false,
    legalBasis: "Luật Khiếu nại số 02/2011/QH13, Điều 36, 37; Thông tư 07/2013/TT-TTCP",
  },
  {
    id: "denunciation-2026",
    kind: "denunciation",
    instance: null,
    effectiveFrom: FROM,
    effectiveTo: null,
    // 10 working days when verification spans several places: set by the handler, not the default.
    acceptance: { amount: 7, unit: "working_days" },
    resolution: { amount: 30, unit: "days" },
    remoteResolution: null,
    // Complex: one extension <= 30; especially complex: two <= 30 each, by written decision.
    extension: { maxCount: 2, maxDaysEach: 30 },
    progressUpdateEveryDays: null,
    pausesOnInfoRequest: false,
    legalBasis: "Luật Tố cáo số 25/2018/QH14, Điều 24, 30; Nghị định 31/2019/NĐ-CP",
  },
  {
    id: "petition-2026",
    kind: "petition",
    instance: null,
    effectiveFrom: FROM,
    effectiveTo: null,
    acceptance: { amount: 5, unit: "working_days" },
    resolution: { amount: 20, unit: "days" },
    remoteResolution: null,
    extension: null,
    progressUpdateEveryDays: 7,
    pausesOnInfoRequest: true,
    // Decision 574/QĐ-TTg is left out until confirmed (DOMAIN.md: "verify"): citizens see this text.
    legalBasis: "Nghị định 20/2008/NĐ-CP, Điều 9",
  },
  {
    id: "report-2026",
    kind: "report",
    instance: null,
    effectiveFrom: FROM,
    effectiveTo: null,
    acceptance: { amount: 5, unit: "working_days" },
    resolution: { amount: 20, unit: "days" },
    remoteResolution: null,
    extension: null,
    progressUpdateEveryDays: 7,
    pausesOnInfoRequest: true,
    // Decision 574/QĐ-TTg is left out until confirmed (DOMAIN.md: "verify"): citizens see this text.
    legalBasis: "Nghị định 20/2008/NĐ-CP, Điều 9",
  },
  {
    id: "contribution-2026",
    kind: "contribution",
    instance: null,
    effectiveFrom: FROM,
    effectiveTo: null,
    acceptance: { amount: 10, unit: "working_days" },
    // No statute: a setting under Decision 554.
    resolution: { amount: 30, unit: "days" },
    remoteResolution: null,
    extension: null,
    progressUpdateEveryDays: null,
    pausesOnInfoRequest: true,
    legalBasis:
      "Quyết định 554-QĐ/TU ngày 14/3/2017 của Tỉnh ủy Gia Lai (không có thời hạn luật định; thời hạn do cơ quan quy định)",
  },
];

/** Anything raised at a citizen reception session must be answered within 10 working days. */
export const RECEPTION_ANSWER_POLICY: PeriodRule = {
  id: "reception-answer-2026",
  effectiveFrom: FROM,
  effectiveTo: null,
  period: { amount: 10, unit: "working_days" },
  legalBasis: "Luật Tiếp công dân số 42/2013/QH13, Điều 28",
  description: "Trả lời nội dung phản ánh, kiến nghị tại buổi tiếp công dân trong 10 ngày làm việc",
};
