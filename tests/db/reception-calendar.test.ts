import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, emailOutbox, receptionBookings, receptionDayEvents, receptionDays, receptionPositionHolders, receptionPositions, units, users } from "@/db/schema";
import { runInTransaction } from "@/db/transaction";
import { seedDemoData } from "@/db/seed/seed-demo";
import { toLocalDate } from "@/domain/calendar";
import { parseContentLines } from "@/domain/dialogue/ics";
import { verifyAuditChain } from "@/server/audit/append-audit";
import { loadMemberships, type Viewer } from "@/server/auth/roles";
import { loadCalendar } from "@/server/deadlines/policy-rows";
import { receptionCalendarPage, receptionDayPage } from "@/server/http/cached-reception-pages";
import { emailLookupHash, sealPersonalData } from "@/server/privacy/personal-data";
import { addReceptionDay } from "@/server/reception/calendar/add-reception-day";
import { listReceptionDays, listStaffReceptionDays, parseReceptionFilters, receptionFilterOptions } from "@/server/reception/calendar/list-reception-days";
import { cancelReceptionDay, confirmReceptionDay, moveReceptionDay, setReceptionBookings, setReceptionMode, updateReceptionContent } from "@/server/reception/calendar/plan-day";
import { receptionDayIcs, receptionFeedIcs } from "@/server/reception/calendar/reception-ics-file";
import { loadDutyRules } from "@/server/reception/duty-rules";
import { generateReceptionDays } from "@/server/reception/generate-reception-days";
import { runScheduledJobs } from "@/server/scheduler/run-scheduled-jobs";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
// Tuesday 1/12/2026, 10:00 in Vietnam (after the morning jobs' hour).
const now = new Date("2026-12-01T03:00:00Z");
const ids = { unit: {} as Record<string, string>, user: {} as Record<string, string> };
const viewers: Record<string, Viewer> = {};
let positionId = "";
let otherPositionId = "";

async function viewer(name: string): Promise<Viewer> {
  if (viewers[name]) return viewers[name];
  const email = `${name}@doithoai.example`;
  const [user] = await t.db.select().from(users).where(eq(users.email, email));
  viewers[name] = { userId: user!.id, email, name: user!.name, locale: "vi", memberships: await loadMemberships(t.db, user!.id) };
  return viewers[name];
}

const daysOf = (position: string) => t.db.select().from(receptionDays).where(eq(receptionDays.positionId, position)).orderBy(receptionDays.startsAt);
const day = async (id: string) => (await t.db.select().from(receptionDays).where(eq(receptionDays.id, id)))[0]!;
const events = (id: string) => t.db.select().from(receptionDayEvents).where(eq(receptionDayEvents.receptionDayId, id)).orderBy(receptionDayEvents.id);
const audits = (id: string) => t.db.select().from(auditLog).where(and(eq(auditLog.entityType, "reception_day"), eq(auditLog.entityId, id))).orderBy(auditLog.id);
const refusal = async (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as { code: string; message: string; details?: { fields?: Record<string, string> } },
  );
const fieldsOf = async (promise: Promise<unknown>) => {
  const error = await refusal(promise);
  expect(error?.code).toBe("invalid_input");
  return error!.details!.fields!;
};

/** A citizen's live booking, sealed as the booking form writes it. */
async function book(dayId: string, email: string | null, phone = "0905123456") {
  const { keyId, sealed } = sealPersonalData({ name: "Nguyễn Thị Bình", ...(email ? { email } : { phone }), summary: "Tranh chấp đất" } as never);
  await t.db.insert(receptionBookings).values({
    receptionDayId: dayId,
    codeHash: `hash-${Math.random()}`,
    keyId,
    sealed,
    contactHash: emailLookupHash(email ?? phone),
    contactIsEmail: !!email,
    idempotencyKey: `k-${Math.random()}`,
  });
  const d = await day(dayId);
  await t.db.update(receptionDays).set({ booked: d.booked + 1 }).where(eq(receptionDays.id, dayId));
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
  for (const u of await t.db.select().from(units)) ids.unit[u.code] = u.id;
  for (const u of await t.db.select().from(users)) ids.user[u.email.split("@")[0]!] = u.id;
  // Our own seat: the provincial chair, received at the provincial reception board on the 15th.
  const [p] = await t.db
    .insert(receptionPositions)
    .values({
      unitId: ids.unit["demo-ubnd"]!,
      officeUnitId: ids.unit["demo-btcd"]!,
      kind: "province_pc_chair",
      title: "Chủ tịch UBND tỉnh (thử)",
      titleEn: "Provincial chair (test)",
      daysOfMonth: [15],
      place: "Trụ sở Ban Tiếp công dân tỉnh",
    })
    .returning();
  positionId = p!.id;
  await t.db.insert(receptionPositionHolders).values({ positionId, userId: ids.user["lanhdao.tinh"]!, fromDate: "2025-07-01" });
  // A ward's seat run by the ward's office, to see that the province's office cannot touch it.
  const [q] = await t.db
    .insert(receptionPositions)
    .values({ unitId: ids.unit["demo-ubnd-pleiku"]!, officeUnitId: ids.unit["demo-ubnd-pleiku"]!, kind: "commune_pc_chair", title: "Chủ tịch UBND phường Pleiku (thử)", titleEn: "Pleiku chair (test)", weekday: 3, place: "UBND phường" })
    .returning();
  otherPositionId = q!.id;
});
afterAll(() => t.close());

describe("generation", () => {
  it("the morning job generates each position's duty days once; the service run again adds nothing", async () => {
    // The seed marks today's morning jobs as done (a demo's first start): the next working morning runs them.
    const tomorrow = new Date("2026-12-02T03:00:00Z");
    const first = await runScheduledJobs(t.db, tomorrow);
    expect(first["generate-reception-calendar"]).toMatchObject({ created: expect.any(Number) });
    const days = await daysOf(positionId);
    // December, January, February (the window runs 92 days ahead of 1/12: to 3/3/2027, so March too).
    expect(days.map((d) => toLocalDate(d.startsAt))).toEqual(["2026-12-15", "2027-01-15", "2027-02-15", ...(days.length > 3 ? [toLocalDate(days[3]!.startsAt)] : [])]);
    expect(days[0]).toMatchObject({ status: "planned", origin: "duty", headUserId: ids.user["lanhdao.tinh"], officeUnitId: ids.unit["demo-btcd"], version: 1 });
    expect((await runScheduledJobs(t.db, tomorrow))["generate-reception-calendar"]).toBe("skipped");
    const again = await runInTransaction(t.db, async (tx) => generateReceptionDays(tx, { calendar: await loadCalendar(tx), rules: await loadDutyRules(tx), from: "2026-12-01", to: "2027-03-03", positionId }));
    expect(again.created).toBe(0);
    expect(await daysOf(positionId)).toHaveLength(days.length);
    expect((await events(days[0]!.id)).map((e) => e.type)).toEqual(["generated"]);
  });
});

describe("the public calendar", () => {
  it("lists what is coming, filtered by position, unit, area and month, with plain parameters", async () => {
    const byPosition = await listReceptionDays(t.db, parseReceptionFilters({ "vi-tri": positionId }), now);
    expect(byPosition.mode).toBe("upcoming");
    expect(byPosition.rows.every((r) => r.positionId === positionId)).toBe(true);
    expect(byPosition.rows[0]).toMatchObject({ title: "Chủ tịch UBND tỉnh (thử)", headName: expect.any(String), status: "planned" });
    const january = await listReceptionDays(t.db, parseReceptionFilters({ "vi-tri": positionId, thang: "2027-01" }), now);
    expect(january.rows.map((r) => toLocalDate(r.startsAt))).toEqual(["2027-01-15"]);
    const ward = await listReceptionDays(t.db, parseReceptionFilters({ "don-vi": "demo-ubnd-pleiku" }), now);
    expect(ward.rows.length).toBeGreaterThan(0);
    expect(ward.rows.some((r) => r.positionId === positionId)).toBe(false);
    const province = await listReceptionDays(t.db, parseReceptionFilters({ "dia-ban": "demo-gialai-nonexistent" }), now);
    expect(province.rows).toEqual([]);
    // Junk is ignored rather than failing.
    expect(parseReceptionFilters({ "vi-tri": "1 or 1=1", thang: "2027-13", "don-vi": "x'y", trang: "-3" })).toEqual({ unitCode: undefined, positionId: undefined, areaCode: undefined, month: undefined, page: 1 });
  });

  it("offers as filters the units with seats and the areas with reception days, the province first, each once", async () => {
    const options = await receptionFilterOptions(t.db);
    expect(options.positions.some((p) => p.id === positionId)).toBe(true);
    expect(new Set(options.areas.map((a) => a.code)).size).toBe(options.areas.length);
    expect(options.areas[0]?.code).toBe("demo-52");
    expect(options.units.length).toBeGreaterThan(0);
  });
});

let dec15 = "";
const dutyDay = async (nominalOn: string) => (await daysOf(positionId)).find((d) => d.nominalOn === nominalOn)!;

describe("planning", () => {
  beforeAll(async () => {
    dec15 = (await dutyDay("2026-12-15")).id;
  });

  it("the office confirms with place, time and planned content: public event and audit", async () => {
    const intake = await viewer("tiepnhan.tinh");
    await confirmReceptionDay(t.db, intake, { dayId: dec15, version: "1", place: "Phòng tiếp dân số 1", startTime: "7:30", endTime: "11:00", plannedContent: "Khiếu nại về bồi thường" }, now);
    expect(await day(dec15)).toMatchObject({ status: "confirmed", place: "Phòng tiếp dân số 1", plannedContent: "Khiếu nại về bồi thường", version: 2 });
    expect((await events(dec15)).map((e) => e.type)).toEqual(["generated", "confirmed"]);
    expect(await audits(dec15)).toMatchObject([{ action: "reception.confirm", actorUserId: ids.user["tiepnhan.tinh"] }]);
    await updateReceptionContent(t.db, intake, { dayId: dec15, version: "2", plannedContent: "Khiếu nại về bồi thường, giải phóng mặt bằng" }, now);
    expect((await day(dec15)).version).toBe(3);
  });

  it("refuses another office (as if missing), a handler of the office, a stale form and a confirmed day's re-confirmation", async () => {
    const input = { dayId: dec15, version: "3", reason: "Lý do" };
    expect(await refusal(cancelReceptionDay(t.db, await viewer("tiepnhan.pleiku"), input, now))).toMatchObject({ code: "not_found" });
    expect(await refusal(cancelReceptionDay(t.db, await viewer("xuly.tinh"), input, now))).toMatchObject({ code: "forbidden" });
    expect(await refusal(cancelReceptionDay(t.db, null, input, now))).toMatchObject({ code: "unauthenticated" });
    expect(await refusal(cancelReceptionDay(t.db, await viewer("tiepnhan.tinh"), { ...input, version: "2" }, now))).toMatchObject({ code: "conflict", message: "stale_version" });
    expect(await refusal(confirmReceptionDay(t.db, await viewer("tiepnhan.tinh"), { dayId: dec15, version: "3", place: "X", startTime: "08:00", endTime: "09:00" }, now))).toMatchObject({ message: "not_plannable" });
    expect((await day(dec15)).status).toBe("confirmed");
    // The province's office cannot plan the ward's days either.
    const ward = (await daysOf(otherPositionId))[0]!;
    expect(await refusal(cancelReceptionDay(t.db, await viewer("tiepnhan.tinh"), { dayId: ward.id, version: String(ward.version), reason: "x" }, now))).toMatchObject({ code: "not_found" });
  });

  it("a move needs a public reason and a working day still to come; the event keeps the old date; booked citizens with an email are told", async () => {
    const intake = await viewer("tiepnhan.tinh");
    const base = { dayId: dec15, version: "3", startTime: "07:30", endTime: "11:00" };
    expect(await fieldsOf(moveReceptionDay(t.db, intake, { ...base, date: "2026-12-16", reason: "" }, now))).toMatchObject({ reason: "required" });
    expect(await fieldsOf(moveReceptionDay(t.db, intake, { ...base, date: "2027-01-01", reason: "Bận" }, now))).toMatchObject({ date: "not_working_day" });
    expect(await fieldsOf(moveReceptionDay(t.db, intake, { ...base, date: "2026-12-19", reason: "Bận" }, now))).toMatchObject({ date: "not_working_day" });
    expect(await fieldsOf(moveReceptionDay(t.db, intake, { ...base, date: "2026-11-30", reason: "Bận" }, now))).toMatchObject({ startTime: "in_past" });
    expect(await fieldsOf(moveReceptionDay(t.db, intake, { ...base, date: "2026-12-15", reason: "Bận" }, now))).toMatchObject({ date: "unchanged" });
    await book(dec15, "binh.nguyen@example.com");
    await book(dec15, null);
    const { notified } = await moveReceptionDay(t.db, intake, { ...base, date: "2026-12-16", reason: "Chủ tịch dự họp Tỉnh ủy ngày 15" }, now);
    expect(notified).toBe(1);
    const moved = await day(dec15);
    expect(toLocalDate(moved.startsAt)).toBe("2026-12-16");
    expect(moved).toMatchObject({ statusReason: "Chủ tịch dự họp Tỉnh ủy ngày 15", status: "confirmed", version: 4, booked: 2 });
    const last = (await events(dec15)).at(-1)!;
    expect(last).toMatchObject({ type: "moved", reason: "Chủ tịch dự họp Tỉnh ủy ngày 15" });
    expect(last.data).toMatchObject({ oldStartsAt: "2026-12-15T00:30:00.000Z", startsAt: "2026-12-16T00:30:00.000Z" });
    const mail = await t.db.select().from(emailOutbox).where(eq(emailOutbox.template, "reception-day-change"));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.toAddress).toBe("binh.nguyen@example.com");
    expect(mail[0]!.text).toContain("16/12/2026");
    // The message names no one: it is stored rendered.
    expect(mail[0]!.text).not.toContain("Bình");
    expect((await audits(dec15)).at(-1)).toMatchObject({ action: "reception.move" });
  });

  it("online needs an https link and 5 working days' notice; going online is public and told to the booked", async () => {
    const intake = await viewer("tiepnhan.tinh");
    expect(await fieldsOf(setReceptionMode(t.db, intake, { dayId: dec15, version: "4", mode: "online", onlineUrl: "http://meet.example/a" }, now))).toMatchObject({ onlineUrl: "https_only" });
    expect(await fieldsOf(setReceptionMode(t.db, intake, { dayId: dec15, version: "4", mode: "online", onlineUrl: "" }, now))).toMatchObject({ onlineUrl: "required" });
    // A day added for Friday 4/12: three working days ahead, too late to go online.
    const { id: friday } = await addReceptionDay(t.db, intake, { positionId, date: "2026-12-04", startTime: "08:00", endTime: "10:00" }, now);
    expect(await fieldsOf(setReceptionMode(t.db, intake, { dayId: friday, version: "1", mode: "online", onlineUrl: "https://meet.example/b" }, now))).toMatchObject({ mode: "too_late_for_online" });
    // Tuesday 8/12 is exactly five working days after 1/12: allowed.
    const { id: tuesday } = await addReceptionDay(t.db, intake, { positionId, date: "2026-12-08", startTime: "08:00", endTime: "10:00" }, now);
    await setReceptionMode(t.db, intake, { dayId: tuesday, version: "1", mode: "online", onlineUrl: "https://meet.example/c" }, now);
    expect(await day(tuesday)).toMatchObject({ mode: "online", onlineUrl: "https://meet.example/c" });
    const { notified } = await setReceptionMode(t.db, intake, { dayId: dec15, version: "4", mode: "online", onlineUrl: "https://meet.example/a" }, now);
    expect(notified).toBe(1);
    expect((await events(dec15)).at(-1)).toMatchObject({ type: "mode_online", data: { onlineUrl: "https://meet.example/a" } });
    expect(await t.db.select().from(emailOutbox).where(eq(emailOutbox.template, "reception-day-change"))).toHaveLength(2);
  });

  it("capacity never below the places booked; bookings can close", async () => {
    const intake = await viewer("tiepnhan.tinh");
    expect(await fieldsOf(setReceptionBookings(t.db, intake, { dayId: dec15, version: "5", capacity: "1", bookingsOpen: "on" }, now))).toMatchObject({ capacity: "below_booked" });
    expect(await fieldsOf(setReceptionBookings(t.db, intake, { dayId: dec15, version: "5", capacity: "abc", bookingsOpen: "on" }, now))).toMatchObject({ capacity: "invalid" });
    await setReceptionBookings(t.db, intake, { dayId: dec15, version: "5", capacity: "2" }, now);
    expect(await day(dec15)).toMatchObject({ capacity: 2, booked: 2, bookingsOpen: false, version: 6 });
  });

  it("a cancellation needs a public reason, closes the day to planning and tells the booked", async () => {
    const leader = await viewer("lanhdao.btcd");
    expect(await fieldsOf(cancelReceptionDay(t.db, leader, { dayId: dec15, version: "6", reason: "  " }, now))).toMatchObject({ reason: "required" });
    const { notified } = await cancelReceptionDay(t.db, leader, { dayId: dec15, version: "6", reason: "Bão số 15 đổ bộ" }, now);
    expect(notified).toBe(1);
    expect(await day(dec15)).toMatchObject({ status: "cancelled", statusReason: "Bão số 15 đổ bộ", bookingsOpen: false, version: 7 });
    expect((await events(dec15)).at(-1)).toMatchObject({ type: "cancelled", reason: "Bão số 15 đổ bộ" });
    expect(await refusal(moveReceptionDay(t.db, leader, { dayId: dec15, version: "7", date: "2026-12-17", startTime: "07:30", endTime: "11:00", reason: "x" }, now))).toMatchObject({ message: "not_plannable" });
    expect((await audits(dec15)).map((a) => a.action)).toEqual(["reception.confirm", "reception.update_content", "reception.move", "reception.set_mode", "reception.set_bookings", "reception.cancel"]);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });
});

describe("adding a day", () => {
  it("adds an extra day (origin added, no duty key, the holder as head), announced and public", async () => {
    const { id } = await addReceptionDay(t.db, await viewer("tiepnhan.tinh"), { positionId, date: "2026-12-22", startTime: "14:00", endTime: "16:30", plannedContent: "Tiếp thêm" }, now);
    expect(await day(id)).toMatchObject({ origin: "added", dutyKey: null, nominalOn: null, status: "confirmed", headUserId: ids.user["lanhdao.tinh"], place: "Trụ sở Ban Tiếp công dân tỉnh", capacity: 10 });
    expect((await events(id)).map((e) => e.type)).toEqual(["added"]);
    expect(await audits(id)).toMatchObject([{ action: "reception.add" }]);
  });

  it("refuses another office, a handler, a weekend and a bad time, writing nothing", async () => {
    const before = (await daysOf(positionId)).length;
    const input = { positionId, date: "2026-12-23", startTime: "08:00", endTime: "10:00" };
    expect(await refusal(addReceptionDay(t.db, await viewer("tiepnhan.pleiku"), input, now))).toMatchObject({ code: "forbidden" });
    expect(await refusal(addReceptionDay(t.db, await viewer("xuly.tinh"), input, now))).toMatchObject({ code: "forbidden" });
    expect(await refusal(addReceptionDay(t.db, await viewer("tiepnhan.tinh"), { ...input, positionId: "nope" }, now))).toMatchObject({ code: "forbidden" });
    expect(await fieldsOf(addReceptionDay(t.db, await viewer("tiepnhan.tinh"), { ...input, date: "2026-12-26" }, now))).toMatchObject({ date: "not_working_day" });
    expect(await fieldsOf(addReceptionDay(t.db, await viewer("tiepnhan.tinh"), { ...input, endTime: "07:00" }, now))).toMatchObject({ endTime: "end_before_start" });
    expect(await daysOf(positionId)).toHaveLength(before);
  });
});

describe("the office's list", () => {
  it("shows the office's days to its staff and the head, not to another office", async () => {
    const mine = new Set((await daysOf(positionId)).map((d) => d.id));
    const seen = async (name: string) => {
      const ids2: string[] = [];
      for (let page = 1; page <= 20; page++) {
        const list = await listStaffReceptionDays(t.db, await viewer(name), { page }, now);
        ids2.push(...list.rows.map((r) => r.id));
        if (page >= list.pages) break;
      }
      return ids2;
    };
    expect((await seen("tiepnhan.tinh")).filter((id) => mine.has(id))).toHaveLength(mine.size);
    expect((await seen("lanhdao.tinh")).filter((id) => mine.has(id))).toHaveLength(mine.size);
    expect((await seen("tiepnhan.pleiku")).filter((id) => mine.has(id))).toHaveLength(0);
    // Coming days first, soonest first.
    const first = (await listStaffReceptionDays(t.db, await viewer("tiepnhan.tinh"), {}, now)).rows;
    const coming = first.filter((r) => r.endsAt >= now);
    expect(coming.map((r) => r.startsAt.getTime())).toEqual([...coming.map((r) => r.startsAt.getTime())].sort((a, b) => a - b));
  });
});

describe("calendar files and the page cache", () => {
  it("a day's .ics has its version as SEQUENCE, a cancelled one is CANCELLED; the feed filters by position", async () => {
    const cancelled = await day(dec15);
    const file = (await receptionDayIcs(t.db, cancelled.id, { origin: "https://doithoai.example", locale: "vi" }))!;
    const lines = parseContentLines(file.body);
    expect(lines.find((l) => l.name === "SEQUENCE")?.value).toBe(String(cancelled.version));
    expect(lines.find((l) => l.name === "STATUS")?.value).toBe("CANCELLED");
    expect(lines.find((l) => l.name === "URL")?.value).toBe(`https://doithoai.example/tiep-cong-dan/${cancelled.id}`);
    expect(file.body).not.toContain("Bình");
    expect(await receptionDayIcs(t.db, "not-a-uuid", { origin: "https://doithoai.example", locale: "vi" })).toBeNull();
    const feed = await receptionFeedIcs(t.db, { positionId }, { origin: "https://doithoai.example", locale: "en", now });
    const uids = parseContentLines(feed.body).filter((l) => l.name === "UID");
    expect(uids).toHaveLength((await daysOf(positionId)).length);
    expect(feed.body).toContain("Citizen reception: Provincial chair (test)");
  });

  it("the day page's and the calendar's validators move with a change", async () => {
    const jan = await dutyDay("2027-01-15");
    const dayBefore = await receptionDayPage.validator(t.db, jan!.id, now);
    const calBefore = await receptionCalendarPage.validator(t.db, "", now);
    expect(receptionDayPage.match(`/tiep-cong-dan/${jan!.id}`)).toBe(jan!.id);
    expect(receptionDayPage.match("/tiep-cong-dan/nhiem-vu")).toBeNull();
    await confirmReceptionDay(t.db, await viewer("tiepnhan.tinh"), { dayId: jan!.id, version: String(jan!.version), place: "Phòng 2", startTime: "07:30", endTime: "11:00" }, now);
    expect(await receptionDayPage.validator(t.db, jan!.id, now)).not.toBe(dayBefore);
    expect(await receptionCalendarPage.validator(t.db, "", now)).not.toBe(calBefore);
    expect(await receptionDayPage.validator(t.db, "00000000-0000-4000-8000-000000000000", now)).toBeNull();
  });
});
