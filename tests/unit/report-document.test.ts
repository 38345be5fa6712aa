// The printed part of /thong-ke/bao-cao rendered to HTML with the real messages, in both languages: no message
// missing, every table with its caption and header cells, denunciations only as a count.
import { createTranslator } from "next-intl";
import { renderToReadableStream } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { caseFigures, emptyCounters } from "@/domain/statistics/figures";
import { MESSAGES } from "@/i18n/messages";
import type { PeriodicReport } from "@/server/statistics/get-periodic-report";

const state = { locale: "vi" as "vi" | "en", errors: [] as string[] };
vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace?: string) =>
    createTranslator({ locale: state.locale, messages: MESSAGES[state.locale] as never, namespace: namespace as never, onError: (e) => state.errors.push(String(e)) }),
  getLocale: async () => state.locale,
}));
const { ReportDocument } = await import("@/app/thong-ke/bao-cao/report-document");

function report(): PeriodicReport {
  const counters = { ...emptyCounters(), received: 365, accepted: 365, answered: 338, answeredOnTime: 300 };
  return {
    scope: { scope: { kind: "province" }, unitIds: null, unit: null },
    period: { kind: "year", from: "2026-01-01", to: "2026-12-31", year: 2026, index: 1 },
    statistics: {
      figures: caseFigures({ counters, daysToAccept: new Map([[2, 365]]), daysToAnswer: new Map([[9, 338]]), overdueNow: 4, transferredIn: 0, transferredOut: 0 }),
      byMonth: [],
      byKind: [
        { kind: "complaint", instance: 1, counters: { ...counters, received: 300, accepted: 300, answered: 280 } },
        { kind: "denunciation", instance: 1, counters: { ...counters, received: 65, accepted: 65, answered: 58 } },
      ],
      byField: [],
      byArea: [],
    },
    participation: {
      dialogue: { sessionsHeld: 80, conferencesHeld: 3, attendance: 5018, questions: 120, answeredInSession: 90, passedOnAsCases: 30 },
      commitments: { commitmentsMade: 5, commitmentsKept: 3, commitmentsMissed: 1, commitmentsOpen: 1, commitmentsOverdue: 0 },
      receptions: { receptionDaysRequired: 24, receptionDaysHeld: 22, receptionMonthsMet: 10, receptionMonthsMissed: 2, citizensReceived: 8135, receptionMatters: 40 },
    },
    generatedAt: new Date("2026-11-27T03:00:00Z"),
  };
}

async function html(locale: "vi" | "en"): Promise<string> {
  state.locale = locale;
  state.errors = [];
  const element = await ReportDocument({ report: report(), scopeText: "—", periodText: "2026", asOfText: "—", locale });
  return new Response(await renderToReadableStream(element)).text();
}

beforeEach(() => {
  state.errors = [];
});

describe("the printed report", () => {
  it("renders in Vietnamese with every message found and the province's sentences", async () => {
    const out = await html("vi");
    expect(state.errors).toEqual([]);
    expect(out).toContain("Đã giải quyết xong 338/365 vụ, đạt 92,6%.");
    expect(out).toContain("5.018 lượt người tham dự");
    expect(out).toContain("Tố cáo (chỉ công bố số lượng)");
    // Six sections with a table each, each table with a caption; row and column headers.
    expect(out.match(/<table/g)).toHaveLength(6);
    expect(out.match(/<caption/g)).toHaveLength(6);
    expect(out).toContain('scope="row"');
    expect(out).toContain('scope="col"');
  });

  it("renders in English with every message found", async () => {
    const out = await html("en");
    expect(state.errors).toEqual([]);
    expect(out).toContain("Resolved 338/365 (92.6%).");
    expect(out).toContain("Denunciations (counts only)");
  });
});
