import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storedRateLimitKey } from "@/server/abuse/rate-limit";
import { areas, caseEvents, caseParties, cases, categories, deadlinePolicies, units, users } from "@/db/schema";
import { rowsOf } from "@/db/rows";
import { seedDemoData } from "@/db/seed/seed-demo";
import { endOfLocalDay, toLocalDate } from "@/domain/calendar";
import { generateAccessKey, generateTrackingCode, hashAccessKey } from "@/domain/tracking-code";
import { loadMemberships, type Viewer } from "@/server/auth/roles";
import { overdueWhere } from "@/server/cases/overdue";
import { emailLookupHash, sealPersonalData, unsealPersonalData } from "@/server/privacy/personal-data";
import { getPublicCase, publicCaseExists, type PublicCase } from "@/server/tracking/get-public-case";
import { listMyCases } from "@/server/tracking/list-my-cases";
import { checkLookupAllowed, LOOKUP_MISS_RULE, lookUpCode, recordLookupMiss } from "@/server/tracking/record-lookup-miss";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
// 10:00 in Vietnam on Friday 27 November 2026.
const now = new Date("2026-11-27T03:00:00Z");
const today = toLocalDate(now);

/** The instant of an hour (Vietnam time) on a local date. */
const at = (date: string, hour: number) => new Date(endOfLocalDay(date).getTime() + 1 - (24 - hour) * 3_600_000);

const ids = { unit: new Map<string, string>(), category: new Map<string, string>(), area: new Map<string, string>(), policy: new Map<string, string>() };

/** Personal data every factory case carries, so that leaks are easy to spot. */
const FILER = { name: "Hoàng Thị Kiểm Tra", phone: "0912345678", email: "kiemtra.rieng@example.com", address: "Số 7 đường Bí Mật, phường Quy Nhơn", idNumber: "052190001234" };
const SUBJECT = { name: "Lê Văn Bị Tố", position: "Công chức địa chính", organisation: "UBND phường Quy Nhơn" };

type CaseInput = Partial<typeof cases.$inferInsert> & { events?: Omit<typeof caseEvents.$inferInsert, "caseId">[] };

/** A case built for one test: defaults are a report received today in Quy Nhơn ward. */
async function makeCase(input: CaseInput = {}): Promise<{ id: string; code: string }> {
  const { events = [], ...fields } = input;
  const kind = fields.kind ?? "report";
  const receivedAt = fields.receivedAt ?? at(today, 9);
  const [row] = await t.db
    .insert(cases)
    .values({
      code: generateTrackingCode(),
      accessKeyHash: hashAccessKey(generateAccessKey()),
      kind,
      categoryId: ids.category.get("land")!,
      areaId: ids.area.get("demo-21583")!,
      address: FILER.address,
      title: "Tiêu đề thử nghiệm",
      body: "Nội dung thử nghiệm",
      unitId: ids.unit.get("demo-ubnd-quynhon")!,
      routingReason: "rule",
      policyId: ids.policy.get(kind),
      receivedAt,
      acceptanceDueOn: "2026-12-04",
      filerEmailHash: emailLookupHash(FILER.email),
      ...fields,
    })
    .returning({ id: cases.id, code: cases.code });
  await t.db.insert(caseParties).values([
    { caseId: row!.id, role: "filer", ...sealPersonalData(FILER) },
    { caseId: row!.id, role: "subject", ...sealPersonalData(SUBJECT) },
  ]);
  await t.db.insert(caseEvents).values([
    { caseId: row!.id, type: "case.received", visibility: "public", toStatus: "received", createdAt: receivedAt, data: { channel: fields.channel ?? "web" } },
    ...events.map((e) => ({ ...e, caseId: row!.id })),
  ]);
  return row!;
}

async function publicCase(code: string): Promise<PublicCase> {
  const result = await getPublicCase(t.db, code, now);
  expect(result).not.toBeNull();
  return result!;
}

async function viewer(email: string): Promise<Viewer> {
  const [user] = await t.db.select().from(users).where(eq(users.email, email));
  if (!user) return { userId: "none", email, name: null, locale: "vi", memberships: [] };
  return { userId: user.id, email, name: user.name, locale: "vi", memberships: await loadMemberships(t.db, user.id) };
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
  for (const u of await t.db.select().from(units)) ids.unit.set(u.code, u.id);
  for (const c of await t.db.select().from(categories)) ids.category.set(c.code, c.id);
  for (const a of await t.db.select().from(areas)) ids.area.set(a.code, a.id);
  for (const p of await t.db.select().from(deadlinePolicies)) if (p.instance !== 2) ids.policy.set(p.kind, p.id);
});
afterAll(() => t.close());

describe("public status of a case", () => {
  it("holds only public fields: no party's name, phone, email, address or ID anywhere, for every demo case", async () => {
    const all = await t.db.select({ id: cases.id, code: cases.code, address: cases.address, kind: cases.kind }).from(cases);
    expect(all.length).toBeGreaterThanOrEqual(36);
    const parties = await t.db.select().from(caseParties);
    for (const c of all) {
      const json = JSON.stringify(await getPublicCase(t.db, c.code, now));
      const secrets = parties
        .filter((p) => p.caseId === c.id)
        .flatMap((p) => {
          const data = unsealPersonalData(p.keyId, p.sealed);
          return [data.name, data.phone, data.email, data.address, data.idNumber];
        })
        .filter((value): value is string => !!value);
      if (c.address) secrets.push(c.address);
      for (const secret of secrets) expect(json, `case ${c.code} (${c.kind}) leaks "${secret}"`).not.toContain(secret);
      expect(json).not.toContain(c.id);
    }
  });

  it("returns an allow-list of fields, without assignee, address, hashes or ids", async () => {
    const { code } = await makeCase({ assigneeId: (await viewer("xuly.quynhon@doithoai.example")).userId, consentPublish: true });
    const result = await publicCase(code);
    expect(Object.keys(result).sort()).toEqual(
      [
        "code", "kind", "instance", "status", "overdue", "title", "body", "category", "areaName", "unit", "receivedAt", "acceptedAt",
        "answeredAt", "closedAt", "acceptance", "resolution", "remoteArea", "rules", "extensionsCount", "pausedSince", "answer", "escalation", "events", "dialogue",
      ].sort(),
    );
    const json = JSON.stringify(result);
    for (const value of [...Object.values(FILER), SUBJECT.name, "Chuyên viên phường Quy Nhơn"]) expect(json).not.toContain(value);
    expect(result.title).toBe("Tiêu đề thử nghiệm");
    expect(result.body).toBe("Nội dung thử nghiệm");
    expect(result.unit).toEqual({ name: "Ủy ban nhân dân phường Quy Nhơn", nameEn: "Quy Nhơn Ward People's Committee" });
    expect(result.areaName).toBe("Phường Quy Nhơn");
  });

  it("shows the content only when the filer consented to publication", async () => {
    const { code } = await makeCase({ consentPublish: false });
    const result = await publicCase(code);
    expect(result.title).toBe("Tiêu đề thử nghiệm");
    expect(result.body).toBeNull();
  });

  it("shows no title, content, answer, category, area or event reasons for a denunciation", async () => {
    const title = "Tố cáo ông Lê Văn Bị Tố nhận hối lộ";
    const body = "Ngày 3/11 tại trụ sở, cán bộ địa chính yêu cầu đưa tiền.";
    const { code } = await makeCase({
      kind: "denunciation",
      receivedAt: at("2026-10-29", 9),
      title,
      body,
      consentPublish: true,
      status: "closed",
      unitId: ids.unit.get("demo-ttr")!,
      acceptedAt: at("2026-11-02", 9),
      resolutionDueOn: "2026-12-02",
      answeredAt: at("2026-11-20", 15),
      answer: "Kết luận: ông Lê Văn Bị Tố có vi phạm.",
      answerPublic: true,
      events: [
        { type: "case.transferred", visibility: "public", fromUnitId: ids.unit.get("demo-ubnd-quynhon")!, toUnitId: ids.unit.get("demo-ttr")!, reason: "Người bị tố cáo công tác tại UBND phường Quy Nhơn", createdAt: at("2026-10-30", 10) },
        { type: "case.accepted", visibility: "public", createdAt: at("2026-11-02", 9) },
        { type: "case.answered", visibility: "public", createdAt: at("2026-11-20", 15) },
        { type: "case.closed", visibility: "public", createdAt: at("2026-11-25", 15) },
      ],
    });
    const result = await publicCase(code);
    expect(result.kind).toBe("denunciation");
    expect(result.title).toBeNull();
    expect(result.body).toBeNull();
    expect(result.answer).toBeNull();
    expect(result.category).toBeNull();
    expect(result.areaName).toBeNull();
    expect(result.events.every((e) => e.reason === null && e.redirect === null)).toBe(true);
    const json = JSON.stringify(result);
    for (const secret of [title, body, "Bị Tố", "Người bị tố cáo", "Kết luận"]) expect(json).not.toContain(secret);
    // What may be shown: units, dates and the steps.
    expect(result.unit.name).toBe("Thanh tra tỉnh");
    expect(result.events.map((e) => e.type)).toEqual(["case.received", "case.transferred", "case.accepted", "case.answered", "case.closed"]);
    expect(result.events[1]!.toUnit?.name).toBe("Thanh tra tỉnh");
    expect(result.resolution).toEqual({ state: "met", dueOn: "2026-12-02", on: "2026-11-20" });
  });

  it("hides the seeded demo denunciations' titles and bodies too", async () => {
    const rows = await t.db.select({ code: cases.code, title: cases.title, body: cases.body }).from(cases).where(eq(cases.kind, "denunciation"));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const json = JSON.stringify(await publicCase(row.code));
      expect(json).not.toContain(row.title);
      expect(json).not.toContain(row.body);
    }
  });

  it("shows the answer only when it is public", async () => {
    const answered = {
      status: "answered" as const,
      acceptedAt: at("2026-11-02", 9),
      resolutionDueOn: "2026-11-23",
      answeredAt: at("2026-11-20", 15),
      answer: "Đơn vị đã sửa đường và cắm biển cảnh báo.",
    };
    const shown = await publicCase((await makeCase({ ...answered, answerPublic: true })).code);
    expect(shown.answer).toBe("Đơn vị đã sửa đường và cắm biển cảnh báo.");
    const hidden = await publicCase((await makeCase({ ...answered, answerPublic: false })).code);
    expect(hidden.answer).toBeNull();
    expect(JSON.stringify(hidden)).not.toContain("sửa đường");
  });

  it("derives overdue from the status and the due date, in Vietnam's calendar", async () => {
    const yesterday = "2026-11-26";
    const receivedLate = await publicCase((await makeCase({ status: "received", acceptanceDueOn: yesterday })).code);
    expect(receivedLate.overdue).toBe(true);
    expect(receivedLate.acceptance).toEqual({ state: "overdue", dueOn: yesterday, daysOverdue: 1 });
    expect(receivedLate.resolution).toEqual({ state: "not_started" });

    const lastDay = await publicCase((await makeCase({ status: "received", acceptanceDueOn: today })).code);
    expect(lastDay.overdue).toBe(false);
    expect(lastDay.acceptance).toEqual({ state: "running", dueOn: today, daysLeft: 0 });

    const acceptedLate = await publicCase(
      (await makeCase({ status: "accepted", acceptanceDueOn: "2026-10-10", acceptedAt: at("2026-10-05", 9), resolutionDueOn: "2026-11-04" })).code,
    );
    expect(acceptedLate.overdue).toBe(true);
    expect(acceptedLate.acceptance).toEqual({ state: "met", dueOn: "2026-10-10", on: "2026-10-05" });
    expect(acceptedLate.resolution).toEqual({ state: "overdue", dueOn: "2026-11-04", daysOverdue: 23 });

    const acceptedRunning = await publicCase(
      (await makeCase({ status: "accepted", acceptanceDueOn: "2026-11-30", acceptedAt: at("2026-11-25", 9), resolutionDueOn: "2026-12-25" })).code,
    );
    expect(acceptedRunning.overdue).toBe(false);
    expect(acceptedRunning.resolution).toEqual({ state: "running", dueOn: "2026-12-25", daysLeft: 28 });

    // Waiting for the filer: paused, never overdue (as in src/server/cases/overdue.ts).
    const waiting = await publicCase(
      (await makeCase({
        status: "info_requested",
        acceptedAt: at("2026-10-05", 9),
        resolutionDueOn: "2026-11-04",
        pausedAt: at("2026-10-20", 10),
      })).code,
    );
    expect(waiting.overdue).toBe(false);
    expect(waiting.resolution).toEqual({ state: "paused", dueOn: "2026-11-04", since: at("2026-10-20", 10) });
    expect(waiting.pausedSince).toEqual(at("2026-10-20", 10));
  });

  it("agrees with the shared overdue rule on every demo case", async () => {
    const rows = await t.db
      .select({ code: cases.code, overdue: sql<boolean>`coalesce(${overdueWhere(today)}, false)`.mapWith(Boolean) })
      .from(cases);
    let overdueCount = 0;
    for (const row of rows) {
      const result = await publicCase(row.code);
      expect(result.overdue, row.code).toBe(row.overdue);
      if (result.overdue) overdueCount++;
    }
    expect(overdueCount).toBeGreaterThanOrEqual(5);
  });

  it("says whether each deadline was met, by the local date of the decision or answer", async () => {
    // 23:30 on the due date in Vietnam is on time; 00:30 the next day is one day late.
    const onTime = await publicCase(
      (await makeCase({ status: "answered", acceptanceDueOn: "2026-10-20", acceptedAt: at("2026-10-21", 9), resolutionDueOn: "2026-11-20", answeredAt: new Date("2026-11-20T16:30:00Z") })).code,
    );
    expect(onTime.resolution).toEqual({ state: "met", dueOn: "2026-11-20", on: "2026-11-20" });
    expect(onTime.acceptance).toEqual({ state: "late", dueOn: "2026-10-20", on: "2026-10-21", daysLate: 1 });
    expect(onTime.overdue).toBe(false);

    const late = await publicCase(
      (await makeCase({ status: "closed", acceptanceDueOn: "2026-10-20", acceptedAt: at("2026-10-20", 9), resolutionDueOn: "2026-11-20", answeredAt: new Date("2026-11-20T17:30:00Z"), closedAt: at("2026-11-25", 9) })).code,
    );
    expect(late.resolution).toEqual({ state: "late", dueOn: "2026-11-20", on: "2026-11-21", daysLate: 1 });
    expect(late.acceptance).toEqual({ state: "met", dueOn: "2026-10-20", on: "2026-10-20" });

    // Refusing acceptance also meets the acceptance deadline; the resolution clock never starts.
    const refused = await publicCase(
      (await makeCase({
        kind: "complaint",
        status: "not_accepted",
        receivedAt: at("2026-11-06", 9),
        acceptanceDueOn: "2026-11-20",
        events: [
          {
            type: "case.not_accepted",
            visibility: "public",
            reason: "Quyết định đã có hiệu lực pháp luật (Luật Khiếu nại 2011, Điều 11).",
            data: { redirect: "Tòa án nhân dân khu vực 1 - Gia Lai" },
            createdAt: at("2026-11-18", 10),
          },
        ],
      })).code,
    );
    expect(refused.acceptance).toEqual({ state: "met", dueOn: "2026-11-20", on: "2026-11-18" });
    expect(refused.resolution).toEqual({ state: "stopped", dueOn: null });
    const refusal = refused.events.find((e) => e.type === "case.not_accepted")!;
    expect(refusal.reason).toContain("Điều 11");
    expect(refusal.redirect).toBe("Tòa án nhân dân khu vực 1 - Gia Lai");
  });

  it("lists every public event in order, a transfer with both units and its reason, and no internal event", async () => {
    const quyNhon = ids.unit.get("demo-ubnd-quynhon")!;
    const board = ids.unit.get("demo-btcd")!;
    const { code } = await makeCase({
      kind: "complaint",
      status: "accepted",
      receivedAt: at("2026-11-04", 9),
      unitId: board,
      acceptanceDueOn: "2026-11-20",
      acceptedAt: at("2026-11-12", 9),
      resolutionDueOn: "2026-12-28",
      remoteArea: true,
      extensionsCount: 1,
      events: [
        { type: "case.routed", visibility: "public", toUnitId: quyNhon, createdAt: at("2026-11-05", 9), data: { reason: "rule" } },
        { type: "case.note", visibility: "internal", reason: "Ghi chú nội bộ: gọi cho bà Kiểm Tra", createdAt: at("2026-11-06", 9) },
        { type: "case.transferred", visibility: "public", fromUnitId: quyNhon, toUnitId: board, reason: "Khiếu nại về bồi thường thuộc thẩm quyền của Ban Tiếp công dân tỉnh.", createdAt: at("2026-11-07", 9) },
        { type: "case.assigned", visibility: "public", createdAt: at("2026-11-12", 9) },
        { type: "case.accepted", visibility: "public", createdAt: at("2026-11-12", 9), data: { resolutionDueOn: "2026-12-13" } },
        { type: "case.extended", visibility: "public", reason: "Vụ việc phức tạp, cần đo đạc lại.", createdAt: at("2026-12-01", 9), data: { days: 15, resolutionDueOn: "2026-12-28" } },
        { type: "case.contested", visibility: "public", reason: "Tôi là Hoàng Thị Kiểm Tra, không đồng ý", createdAt: at("2026-12-02", 9) },
      ],
    });
    const result = await publicCase(code);
    expect(result.events.map((e) => e.type)).toEqual([
      "case.received",
      "case.routed",
      "case.transferred",
      "case.accepted",
      "case.extended",
      "case.contested",
    ]);
    const [received, routed, transferred, accepted, extended, contested] = result.events;
    expect(received!.channel).toBe("web");
    expect(routed!.toUnit).toEqual({ name: "Ủy ban nhân dân phường Quy Nhơn", nameEn: "Quy Nhơn Ward People's Committee" });
    expect(transferred!.fromUnit?.name).toBe("Ủy ban nhân dân phường Quy Nhơn");
    expect(transferred!.toUnit?.name).toBe("Ban Tiếp công dân tỉnh");
    expect(transferred!.reason).toBe("Khiếu nại về bồi thường thuộc thẩm quyền của Ban Tiếp công dân tỉnh.");
    expect(accepted!.dueOn).toBe("2026-12-13");
    expect(extended).toMatchObject({ days: 15, dueOn: "2026-12-28", reason: "Vụ việc phức tạp, cần đo đạc lại." });
    // Words of the filer stay in the private view.
    expect(contested!.reason).toBeNull();
    expect(JSON.stringify(result)).not.toContain("Kiểm Tra");
    expect(result.remoteArea).toBe(true);
    expect(result.extensionsCount).toBe(1);
    expect(result.rules).toMatchObject({
      resolution: { amount: 30, unit: "days" },
      remoteResolution: { amount: 45, unit: "days" },
      extensionMaxCount: 1,
      pausesOnInfoRequest: false,
    });
    expect(result.rules!.legalBasis).toContain("Luật Khiếu nại");
  });

  it("returns null for an unknown code, and publicCaseExists agrees", async () => {
    let unknown = generateTrackingCode();
    while (await publicCaseExists(t.db, unknown)) unknown = generateTrackingCode();
    expect(await getPublicCase(t.db, unknown, now)).toBeNull();
    expect(await getPublicCase(t.db, "not a code", now)).toBeNull();
    const { code } = await makeCase();
    expect(await publicCaseExists(t.db, code)).toBe(true);
  });
});

describe("failed lookups are rate-limited per client IP", () => {
  it("refuses an IP once it is over the limit, leaves other IPs alone and forgets after the window", async () => {
    const start = new Date("2026-11-27T03:00:05Z"); // early in a 10-minute window
    const ip = "203.0.113.7";
    for (let i = 1; i <= LOOKUP_MISS_RULE.limit; i++) {
      expect(await recordLookupMiss(t.db, ip, start)).toEqual({ refused: false });
      expect((await checkLookupAllowed(t.db, ip, start)).refused).toBe(false);
    }
    const over = await recordLookupMiss(t.db, ip, start);
    expect(over.refused).toBe(true);
    const gate = await checkLookupAllowed(t.db, ip, start);
    expect(gate).toEqual({ refused: true, retryAfterSeconds: 595 });
    // Another IP is not affected.
    expect(await checkLookupAllowed(t.db, "203.0.113.8", start)).toEqual({ refused: false });
    expect(await recordLookupMiss(t.db, "203.0.113.8", start)).toEqual({ refused: false });
    // The next window starts afresh.
    const later = new Date(start.getTime() + LOOKUP_MISS_RULE.windowSeconds * 1000);
    expect(await checkLookupAllowed(t.db, ip, later)).toEqual({ refused: false });
    expect(await recordLookupMiss(t.db, ip, later)).toEqual({ refused: false });
  });

  it("counts only misses: checking the gate writes nothing", async () => {
    const ip = "198.51.100.4";
    for (let i = 0; i < 50; i++) expect((await checkLookupAllowed(t.db, ip, now)).refused).toBe(false);
    const result = await t.db.execute(sql`select count(*)::int as n from rate_limits where key = ${storedRateLimitKey(`lookup-miss:${ip}`)}`);
    expect(rowsOf<{ n: number }>(result)[0]!.n).toBe(0);
  });
});

describe("looking up a code (/tra-cuu?ma=…)", () => {
  it("sends a found code through even from an address over the limit, while a guesser from it is refused", async () => {
    const { code } = await makeCase();
    const ip = "203.0.113.99";
    const start = new Date("2026-11-27T03:10:05Z");
    let unknown = generateTrackingCode();
    while (await publicCaseExists(t.db, unknown)) unknown = generateTrackingCode();
    for (let i = 0; i < LOOKUP_MISS_RULE.limit; i++) expect(await lookUpCode(t.db, unknown, ip, start)).toEqual({ kind: "unknown", code: unknown });
    expect(await lookUpCode(t.db, "not a code", ip, start)).toEqual({ kind: "refused", retryAfterSeconds: 595 });
    expect(await lookUpCode(t.db, unknown, ip, start)).toMatchObject({ kind: "refused" });
    // The citizen behind the same address, with their code typed as people type it.
    expect(await lookUpCode(t.db, code, ip, start)).toEqual({ kind: "found", code });
    expect(await lookUpCode(t.db, ` ${code.toLowerCase().replace(/-/g, " ")} `, ip, start)).toEqual({ kind: "found", code });
    // Found codes are never counted; refusals from a blocked address add no writes.
    const count = async () => rowsOf<{ count: number }>(await t.db.execute(sql`select count from rate_limits where key = ${storedRateLimitKey(`lookup-miss:${ip}`)}`))[0]!.count;
    const before = await count();
    await lookUpCode(t.db, code, ip, start);
    await lookUpCode(t.db, unknown, ip, start);
    expect(await count()).toBe(before);
    // Another address is not affected; a malformed code is told apart from an unknown one.
    expect(await lookUpCode(t.db, "ABC", "203.0.113.100", start)).toEqual({ kind: "malformed" });
  });
});

describe("my cases", () => {
  it("lists only the cases filed with the viewer's email, whatever its case", async () => {
    const citizen = await viewer("congdan@doithoai.example");
    const mine = await listMyCases(t.db, citizen, now);
    const expected = await t.db
      .select({ code: cases.code })
      .from(cases)
      .where(eq(cases.filerEmailHash, emailLookupHash("congdan@doithoai.example")));
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.map((c) => c.code).sort()).toEqual(expected.map((c) => c.code).sort());
    const shouting = await listMyCases(t.db, { ...citizen, email: "CongDan@DoiThoai.example" }, now);
    expect(shouting.map((c) => c.code).sort()).toEqual(expected.map((c) => c.code).sort());
    // Newest first, with the current deadline and overdue derived like everywhere else.
    const times = mine.map((c) => c.receivedAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    for (const c of mine) {
      const pub = await publicCase(c.code);
      expect(c.overdue, c.code).toBe(pub.overdue);
      if (c.dueOn !== null) expect(c.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (c.status === "received") expect(c.dueOn).toBe((await t.db.select({ d: cases.acceptanceDueOn }).from(cases).where(eq(cases.code, c.code)))[0]!.d);
    }
    expect(mine.some((c) => c.overdue)).toBe(true);
  });

  it("shows nothing of anyone else's", async () => {
    const other = await listMyCases(t.db, await viewer("nguoidan1@example.com"), now);
    const own = await t.db.select({ code: cases.code }).from(cases).where(eq(cases.filerEmailHash, emailLookupHash("nguoidan1@example.com")));
    expect(other.map((c) => c.code).sort()).toEqual(own.map((c) => c.code).sort());
    const citizenCodes = (await listMyCases(t.db, await viewer("congdan@doithoai.example"), now)).map((c) => c.code);
    for (const c of other) expect(citizenCodes).not.toContain(c.code);
    expect(await listMyCases(t.db, await viewer("nobody@example.com"), now)).toEqual([]);
    // Anonymous cases (no email hash) belong to nobody.
    const anonymous = await t.db.select({ code: cases.code }).from(cases).where(and(sql`${cases.filerEmailHash} is null`));
    for (const c of anonymous) expect(citizenCodes).not.toContain(c.code);
  });

  it("refuses an anonymous visitor", async () => {
    await expect(listMyCases(t.db, null, now)).rejects.toMatchObject({ code: "unauthenticated" });
  });
});
