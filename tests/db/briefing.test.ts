import { randomUUID } from "node:crypto";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  areas,
  cases,
  categories,
  commitments,
  dialogueQuestions,
  dialogueSessionLeaders,
  dialogueSessions,
  emailOutbox,
  receptionBookings,
  receptionDays,
  receptionPositionHolders,
  receptionPositions,
  units,
  users,
} from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed-demo";
import { runInTransaction } from "@/db/transaction";
import { createCalendar, toLocalDate } from "@/domain/calendar";
import { DEFAULT_HOLIDAYS } from "@/domain/holidays-data";
import { generateAccessKey, generateTrackingCode, hashAccessKey } from "@/domain/tracking-code";
import { renderDeferred } from "@/emails/registry";
import { loadMemberships, type Viewer } from "@/server/auth/roles";
import { getReceptionBriefing } from "@/server/briefing/get-reception-briefing";
import { getSessionBriefing } from "@/server/briefing/get-session-briefing";
import { lookupHash, sealPersonalData } from "@/server/privacy/personal-data";
import { vietnamInstant } from "@/domain/calendar";
import { sendBriefings } from "@/server/scheduler/send-briefings";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
// Friday 27/11/2026, 09:00 in Vietnam: the next working day is Monday 30/11.
const now = new Date("2026-11-27T02:00:00Z");
const today = toLocalDate(now);
const VN = createCalendar(DEFAULT_HOLIDAYS);
const MONDAY = "2026-11-30";
const CITIZEN = { name: "Trần Thị Bích", email: "bich.tran@example.com", summary: "Xin hỏi về tiến độ bồi thường đất ở thôn 3." };

const unit: Record<string, string> = {};
const viewers: Record<string, Viewer> = {};
let dayId: string;
let cancelledDayId: string;
let laterDayId: string;
let sessionId: string;
let overdueCode: string;
let keptCommitmentId: string;

async function viewer(name: string): Promise<Viewer> {
  const email = `${name}@doithoai.example`;
  if (viewers[email]) return viewers[email];
  const [user] = await t.db.select().from(users).where(eq(users.email, email));
  viewers[email] = { userId: user!.id, email, name: user!.name, locale: "vi", memberships: await loadMemberships(t.db, user!.id) };
  return viewers[email];
}
const userId = async (name: string) => (await viewer(name)).userId;

async function addDay(positionId: string, areaId: string, on: string, extra: Partial<typeof receptionDays.$inferInsert> = {}) {
  const [row] = await t.db
    .insert(receptionDays)
    .values({
      positionId,
      unitId: unit["demo-ubnd"]!,
      officeUnitId: unit["demo-btcd"]!,
      areaId,
      origin: "added",
      startsAt: vietnamInstant(on, "07:30"),
      endsAt: vietnamInstant(on, "11:00"),
      place: "Trụ sở Ban Tiếp công dân tỉnh, 01 Trần Hưng Đạo",
      status: "confirmed",
      headUserId: await userId("lanhdao.tinh"),
      ...extra,
    })
    .returning({ id: receptionDays.id });
  return row!.id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
  for (const u of await t.db.select().from(units)) unit[u.code] = u.id;
  const [province] = await t.db.select().from(areas).where(eq(areas.code, "demo-52"));
  const [pleiku] = await t.db.select().from(areas).where(eq(areas.code, "demo-23602"));
  const [land] = await t.db.select().from(categories).where(eq(categories.code, "land"));

  const [position] = await t.db
    .insert(receptionPositions)
    .values({
      unitId: unit["demo-ubnd"]!,
      officeUnitId: unit["demo-btcd"]!,
      kind: "province_pc_chair",
      title: "Chủ tịch UBND tỉnh (thử briefing)",
      titleEn: "Provincial chair (briefing test)",
      place: "Trụ sở Ban Tiếp công dân tỉnh",
    })
    .returning();
  await t.db.insert(receptionPositionHolders).values({ positionId: position!.id, userId: await userId("lanhdao.tinh"), fromDate: "2026-01-01" });
  dayId = await addDay(position!.id, province!.id, MONDAY, { booked: 1 });
  cancelledDayId = await addDay(position!.id, province!.id, MONDAY, { status: "cancelled", statusReason: "Trùng lịch họp" });
  laterDayId = await addDay(position!.id, province!.id, "2026-12-01");

  // A booked citizen, sealed as the booking form seals it, and one who cancelled.
  const live = sealPersonalData(CITIZEN as never);
  const gone = sealPersonalData({ name: "Người đã hủy", summary: "Đã hủy" } as never);
  await t.db.insert(receptionBookings).values([
    { receptionDayId: dayId, codeHash: randomUUID(), ...live, contactHash: lookupHash(CITIZEN.email), contactIsEmail: true, idempotencyKey: randomUUID() },
    { receptionDayId: dayId, codeHash: randomUUID(), ...gone, contactHash: lookupHash("x@example.com"), status: "cancelled", idempotencyKey: randomUUID() },
  ]);

  // An overdue case of the area (a ward of the province), handled by the ward.
  overdueCode = generateTrackingCode();
  await t.db.insert(cases).values({
    code: overdueCode,
    accessKeyHash: hashAccessKey(generateAccessKey()),
    kind: "petition",
    categoryId: land!.id,
    areaId: pleiku!.id,
    title: "Chậm chi trả tiền bồi thường giải phóng mặt bằng",
    body: "Nội dung thử nghiệm",
    unitId: unit["demo-ubnd-pleiku"]!,
    routingReason: "rule",
    receivedAt: new Date("2026-11-02T02:00:00Z"),
    acceptanceDueOn: "2026-11-16",
  });
  // An answered, rated case of the unit.
  await t.db.insert(cases).values({
    code: generateTrackingCode(),
    accessKeyHash: hashAccessKey(generateAccessKey()),
    kind: "report",
    categoryId: land!.id,
    areaId: pleiku!.id,
    title: "Đã trả lời",
    body: "Nội dung thử nghiệm",
    unitId: unit["demo-ubnd"]!,
    routingReason: "rule",
    status: "answered",
    receivedAt: new Date("2026-10-01T02:00:00Z"),
    acceptanceDueOn: "2026-10-08",
    answeredAt: new Date("2026-10-20T02:00:00Z"),
    satisfaction: "satisfied",
  });

  // Earlier commitments of the head: one open past its date, one kept.
  const leader = await userId("lanhdao.tinh");
  const [, kept] = await t.db
    .insert(commitments)
    .values([
      { leaderUserId: leader, ownerUnitId: unit["demo-sxd"]!, body: "Sửa cầu treo thôn 5 (thử briefing)", dueOn: "2026-11-10" },
      { leaderUserId: leader, ownerUnitId: unit["demo-sxd"]!, body: "Lắp đèn đường (thử briefing)", dueOn: "2026-10-10", status: "kept", closedAt: new Date("2026-10-09T02:00:00Z") },
    ])
    .returning({ id: commitments.id });
  keptCommitmentId = kept!.id;

  // A dialogue session of the Pleiku ward on Monday, with the provincial agriculture director taking part (a
  // leader from outside the ward's line of units).
  const [session] = await t.db
    .insert(dialogueSessions)
    .values({
      title: "Đối thoại về bồi thường giải phóng mặt bằng (thử briefing)",
      topic: "Đất đai",
      unitId: unit["demo-ubnd-pleiku"]!,
      areaId: pleiku!.id,
      location: "Hội trường UBND phường Pleiku",
      startsAt: vietnamInstant(MONDAY, "14:00"),
      endsAt: vietnamInstant(MONDAY, "16:30"),
      status: "open",
    })
    .returning();
  sessionId = session!.id;
  await t.db.insert(dialogueSessionLeaders).values([
    { sessionId, userId: await userId("lanhdao.pleiku"), position: "Chủ tịch UBND phường Pleiku", positionEn: "Ward chair" },
    { sessionId, userId: await userId("lanhdao.nnmt"), position: "Giám đốc Sở NN&MT", positionEn: "Director", sort: 1 },
  ]);
  const q = (number: number, body: string, supportCount: number, status: "approved" | "declined" | "pending") => ({
    sessionId,
    number,
    body,
    searchText: body.toLowerCase(),
    supportCount,
    status,
  });
  await t.db.insert(dialogueQuestions).values([
    q(1, "Khi nào chi trả tiền bồi thường cho các hộ ở tổ 7?", 12, "approved"),
    q(2, "Giá đất tính bồi thường được xác định thế nào?", 40, "approved"),
    q(3, "Câu hỏi bị từ chối", 99, "declined"),
  ]);
});

afterAll(async () => {
  await t?.close();
});

describe("the briefing before a reception", () => {
  it("lists the area's overdue case, the head's earlier commitments and the booked citizen for the head", async () => {
    const b = await getReceptionBriefing(t.db, await viewer("lanhdao.tinh"), dayId, now);
    expect(b.subject.kind).toBe("reception");
    expect(b.today).toBe(today);
    const overdue = b.cases.overdue.find((c) => c.code === overdueCode);
    expect(overdue).toMatchObject({ title: "Chậm chi trả tiền bồi thường giải phóng mặt bằng", dueOn: "2026-11-16", daysOverdue: 11 });
    expect(overdue!.unit.name).toContain("Pleiku");
    expect(b.cases.area!.overdue).toBeGreaterThanOrEqual(1);
    expect(b.cases.area!.open).toBeGreaterThanOrEqual(b.cases.area!.overdue);
    expect(b.cases.overdueTotal).toBeGreaterThanOrEqual(b.cases.overdue.length);
    // Most overdue first.
    const dues = b.cases.overdue.map((c) => c.dueOn);
    expect([...dues].sort()).toEqual(dues);

    const item = b.commitments.items.find((c) => c.body === "Sửa cầu treo thôn 5 (thử briefing)");
    expect(item).toMatchObject({ status: "open", overdue: true, dueOn: "2026-11-10" });
    expect(b.commitments.items.some((c) => c.id === keptCommitmentId)).toBe(false);
    expect(b.commitments.counts.overdue).toBeGreaterThanOrEqual(1);
    expect(b.commitments.counts.kept).toBeGreaterThanOrEqual(1);

    expect(b.satisfaction.satisfied).toBeGreaterThanOrEqual(1);
    expect(b.satisfaction.rated).toBe(b.satisfaction.satisfied + b.satisfaction.unsatisfied);
    expect(b.satisfaction.answered).toBeGreaterThanOrEqual(b.satisfaction.rated);

    expect(b.bookings).toEqual({ count: 1, citizens: [expect.objectContaining({ name: CITIZEN.name, summary: CITIZEN.summary, status: "booked" })] });
  });

  it("shows the office the booked citizens too, and a leader above the office who is not the head only how many", async () => {
    const office = await getReceptionBriefing(t.db, await viewer("tiepnhan.tinh"), dayId, now);
    expect(office.bookings!.citizens![0]!.name).toBe(CITIZEN.name);
    const boardLeader = await getReceptionBriefing(t.db, await viewer("lanhdao.btcd"), dayId, now);
    expect(boardLeader.bookings!.citizens).toHaveLength(1);
    // A day whose head is someone else: the provincial chair reads it as a leader above the office.
    await t.db.update(receptionDays).set({ headUserId: await userId("lanhdao.ca"), booked: 1 }).where(eq(receptionDays.id, laterDayId));
    await t.db.insert(receptionBookings).values({ receptionDayId: laterDayId, codeHash: randomUUID(), ...sealPersonalData(CITIZEN as never), contactHash: lookupHash(CITIZEN.email), contactIsEmail: true, idempotencyKey: randomUUID() });
    const above = await getReceptionBriefing(t.db, await viewer("lanhdao.tinh"), laterDayId, now);
    expect(above.bookings).toEqual({ count: 1, citizens: null });
    const head = await getReceptionBriefing(t.db, await viewer("lanhdao.ca"), laterDayId, now);
    expect(head.bookings!.citizens![0]!.name).toBe(CITIZEN.name);
  });

  it("refuses another office's official, a handler of the office, a citizen and an anonymous visitor", async () => {
    await expect(getReceptionBriefing(t.db, await viewer("tiepnhan.pleiku"), dayId, now)).rejects.toMatchObject({ code: "not_found" });
    await expect(getReceptionBriefing(t.db, await viewer("xuly.tinh"), dayId, now)).rejects.toMatchObject({ code: "forbidden" });
    await expect(getReceptionBriefing(t.db, await viewer("congdan"), dayId, now)).rejects.toMatchObject({ code: "forbidden" });
    await expect(getReceptionBriefing(t.db, null, dayId, now)).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(getReceptionBriefing(t.db, await viewer("lanhdao.tinh"), "not-a-uuid", now)).rejects.toMatchObject({ code: "not_found" });
  });

  it("offers the most supported questions of the next session in the area when there is one", async () => {
    const b = await getReceptionBriefing(t.db, await viewer("lanhdao.tinh"), dayId, now);
    // The next session of the province (or its unit) is the seed's, if any; the ward's session is not in the province's own area.
    if (b.questions.session) expect(b.questions.items.every((q) => q.supportCount >= 0)).toBe(true);
    else expect(b.questions.items).toEqual([]);
  });
});

describe("the briefing before a dialogue session", () => {
  it("lists its most supported approved questions and the area's overdue case", async () => {
    const b = await getSessionBriefing(t.db, await viewer("tiepnhan.pleiku"), sessionId, now);
    expect(b.subject.kind).toBe("session");
    expect(b.questions.session!.id).toBe(sessionId);
    expect(b.questions.items.map((q) => q.number)).toEqual([2, 1]);
    expect(b.questions.total).toBe(2);
    expect(b.cases.overdue.some((c) => c.code === overdueCode)).toBe(true);
    expect(b.bookings).toBeNull();
  });

  it("is open to a leader taking part from another unit, and refused to other units' staff and citizens", async () => {
    const b = await getSessionBriefing(t.db, await viewer("lanhdao.nnmt"), sessionId, now);
    expect(b.subject.heads.map((h) => h.position)).toContain("Giám đốc Sở NN&MT");
    await expect(getSessionBriefing(t.db, await viewer("tiepnhan.quynhon"), sessionId, now)).rejects.toMatchObject({ code: "not_found" });
    await expect(getSessionBriefing(t.db, await viewer("xuly.nnmt"), sessionId, now)).rejects.toMatchObject({ code: "not_found" });
    await expect(getSessionBriefing(t.db, await viewer("congdan"), sessionId, now)).rejects.toMatchObject({ code: "forbidden" });
    await expect(getSessionBriefing(t.db, await viewer("lanhdao.nnmt"), randomUUID(), now)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the briefing email", () => {
  const mine = (id: string) => t.db.select().from(emailOutbox).where(and(eq(emailOutbox.template, "briefing"), like(emailOutbox.dedupeKey, `briefing:%:${id}:%`)));
  const run = (at: Date) => runInTransaction(t.db, (tx) => sendBriefings(tx, { now: at, today: toLocalDate(at), calendar: VN, lastRunOn: null }));

  it("is not sent two working days ahead", async () => {
    await run(new Date("2026-11-26T02:00:00Z")); // Thursday: covers Friday only
    expect(await mine(dayId)).toHaveLength(0);
    expect(await mine(sessionId)).toHaveLength(0);
  });

  it("goes to the head on the working day before (Friday for Monday), once, with counts and the link but no citizen's name", async () => {
    await run(now);
    await run(now);
    const sent = await mine(dayId);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.toAddress).toBe("lanhdao.tinh@doithoai.example");
    expect(sent[0]!.dedupeKey).toBe(`briefing:reception:${dayId}:${MONDAY}:${await userId("lanhdao.tinh")}`);
    const email = await renderDeferred("briefing", "vi", sent[0]!.renderProps);
    expect(email.subject).toBe("Bản tin trước buổi tiếp công dân ngày 30/11/2026");
    expect(email.text).toContain(`/can-bo/tiep-cong-dan/${dayId}/ban-tin`);
    expect(email.text).toContain("Công dân đã đặt lịch: 1");
    expect(email.text).not.toContain(CITIZEN.name);
    expect(email.text).not.toContain(CITIZEN.summary);
    expect(JSON.stringify(sent[0]!.renderProps)).not.toContain(CITIZEN.name);
    const en = await renderDeferred("briefing", "en", sent[0]!.renderProps);
    expect(en.subject).toBe("Briefing before the citizen reception on 30/11/2026");
    // Not for a cancelled day, nor for a day after Monday.
    expect(await mine(cancelledDayId)).toHaveLength(0);
    expect(await mine(laterDayId)).toHaveLength(0);
  });

  it("goes to each leader of a coming session", async () => {
    const sent = await mine(sessionId);
    expect(sent.map((m) => m.toAddress).sort()).toEqual(["lanhdao.nnmt@doithoai.example", "lanhdao.pleiku@doithoai.example"]);
    const email = await renderDeferred("briefing", "vi", sent[0]!.renderProps);
    expect(email.subject).toBe("Bản tin trước buổi đối thoại ngày 30/11/2026");
    expect(email.text).toContain(`/can-bo/doi-thoai/${sessionId}/ban-tin`);
    expect(email.text).toContain("Câu hỏi đã duyệt của buổi đối thoại: 2");
  });
});
