// The periodic report as CSV (/thong-ke/bao-cao.csv): the same figures as the page, one figure a line, headed in
// the reader's language, rates as plain decimals ("0.9260"), columns in a fixed order. Pure.
import { CASE_FIGURE_KEYS, type CaseFigureKey, type Share } from "@/domain/statistics/figures";
import { csvRate } from "@/domain/statistics/number-format";
import type { Period } from "@/domain/statistics/period";
import type { CaseStatistics } from "@/domain/statistics/summarise";
import type { ReportParticipation } from "@/domain/statistics/report-text";
import { csvDocument } from "@/lib/csv";

export const REPORT_CSV_COLUMNS = ["section", "figure", "label", "value", "part", "whole", "rate"] as const;
export type ReportCsvColumn = (typeof REPORT_CSV_COLUMNS)[number];

export const PARTICIPATION_KEYS = {
  dialogue: ["sessionsHeld", "conferencesHeld", "attendance", "questions", "answeredInSession", "passedOnAsCases"],
  receptions: ["receptionDaysRequired", "receptionDaysHeld", "receptionMonthsMet", "receptionMonthsMissed", "citizensReceived", "receptionMatters"],
  commitments: ["commitmentsMade", "commitmentsKept", "commitmentsMissed", "commitmentsOpen", "commitmentsOverdue"],
} as const;

export type ReportCsvLabels = {
  /** The column headings. */
  column: (c: ReportCsvColumn) => string;
  /** A figure's label (messages statistics.figures.<key>). */
  figure: (key: string) => string;
  /** A kind (and instance) of case. */
  kind: (kind: string, instance: number) => string;
  /** A section's name. */
  section: (section: "period" | "cases" | "dialogue" | "receptions" | "commitments" | "kinds") => string;
  /** The lines that say what the file covers: scope and period. */
  scopeLabel: string;
  periodLabel: string;
  scopeName: string;
};

type Cell = string | number | null;

function isShare(v: unknown): v is Share {
  return typeof v === "object" && v !== null && "part" in v && "whole" in v;
}

/**
 * The lines of the report CSV (without the byte order mark): a header, then every figure in a fixed order. The
 * second column is a stable code (a figure's key, or the kind and instance), whatever the reader's language.
 */
export function reportCsvLines(data: { period: Period; statistics: CaseStatistics; participation: ReportParticipation }, labels: ReportCsvLabels): Cell[][] {
  const lines: Cell[][] = [REPORT_CSV_COLUMNS.map((c) => labels.column(c))];
  const period = labels.section("period");
  lines.push([period, "scope", labels.scopeLabel, labels.scopeName, null, null, null]);
  lines.push([period, "from", labels.periodLabel, data.period.from, null, null, null]);
  lines.push([period, "to", labels.periodLabel, data.period.to, null, null, null]);
  const cases = labels.section("cases");
  const f = data.statistics.figures;
  for (const key of CASE_FIGURE_KEYS) {
    const v = f[key as CaseFigureKey];
    if (isShare(v)) lines.push([cases, key, labels.figure(key), v.part, v.part, v.whole, csvRate(v.rate)]);
    else lines.push([cases, key, labels.figure(key), v === null ? null : v, null, null, null]);
  }
  for (const section of ["dialogue", "receptions", "commitments"] as const) {
    const values = data.participation[section] as Record<string, number>;
    for (const key of PARTICIPATION_KEYS[section]) lines.push([labels.section(section), key, labels.figure(key), values[key] ?? 0, null, null, null]);
  }
  // Every kind, in a fixed order, zeros included: denunciations only as counts.
  const byKind = new Map(data.statistics.byKind.map((k) => [`${k.kind}:${k.instance}`, k.counters]));
  for (const [kind, instance] of [["petition", 1], ["report", 1], ["complaint", 1], ["complaint", 2], ["denunciation", 1], ["contribution", 1]] as const) {
    const c = byKind.get(`${kind}:${instance}`);
    const within = c ? c.received - c.refused - c.withdrawnBeforeAcceptance : 0;
    const answered = c?.answered ?? 0;
    lines.push([labels.section("kinds"), `${kind}-${instance}`, labels.kind(kind, instance), c?.received ?? 0, answered, within, csvRate(within > 0 ? answered / within : null)]);
  }
  return lines;
}

export function reportCsv(data: Parameters<typeof reportCsvLines>[0], labels: ReportCsvLabels): string {
  return csvDocument(reportCsvLines(data, labels));
}

/** bao-cao-<unit code or tinh>-<from>-<to>.csv: only safe characters. */
export function reportCsvFilename(unitCode: string | null, period: Period): string {
  const who = (unitCode ?? "tinh").replace(/[^A-Za-z0-9._-]/g, "-");
  return `bao-cao-${who}-${period.from}-${period.to}.csv`;
}
