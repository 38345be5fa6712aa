import { and, eq, inArray, like, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, cases, receptionDayEvents, receptionDays, receptionDutyRules, receptionMatters, receptionPositionHolders, receptionPositions, units, users } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed-demo";
import { runInTransaction } from "@/db/transaction";
import { toLocalDate } from "@/domain/calendar";
import { ruleInForce } from "@/domain/reception/duty";
import { verifyAuditChain } from "@/server/audit/append-audit";
import { loadMemberships, type Viewer } from "@/server/auth/roles";
import { AppError } from "@/server/errors";
import { dutyIndexPage, dutyPositionPage, dutyUnitPage } from "@/server/http/cached-duty-pages";
import { loadCalendar } from "@/server/deadlines/policy-rows";
import { addDutyRule } from "@/server/reception/duty-admin/add-duty-rule";
import { assignHolder } from "@/server/reception/duty-admin/assign-holder";
import { confirmDutyRule } from "@/server/reception/duty-admin/confirm-duty-rule";
import { getDutyAdmin } from "@/server/reception/duty-admin/get-duty-admin";
import { savePosition } from "@/server/reception/duty-admin/save-position";
import { computeDuty } from "@/server/reception/duty/duty-figures";
import { getPositionDuty } from "@/server/reception/duty/get-position-duty";
import { getUnitDuty } from "@/server/reception/duty/get-unit-duty";
import { listDutyOverview, parseDutyFilters } from "@/server/reception/duty/list-duty-overview";
import { loadDutyRules } from "@/server/reception/duty-rules";
import { vietnamInstant } from "@/domain/calendar";
import { generateReceptionDays } from "@/server/reception/generate-reception-days";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
// Monday 20/7/2026, 10:00 in Vietnam: February is long over, July (under the new commune rule) is in progress.
const now = new Date("2026-07-20T03:00:00Z");
const unit: Record<string, string> = {};
const viewers: Record<string, Viewer> = {};
let chairSeat: string; // the hand-worked commune chair (Pleiku ward's People's Committee, Tuesdays)
const dayOn: Record<string, string> = {};

async function viewer(name: string): Promise<Viewer> {
  const email = `${name}@doithoai.example`;
  if (viewers[email]) return viewers[email];
  const [user] = await t.db.select().from(users).where(eq(users.email, email));
  viewers[email] = { userId: user!.id, email, name: user!.name, locale: "vi", memberships: await loadMemberships(t.db, user!.id) };
  return viewers[email];
}

async function refusedWith(p: Promise<unknown>): Promise<AppError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function hold(dayId: string, inPerson: boolean) {
  await t.db
    .update(receptionDays)
    .set({ status: "held", receivedInPerson: inPerson, receivedByName: inPerson ? null : "Phó Chủ tịch UBND phường", citizensCount: 3, delegationsCount: 0, recordedAt: now })
    .where(eq(receptionDays.id, dayId));
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
  for (const u of await t.db.select().from(units)) unit[u.code] = u.id;
  const chair = await viewer("lanhdao.pleiku");
  const [seat] = await t.db
    .insert(receptionPositions)
    .values({
      unitId: unit["demo-ubnd-pleiku"]!,
      officeUnitId: unit["demo-ubnd-pleiku"]!,
      kind: "commune_pc_chair",
      title: "Chủ tịch UBND phường Pleiku (kiểm thử)",
      titleEn: "Chair of the Pleiku ward People's Committee (test)",
      weekday: 2,
      place: "Trụ sở tiếp công dân phường Pleiku",
    })
    .returning();
  chairSeat = seat!.id;
  await t.db.insert(receptionPositionHolders).values({ positionId: chairSeat, userId: chair.userId, fromDate: "2026-01-01" });
  const [calendar, rules] = await Promise.all([loadCalendar(t.db), loadDutyRules(t.db)]);
  await runInTransaction(t.db, (tx) => generateReceptionDays(tx, { calendar, rules, from: "2026-02-01", to: "2026-07-31", positionId: chairSeat }));
  for (const d of await t.db.select().from(receptionDays).where(eq(receptionDays.positionId, chairSeat))) dayOn[toLocalDate(d.startsAt)] = d.id;
});

afterAll(async () => {
  await t?.close();
});

describe("the hand-worked example: a commune chair in February 2026 (Tết 14–22/2, Tuesdays)", () => {
  it("generates the duties on 3/2, 10/2 and 24/2 only: the Tết week has no working day", () => {
    const february = Object.keys(dayOn).filter((d) => d.startsWith("2026-02")).sort();
    expect(february).toEqual(["2026-02-03", "2026-02-10", "2026-02-24"]);
  });

  it("two in person and a deputy on the third: required 3, in person 2, delegated 1, missed 1, February missed", async () => {
    await hold(dayOn["2026-02-03"]!, true);
    await hold(dayOn["2026-02-10"]!, true);
    await hold(dayOn["2026-02-24"]!, false);
    const duty = await getPositionDuty(t.db, chairSeat, now);
    const feb = duty!.months.find((m) => m.month === "2026-02")!;
    expect({ required: feb.required, heldInPerson: feb.heldInPerson, delegated: feb.delegated, missed: feb.missed, upcoming: feb.upcoming, state: feb.state }).toEqual({
      required: 3,
      heldInPerson: 2,
      delegated: 1,
      missed: 1,
      upcoming: 0,
      state: "missed",
    });
    // Weekly periods: the Tết week is shown as needing none; the missed one is the week of 24/2.
    const missedWeeks = feb.periods.filter((p) => p.state === "missed");
    expect(missedWeeks.map((p) => p.from)).toEqual(["2026-02-23"]);
    expect(feb.periods.find((p) => p.from === "2026-02-16")?.state).toBe("no_duty");
    expect(feb.periods.every((p) => p.legalBasis.includes("42/2013"))).toBe(true);
  });

  it("a month under the new rule (July 2026: two days a month) needs 2, one held so far: pending with 1 still to hold", async () => {
    const july = Object.keys(dayOn).filter((d) => d.startsWith("2026-07")).sort();
    // Days 5 and 15 by default: the 5th is a Sunday, so the 6th.
    expect(july).toEqual(["2026-07-06", "2026-07-15"]);
    await hold(dayOn["2026-07-06"]!, true);
    const duty = await getPositionDuty(t.db, chairSeat, now);
    const m = duty!.months.find((x) => x.month === "2026-07")!;
    expect({ required: m.required, heldInPerson: m.heldInPerson, upcoming: m.upcoming, missed: m.missed, state: m.state }).toEqual({ required: 2, heldInPerson: 1, upcoming: 1, missed: 0, state: "pending" });
    expect(m.periods).toHaveLength(1);
    expect(m.periods[0]!.legalBasis).toContain("136/2025");
    // Newest first, from the holder's first month.
    expect(duty!.months[0]!.month).toBe("2026-07");
    expect(duty!.months.at(-1)!.month).toBe("2026-01");
    expect(duty!.months[0]!.heads.map((h) => h.name)).toEqual(["Chủ tịch UBND phường Pleiku (mẫu)"]);
    expect(duty!.heads[0]).toMatchObject({ missed: expect.any(Number), pending: 1 });
  });

  it("counts the matters of each month and what became of them (cases on time, overdue, pending; refusals late)", async () => {
    const caseRows = await t.db.select({ id: cases.id }).from(cases).limit(3);
    const [onTime, overdue, pending] = caseRows.map((c) => c.id) as [string, string, string];
    await t.db.update(cases).set({ answeredAt: new Date("2026-02-12T03:00:00Z") }).where(eq(cases.id, onTime));
    await t.db.update(cases).set({ answeredAt: null }).where(inArray(cases.id, [overdue, pending]));
    const feb3 = dayOn["2026-02-03"]!;
    const feb10 = dayOn["2026-02-10"]!;
    await t.db.insert(receptionMatters).values([
      { receptionDayId: feb3, number: 1, summary: "Hỏi về cấp sổ đỏ", outcome: "answered", response: "Đã trả lời" },
      { receptionDayId: feb3, number: 2, summary: "Khiếu nại đền bù", outcome: "case", caseId: onTime, answerDueOn: "2026-02-24" },
      { receptionDayId: feb3, number: 3, summary: "Tranh chấp ranh giới", outcome: "case", caseId: overdue, answerDueOn: "2026-02-24" },
      { receptionDayId: feb10, number: 1, summary: "Việc của tòa án", outcome: "guided", response: "Tòa án nhân dân khu vực" },
      { receptionDayId: feb10, number: 2, summary: "Đã giải quyết đúng pháp luật", outcome: "refused", response: "Điều 9", refusalNoticeDueOn: "2026-02-13", refusalNotifiedOn: "2026-02-20" },
      { receptionDayId: dayOn["2026-07-06"]!, number: 1, summary: "Đường ngập", outcome: "case", caseId: pending, answerDueOn: "2026-07-20" },
    ]);
    const duty = await getPositionDuty(t.db, chairSeat, now);
    const feb = duty!.months.find((m) => m.month === "2026-02")!;
    expect(feb.matters).toEqual({ total: 5, answered: 1, cases: 2, casesOnTime: 1, casesOverdue: 1, casesPending: 0, guided: 1, refused: 1, refusalsLate: 1 });
    const jul = duty!.months.find((m) => m.month === "2026-07")!;
    // Due today and not answered: still within the time limit.
    expect(jul.matters).toMatchObject({ total: 1, cases: 1, casesPending: 1, casesOverdue: 0 });
    expect(duty!.months.find((m) => m.month === "2026-03")!.matters.total).toBe(0);
  });

  it("the index shows this month and last month, unranked; the unit page adds up its seats", async () => {
    const overview = await listDutyOverview(t.db, parseDutyFilters({ "don-vi": unit["demo-ubnd-pleiku"] }), now);
    expect(overview.thisMonth).toBe("2026-07");
    expect(overview.lastMonth).toBe("2026-06");
    const row = overview.rows.find((r) => r.position.id === chairSeat)!;
    expect(row.thisMonth).toMatchObject({ state: "pending", required: 2, heldInPerson: 1 });
    // June under the weekly rule, none held: every Tuesday of June missed.
    expect(row.lastMonth).toMatchObject({ state: "missed", heldInPerson: 0 });
    expect(row.lastMonth!.required).toBe(row.lastMonth!.missed);
    expect(overview.rows.every((r) => r.position.unit.id === unit["demo-ubnd-pleiku"])).toBe(true);
    expect(parseDutyFilters({ "don-vi": "not-a-uuid" })).toEqual({ unitId: undefined, areaId: undefined });

    const unitDuty = await getUnitDuty(t.db, unit["demo-ubnd-pleiku"]!, now);
    const seat = unitDuty!.positions.find((p) => p.position.id === chairSeat)!;
    expect(seat.months).toHaveLength(7); // January to July 2026, from its holder's start
    expect(unitDuty!.totals.matters.total).toBeGreaterThanOrEqual(6);
    expect(await getUnitDuty(t.db, "00000000-0000-4000-8000-000000000000", now)).toBeNull();
    expect(await getPositionDuty(t.db, "nope", now)).toBeNull();
  });

  it("keeps to a few queries whatever the number of seats (all seats at once)", async () => {
    const all = await computeDuty(t.db, {}, { now });
    expect(all.length).toBeGreaterThanOrEqual(1);
    expect(all.find((p) => p.position.id === chairSeat)!.months.find((m) => m.month === "2026-02")!.state).toBe("missed");
  });
});

describe("the pages' cache validators", () => {
  it("move with a held day, a new holder or a rule, and are null for an unknown seat", async () => {
    const before = await dutyPositionPage.validator(t.db, chairSeat, now);
    const index = await dutyIndexPage.validator(t.db, "", now);
    const unitV = await dutyUnitPage.validator(t.db, unit["demo-ubnd-pleiku"]!, now);
    expect(before).toBeTruthy();
    expect(dutyPositionPage.match(`/tiep-cong-dan/nhiem-vu/${chairSeat}`)).toBe(chairSeat);
    expect(dutyPositionPage.match(`/tiep-cong-dan/nhiem-vu/${chairSeat}?x=1`)).toBeNull();
    expect(dutyUnitPage.match(`/tiep-cong-dan/nhiem-vu/don-vi/${unit["demo-ubnd-pleiku"]}`)).toBe(unit["demo-ubnd-pleiku"]);
    await t.db.update(receptionDays).set({ receivedInPerson: true, version: 2, updatedAt: new Date() }).where(eq(receptionDays.id, dayOn["2026-02-24"]!));
    const after = await dutyPositionPage.validator(t.db, chairSeat, now);
    expect(after).not.toBe(before);
    expect(await dutyIndexPage.validator(t.db, "", now)).not.toBe(index);
    expect(await dutyUnitPage.validator(t.db, unit["demo-ubnd-pleiku"]!, now)).not.toBe(unitV);
    // The date alone moves it: a pending month becomes missed at midnight.
    expect(await dutyPositionPage.validator(t.db, chairSeat, new Date(now.getTime() + 86_400_000))).not.toBe(after);
    expect(await dutyPositionPage.validator(t.db, "00000000-0000-4000-8000-000000000000", now)).toBeNull();
    // Put the example back as it was.
    await t.db.update(receptionDays).set({ receivedInPerson: false, version: 3, updatedAt: new Date() }).where(eq(receptionDays.id, dayOn["2026-02-24"]!));
  });
});

describe("duty admin", () => {
  it("refuses everyone but an administrator, before anything is changed", async () => {
    const input = { positionKind: "province_pc_chair", times: 2, per: "month", legalBasis: "Thử", effectiveFrom: "2027-01-01", confirmed: "on" };
    expect((await refusedWith(addDutyRule(t.db, null, input, now))).code).toBe("unauthenticated");
    expect((await refusedWith(addDutyRule(t.db, await viewer("lanhdao.pleiku"), input, now))).code).toBe("forbidden");
    expect((await refusedWith(addDutyRule(t.db, await viewer("tiepnhan.tinh"), input, now))).code).toBe("forbidden");
    expect((await refusedWith(assignHolder(t.db, await viewer("xuly.pleiku"), { positionId: chairSeat, userId: "x", fromDate: "2026-08-01" }, now))).code).toBe("forbidden");
    expect((await refusedWith(savePosition(t.db, await viewer("lanhdao.tinh"), {}, now))).code).toBe("forbidden");
    expect((await refusedWith(getDutyAdmin(t.db, await viewer("tiepnhan.pleiku"), now))).code).toBe("forbidden");
    const rules = await t.db.select().from(receptionDutyRules).where(eq(receptionDutyRules.effectiveFrom, "2027-01-01"));
    expect(rules).toHaveLength(0);
  });

  it("a new rule version takes effect on its date; the old one is not edited; the calendar follows", async () => {
    const admin = await viewer("quantri");
    const [seat] = await t.db
      .insert(receptionPositions)
      .values({ unitId: unit["demo-ubnd"]!, officeUnitId: unit["demo-btcd"]!, kind: "province_pc_chair", title: "Chủ tịch UBND tỉnh (kiểm thử)", titleEn: "Provincial chair (test)", place: "Ban Tiếp công dân tỉnh" })
      .returning();
    await t.db.insert(receptionPositionHolders).values({ positionId: seat!.id, userId: (await viewer("lanhdao.tinh")).userId, fromDate: "2026-01-01" });
    const oldRules = await t.db.select().from(receptionDutyRules).where(eq(receptionDutyRules.positionKind, "province_pc_chair"));

    const bad = await refusedWith(addDutyRule(t.db, admin, { positionKind: "province_pc_chair", times: 0, per: "month", legalBasis: "", effectiveFrom: "2026-13-01" }, now));
    expect(bad.details?.fields).toMatchObject({ times: "required", legalBasis: "required", effectiveFrom: "invalid" });
    const weekly = await refusedWith(addDutyRule(t.db, admin, { positionKind: "province_pc_chair", times: 6, per: "week", legalBasis: "Thử", effectiveFrom: "2026-09-01" }, now));
    expect(weekly.details?.fields).toEqual({ times: "invalid" });

    const { id } = await addDutyRule(
      t.db,
      admin,
      { positionKind: "province_pc_chair", times: 2, per: "month", legalBasis: "Nghị định thử nghiệm (từ 01/9/2026)", effectiveFrom: "2026-09-01", confirmed: "on" },
      now,
    );
    const rules = await loadDutyRules(t.db);
    expect(ruleInForce(rules, "province_pc_chair", "2026-08-31")?.times).toBe(1);
    expect(ruleInForce(rules, "province_pc_chair", "2026-09-01")?.id).toBe(id);
    // The earlier version's numbers are untouched.
    const stillOld = await t.db.select().from(receptionDutyRules).where(inArray(receptionDutyRules.id, oldRules.map((r) => r.id)));
    expect(stillOld).toEqual(oldRules);

    const duty = await computeDuty(t.db, { positionId: seat!.id }, { now, toMonth: "2026-09" });
    const months = Object.fromEntries(duty[0]!.months.map((m) => [m.month, m]));
    expect(months["2026-08"]!.required).toBe(1);
    expect(months["2026-09"]!.required).toBe(2);
    expect(months["2026-09"]!.periods[0]!.legalBasis).toContain("thử nghiệm");

    // The calendar (window to 20/10) now has two days in September and in October for this seat.
    const days = await t.db.select().from(receptionDays).where(and(eq(receptionDays.positionId, seat!.id), ne(receptionDays.status, "cancelled")));
    const byMonth = (m: string) => days.filter((d) => toLocalDate(d.startsAt).startsWith(m)).length;
    expect(byMonth("2026-08")).toBe(1);
    expect(byMonth("2026-09")).toBe(2);

    const again = await refusedWith(addDutyRule(t.db, admin, { positionKind: "province_pc_chair", times: 3, per: "month", legalBasis: "Trùng", effectiveFrom: "2026-09-01" }, now));
    expect(again.details?.fields).toEqual({ effectiveFrom: "taken" });
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "reception.duty_rule_added"), eq(auditLog.entityId, id)));
    expect(audit?.actorUserId).toBe(admin.userId);
  });

  it("confirms an unconfirmed version once", async () => {
    const admin = await viewer("quantri");
    const [unconfirmed] = await t.db.select().from(receptionDutyRules).where(and(eq(receptionDutyRules.positionKind, "agency_head"), eq(receptionDutyRules.confirmed, false)));
    await confirmDutyRule(t.db, admin, { ruleId: unconfirmed!.id }, now);
    const [row] = await t.db.select().from(receptionDutyRules).where(eq(receptionDutyRules.id, unconfirmed!.id));
    expect(row).toMatchObject({ confirmed: true, times: unconfirmed!.times, effectiveFrom: unconfirmed!.effectiveFrom });
    expect((await refusedWith(confirmDutyRule(t.db, admin, { ruleId: unconfirmed!.id }, now))).message).toBe("stale_version");
    expect((await refusedWith(confirmDutyRule(t.db, admin, { ruleId: "x" }, now))).code).toBe("not_found");
  });

  it("creates and edits a seat; a new weekday withdraws the planned days and generates the new ones; a stale form is refused", async () => {
    const admin = await viewer("quantri");
    const form = {
      unitId: unit["demo-ubnd-iagrai"],
      officeUnitId: unit["demo-ubnd-iagrai"],
      kind: "commune_pc_chair",
      title: "Chủ tịch UBND xã Ia Grai (kiểm thử)",
      titleEn: "Chair of the Ia Grai commune People's Committee (test)",
      daysOfMonth: "5, 20",
      weekday: "3",
      startTime: "07:30",
      endTime: "11:00",
      place: "Trụ sở UBND xã Ia Grai",
      active: "on",
    };
    const invalid = await refusedWith(savePosition(t.db, admin, { ...form, endTime: "07:00", daysOfMonth: "" }, now));
    expect(invalid.details?.fields).toMatchObject({ daysOfMonth: "required" });
    const before = await refusedWith(savePosition(t.db, admin, { ...form, endTime: "07:00" }, now));
    expect(before.details?.fields).toEqual({ endTime: "before_start" });

    const { id } = await savePosition(t.db, admin, form, now);
    const planned = await t.db.select().from(receptionDays).where(eq(receptionDays.positionId, id));
    expect(planned.length).toBeGreaterThan(0);
    // The window runs from 1/7 (this month) to 20/10, all under the new rule: the 5th and the 20th.
    expect(planned.every((d) => d.status === "planned")).toBe(true);
    const future = planned.filter((d) => d.startsAt > now);

    const [row] = await t.db.select().from(receptionPositions).where(eq(receptionPositions.id, id));
    expect((await refusedWith(savePosition(t.db, admin, { ...form, positionId: id, version: "2020-01-01T00:00:00.000Z", daysOfMonth: "10, 25" }, now))).message).toBe("stale_version");
    await savePosition(t.db, admin, { ...form, positionId: id, version: row!.updatedAt.toISOString(), daysOfMonth: "10, 25", startTime: "08:00" }, now);
    const after = await t.db.select().from(receptionDays).where(eq(receptionDays.positionId, id));
    const withdrawn = after.filter((d) => d.status === "cancelled");
    expect(withdrawn.map((d) => d.id).sort()).toEqual(future.filter((d) => !/-(10|25)$/.test(toLocalDate(d.startsAt))).map((d) => d.id).sort());
    expect(withdrawn.every((d) => d.statusReason && d.version === 2)).toBe(true);
    const live = after.filter((d) => d.status === "planned" && d.startsAt > now);
    expect(live.length).toBeGreaterThan(0);
    // The new days of the month (or the next working day), at the new time.
    expect(live.every((d) => ["10", "11", "12", "13", "25", "26", "27"].includes(toLocalDate(d.startsAt).slice(8)))).toBe(true);
    expect(live.every((d) => d.startsAt.toISOString().endsWith("T01:00:00.000Z"))).toBe(true);
    const events = await t.db.select().from(receptionDayEvents).where(inArray(receptionDayEvents.receptionDayId, withdrawn.map((d) => d.id)));
    expect(events.filter((e) => e.type === "withdrawn")).toHaveLength(withdrawn.length);
    const audits = await t.db.select().from(auditLog).where(and(like(auditLog.action, "reception.position_%"), eq(auditLog.entityId, id)));
    expect(audits.map((a) => a.action).sort()).toEqual(["reception.position_created", "reception.position_updated"]);
  });

  it("assigns a new head: the previous term ends the day before, future days not yet held get the new head", async () => {
    const admin = await viewer("quantri");
    const deputy = await viewer("xuly.pleiku");
    expect((await refusedWith(assignHolder(t.db, admin, { positionId: chairSeat, userId: deputy.userId, fromDate: "2025-12-01" }, now))).details?.fields).toEqual({ fromDate: "not_after_current" });
    const [citizen] = await t.db.insert(users).values({ email: "congdan.duty@example.com", name: "Công dân" }).returning();
    expect((await refusedWith(assignHolder(t.db, admin, { positionId: chairSeat, userId: citizen!.id, fromDate: "2026-07-16" }, now))).details?.fields).toEqual({ userId: "invalid" });

    // Make a future day for the seat first (July's second day, 15/7, is past: generate the next months).
    const [calendar, rules] = await Promise.all([loadCalendar(t.db), loadDutyRules(t.db)]);
    await runInTransaction(t.db, (tx) => generateReceptionDays(tx, { calendar, rules, from: "2026-08-01", to: "2026-08-31", positionId: chairSeat }));
    const result = await assignHolder(t.db, admin, { positionId: chairSeat, userId: deputy.userId, fromDate: "2026-08-01" }, now);
    expect(result.daysChanged).toBeGreaterThan(0);
    const holders = await t.db.select().from(receptionPositionHolders).where(eq(receptionPositionHolders.positionId, chairSeat));
    const previous = holders.find((h) => h.userId === viewers["lanhdao.pleiku@doithoai.example"]!.userId)!;
    expect(previous.toDate).toBe("2026-07-31");
    expect(holders.find((h) => h.userId === deputy.userId)).toMatchObject({ fromDate: "2026-08-01", toDate: null });
    const august = await t.db.select().from(receptionDays).where(and(eq(receptionDays.positionId, chairSeat)));
    for (const d of august) {
      const on = toLocalDate(d.startsAt);
      if (on >= "2026-08-01" && d.status !== "held" && d.status !== "cancelled") expect(d.headUserId).toBe(deputy.userId);
      if (on < "2026-08-01" && d.startsAt < vietnamInstant("2026-08-01", "00:00")) expect(d.headUserId).not.toBe(deputy.userId);
    }
    const changed = await t.db.select().from(receptionDayEvents).where(eq(receptionDayEvents.type, "head_changed"));
    expect(changed.length).toBe(result.daysChanged);
    const duty = await getPositionDuty(t.db, chairSeat, new Date("2026-08-20T03:00:00Z"));
    expect(duty!.position.currentHead?.userId).toBe(deputy.userId);
    expect(duty!.months.find((m) => m.month === "2026-08")!.heads.map((h) => h.userId)).toEqual([deputy.userId]);
    expect(duty!.months.find((m) => m.month === "2026-07")!.heads.map((h) => h.userId)).toEqual([previous.userId]);
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "reception.holder_assigned"), eq(auditLog.entityId, chairSeat)));
    expect(audit?.data).toMatchObject({ userId: deputy.userId, fromDate: "2026-08-01", endedHolders: [previous.id] });
  });

  it("the admin view lists the rule versions by kind, the seats with their holders, and the audit chain holds", async () => {
    const view = await getDutyAdmin(t.db, await viewer("quantri"), now);
    const commune = view.rulesByKind.find((k) => k.kind === "commune_pc_chair")!;
    expect(commune.versions.map((v) => [v.rule.times, v.rule.per, v.from, v.to, v.inForce])).toEqual([
      [2, "month", "2026-07-01", null, true],
      [1, "week", "2025-07-01", "2026-06-30", false],
    ]);
    const seat = view.positions.find((p) => p.row.id === chairSeat)!;
    expect(seat.holders.map((h) => h.fromDate)).toEqual(["2026-01-01", "2026-08-01"]);
    expect(view.officials.length).toBeGreaterThan(5);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});
