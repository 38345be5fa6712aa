// The periodic report on the demo data: its CSV (headers, file name, columns, the same numbers as the statistics),
// its sentences, bad parameters (a clear sentence in the reader's language, never a 500), and privacy (no filer's
// identity anywhere in what it outputs). The figures themselves are worked out by hand in statistics-figures.test.ts.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseParties, units } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed-demo";
import { CASE_FIGURE_KEYS } from "@/domain/statistics/figures";
import { standardPeriod } from "@/domain/statistics/period";
import { reportText } from "@/domain/statistics/report-text";
import { unsealPersonalData } from "@/server/privacy/personal-data";
import { getCaseStatistics } from "@/server/statistics/get-case-statistics";
import { getParticipationFigures } from "@/server/statistics/get-participation-figures";
import { getPeriodicReport } from "@/server/statistics/get-periodic-report";
import { listStatisticsUnits } from "@/server/statistics/get-statistics-page";
import { reportCsvFilename } from "@/server/statistics/report-csv";
import { reportCsvResponse } from "@/server/statistics/report-csv-response";
import { resolveScope } from "@/server/statistics/scope";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
// Friday 27 November 2026, 10:00 in Vietnam.
const now = new Date("2026-11-27T03:00:00Z");

/** A CSV response's rows (the report has no quoted line breaks); the file starts with a byte order mark. */
async function rows(response: Response): Promise<string[][]> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  expect(csv.endsWith("\r\n")).toBe(true);
  return csv
    .slice(1)
    .split("\r\n")
    .filter((l) => l !== "")
    .map((line) => {
      const cells: string[] = [];
      let cell = "";
      let quoted = false;
      for (let i = 0; i < line.length; i++) {
        const ch = line[i]!;
        if (quoted && ch === '"' && line[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (ch === '"') quoted = !quoted;
        else if (ch === "," && !quoted) {
          cells.push(cell);
          cell = "";
        } else cell += ch;
      }
      cells.push(cell);
      return cells;
    });
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
});
afterAll(() => t.close());

describe("the report as CSV", () => {
  it("has the same figures as the statistics, one a line, in a fixed order, headed in the reader's language", async () => {
    const response = await reportCsvResponse(t.db, { ky: "year", nam: "2026" }, "vi", now);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="bao-cao-tinh-2026-01-01-2026-12-31.csv"');
    const lines = await rows(response);
    expect(lines[0]).toEqual(["Mục", "Mã chỉ tiêu", "Chỉ tiêu", "Số liệu", "Tử số", "Mẫu số", "Tỷ lệ (số thập phân)"]);
    const stats = await getCaseStatistics(t.db, (await resolveScope(t.db, { kind: "province" }))!, { from: "2026-01-01", to: "2026-12-31" }, now);
    const byCode = new Map(lines.map((l) => [l[1], l]));
    expect(stats.figures.received).toBeGreaterThan(0);
    expect(byCode.get("received")!.slice(2, 4)).toEqual(["Tiếp nhận", String(stats.figures.received)]);
    expect(byCode.get("resolution")!.slice(3)).toEqual([String(stats.figures.answered), String(stats.figures.answered), String(stats.figures.withinCompetence), (stats.figures.answered / stats.figures.withinCompetence).toFixed(4)]);
    expect(byCode.get("overdueNow")![3]).toBe(String(stats.figures.overdueNow));
    const caseCodes = lines.filter((l) => l[0] === "III. Tiếp nhận và giải quyết đơn, thư").map((l) => l[1]);
    expect(caseCodes).toEqual([...CASE_FIGURE_KEYS]);
    // Participation figures, then every kind (zeros included), denunciations as a count.
    const participation = await getParticipationFigures(t.db, (await resolveScope(t.db, { kind: "province" }))!, { from: "2026-01-01", to: "2026-12-31" }, now);
    expect(byCode.get("sessionsHeld")![3]).toBe(String(participation.dialogue.sessionsHeld));
    expect(byCode.get("citizensReceived")![3]).toBe(String(participation.receptions.citizensReceived));
    expect(byCode.get("commitmentsMade")![3]).toBe(String(participation.commitments.commitmentsMade));
    expect(lines.slice(-6).map((l) => l[1])).toEqual(["petition-1", "report-1", "complaint-1", "complaint-2", "denunciation-1", "contribution-1"]);
    expect(byCode.get("denunciation-1")![2]).toBe("Tố cáo (chỉ công bố số lượng)");
    // Every line has the seven columns.
    expect(new Set(lines.map((l) => l.length))).toEqual(new Set([7]));
  });

  it("in English for an English reader, for a unit with its subtree, with the unit's code in the file name", async () => {
    const response = await reportCsvResponse(t.db, { "don-vi": "demo-ubnd", "cap-duoi": "1", ky: "quarter", nam: "2026", so: "4" }, "en", now);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="bao-cao-demo-ubnd-cap-duoi-2026-10-01-2026-12-31.csv"');
    const lines = await rows(response);
    expect(lines[0]).toEqual(["Section", "Figure code", "Figure", "Value", "Numerator", "Denominator", "Rate (decimal)"]);
    expect(lines[1]!.slice(2, 4)).toEqual(["Scope", "Gia Lai Provincial People's Committee and the units under it"]);
    expect(lines[2]![3]).toBe("2026-10-01");
    expect(lines.find((l) => l[1] === "received")![2]).toBe("Received");
  });

  it("answers a bad period with a 400 and an unknown unit with a 404, each with a clear sentence", async () => {
    const cases: Array<[Record<string, string>, number, string]> = [
      [{ ky: "week" }, 400, "Kỳ báo cáo không hợp lệ"],
      [{ ky: "year", nam: "20x6" }, 400, "Năm không hợp lệ"],
      [{ ky: "month", nam: "2026", so: "13" }, 400, "Tháng hoặc quý không hợp lệ"],
      [{ ky: "custom", tu: "2026-02-30", den: "2026-03-01" }, 400, "Ngày không hợp lệ"],
      [{ ky: "custom", tu: "2026-05-01", den: "2026-03-01" }, 400, "Ngày bắt đầu đang sau ngày kết thúc"],
      [{ ky: "custom", tu: "2000-01-01", den: "2026-03-01" }, 400, "dài quá 10 năm"],
      [{ "don-vi": "khong-co-don-vi-nay" }, 404, "Không tìm thấy đơn vị"],
    ];
    for (const [params, status, text] of cases) {
      const response = await reportCsvResponse(t.db, params, "vi", now);
      expect(response.status, JSON.stringify(params)).toBe(status);
      expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      expect(await response.text()).toContain(text);
    }
    const english = await reportCsvResponse(t.db, { ky: "custom", tu: "2026-05-01", den: "2026-03-01" }, "en", now);
    expect(await english.text()).toBe("The start date is after the end date. Please check them.");
  });

  it("names its file with safe characters only", () => {
    expect(reportCsvFilename('a"b/c\\d e', standardPeriod("month", 2026, 6))).toBe("bao-cao-a-b-c-d-e-2026-06-01-2026-06-30.csv");
  });
});

describe("the report's page data", () => {
  it("lists every unit for the picker and writes sentences for the demo year", async () => {
    const list = await listStatisticsUnits(t.db, "vi");
    expect(list.length).toBe((await t.db.select().from(units)).length);
    const collator = new Intl.Collator("vi");
    expect(list.map((u) => u.name)).toEqual([...list.map((u) => u.name)].sort(collator.compare));
    const report = await getPeriodicReport(t.db, (await resolveScope(t.db, { kind: "province" }))!, standardPeriod("year", 2026), now);
    const text = reportText({ figures: report.statistics.figures, byKind: report.statistics.byKind, participation: report.participation }, "vi");
    expect(text.map((s) => s.section)).toEqual(["dialogue", "receptions", "cases", "overdue", "commitments", "kinds"]);
    const f = report.statistics.figures;
    const rate = new Intl.NumberFormat("vi-VN", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(f.answered / f.withinCompetence);
    expect(text.find((s) => s.section === "cases")!.sentences).toContain(`Đã giải quyết xong ${f.answered}/${f.withinCompetence} vụ, đạt ${rate}.`);
  });
});

describe("privacy", () => {
  it("never outputs a filer's name, phone, email, address or ID number, in the CSV or the sentences", async () => {
    const parties = await t.db.select().from(caseParties).where(eq(caseParties.role, "filer"));
    const secrets = parties
      .flatMap((p) => {
        const d = unsealPersonalData(p.keyId, p.sealed);
        return [d.name, d.phone, d.email, d.address, d.idNumber];
      })
      .filter((s): s is string => typeof s === "string" && s.length >= 5);
    expect(secrets.length).toBeGreaterThan(20);
    const outputs: string[] = [];
    for (const locale of ["vi", "en"] as const) {
      for (const params of [{ ky: "year", nam: "2026" }, { "don-vi": "demo-ubnd-pleiku", ky: "year", nam: "2026" }, { "don-vi": "demo-ttr", ky: "year", nam: "2026" }]) {
        outputs.push(await (await reportCsvResponse(t.db, params, locale, now)).text());
      }
      const report = await getPeriodicReport(t.db, (await resolveScope(t.db, { kind: "province" }))!, standardPeriod("year", 2026), now);
      outputs.push(JSON.stringify(reportText({ figures: report.statistics.figures, byKind: report.statistics.byKind, participation: report.participation }, locale)));
    }
    const all = outputs.join("\n").toLowerCase();
    for (const secret of secrets) expect(all.includes(secret.toLowerCase()), `a filer's identity appears: ${secret.slice(0, 3)}…`).toBe(false);
  });
});
