// THE HAND-WORKED FIGURES TEST. A fixed data set is built through the real services (filing, the officials'
// verbs, the filer's verbs) at fixed instants, and every figure of getCaseStatistics is compared with numbers worked
// out BY HAND below (not by running the same SQL): for the province, for one unit alone, for a unit with its
// subtree, for one month (whole month: read from the rollups) and for a custom period that cuts through two months
// (partial days: counted from the cases), including where transferred and reopened cases count, and the medians.
// The report's text and CSV are checked on the same data.
//
// Organisation: the demo reference data (units, areas, categories, holidays, deadline policies, routing rules and
// the demo officials), loaded by seedDemoData; then every demo case, session, reception and commitment is
// truncated, so that only the cases below exist.
//
// The clock. Every service takes `now`, for the case row and for the timeline events it writes (transfers are
// counted by their event's date), so the data set below is the same whatever day the test runs.
//
// Units (demo codes): P = demo-ubnd (the provincial People's Committee, top of its tree); under it: PK =
// demo-ubnd-pleiku (Pleiku ward), QN = demo-ubnd-quynhon (Quy Nhơn ward), SXD = demo-sxd (Department of
// Construction), TTR = demo-ttr (Provincial Inspectorate). BDV = demo-bdv (Mass Mobilisation Commission) is under
// the Party committee demo-tu, OUTSIDE P's subtree. Category "land" has no routing rule, so cases fall back to the
// ward's People's Committee; denunciations go to TTR by rule.
//
// Deadlines (default policies, no holidays in June-July 2026): petition/report accept within 5 working days,
// resolve within 20 days; complaint (1st) 10 working days / 30 days (one extension <= 15 days); complaint (2nd)
// 10 working days / 45 days; denunciation 7 working days / 30 days; contribution 10 working days / 30 days. "Days"
// do not count the first day; a period ending on a weekend ends on the next working day. Reports and petitions
// pause while the filer is asked for information.
//
// Every case (all times Vietnam time; d→acc / d→ans = calendar days from receipt to acceptance / answer):
//
// | case | kind        | received          | what happens (date)                                               | unit now | status now    | d→acc | d→ans | on time | rated  | running due (overdue on 03/08?) |
// |------|-------------|-------------------|-------------------------------------------------------------------|----------|---------------|-------|-------|---------|--------|---------------------------------|
// | C1   | petition    | Mon 01/06 09:00   | accepted 03/06 (due 23/06), answered 15/06, rated satisfied 16/06  | PK       | answered      | 2     | 14    | yes     | sat    | –                               |
// | C2   | report      | Tue 02/06 09:00   | accepted 04/06 (due 24/06); info asked 08/06, given 12/06: paused  | PK       | answered      | 2     | 24    | yes     | –      | –                               |
// |      |             |                   | 4 days, due 28/06 (Sun) -> Mon 29/06; answered 26/06               |          |               |       |       |         |        |                                 |
// | C3   | petition    | Wed 03/06 09:00   | accepted 05/06 (due 25/06), answered 29/06 (late), rated           | P        | received      | –     | –     | –       | –      | 08/07 (yes)                     |
// |      |             |                   | unsatisfied 30/06, contested 01/07: REOPENED at the level above    |          | (starts over) |       |       |         |        |                                 |
// |      |             |                   | (P), acceptance due 01/07 + 5 working days = 08/07                 |          |               |       |       |         |        |                                 |
// | C4   | complaint 1 | Thu 04/06 09:00   | accepted 08/06 (due 08/07), extended 10 days 30/06 (18/07 Sat ->   | PK       | closed        | 4     | 41    | yes     | –      | –                               |
// |      |             |                   | Mon 20/07), answered 15/07, contested 17/07: second instance C4b   |          |               |       |       |         |        |                                 |
// | C5   | petition    | Fri 05/06 09:00   | refused (không thụ lý) 09/06 with reason and where to go          | PK       | not_accepted  | –     | –     | –       | –      | –                               |
// | C6   | report      | Mon 08/06 09:00   | withdrawn by the filer 10/06, before acceptance                    | PK       | withdrawn     | –     | –     | –       | –      | –                               |
// | C7   | petition    | Tue 09/06 09:00   | TRANSFERRED PK -> SXD 11/06 (acceptance due 18/06), accepted 16/06 | SXD      | answered      | 7     | 24    | yes     | unsat  | –                               |
// |      |             |                   | (due 06/07), answered 03/07, rated unsatisfied 06/07               |          |               |       |       |         |        |                                 |
// | C8   | petition    | Mon 15/06 09:00   | filed in Quy Nhơn (QN), TRANSFERRED QN -> BDV 17/06 (due 24/06)    | BDV      | received      | –     | –     | –       | –      | 24/06 (yes)                     |
// | C9   | report      | Fri 26/06 09:00   | accepted Mon 29/06 (due 19/07 Sun -> Mon 20/07)                    | PK       | accepted      | 3     | –     | –       | –      | 20/07 (yes)                     |
// | C10  | petition    | Wed 01/07 09:00   | accepted 02/07 (due 22/07), answered 10/07, rated satisfied 13/07  | PK       | answered      | 1     | 9     | yes     | sat    | –                               |
// | C13  | denunciation| Mon 06/07 09:00   | routed to TTR (acceptance due 15/07), nothing done                 | TTR      | received      | –     | –     | –       | –      | 15/07 (yes)                     |
// | C11  | report      | Wed 15/07 23:30   | filed in Quy Nhơn late in the evening (local date 15/07, UTC 16:30 | QN       | received      | –     | –     | –       | –      | 22/07 (yes)                     |
// |      |             |                   | the same day), acceptance due 22/07                               |          |               |       |       |         |        |                                 |
// | C12  | contribution| Thu 16/07 00:30   | local date 16/07 although UTC is still 15/07 17:30; accepted 20/07 | QN       | accepted      | 4     | –     | –       | –      | 19/08 (no)                      |
// |      |             |                   | (due 19/08)                                                        |          |               |       |       |         |        |                                 |
// | C4b  | complaint 2 | Fri 17/07 10:00   | the second instance of C4 at the level above (P), acceptance due   | P        | accepted      | 4     | –     | –       | –      | 04/09 (no)                      |
// |      |             |                   | 31/07; accepted 21/07 (due 21/07 + 45 days = Fri 04/09)            |          |               |       |       |         |        |                                 |
//
// Where they count (figures.ts rules): a case counts in the month it was RECEIVED, at the unit that holds it NOW.
// C7 counts at SXD (PK shows it only as "transferred out", SXD as "transferred in"); C8 at BDV. C3 was reopened at
// P: it counts at P, as received and contested, and no longer as accepted, answered or rated at PK; its move up is
// counted like a transfer (PK out, P in, on 01/07). C4's second instance C4b is a new case received in July at P; C4
// stays at PK and counts as contested. The figures are read on Mon 03/08/2026 10:00 ("overdue now").
import { sql } from "drizzle-orm";
import { eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { areas, cases, categories, units, users } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed-demo";
import { CASE_FIGURE_KEYS } from "@/domain/statistics/figures";
import { standardPeriod, type Period } from "@/domain/statistics/period";
import { reportText } from "@/domain/statistics/report-text";
import { loadMemberships, type Viewer } from "@/server/auth/roles";
import { contestAnswer } from "@/server/filer/contest-answer";
import { createFilerToken } from "@/server/filer/filer-session";
import { provideRequestedInfo } from "@/server/filer/provide-requested-info";
import { rateAnswer } from "@/server/filer/rate-answer";
import { withdrawCase } from "@/server/filer/withdraw-case";
import { submitCase } from "@/server/intake/submit-case";
import type { SubmitCaseInput } from "@/server/intake/submit-case-input";
import { countFromScratch, loadRollups } from "@/server/statistics/case-rollups";
import { getCaseStatistics } from "@/server/statistics/get-case-statistics";
import { getPeriodicReport } from "@/server/statistics/get-periodic-report";
import { reportCsvLines } from "@/server/statistics/report-csv";
import { resolveScope, type ResolvedScope } from "@/server/statistics/scope";
import { acceptCase, approveAnswer, extendDeadline, refuseCase, requestInfo, saveDraft, transferCase } from "@/server/workspace/case-actions";
import statisticsEn from "../../messages/statistics/en.json";
import statisticsVi from "../../messages/statistics/vi.json";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
const SEED_NOW = new Date("2026-11-27T03:00:00Z");
/** When the figures are read: Monday 3 August 2026, 10:00 in Vietnam. */
const READ_AT = new Date("2026-08-03T03:00:00Z");
const vn = (date: string, time = "09:00") => new Date(`${date}T${time}:00+07:00`);

const id = { unit: {} as Record<string, string>, area: {} as Record<string, string>, category: {} as Record<string, string> };
const C: Record<string, string> = {};
let ip = 0;

async function viewer(name: string): Promise<Viewer> {
  const email = `${name}@doithoai.example`;
  const [user] = await t.db.select().from(users).where(eq(users.email, email));
  return { userId: user!.id, email, name: user!.name, locale: "vi", memberships: await loadMemberships(t.db, user!.id) };
}

/** Runs one service call at a fixed instant: the case row and its timeline events get that instant. */
async function step<T>(instant: Date, run: (now: Date) => Promise<T>): Promise<T> {
  return run(instant);
}

const version = async (caseId: string) => (await t.db.select({ v: cases.version }).from(cases).where(eq(cases.id, caseId)))[0]!.v;
const ref = async (caseId: string) => ({ caseId, version: await version(caseId) });
const rowOf = async (caseId: string) => (await t.db.select().from(cases).where(eq(cases.id, caseId)))[0]!;
const token = async (caseId: string, now: Date) => (await createFilerToken(t.db, caseId, now)).token;

async function file(name: string, at: Date, input: Partial<SubmitCaseInput> & { area: string }) {
  const { area, ...rest } = input;
  const result = await step(at, (now) =>
    submitCase(
      { db: t.db, ip: `198.51.100.${++ip}`, userId: null, now },
      {
        kind: "petition",
        categoryId: id.category.land!,
        areaId: id.area[area]!,
        title: `Hồ sơ thử ${name}: đề nghị xem xét cấp giấy chứng nhận`,
        body: "Gia đình tôi đã nộp hồ sơ đề nghị cấp giấy chứng nhận quyền sử dụng đất nhưng chưa nhận được kết quả.",
        name: `Người gửi ${name}`,
        phone: `0905${String(100000 + ip)}`,
        email: `nguoigui.${name.toLowerCase()}.${randomUUID().slice(0, 6)}@example.com`,
        filerAddress: "Tổ dân phố 5",
        consentPublish: false,
        idempotencyKey: randomUUID(),
        ...rest,
      },
      [],
    ),
  );
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result)}`);
  C[name] = result.receipt.caseId;
  return result.receipt.caseId;
}

/** The leader of the case's unit drafts and signs the answer. */
async function answer(caseId: string, leader: Viewer, at: Date) {
  await step(at, async (now) => saveDraft(t.db, leader, { ...(await ref(caseId)), draft: "Đơn vị đã kiểm tra và trả lời như sau: nội dung đề nghị đã được giải quyết.", submit: true }, now));
  await step(at, async (now) => approveAnswer(t.db, leader, await ref(caseId), now));
}

async function rate(caseId: string, satisfaction: "satisfied" | "unsatisfied", at: Date) {
  await step(at, async (now) => rateAnswer(t.db, await token(caseId, now), { ...(await ref(caseId)), satisfaction }, now));
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, SEED_NOW);
  // The reference data only: no demo case, session, reception duty or commitment is left.
  await t.db.execute(sql`truncate cases, dialogue_sessions, reception_days, reception_positions, commitments cascade`);
  for (const u of await t.db.select().from(units)) id.unit[u.code] = u.id;
  for (const a of await t.db.select().from(areas)) id.area[a.code] = a.id;
  for (const c of await t.db.select().from(categories)) id.category[c.code] = c.id;
  const PK = await viewer("lanhdao.pleiku");
  const P = await viewer("lanhdao.tinh");
  const QN = await viewer("lanhdao.quynhon");
  const SXD = await viewer("lanhdao.sxd");
  const pleiku = "demo-23602";
  const quynhon = "demo-21583";

  // C1: accepted, answered on time, rated satisfied.
  const c1 = await file("C1", vn("2026-06-01"), { area: pleiku });
  await step(vn("2026-06-03"), async (now) => acceptCase(t.db, PK, await ref(c1), now));
  await answer(c1, PK, vn("2026-06-15", "15:00"));
  await rate(c1, "satisfied", vn("2026-06-16"));

  // C2: paused while the filer is asked for information, answered on time.
  const c2 = await file("C2", vn("2026-06-02"), { area: pleiku, kind: "report" });
  await step(vn("2026-06-04"), async (now) => acceptCase(t.db, PK, await ref(c2), now));
  await step(vn("2026-06-08"), async (now) => requestInfo(t.db, PK, { ...(await ref(c2)), reason: "Đề nghị bổ sung bản sao sổ hộ khẩu." }, now));
  await step(vn("2026-06-12"), async (now) => provideRequestedInfo(t.db, await token(c2, now), { ...(await ref(c2)), text: "Tôi gửi bổ sung giấy tờ." }, [], now));
  await answer(c2, PK, vn("2026-06-26", "15:00"));

  // C3: answered late, rated unsatisfied, contested: reopened at the level above.
  const c3 = await file("C3", vn("2026-06-03"), { area: pleiku });
  await step(vn("2026-06-05"), async (now) => acceptCase(t.db, PK, await ref(c3), now));
  await answer(c3, PK, vn("2026-06-29", "15:00"));
  await rate(c3, "unsatisfied", vn("2026-06-30"));
  const reopened = await step(vn("2026-07-01"), async (now) => contestAnswer(t.db, await token(c3, now), { ...(await ref(c3)), reason: "Tôi không đồng ý với câu trả lời." }, now));
  expect(reopened).toMatchObject({ outcome: "reopened", unitId: id.unit["demo-ubnd"], acceptanceDueOn: "2026-07-08" });

  // C4: a first-instance complaint, extended, answered on time, contested: a second-instance complaint C4b at P.
  const c4 = await file("C4", vn("2026-06-04"), { area: pleiku, kind: "complaint" });
  await step(vn("2026-06-08"), async (now) => acceptCase(t.db, PK, await ref(c4), now));
  await step(vn("2026-06-30"), async (now) => extendDeadline(t.db, PK, { ...(await ref(c4)), days: 10, reason: "Vụ việc phức tạp, cần xác minh thêm." }, now));
  await answer(c4, PK, vn("2026-07-15", "15:00"));
  const second = await step(vn("2026-07-17", "10:00"), async (now) => contestAnswer(t.db, await token(c4, now), { ...(await ref(c4)), reason: "Tôi khiếu nại lần hai." }, now));
  if (second.outcome !== "second_instance") throw new Error("C4 should give a second-instance complaint");
  C.C4b = second.caseId;
  expect(second).toMatchObject({ unitId: id.unit["demo-ubnd"], acceptanceDueOn: "2026-07-31" });
  await step(vn("2026-07-21"), async (now) => acceptCase(t.db, P, await ref(second.caseId), now));

  // C5: refused acceptance, with the legal reason and where to go.
  const c5 = await file("C5", vn("2026-06-05"), { area: pleiku });
  await step(vn("2026-06-09"), async (now) =>
    refuseCase(t.db, PK, { ...(await ref(c5)), reason: "Nội dung thuộc thẩm quyền của Tòa án.", redirect: "Tòa án nhân dân khu vực nơi có đất." }, now),
  );

  // C6: withdrawn by the filer before acceptance.
  const c6 = await file("C6", vn("2026-06-08"), { area: pleiku, kind: "report" });
  await step(vn("2026-06-10"), async (now) => withdrawCase(t.db, await token(c6, now), { ...(await ref(c6)), reason: "", confirm: "yes" }, now));

  // C7: transferred PK -> SXD, accepted and answered there, rated unsatisfied.
  const c7 = await file("C7", vn("2026-06-09"), { area: pleiku });
  await step(vn("2026-06-11"), async (now) => transferCase(t.db, PK, { ...(await ref(c7)), unitId: id.unit["demo-sxd"], reason: "Thuộc thẩm quyền của Sở Xây dựng." }, now));
  await step(vn("2026-06-16"), async (now) => acceptCase(t.db, SXD, await ref(c7), now));
  await answer(c7, SXD, vn("2026-07-03", "15:00"));
  await rate(c7, "unsatisfied", vn("2026-07-06"));

  // C8: filed in Quy Nhơn, transferred QN -> BDV (outside P's subtree), left waiting there.
  const c8 = await file("C8", vn("2026-06-15"), { area: quynhon });
  await step(vn("2026-06-17"), async (now) => transferCase(t.db, QN, { ...(await ref(c8)), unitId: id.unit["demo-bdv"], reason: "Góp ý về công tác dân vận." }, now));

  // C9: accepted, never answered: overdue.
  const c9 = await file("C9", vn("2026-06-26"), { area: pleiku, kind: "report" });
  await step(vn("2026-06-29"), async (now) => acceptCase(t.db, PK, await ref(c9), now));

  // C10: July, answered quickly, rated satisfied.
  const c10 = await file("C10", vn("2026-07-01"), { area: pleiku });
  await step(vn("2026-07-02"), async (now) => acceptCase(t.db, PK, await ref(c10), now));
  await answer(c10, PK, vn("2026-07-10", "15:00"));
  await rate(c10, "satisfied", vn("2026-07-13"));

  // C13: a denunciation, routed to the inspectorate, nothing done: overdue.
  await file("C13", vn("2026-07-06"), { area: pleiku, kind: "denunciation", subjectName: "Cán bộ X", subjectPosition: "Công chức địa chính" });

  // C11 and C12: either side of midnight, Vietnam time, on 15/16 July.
  await file("C11", vn("2026-07-15", "23:30"), { area: quynhon, kind: "report" });
  const c12 = await file("C12", vn("2026-07-16", "00:30"), { area: quynhon, kind: "contribution", consentPublish: false });
  await step(vn("2026-07-20"), async (now) => acceptCase(t.db, QN, await ref(c12), now));

}, 120_000);
afterAll(() => t.close());

const scopeOf = async (code: string | null, subtree = false): Promise<ResolvedScope> =>
  (await resolveScope(t.db, code === null ? { kind: "province" } : { kind: "unit", unitId: id.unit[code]!, subtree }))!;
const statsOf = async (code: string | null, subtree: boolean, from: string, to: string) => getCaseStatistics(t.db, await scopeOf(code, subtree), { from, to }, READ_AT);
const share = (part: number, whole: number) => ({ part, whole, rate: whole > 0 ? part / whole : null });

describe("the data set is what the table says", () => {
  it("has every case where the table puts it, with the deadlines worked out by hand", async () => {
    const expectRow = async (name: string, unit: string, status: string, due: { acceptance?: string; resolution?: string | null }) => {
      const row = await rowOf(C[name]!);
      expect({ name, unit: row.unitId, status: row.status }).toEqual({ name, unit: id.unit[unit], status });
      if (due.acceptance) expect(row.acceptanceDueOn, `${name} acceptance due`).toBe(due.acceptance);
      if (due.resolution !== undefined) expect(row.resolutionDueOn, `${name} resolution due`).toBe(due.resolution);
    };
    await expectRow("C1", "demo-ubnd-pleiku", "answered", { acceptance: "2026-06-08", resolution: "2026-06-23" });
    await expectRow("C2", "demo-ubnd-pleiku", "answered", { acceptance: "2026-06-09", resolution: "2026-06-29" });
    await expectRow("C3", "demo-ubnd", "received", { acceptance: "2026-07-08", resolution: null });
    await expectRow("C4", "demo-ubnd-pleiku", "closed", { acceptance: "2026-06-18", resolution: "2026-07-20" });
    await expectRow("C5", "demo-ubnd-pleiku", "not_accepted", {});
    await expectRow("C6", "demo-ubnd-pleiku", "withdrawn", {});
    await expectRow("C7", "demo-sxd", "answered", { acceptance: "2026-06-18", resolution: "2026-07-06" });
    await expectRow("C8", "demo-bdv", "received", { acceptance: "2026-06-24" });
    await expectRow("C9", "demo-ubnd-pleiku", "accepted", { resolution: "2026-07-20" });
    await expectRow("C10", "demo-ubnd-pleiku", "answered", { resolution: "2026-07-22" });
    await expectRow("C11", "demo-ubnd-quynhon", "received", { acceptance: "2026-07-22" });
    await expectRow("C12", "demo-ubnd-quynhon", "accepted", { acceptance: "2026-07-30", resolution: "2026-08-19" });
    await expectRow("C13", "demo-ttr", "received", { acceptance: "2026-07-15" });
    await expectRow("C4b", "demo-ubnd", "accepted", { acceptance: "2026-07-31", resolution: "2026-09-04" });
    const c4b = await rowOf(C.C4b!);
    expect({ kind: c4b.kind, instance: c4b.instance, parent: c4b.parentCaseId }).toEqual({ kind: "complaint", instance: 2, parent: C.C4 });
  });

  it("gives the same counters from the rollups and from scratch (the triggers followed every service)", async () => {
    const canonical = (d: Awaited<ReturnType<typeof loadRollups>>) => JSON.stringify(Object.values(d).map((rows) => rows.map((r) => JSON.stringify(r)).sort()));
    for (const unitIds of [null, [id.unit["demo-ubnd-pleiku"]!], [id.unit["demo-sxd"]!, id.unit["demo-bdv"]!]]) {
      expect(canonical(await loadRollups(t.db, unitIds, "2026-06-01", "2026-07-31"))).toBe(canonical(await countFromScratch(t.db, unitIds, "2026-06-01", "2026-07-31")));
    }
  });
});

describe("the figures, worked out by hand", () => {
  it("province, June and July 2026 (two whole months: the rollups)", async () => {
    const s = await statsOf(null, false, "2026-06-01", "2026-07-31");
    // 14 cases (C1-C13 and C4b). Refused: C5. Withdrawn before acceptance: C6. Within competence: 14 - 1 - 1 = 12.
    // Accepted: C1 C2 C4 C7 C9 C10 C12 C4b = 8 (C3 lost its acceptance when reopened). Answered: C1 C2 C4 C7 C10 = 5,
    // all on time. Rated: C1 (sat), C7 (unsat), C10 (sat) = 3, satisfied 2 (C3's rating was cleared by the
    // reopening). Contested: C3, C4. Extended: C4. Overdue on 03/08: C3 (due 08/07), C8 (24/06), C9 (20/07), C11
    // (22/07), C13 (15/07) = 5; C12 (19/08) and C4b (31/07 met: accepted; due 04/09) are not.
    // Days to accept: C10 1, C1 2, C2 2, C9 3, C4 4, C12 4, C4b 4, C7 7 -> 8 values, median (3 + 4) / 2 = 3.5.
    // Days to answer: C10 9, C1 14, C2 24, C7 24, C4 41 -> median 24. Transfers: both inside the province: 0 in, 0 out.
    expect(s.figures).toEqual({
      received: 14,
      refused: 1,
      withdrawnBeforeAcceptance: 1,
      accepted: 8,
      answered: 5,
      answeredOnTime: 5,
      rated: 3,
      satisfied: 2,
      contested: 2,
      extended: 1,
      withinCompetence: 12,
      overdueNow: 5,
      transferredIn: 0,
      transferredOut: 0,
      medianDaysToAccept: 3.5,
      medianDaysToAnswer: 24,
      resolution: share(5, 12),
      onTime: share(5, 5),
      satisfaction: share(2, 3),
    });
    // By month: June C1-C9 (9), July C10 C11 C12 C13 C4b (5). C11 (23:30 on 15/07) and C12 (00:30 on 16/07) are
    // both July whatever the UTC date.
    expect(s.byMonth.map((m) => [m.month, m.counters.received])).toEqual([
      ["2026-06-01", 9],
      ["2026-07-01", 5],
    ]);
    // By kind: petitions C1 C3 C5 C7 C8 C10 = 6; reports C2 C6 C9 C11 = 4; complaints 1st C4 = 1, 2nd C4b = 1;
    // denunciation C13 = 1 (a count, nothing else); contribution C12 = 1.
    expect(s.byKind.map((k) => [k.kind, k.instance, k.counters.received])).toEqual([
      ["complaint", 1, 1],
      ["complaint", 2, 1],
      ["contribution", 1, 1],
      ["denunciation", 1, 1],
      ["petition", 1, 6],
      ["report", 1, 4],
    ]);
    // Every case is about land; areas: Pleiku C1-C7 C9 C10 C13 C4b = 11, Quy Nhơn C8 C11 C12 = 3.
    expect(s.byField).toEqual([{ categoryId: id.category.land, received: 14 }]);
    expect(s.byArea).toEqual([
      { areaId: id.area["demo-23602"], received: 11 },
      { areaId: id.area["demo-21583"], received: 3 },
    ]);
  });

  it("the Pleiku ward People's Committee alone: the transferred case counts at the receiving unit, the reopened one above", async () => {
    const s = await statsOf("demo-ubnd-pleiku", false, "2026-06-01", "2026-07-31");
    // At PK now: C1 C2 C4 C5 C6 C9 C10 = 7 (C7 went to SXD, C3 was reopened at P, C13 is at TTR).
    // Refused C5, withdrawn C6: within competence 5. Accepted C1 C2 C4 C9 C10 = 5. Answered C1 C2 C4 C10 = 4, all on
    // time: 4/5 = 80%. Rated C1, C10, both satisfied. Contested: C4 (C3 now counts at P). Extended C4. Overdue: C9.
    // Transferred out: C7 on 11/06 (PK -> SXD) and C3 reopened at P on 01/07. In: none.
    // Days to accept: C10 1, C1 2, C2 2, C9 3, C4 4 -> median 2. Days to answer: C10 9, C1 14, C2 24, C4 41 -> (14 + 24) / 2 = 19.
    expect(s.figures).toEqual({
      received: 7,
      refused: 1,
      withdrawnBeforeAcceptance: 1,
      accepted: 5,
      answered: 4,
      answeredOnTime: 4,
      rated: 2,
      satisfied: 2,
      contested: 1,
      extended: 1,
      withinCompetence: 5,
      overdueNow: 1,
      transferredIn: 0,
      transferredOut: 2,
      medianDaysToAccept: 2,
      medianDaysToAnswer: 19,
      resolution: share(4, 5),
      onTime: share(4, 4),
      satisfaction: share(2, 2),
    });
  });

  it("the receiving units: SXD counts C7 and its transfer in; BDV counts C8; P alone counts C3 and C4b", async () => {
    const sxd = await statsOf("demo-sxd", false, "2026-06-01", "2026-07-31");
    // C7: received, accepted after 7 days, answered after 24 days (on time, due 06/07), rated unsatisfied.
    expect(sxd.figures).toMatchObject({ received: 1, accepted: 1, answered: 1, answeredOnTime: 1, transferredIn: 1, transferredOut: 0, overdueNow: 0, medianDaysToAccept: 7, medianDaysToAnswer: 24, satisfaction: share(0, 1) });
    const bdv = await statsOf("demo-bdv", false, "2026-06-01", "2026-07-31");
    // C8: received, never accepted, overdue since 24/06.
    expect(bdv.figures).toMatchObject({ received: 1, accepted: 0, withinCompetence: 1, transferredIn: 1, transferredOut: 0, overdueNow: 1, medianDaysToAccept: null, resolution: share(0, 1), onTime: share(0, 0) });
    const p = await statsOf("demo-ubnd", false, "2026-06-01", "2026-07-31");
    // C3 (reopened: received, contested, overdue since 08/07) and C4b (second instance: received 17/07, accepted
    // after 4 days, open until 04/09). Nothing answered: 0/2, no on-time rate (nothing to divide by). C3 came up
    // from PK on 01/07: one in.
    expect(p.figures).toEqual({
      received: 2,
      refused: 0,
      withdrawnBeforeAcceptance: 0,
      accepted: 1,
      answered: 0,
      answeredOnTime: 0,
      rated: 0,
      satisfied: 0,
      contested: 1,
      extended: 0,
      withinCompetence: 2,
      overdueNow: 1,
      transferredIn: 1,
      transferredOut: 0,
      medianDaysToAccept: 4,
      medianDaysToAnswer: null,
      resolution: share(0, 2),
      onTime: share(0, 0),
      satisfaction: share(0, 0),
    });
    expect(p.byKind.map((k) => [k.kind, k.instance, k.counters.received])).toEqual([
      ["complaint", 2, 1],
      ["petition", 1, 1],
    ]);
  });

  it("the provincial People's Committee with its subtree: a transfer inside the subtree is neither in nor out", async () => {
    const s = await statsOf("demo-ubnd", true, "2026-06-01", "2026-07-31");
    // Every case but C8 (now at BDV, under the Party committee): 13. Refused C5, withdrawn C6: within competence 11.
    // Accepted 8 and answered 5 as for the province (C8 had neither): 5/11. Rated 3, satisfied 2. Contested 2.
    // Overdue: C3 C9 C11 C13 = 4 (C8 is outside). Transfers: C7 PK -> SXD is inside (neither); C8 QN -> BDV leaves
    // the subtree: out 1. Medians as for the province (C8 adds none): 3.5 and 24.
    expect(s.figures).toEqual({
      received: 13,
      refused: 1,
      withdrawnBeforeAcceptance: 1,
      accepted: 8,
      answered: 5,
      answeredOnTime: 5,
      rated: 3,
      satisfied: 2,
      contested: 2,
      extended: 1,
      withinCompetence: 11,
      overdueNow: 4,
      transferredIn: 0,
      transferredOut: 1,
      medianDaysToAccept: 3.5,
      medianDaysToAnswer: 24,
      resolution: share(5, 11),
      onTime: share(5, 5),
      satisfaction: share(2, 3),
    });
  });

  it("one month: June 2026, province", async () => {
    const s = await statsOf(null, false, "2026-06-01", "2026-06-30");
    // C1-C9 (9). Refused C5, withdrawn C6: within competence 7. Accepted C1 C2 C4 C7 C9 = 5. Answered C1 C2 C4 C7 = 4
    // (C4's answer came in July: the case still counts in June, the month it was received), all on time: 4/7.
    // Rated C1 (sat), C7 (unsat): 1/2. Contested C3, C4. Extended C4. Overdue now: 5 (not tied to the period).
    // Days to accept: C1 2, C2 2, C9 3, C4 4, C7 7 -> median 3. Days to answer: C1 14, C2 24, C7 24, C4 41 -> 24.
    expect(s.figures).toEqual({
      received: 9,
      refused: 1,
      withdrawnBeforeAcceptance: 1,
      accepted: 5,
      answered: 4,
      answeredOnTime: 4,
      rated: 2,
      satisfied: 1,
      contested: 2,
      extended: 1,
      withinCompetence: 7,
      overdueNow: 5,
      transferredIn: 0,
      transferredOut: 0,
      medianDaysToAccept: 3,
      medianDaysToAnswer: 24,
      resolution: share(4, 7),
      onTime: share(4, 4),
      satisfaction: share(1, 2),
    });
    expect(s.byMonth.map((m) => m.month)).toEqual(["2026-06-01"]);
  });

  it("a custom period that cuts through two months (10/06 to 15/07): partial days, and midnight in Vietnam", async () => {
    const s = await statsOf(null, false, "2026-06-10", "2026-07-15");
    // Received from 10/06 to 15/07 (local dates): C8 (15/06), C9 (26/06), C10 (01/07), C13 (06/07), C11 (15/07 at
    // 23:30) = 5. Not C7 (09/06), not C12 (00:30 on 16/07, although still 15/07 in UTC), not C4b (17/07).
    // Accepted C9, C10; answered C10 on time: 1/5. Rated C10 satisfied. Days to accept: C10 1, C9 3 -> 2; to answer: 9.
    expect(s.figures).toEqual({
      received: 5,
      refused: 0,
      withdrawnBeforeAcceptance: 0,
      accepted: 2,
      answered: 1,
      answeredOnTime: 1,
      rated: 1,
      satisfied: 1,
      contested: 0,
      extended: 0,
      withinCompetence: 5,
      overdueNow: 5,
      transferredIn: 0,
      transferredOut: 0,
      medianDaysToAccept: 2,
      medianDaysToAnswer: 9,
      resolution: share(1, 5),
      onTime: share(1, 1),
      satisfaction: share(1, 1),
    });
    expect(s.byMonth.map((m) => [m.month, m.counters.received])).toEqual([
      ["2026-06-01", 2],
      ["2026-07-01", 3],
    ]);
  });

  it("a period of partial days and a whole month together (10/06 to 31/07): the days counted from the cases, July from the rollups", async () => {
    const s = await statsOf(null, false, "2026-06-10", "2026-07-31");
    // 10/06-30/06 (counted from the cases): C8, C9. July (the rollups): C10 C11 C12 C13 C4b. 7 received, none refused
    // or withdrawn. Accepted C9 C10 C12 C4b = 4; answered C10, on time. Rated C10, satisfied. Nothing contested (C3
    // and C4 were received before 10/06) or extended. Days to accept: C10 1, C9 3, C12 4, C4b 4 -> (3 + 4) / 2 = 3.5.
    expect(s.figures).toMatchObject({
      received: 7,
      withinCompetence: 7,
      accepted: 4,
      answered: 1,
      answeredOnTime: 1,
      rated: 1,
      satisfied: 1,
      contested: 0,
      extended: 0,
      overdueNow: 5,
      medianDaysToAccept: 3.5,
      medianDaysToAnswer: 9,
      resolution: share(1, 7),
    });
    expect(s.byMonth.map((m) => [m.month, m.counters.received])).toEqual([
      ["2026-06-01", 2],
      ["2026-07-01", 5],
    ]);
    // P with its subtree over the same days: without C8 (at BDV): 6 received; C8's transfer out of the subtree on
    // 17/06 is inside the period: out 1. Overdue in the subtree: C3 C9 C11 C13 = 4.
    const p = await statsOf("demo-ubnd", true, "2026-06-10", "2026-07-31");
    expect(p.figures).toMatchObject({ received: 6, accepted: 4, answered: 1, transferredOut: 1, transferredIn: 0, overdueNow: 4, medianDaysToAccept: 3.5 });
  });

  it("transfers count by the day they were made: Pleiku alone from 12/06 misses C7's transfer of 11/06; P's subtree from 17/06 has C8's", async () => {
    // PK from 12/06 to 31/07: received C9 (26/06), C10 (01/07) = 2; C7's transfer (11/06) is before the period, C3's
    // move up (01/07) inside it.
    const pk = await statsOf("demo-ubnd-pleiku", false, "2026-06-12", "2026-07-31");
    expect(pk.figures).toMatchObject({ received: 2, accepted: 2, answered: 1, transferredOut: 1, transferredIn: 0, overdueNow: 1 });
    // P with its subtree from 17/06 to 17/06: no case received that day, C8 left the subtree that day (QN -> BDV).
    const p = await statsOf("demo-ubnd", true, "2026-06-17", "2026-06-17");
    expect(p.figures).toMatchObject({ received: 0, transferredOut: 1, transferredIn: 0, resolution: share(0, 0) });
    // The same day, BDV alone: the transfer in, but C8 itself was received on 15/06.
    const bdv = await statsOf("demo-bdv", false, "2026-06-17", "2026-06-17");
    expect(bdv.figures).toMatchObject({ received: 0, transferredIn: 1 });
  });
});

describe("the report on the same data", () => {
  const period: Period = { kind: "custom", from: "2026-06-01", to: "2026-07-31", year: 2026, index: 1 };

  it("writes the province's figures the way the province's reports do", async () => {
    const report = await getPeriodicReport(t.db, await scopeOf(null), period, READ_AT);
    const text = reportText({ figures: report.statistics.figures, byKind: report.statistics.byKind, participation: report.participation }, "vi");
    const sentences = text.flatMap((s) => s.sentences);
    // 5 answered of 12 within competence: 41,7%; on time 5/5 = 100,0%; satisfied 2/3 = 66,7%.
    expect(sentences).toContain("Đã giải quyết xong 5/12 vụ, đạt 41,7%.");
    expect(sentences).toContain("Trong số đã giải quyết, trả lời đúng hạn 5/5 vụ, đạt 100,0%.");
    expect(sentences).toContain("Tính đến hôm nay còn 5 hồ sơ quá hạn chưa giải quyết.");
    expect(sentences).toContain("Người gửi hài lòng với câu trả lời: 2/3 lượt đánh giá, đạt 66,7%.");
    expect(sentences).toContain("Phân theo loại đơn: kiến nghị 6, phản ánh 4, khiếu nại 2 (lần đầu 1, lần hai 1), tố cáo 1, góp ý 1.");
    expect(sentences[0]).toBe("Trong kỳ chưa tổ chức buổi đối thoại trực tiếp nào.");
    expect(sentences.some((s) => s.startsWith("Tiếp nhận 14 đơn, thư") && s.includes("không thụ lý 1 đơn") && s.includes("rút 1 đơn") && s.includes("thuộc thẩm quyền 12 vụ"))).toBe(true);
    const en = reportText({ figures: report.statistics.figures, byKind: report.statistics.byKind, participation: report.participation }, "en").flatMap((s) => s.sentences);
    expect(en).toContain("Resolved 5/12 (41.7%).");
  });

  it("gives the same figures as CSV, one a line, rates as plain decimals", async () => {
    const report = await getPeriodicReport(t.db, await scopeOf("demo-ubnd-pleiku"), standardPeriod("month", 2026, 6), READ_AT);
    const lines = reportCsvLines(report, {
      column: (c) => c,
      figure: (k) => (statisticsVi.figures as Record<string, string>)[k] ?? k,
      kind: (k, i) => `${k}-${i}`,
      section: (s) => s,
      scopeLabel: "Đơn vị",
      periodLabel: "Kỳ",
      scopeName: "UBND phường Pleiku",
    });
    const byKey = new Map(lines.map((l) => [`${l[0]}:${l[1]}`, l.slice(3)]));
    // Sections are named by `section` (here: their code).
    // PK in June: C1 C2 C4 C5 C6 C9 (6); within competence 4; answered C1 C2 C4 (3/4 = 0.75); accepted 4; overdue C9;
    // out C7 (11/06). Days to accept C1 2, C2 2, C9 3, C4 4 -> 2.5; to answer C1 14, C2 24, C4 41 -> 24.
    expect(byKey.get("cases:received")).toEqual([6, null, null, null]);
    expect(byKey.get("cases:withinCompetence")).toEqual([4, null, null, null]);
    expect(byKey.get("cases:resolution")).toEqual([3, 3, 4, "0.7500"]);
    expect(byKey.get("cases:onTime")).toEqual([3, 3, 3, "1.0000"]);
    expect(byKey.get("cases:satisfaction")).toEqual([1, 1, 1, "1.0000"]);
    expect(byKey.get("cases:overdueNow")).toEqual([1, null, null, null]);
    expect(byKey.get("cases:transferredOut")).toEqual([1, null, null, null]);
    expect(byKey.get("cases:medianDaysToAccept")).toEqual([2.5, null, null, null]);
    expect(byKey.get("cases:medianDaysToAnswer")).toEqual([24, null, null, null]);
    // By kind: petitions C1 C5 (2; C5 refused, so 1 within, answered 1); reports C2 C6 C9 (3; C6 withdrawn, 2
    // within, 1 answered); complaint C4 (1/1).
    expect(byKey.get("kinds:petition-1")).toEqual([2, 1, 1, "1.0000"]);
    expect(byKey.get("kinds:report-1")).toEqual([3, 1, 2, "0.5000"]);
    expect(byKey.get("kinds:complaint-1")).toEqual([1, 1, 1, "1.0000"]);
    expect(byKey.get("kinds:denunciation-1")).toEqual([0, 0, 0, ""]);
    // Every figure of the page, in its order, once.
    expect(lines.filter((l) => l[0] === "cases").map((l) => l[1])).toEqual([...CASE_FIGURE_KEYS]);
    expect(Object.keys(statisticsEn.figures)).toEqual(Object.keys(statisticsVi.figures));
  });
});

describe("what the services record (found while building the data set)", () => {
  // The services pass their `now` to the timeline, so a transfer is counted on the day it was made, not the day
  // the code happens to run.
  it("dates a transfer on the day the service is told it happens", async () => {
    const c = await file("T1", vn("2026-08-03"), { area: "demo-23602" });
    await transferCase(t.db, await viewer("lanhdao.pleiku"), { ...(await ref(c)), unitId: id.unit["demo-sxd"], reason: "Thuộc thẩm quyền của Sở Xây dựng." }, vn("2026-08-03", "10:00"));
    const sxd = await statsOf("demo-sxd", false, "2026-08-01", "2026-08-31");
    expect(sxd.figures.transferredIn).toBe(1);
  });
});
