// The sentences of the periodic report (báo cáo kết quả thực hiện Quyết định 553-QĐ/TU và 554-QĐ/TU), written the
// way the province's reports write them: "Tiếp nhận 758 đơn; thuộc thẩm quyền 365 vụ; đã giải quyết xong 338/365
// vụ, đạt 92,6%". Pure: the figures come from getCaseStatistics and getParticipationFigures.
import type { CaseCounters, CaseFigures, Share } from "./figures";
import { formatCount, formatDays, formatRate, formatShare, type NumberLocale } from "./number-format";

/** The participation figures (src/server/statistics/get-participation-figures.ts), as the report reads them. */
export type ReportParticipation = {
  dialogue: { sessionsHeld: number; conferencesHeld: number; attendance: number; questions: number; answeredInSession: number; passedOnAsCases: number };
  commitments: { commitmentsMade: number; commitmentsKept: number; commitmentsMissed: number; commitmentsOpen: number; commitmentsOverdue: number };
  receptions: {
    receptionDaysRequired: number;
    receptionDaysHeld: number;
    receptionMonthsMet: number;
    receptionMonthsMissed: number;
    citizensReceived: number;
    receptionMatters: number;
  };
};

export type ReportKindRow = { kind: string; instance: number; counters: CaseCounters };

export type ReportInput = {
  figures: CaseFigures;
  byKind: ReportKindRow[];
  participation: ReportParticipation;
};

/** The report's parts, in the order the province's reports give them. */
export const REPORT_SECTIONS = ["dialogue", "receptions", "cases", "overdue", "commitments", "kinds"] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export type ReportText = Array<{ section: ReportSection; sentences: string[] }>;

const KIND_NAMES: Record<NumberLocale, Record<string, string>> = {
  vi: { petition: "kiến nghị", report: "phản ánh", complaint: "khiếu nại", denunciation: "tố cáo", contribution: "góp ý" },
  en: { petition: "petitions", report: "reports", complaint: "complaints", denunciation: "denunciations", contribution: "contributions" },
};

/** The kinds in the order the report lists them (complaints first instance, then second). */
const KIND_ORDER = ["petition", "report", "complaint", "denunciation", "contribution"];

/** "đạt 92,6%" / "92.6%", or nothing when there is nothing to divide by. */
function rateClause(s: Share, locale: NumberLocale): string {
  if (s.rate === null) return "";
  return locale === "vi" ? `, đạt ${formatRate(s.rate, locale)}` : ` (${formatRate(s.rate, locale)})`;
}

function kindList(rows: ReportKindRow[], locale: NumberLocale): string {
  const n = (v: number) => formatCount(v, locale);
  const totals = new Map<string, { total: number; byInstance: Map<number, number> }>();
  for (const r of rows) {
    if (r.counters.received === 0) continue;
    const t = totals.get(r.kind) ?? { total: 0, byInstance: new Map<number, number>() };
    t.total += r.counters.received;
    t.byInstance.set(r.instance, (t.byInstance.get(r.instance) ?? 0) + r.counters.received);
    totals.set(r.kind, t);
  }
  const kinds = [...totals.keys()].sort((a, b) => {
    const ia = KIND_ORDER.indexOf(a);
    const ib = KIND_ORDER.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || (a < b ? -1 : 1);
  });
  return kinds
    .map((kind) => {
      const t = totals.get(kind)!;
      const name = KIND_NAMES[locale][kind] ?? kind;
      let text = `${name} ${n(t.total)}`;
      if (kind === "complaint" && (t.byInstance.get(2) ?? 0) > 0) {
        const first = t.byInstance.get(1) ?? 0;
        const second = t.byInstance.get(2) ?? 0;
        text += locale === "vi" ? ` (lần đầu ${n(first)}, lần hai ${n(second)})` : ` (first instance ${n(first)}, second instance ${n(second)})`;
      }
      return text;
    })
    .join(", ");
}

function vi(input: ReportInput): ReportText {
  const L: NumberLocale = "vi";
  const n = (v: number) => formatCount(v, L);
  const { figures: f, participation: p } = input;
  const d = p.dialogue;
  const r = p.receptions;
  const c = p.commitments;

  const dialogue =
    d.sessionsHeld === 0
      ? ["Trong kỳ chưa tổ chức buổi đối thoại trực tiếp nào."]
      : [
          `Tổ chức ${n(d.sessionsHeld)} buổi đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền với Nhân dân` +
            (d.conferencesHeld > 0 ? ` (trong đó có ${n(d.conferencesHeld)} hội nghị đối thoại của xã, phường)` : "") +
            `, với ${n(d.attendance)} lượt người tham dự.`,
          `Nhân dân nêu ${n(d.questions)} ý kiến, kiến nghị; đã trả lời trực tiếp tại buổi đối thoại ${n(d.answeredInSession)} ý kiến, chuyển ${n(d.passedOnAsCases)} ý kiến thành hồ sơ để cơ quan có thẩm quyền giải quyết.`,
        ];

  const receptions = [
    `Người đứng đầu trực tiếp tiếp công dân ${n(r.receptionDaysHeld)}/${n(r.receptionDaysRequired)} ngày theo quy định; tiếp ${n(r.citizensReceived)} lượt công dân, ghi nhận ${n(r.receptionMatters)} vụ việc.`,
    ...(r.receptionMonthsMet + r.receptionMonthsMissed > 0
      ? [`Số tháng đạt nhiệm vụ tiếp công dân: ${n(r.receptionMonthsMet)}; chưa đạt: ${n(r.receptionMonthsMissed)}.`]
      : []),
  ];

  const cases = [
    `Tiếp nhận ${n(f.received)} đơn, thư (kiến nghị, phản ánh, khiếu nại, tố cáo, góp ý); không thụ lý ${n(f.refused)} đơn (đã hướng dẫn người gửi đến đúng nơi có thẩm quyền), người gửi rút ${n(f.withdrawnBeforeAcceptance)} đơn trước khi thụ lý; thuộc thẩm quyền ${n(f.withinCompetence)} vụ.`,
    `Đã giải quyết xong ${formatShare(f.resolution, L)} vụ${rateClause(f.resolution, L)}.`,
    ...(f.answered > 0 ? [`Trong số đã giải quyết, trả lời đúng hạn ${formatShare(f.onTime, L)} vụ${rateClause(f.onTime, L)}.`] : []),
    ...(f.medianDaysToAnswer !== null ? [`Thời gian trả lời (trung vị): ${formatDays(f.medianDaysToAnswer, L)} ngày kể từ ngày nhận đơn.`] : []),
    ...(f.transferredIn + f.transferredOut > 0 ? [`Được chuyển đến ${n(f.transferredIn)} hồ sơ, đã chuyển đi ${n(f.transferredOut)} hồ sơ.`] : []),
    ...(f.rated > 0 ? [`Người gửi hài lòng với câu trả lời: ${formatShare(f.satisfaction, L)} lượt đánh giá${rateClause(f.satisfaction, L)}.`] : []),
    ...(f.contested > 0 ? [`Có ${n(f.contested)} vụ người gửi không đồng ý với câu trả lời (mở lại hoặc khiếu nại lần hai).`] : []),
  ];

  const overdue = [f.overdueNow === 0 ? "Tính đến hôm nay không có hồ sơ quá hạn." : `Tính đến hôm nay còn ${n(f.overdueNow)} hồ sơ quá hạn chưa giải quyết.`];

  const commitments =
    c.commitmentsMade === 0
      ? ["Trong kỳ không có cam kết mới của người đứng đầu."]
      : [
          `Người đứng đầu đưa ra ${n(c.commitmentsMade)} cam kết; đã thực hiện ${n(c.commitmentsKept)}, không thực hiện đúng hạn ${n(c.commitmentsMissed)}, đang thực hiện ${n(c.commitmentsOpen)}` +
            (c.commitmentsOverdue > 0 ? ` (trong đó ${n(c.commitmentsOverdue)} cam kết đã quá hạn)` : "") +
            ".",
        ];

  const list = kindList(input.byKind, L);
  const kinds = [list ? `Phân theo loại đơn: ${list}.` : "Không có đơn nào trong kỳ."];
  return [
    { section: "dialogue", sentences: dialogue },
    { section: "receptions", sentences: receptions },
    { section: "cases", sentences: cases },
    { section: "overdue", sentences: overdue },
    { section: "commitments", sentences: commitments },
    { section: "kinds", sentences: kinds },
  ];
}

function en(input: ReportInput): ReportText {
  const L: NumberLocale = "en";
  const n = (v: number) => formatCount(v, L);
  const { figures: f, participation: p } = input;
  const d = p.dialogue;
  const r = p.receptions;
  const c = p.commitments;

  const dialogue =
    d.sessionsHeld === 0
      ? ["No direct dialogue was held in the period."]
      : [
          `${n(d.sessionsHeld)} direct dialogues between heads of Party committees and government and the people were held` +
            (d.conferencesHeld > 0 ? ` (of which ${n(d.conferencesHeld)} commune or ward dialogue conferences)` : "") +
            `, with ${n(d.attendance)} attendees.`,
          `People raised ${n(d.questions)} opinions and questions; ${n(d.answeredInSession)} were answered in the session and ${n(d.passedOnAsCases)} were passed on as cases to the competent body.`,
        ];

  const receptions = [
    `Heads received citizens in person on ${n(r.receptionDaysHeld)} of ${n(r.receptionDaysRequired)} required days; ${n(r.citizensReceived)} citizen visits, ${n(r.receptionMatters)} matters recorded.`,
    ...(r.receptionMonthsMet + r.receptionMonthsMissed > 0
      ? [`Months in which the reception duty was met: ${n(r.receptionMonthsMet)}; not met: ${n(r.receptionMonthsMissed)}.`]
      : []),
  ];

  const cases = [
    `${n(f.received)} letters received (petitions, reports, complaints, denunciations, contributions); ${n(f.refused)} not accepted (the filer was told where to go), ${n(f.withdrawnBeforeAcceptance)} withdrawn before acceptance; ${n(f.withinCompetence)} within competence.`,
    `Resolved ${formatShare(f.resolution, L)}${rateClause(f.resolution, L)}.`,
    ...(f.answered > 0 ? [`Of those resolved, ${formatShare(f.onTime, L)} were answered on time${rateClause(f.onTime, L)}.`] : []),
    ...(f.medianDaysToAnswer !== null ? [`Median time to answer: ${formatDays(f.medianDaysToAnswer, L)} days from receipt.`] : []),
    ...(f.transferredIn + f.transferredOut > 0 ? [`${n(f.transferredIn)} cases transferred in, ${n(f.transferredOut)} transferred out.`] : []),
    ...(f.rated > 0 ? [`Filers satisfied with the answer: ${formatShare(f.satisfaction, L)} ratings${rateClause(f.satisfaction, L)}.`] : []),
    ...(f.contested > 0 ? [`${n(f.contested)} cases were contested by the filer (reopened or a second-instance complaint).`] : []),
  ];

  const overdue = [f.overdueNow === 0 ? "As of today no case is overdue." : `As of today ${n(f.overdueNow)} cases are overdue.`];

  const commitments =
    c.commitmentsMade === 0
      ? ["No new commitment by a head in the period."]
      : [
          `Heads made ${n(c.commitmentsMade)} commitments: ${n(c.commitmentsKept)} kept, ${n(c.commitmentsMissed)} missed, ${n(c.commitmentsOpen)} open` +
            (c.commitmentsOverdue > 0 ? ` (${n(c.commitmentsOverdue)} of them past their deadline)` : "") +
            ".",
        ];

  const list = kindList(input.byKind, L);
  const kinds = [list ? `By kind: ${list}.` : "No letters in the period."];
  return [
    { section: "dialogue", sentences: dialogue },
    { section: "receptions", sentences: receptions },
    { section: "cases", sentences: cases },
    { section: "overdue", sentences: overdue },
    { section: "commitments", sentences: commitments },
    { section: "kinds", sentences: kinds },
  ];
}

/** The report's sentences by section, in the reader's language. Denunciations appear only as a count. */
export function reportText(input: ReportInput, locale: NumberLocale): ReportText {
  return locale === "vi" ? vi(input) : en(input);
}
