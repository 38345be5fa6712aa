import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { areas, auditLog, commitments, dialogueAgendaItems, dialogueSessionEvents, dialogueSessionLeaders, dialogueSessions, units, users } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed-demo";
import { parseContentLines, unescapeText } from "@/domain/dialogue/ics";
import { verifyAuditChain } from "@/server/audit/append-audit";
import { loadMemberships, type Viewer } from "@/server/auth/roles";
import { changeSessionStatus } from "@/server/dialogue/change-session-status";
import { communeConferences } from "@/server/dialogue/commune-conferences";
import { listCalendar, listFeedSessions, listStaffSessions, parseCalendarFilters } from "@/server/dialogue/list-sessions";
import { scheduleSession, type ScheduleSessionInput } from "@/server/dialogue/schedule-session";
import { feedIcs, sessionIcs } from "@/server/dialogue/session-calendar";
import { updateSession } from "@/server/dialogue/update-session";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
// Friday 27/11/2026, 10:00 in Vietnam. Sessions below are on later dates.
const now = new Date("2026-11-27T03:00:00Z");
const ids = { area: {} as Record<string, string>, unit: {} as Record<string, string>, user: {} as Record<string, string> };
const viewers: Record<string, Viewer> = {};

async function viewer(name: string): Promise<Viewer> {
  const email = `${name}@doithoai.example`;
  if (viewers[email]) return viewers[email];
  const [user] = await t.db.select().from(users).where(eq(users.email, email));
  viewers[email] = { userId: user!.id, email, name: user!.name, locale: "vi", memberships: await loadMemberships(t.db, user!.id) };
  return viewers[email];
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
  for (const a of await t.db.select().from(areas)) ids.area[a.code] = a.id;
  for (const u of await t.db.select().from(units)) ids.unit[u.code] = u.id;
  for (const u of await t.db.select().from(users)) ids.user[u.email.split("@")[0]!] = u.id;
});
afterAll(() => t.close());

const IAGRAI = "demo-23737";
const KBANG = "demo-23896";
const PLEIKU = "demo-23602";

function input(overrides: Partial<ScheduleSessionInput> = {}): ScheduleSessionInput {
  return {
    unitId: ids.unit["demo-ubnd-pleiku"],
    kind: "dialogue",
    title: "Đối thoại về nước sạch",
    topic: "Nước sinh hoạt",
    description: "Người dân hỏi về tiến độ cấp nước.",
    areaId: ids.area[IAGRAI],
    location: "Hội trường xã Ia Grai",
    livestreamUrl: "https://example.org/truc-tiep",
    date: "2026-12-10",
    startTime: "08:00",
    endTime: "11:00",
    questionsInAdvance: false,
    leaders: [{ userId: ids.user["lanhdao.pleiku"]!, position: "Chủ tịch UBND phường Pleiku", positionEn: "Chair of the Pleiku Ward People's Committee" }],
    ...overrides,
  };
}

async function row(id: string) {
  const [r] = await t.db.select().from(dialogueSessions).where(eq(dialogueSessions.id, id));
  return r!;
}
const events = (id: string) => t.db.select().from(dialogueSessionEvents).where(eq(dialogueSessionEvents.sessionId, id)).orderBy(dialogueSessionEvents.id);
const audits = (id: string) => t.db.select().from(auditLog).where(and(eq(auditLog.entityType, "dialogue_session"), eq(auditLog.entityId, id)));
const sessionCount = async () => (await t.db.select({ id: dialogueSessions.id }).from(dialogueSessions)).length;
const fieldsOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e as { code: string; details?: { fields?: Record<string, string> } },
  );
  expect(error?.code).toBe("invalid_input");
  return error!.details!.fields!;
};

describe("scheduling", () => {
  it("an intake officer of the hosting unit schedules: public at once, leaders, history and audit in one go", async () => {
    const { id } = await scheduleSession(t.db, await viewer("tiepnhan.pleiku"), input(), now);
    const session = await row(id);
    expect(session).toMatchObject({ status: "announced", kind: "dialogue", unitId: ids.unit["demo-ubnd-pleiku"], areaId: ids.area[IAGRAI], version: 1 });
    expect(session.startsAt.toISOString()).toBe("2026-12-10T01:00:00.000Z"); // 08:00 in Vietnam
    expect(session.endsAt.toISOString()).toBe("2026-12-10T04:00:00.000Z");
    const leaders = await t.db.select().from(dialogueSessionLeaders).where(eq(dialogueSessionLeaders.sessionId, id));
    expect(leaders).toMatchObject([{ userId: ids.user["lanhdao.pleiku"], position: "Chủ tịch UBND phường Pleiku" }]);
    expect(await events(id)).toMatchObject([{ type: "announced", toStatus: "announced", actorUserId: ids.user["tiepnhan.pleiku"] }]);
    expect(await audits(id)).toMatchObject([{ action: "dialogue_session.scheduled", actorUserId: ids.user["tiepnhan.pleiku"] }]);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it("a leader of the unit schedules one taking questions in advance: it opens for them at once", async () => {
    const { id } = await scheduleSession(
      t.db,
      await viewer("lanhdao.pleiku"),
      input({ questionsInAdvance: "on" as unknown as boolean, questionsCloseDate: "2026-12-09", questionsCloseTime: "17:00" }),
      now,
    );
    const session = await row(id);
    expect(session.status).toBe("open");
    expect(session.questionsInAdvance).toBe(true);
    expect(session.questionsCloseAt?.toISOString()).toBe("2026-12-09T10:00:00.000Z");
  });

  it("refuses another unit's staff, a handler, a leader above the unit, a citizen and an anonymous visitor, writing nothing", async () => {
    const before = await sessionCount();
    for (const name of ["tiepnhan.quynhon", "xuly.pleiku", "lanhdao.tinh", "giamsat.mttq"]) {
      await expect(scheduleSession(t.db, await viewer(name), input(), now)).rejects.toMatchObject({ code: "forbidden" });
    }
    await expect(scheduleSession(t.db, await viewer("congdan"), input(), now)).rejects.toMatchObject({ code: "forbidden" });
    await expect(scheduleSession(t.db, null, input(), now)).rejects.toMatchObject({ code: "unauthenticated" });
    // A forged unit id is refused like a unit one holds no role at.
    await expect(scheduleSession(t.db, await viewer("tiepnhan.pleiku"), input({ unitId: "1 or 1=1" }), now)).rejects.toMatchObject({ code: "forbidden" });
    // Refusal comes before validation: a handler's empty form is not even read.
    await expect(scheduleSession(t.db, await viewer("xuly.pleiku"), { unitId: ids.unit["demo-ubnd-pleiku"] }, now)).rejects.toMatchObject({ code: "forbidden" });
    expect(await sessionCount()).toBe(before);
  });

  it("gives a problem per field for bad input", async () => {
    const intake = await viewer("tiepnhan.pleiku");
    const before = await sessionCount();
    expect(await fieldsOf(scheduleSession(t.db, intake, input({ title: "  ", topic: "", location: "", areaId: "" }), now))).toMatchObject({
      title: "required",
      topic: "required",
      location: "required",
      areaId: "required",
    });
    expect(await fieldsOf(scheduleSession(t.db, intake, input({ startTime: "11:00", endTime: "09:00" }), now))).toMatchObject({ endTime: "end_before_start" });
    expect(await fieldsOf(scheduleSession(t.db, intake, input({ date: "2026-11-20" }), now))).toMatchObject({ date: "in_past" });
    // Everything is said at once: a past date beside a missing title.
    expect(await fieldsOf(scheduleSession(t.db, intake, input({ date: "2026-11-20", title: "" }), now))).toEqual({ title: "required", date: "in_past" });
    expect(await fieldsOf(scheduleSession(t.db, intake, input({ date: "2026-02-30", startTime: "25:00" }), now))).toMatchObject({ date: "invalid", startTime: "invalid" });
    expect(await fieldsOf(scheduleSession(t.db, intake, input({ livestreamUrl: "http://example.org/x" }), now))).toMatchObject({ livestreamUrl: "https_only" });
    expect(await fieldsOf(scheduleSession(t.db, intake, input({ livestreamUrl: "javascript:alert(1)" }), now))).toMatchObject({ livestreamUrl: "https_only" });
    expect(await fieldsOf(scheduleSession(t.db, intake, input({ leaders: [] }), now))).toMatchObject({ leaders: "required" });
    expect(
      await fieldsOf(scheduleSession(t.db, intake, input({ leaders: [{ userId: ids.user["lanhdao.pleiku"]!, position: "", positionEn: "Chair" }] }), now)),
    ).toMatchObject({ "leaders.0.position": "required" });
    // A handler is not a leader; a leader named twice is a mistake.
    expect(
      await fieldsOf(scheduleSession(t.db, intake, input({ leaders: [{ userId: ids.user["xuly.pleiku"]!, position: "Chuyên viên", positionEn: "Officer" }] }), now)),
    ).toMatchObject({ "leaders.0.userId": "not_leader" });
    const twice = { userId: ids.user["lanhdao.pleiku"]!, position: "Chủ tịch", positionEn: "Chair" };
    expect(await fieldsOf(scheduleSession(t.db, intake, input({ leaders: [twice, twice] }), now))).toMatchObject({ "leaders.1.userId": "duplicate" });
    expect(
      await fieldsOf(scheduleSession(t.db, intake, input({ questionsInAdvance: true, questionsCloseDate: "2026-12-10", questionsCloseTime: "12:00" }), now)),
    ).toMatchObject({ questionsCloseDate: "close_after_end" });
    expect(await fieldsOf(scheduleSession(t.db, intake, input({ title: "x".repeat(201) }), now))).toMatchObject({ title: "too_long" });
    // A yearly conference is a commune's: not for another area than the unit's own.
    expect(await fieldsOf(scheduleSession(t.db, intake, input({ kind: "conference" }), now))).toMatchObject({ areaId: "conference_area" });
    expect(await sessionCount()).toBe(before);
  });

  it("stores hostile text as it was typed, inertly", async () => {
    const title = `<script>alert(1)</script> =HYPERLINK("x"); DROP TABLE`;
    const { id } = await scheduleSession(t.db, await viewer("tiepnhan.pleiku"), input({ title }), now);
    expect((await row(id)).title).toBe(title);
  });
});

describe("commitments carried onto the next session of the area", () => {
  it("puts every open or missed commitment of the area's earlier sessions on the new session's agenda, nothing else", async () => {
    const intake = await viewer("tiepnhan.pleiku");
    const earlier = await scheduleSession(t.db, intake, input({ areaId: ids.area[KBANG], date: "2026-12-01" }), now);
    const elsewhere = await scheduleSession(t.db, intake, input({ areaId: ids.area[IAGRAI], date: "2026-12-01" }), now);
    const promise = (sessionId: string, status: "open" | "kept" | "missed", body: string) => ({
      sessionId,
      leaderUserId: ids.user["lanhdao.pleiku"]!,
      ownerUnitId: ids.unit["demo-ubnd-pleiku"]!,
      body,
      dueOn: "2026-12-20",
      status,
    });
    const made = await t.db
      .insert(commitments)
      .values([promise(earlier.id, "open", "Sửa cầu treo"), promise(earlier.id, "missed", "Khoan giếng"), promise(earlier.id, "kept", "Lắp đèn"), promise(elsewhere.id, "open", "Việc xã khác")])
      .returning({ id: commitments.id, body: commitments.body });
    const next = await scheduleSession(t.db, intake, input({ areaId: ids.area[KBANG], date: "2026-12-15" }), now);
    expect(next.carried).toBe(2);
    const agenda = await t.db.select().from(dialogueAgendaItems).where(eq(dialogueAgendaItems.sessionId, next.id));
    const byId = new Map(made.map((m) => [m.id, m.body]));
    expect(agenda.map((a) => byId.get(a.commitmentId!)).sort()).toEqual(["Khoan giếng", "Sửa cầu treo"]);
    expect(agenda.every((a) => a.caseId === null)).toBe(true);
    expect((await events(next.id))[0]!.data).toMatchObject({ carriedCommitments: 2 });
    // The earlier session itself gets none of them.
    expect(await t.db.select().from(dialogueAgendaItems).where(eq(dialogueAgendaItems.sessionId, earlier.id))).toEqual([]);
  });
});

describe("editing", () => {
  it("edits the details, lists the changed fields in the public history, and refuses a stale form", async () => {
    const intake = await viewer("tiepnhan.pleiku");
    const { id } = await scheduleSession(t.db, intake, input(), now);
    const result = await updateSession(t.db, intake, { ...input(), sessionId: id, version: 1, location: "Nhà văn hóa thôn 2", startTime: "14:00", endTime: "16:30" }, now);
    expect(result).toEqual({ version: 2, changed: ["location", "time"] });
    const session = await row(id);
    expect(session.location).toBe("Nhà văn hóa thôn 2");
    expect(session.startsAt.toISOString()).toBe("2026-12-10T07:00:00.000Z");
    const updated = (await events(id)).at(-1)!;
    expect(updated).toMatchObject({ type: "updated", data: { fields: ["location", "time"], oldStartsAt: "2026-12-10T01:00:00.000Z", startsAt: "2026-12-10T07:00:00.000Z" } });
    expect((await audits(id)).map((a) => a.action)).toContain("dialogue_session.updated");
    // The form rendered at version 1 is now stale.
    await expect(updateSession(t.db, intake, { ...input(), sessionId: id, version: 1, title: "Khác" }, now)).rejects.toMatchObject({ code: "conflict", message: "stale_version" });
    expect((await row(id)).title).toBe("Đối thoại về nước sạch");
    // Leaders can change too.
    const leaders = [
      { userId: ids.user["lanhdao.pleiku"]!, position: "Chủ tịch UBND phường Pleiku", positionEn: "Chair" },
      { userId: ids.user["lanhdao.tinh"]!, position: "Chủ tịch UBND tỉnh", positionEn: "Provincial Chair" },
    ];
    expect((await updateSession(t.db, intake, { ...input(), sessionId: id, version: 2, location: "Nhà văn hóa thôn 2", startTime: "14:00", endTime: "16:30", leaders }, now)).changed).toEqual(["leaders"]);
  });

  it("refuses another unit's staff as if the session did not exist, a handler, a citizen and an anonymous visitor", async () => {
    const { id } = await scheduleSession(t.db, await viewer("tiepnhan.pleiku"), input(), now);
    const edit = { ...input(), sessionId: id, version: 1, title: "Bị sửa" };
    await expect(updateSession(t.db, await viewer("tiepnhan.quynhon"), edit, now)).rejects.toMatchObject({ code: "not_found" });
    await expect(updateSession(t.db, await viewer("xuly.pleiku"), edit, now)).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateSession(t.db, await viewer("lanhdao.tinh"), edit, now)).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateSession(t.db, await viewer("congdan"), edit, now)).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateSession(t.db, null, edit, now)).rejects.toMatchObject({ code: "unauthenticated" });
    expect((await row(id)).title).toBe("Đối thoại về nước sạch");
  });
});

describe("status changes", () => {
  it("opens for questions, starts, ends, with public history, and refuses what the state does not allow", async () => {
    const leader = await viewer("lanhdao.pleiku");
    const { id } = await scheduleSession(t.db, leader, input(), now);
    await expect(changeSessionStatus(t.db, leader, { sessionId: id, version: 1, action: "end" }, now)).rejects.toMatchObject({ code: "conflict", message: "invalid_transition" });
    await expect(changeSessionStatus(t.db, leader, { sessionId: id, version: 1, action: "reschedule", date: "2026-12-20", startTime: "08:00", endTime: "10:00" }, now)).rejects.toMatchObject({
      message: "invalid_transition",
    });
    expect(await changeSessionStatus(t.db, leader, { sessionId: id, version: 1, action: "open_questions" }, now)).toEqual({ status: "open", version: 2 });
    const startAt = new Date("2026-12-10T01:02:00Z");
    await changeSessionStatus(t.db, leader, { sessionId: id, version: 2, action: "start" }, startAt);
    expect(await row(id)).toMatchObject({ status: "live", startedAt: startAt, version: 3 });
    // Publishing the minutes is not a status control of this form.
    expect(await fieldsOf(changeSessionStatus(t.db, leader, { sessionId: id, version: 3, action: "publish_minutes" }, startAt))).toMatchObject({ action: "invalid" });
    await expect(changeSessionStatus(t.db, leader, { sessionId: id, version: 3, action: "cancel", reason: "Thử" }, startAt)).rejects.toMatchObject({ message: "invalid_transition" });
    const endAt = new Date("2026-12-10T04:10:00Z");
    await changeSessionStatus(t.db, leader, { sessionId: id, version: 3, action: "end" }, endAt);
    expect(await row(id)).toMatchObject({ status: "ended", endedAt: endAt, currentQuestionId: null });
    expect((await events(id)).map((e) => [e.type, e.fromStatus, e.toStatus])).toEqual([
      ["announced", null, "announced"],
      ["questions_opened", "announced", "open"],
      ["started", "open", "live"],
      ["ended", "live", "ended"],
    ]);
    expect((await audits(id)).map((a) => a.action).sort()).toEqual(["dialogue_session.end", "dialogue_session.open_questions", "dialogue_session.scheduled", "dialogue_session.start"]);
  });

  it("postponing and cancelling need a public reason", async () => {
    const intake = await viewer("tiepnhan.pleiku");
    const { id } = await scheduleSession(t.db, intake, input(), now);
    expect(await fieldsOf(changeSessionStatus(t.db, intake, { sessionId: id, version: 1, action: "postpone", reason: "   " }, now))).toEqual({ reason: "required" });
    expect(await fieldsOf(changeSessionStatus(t.db, intake, { sessionId: id, version: 1, action: "cancel" }, now))).toEqual({ reason: "required" });
    expect((await row(id)).status).toBe("announced");
    await changeSessionStatus(t.db, intake, { sessionId: id, version: 1, action: "cancel", reason: "Trùng lịch họp của tỉnh" }, now);
    expect(await row(id)).toMatchObject({ status: "cancelled", statusReason: "Trùng lịch họp của tỉnh" });
    expect((await events(id)).at(-1)).toMatchObject({ type: "cancelled", fromStatus: "announced", toStatus: "cancelled", reason: "Trùng lịch họp của tỉnh" });
  });

  it("postpones with a new date (rescheduled at once, both recorded), or without one and reschedules later", async () => {
    const intake = await viewer("tiepnhan.pleiku");
    const { id } = await scheduleSession(t.db, intake, input({ questionsInAdvance: true, questionsCloseDate: "2026-12-09", questionsCloseTime: "17:00" }), now);
    await changeSessionStatus(t.db, intake, { sessionId: id, version: 1, action: "postpone", reason: "Mưa lũ", date: "2026-12-17", startTime: "08:00", endTime: "11:00" }, now);
    const moved = await row(id);
    // It took questions in advance: open again, the closing time moved with the start.
    expect(moved).toMatchObject({ status: "open", statusReason: "Mưa lũ", version: 2 });
    expect(moved.startsAt.toISOString()).toBe("2026-12-17T01:00:00.000Z");
    expect(moved.questionsCloseAt?.toISOString()).toBe("2026-12-16T10:00:00.000Z");
    const history = (await events(id)).slice(1);
    expect(history).toMatchObject([
      { type: "postponed", fromStatus: "open", toStatus: "postponed", reason: "Mưa lũ", data: { oldStartsAt: "2026-12-10T01:00:00.000Z" } },
      { type: "rescheduled", fromStatus: "postponed", toStatus: "open", data: { oldStartsAt: "2026-12-10T01:00:00.000Z", startsAt: "2026-12-17T01:00:00.000Z" } },
    ]);

    await changeSessionStatus(t.db, intake, { sessionId: id, version: 2, action: "postpone", reason: "Lãnh đạo bận đột xuất" }, now);
    expect((await row(id)).status).toBe("postponed");
    expect(await fieldsOf(changeSessionStatus(t.db, intake, { sessionId: id, version: 3, action: "reschedule" }, now))).toMatchObject({ date: "required" });
    expect(await fieldsOf(changeSessionStatus(t.db, intake, { sessionId: id, version: 3, action: "reschedule", date: "2026-11-01", startTime: "08:00", endTime: "09:00" }, now))).toMatchObject({
      date: "in_past",
    });
    // A stale form is refused.
    await expect(changeSessionStatus(t.db, intake, { sessionId: id, version: 2, action: "reschedule", date: "2026-12-22", startTime: "08:00", endTime: "10:00" }, now)).rejects.toMatchObject({
      code: "conflict",
      message: "stale_version",
    });
    await changeSessionStatus(t.db, intake, { sessionId: id, version: 3, action: "reschedule", date: "2026-12-22", startTime: "08:00", endTime: "10:00" }, now);
    expect(await row(id)).toMatchObject({ status: "open", version: 4 });
  });

  it("refuses another unit's staff, a handler, a citizen and an anonymous visitor", async () => {
    const { id } = await scheduleSession(t.db, await viewer("tiepnhan.pleiku"), input(), now);
    const start = { sessionId: id, version: 1, action: "start" };
    await expect(changeSessionStatus(t.db, await viewer("lanhdao.quynhon"), start, now)).rejects.toMatchObject({ code: "not_found" });
    await expect(changeSessionStatus(t.db, await viewer("xuly.pleiku"), start, now)).rejects.toMatchObject({ code: "forbidden" });
    await expect(changeSessionStatus(t.db, await viewer("congdan"), start, now)).rejects.toMatchObject({ code: "forbidden" });
    await expect(changeSessionStatus(t.db, null, start, now)).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(changeSessionStatus(t.db, await viewer("tiepnhan.pleiku"), { ...start, sessionId: "not-a-uuid" }, now)).rejects.toMatchObject({ code: "not_found" });
    expect((await row(id)).status).toBe("announced");
  });
});

describe("the calendar", () => {
  it("lists upcoming and past sessions, filtered by area and by unit", async () => {
    const intake = await viewer("tiepnhan.quynhon");
    const coming = await scheduleSession(
      t.db,
      intake,
      input({ unitId: ids.unit["demo-ubnd-quynhon"], areaId: ids.area["demo-24100"], leaders: [{ userId: ids.user["lanhdao.quynhon"]!, position: "Chủ tịch", positionEn: "Chair" }] }),
      now,
    );
    const byArea = await listCalendar(t.db, parseCalendarFilters({ "dia-ban": "demo-24100" }), now);
    expect(byArea.upcoming.map((s) => s.id)).toEqual([coming.id]);
    expect(byArea.upcoming[0]).toMatchObject({ areaCode: "demo-24100", unitCode: "demo-ubnd-quynhon", leaders: [{ position: "Chủ tịch" }] });
    expect(byArea.past).toEqual([]);
    // After it is over, it is listed among the past ones.
    const later = new Date("2026-12-11T00:00:00Z");
    const afterwards = await listCalendar(t.db, parseCalendarFilters({ "dia-ban": "demo-24100" }), later);
    expect(afterwards.upcoming).toEqual([]);
    expect(afterwards.past.map((s) => s.id)).toEqual([coming.id]);

    const byUnit = await listCalendar(t.db, parseCalendarFilters({ "don-vi": "demo-ubnd-quynhon" }), now);
    expect(byUnit.upcoming.every((s) => s.unitCode === "demo-ubnd-quynhon")).toBe(true);
    expect(byUnit.upcoming.map((s) => s.id)).toContain(coming.id);
    const all = await listCalendar(t.db, parseCalendarFilters({}), now);
    expect(all.upcoming.map((s) => s.startsAt.getTime())).toEqual([...all.upcoming.map((s) => s.startsAt.getTime())].sort((a, b) => a - b));
    expect(all.upcoming.length).toBeGreaterThan(byUnit.upcoming.length);
    expect((await listCalendar(t.db, parseCalendarFilters({ "dia-ban": "no-such-area" }), now)).upcoming).toEqual([]);
    // Both the area and the unit filter at once.
    expect((await listCalendar(t.db, parseCalendarFilters({ "dia-ban": "demo-24100", "don-vi": "demo-ubnd-pleiku" }), now)).upcoming).toEqual([]);
  });

  it("lists to officials the sessions of the units they can see", async () => {
    const pleiku = await listStaffSessions(t.db, await viewer("tiepnhan.pleiku"), {}, now);
    expect(pleiku.rows.length).toBeGreaterThan(0);
    expect(pleiku.rows.every((s) => s.unitCode === "demo-ubnd-pleiku")).toBe(true);
    const province = await listStaffSessions(t.db, await viewer("lanhdao.tinh"), {}, now);
    expect(province.total).toBeGreaterThan(pleiku.total);
    expect(province.rows.some((s) => s.unitCode === "demo-ubnd-quynhon")).toBe(true);
  });

  it("a feed holds an area's sessions; a cancelled one is CANCELLED in its .ics with its reason and version", async () => {
    const intake = await viewer("tiepnhan.pleiku");
    const { id } = await scheduleSession(t.db, intake, input({ areaId: ids.area["demo-23812"], title: "Đối thoại, hỏi; đáp" }), now);
    await changeSessionStatus(t.db, intake, { sessionId: id, version: 1, action: "cancel", reason: "Bão số 15" }, now);
    const file = await sessionIcs(t.db, id, { origin: "https://doithoai.gialai.gov.vn", locale: "vi" });
    const lines = parseContentLines(file!.body);
    const value = (name: string) => lines.find((l) => l.name === name)?.value;
    expect(value("STATUS")).toBe("CANCELLED");
    expect(value("SEQUENCE")).toBe("2");
    expect(value("UID")).toBe(`${id}@doithoai.gialai.gov.vn`);
    expect(value("URL")).toBe(`https://doithoai.gialai.gov.vn/doi-thoai/${id}`);
    expect(unescapeText(value("SUMMARY")!)).toBe("Đối thoại, hỏi; đáp");
    expect(unescapeText(value("DESCRIPTION")!)).toContain("Bão số 15");
    expect(file!.etag).toBe(`"s-${id}-v2-vi"`);
    expect(await sessionIcs(t.db, "00000000-0000-0000-0000-000000000000", { origin: "https://x.example", locale: "vi" })).toBeNull();

    const feed = await feedIcs(t.db, "demo-23812", { origin: "https://doithoai.gialai.gov.vn", locale: "en", now });
    expect(parseContentLines(feed!.body).filter((l) => l.name === "UID").map((l) => l.value)).toEqual([`${id}@doithoai.gialai.gov.vn`]);
    expect(await feedIcs(t.db, "no-such-area", { origin: "https://x.example", locale: "vi", now })).toBeNull();
    const everything = await listFeedSessions(t.db, null, now);
    expect(everything.map((s) => s.id)).toContain(id);
    // More than 90 days after it, it leaves the feed.
    expect((await listFeedSessions(t.db, null, new Date("2027-04-01T00:00:00Z"))).map((s) => s.id)).not.toContain(id);
  });
});

describe("each commune's yearly dialogue conference", () => {
  it("says per commune whether this year's was held, is scheduled, or neither", async () => {
    const before = await communeConferences(t.db, now);
    expect(before.year).toBe(2026);
    const pleikuRow = () => communeConferences(t.db, now).then((r) => r.rows.find((a) => a.areaCode === PLEIKU)!);
    expect((await pleikuRow()).state).toBe("none");
    expect(before.rows.some((r) => r.areaCode === "demo-52")).toBe(false); // the province itself has no such duty
    const leader = await viewer("lanhdao.pleiku");
    // A plain dialogue session is not the conference.
    await scheduleSession(t.db, leader, input({ areaId: ids.area[PLEIKU] }), now);
    expect((await pleikuRow()).state).toBe("none");
    const { id } = await scheduleSession(t.db, leader, input({ kind: "conference", title: "Hội nghị đối thoại năm 2026", areaId: ids.area[PLEIKU], date: "2026-12-18" }), now);
    expect(await pleikuRow()).toMatchObject({ state: "scheduled", session: { id } });
    await changeSessionStatus(t.db, leader, { sessionId: id, version: 1, action: "start" }, new Date("2026-12-18T01:00:00Z"));
    await changeSessionStatus(t.db, leader, { sessionId: id, version: 2, action: "end" }, new Date("2026-12-18T04:00:00Z"));
    expect(await pleikuRow()).toMatchObject({ state: "held", session: { id, status: "ended" } });
    // The next year starts afresh.
    expect((await communeConferences(t.db, new Date("2027-01-05T00:00:00Z"))).rows.find((a) => a.areaCode === PLEIKU)!.state).toBe("none");
    // The province's People's Committee cannot hold a commune's conference.
    expect(
      await fieldsOf(
        scheduleSession(
          t.db,
          await viewer("lanhdao.tinh"),
          input({ unitId: ids.unit["demo-ubnd"], kind: "conference", areaId: ids.area[PLEIKU], leaders: [{ userId: ids.user["lanhdao.tinh"]!, position: "Chủ tịch", positionEn: "Chair" }] }),
          now,
        ),
      ),
    ).toMatchObject({ kind: "conference_unit" });
  });
});
