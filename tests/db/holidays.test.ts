import { and, eq, gt, inArray, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, cases, holidays, receptionDays, users } from "@/db/schema";
import { toLocalDate } from "@/domain/calendar";
import { seedDemoData } from "@/db/seed/seed-demo";
import { verifyAuditChain } from "@/server/audit/append-audit";
import { loadMemberships, type Viewer } from "@/server/auth/roles";
import { loadCalendar } from "@/server/deadlines/policy-rows";
import { AppError } from "@/server/errors";
import { addHoliday } from "@/server/holidays/add-holiday";
import { getHolidayYear } from "@/server/holidays/get-holiday-year";
import { prefillHolidays } from "@/server/holidays/prefill-holidays";
import { previewHolidayChange } from "@/server/holidays/preview-holiday-change";
import { removeHoliday } from "@/server/holidays/remove-holiday";
import { updateHoliday } from "@/server/holidays/update-holiday";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
// Monday 20/7/2026, 10:00 in Vietnam.
const now = new Date("2026-07-20T03:00:00Z");
const viewers: Record<string, Viewer> = {};

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

const admin = () => viewer("quantri");

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
});

afterAll(async () => {
  await t?.close();
});

describe("add, edit, remove", () => {
  it("adds an entry, audited in the same change", async () => {
    await addHoliday(t.db, await admin(), { date: "2026-12-24", kind: "holiday", name: "  Ngày thử  ", confirmed: "on" });
    const [row] = await t.db.select().from(holidays).where(eq(holidays.date, "2026-12-24"));
    expect(row).toMatchObject({ kind: "holiday", name: "Ngày thử", confirmed: true });
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "holiday.added"), eq(auditLog.entityId, "2026-12-24")));
    expect(audit).toHaveLength(1);
    expect((await loadCalendar(t.db)).isWorkingDay("2026-12-24")).toBe(false);
  });

  it("edits its kind, name and confirmation; an unconfirmed entry is not a day off for deadlines", async () => {
    await updateHoliday(t.db, await admin(), { date: "2026-12-24", kind: "day_off_in_lieu", name: "Nghỉ bù thử", confirmed: "" });
    const [row] = await t.db.select().from(holidays).where(eq(holidays.date, "2026-12-24"));
    expect(row).toMatchObject({ kind: "day_off_in_lieu", name: "Nghỉ bù thử", confirmed: false });
    expect((await loadCalendar(t.db)).isWorkingDay("2026-12-24")).toBe(true);
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, "holiday.updated"))).toHaveLength(1);
  });

  it("removes it", async () => {
    await removeHoliday(t.db, await admin(), { date: "2026-12-24" });
    expect(await t.db.select().from(holidays).where(eq(holidays.date, "2026-12-24"))).toHaveLength(0);
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, "holiday.removed"))).toHaveLength(1);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it("lists a year's entries in date order", async () => {
    const entries = await getHolidayYear(t.db, await admin(), 2026);
    expect(entries.length).toBeGreaterThan(5);
    expect(entries.every((e) => e.date.startsWith("2026-"))).toBe(true);
    expect(entries.map((e) => e.date)).toEqual([...entries.map((e) => e.date)].sort());
  });
});

describe("bad input", () => {
  it("refuses a date in the wrong format, an unknown kind, a missing name, by field", async () => {
    const e = await refusedWith(addHoliday(t.db, await admin(), { date: "24/12/2026", kind: "party", name: "", confirmed: "on" }));
    expect(e.code).toBe("invalid_input");
    expect(e.details?.fields).toEqual({ date: "invalid", kind: "invalid", name: "required" });
    const impossible = await refusedWith(addHoliday(t.db, await admin(), { date: "2026-02-30", kind: "holiday", name: "x" }));
    expect(impossible.details?.fields).toMatchObject({ date: "invalid" });
    const missing = await refusedWith(addHoliday(t.db, await admin(), { date: "", kind: "", name: "x" }));
    expect(missing.details?.fields).toEqual({ date: "required", kind: "required" });
  });

  it("refuses a date already in the table", async () => {
    const e = await refusedWith(addHoliday(t.db, await admin(), { date: "2026-09-02", kind: "holiday", name: "Trùng" }));
    expect(e.details?.fields).toMatchObject({ date: "taken" });
  });

  it("refuses to edit or remove a date not in the table", async () => {
    expect((await refusedWith(updateHoliday(t.db, await admin(), { date: "2026-12-23", kind: "holiday", name: "x" }))).code).toBe("not_found");
    expect((await refusedWith(removeHoliday(t.db, await admin(), { date: "2026-12-23" }))).code).toBe("not_found");
  });
});

describe("pre-filling a year from date-holidays", () => {
  it("adds 2028's public holidays unconfirmed (Tết 26/1), and twice adds nothing", async () => {
    const first = await prefillHolidays(t.db, await admin(), { year: "2028" });
    expect(first.added).toContain("2028-01-26");
    const rows = await getHolidayYear(t.db, await admin(), 2028);
    expect(rows.find((r) => r.date === "2028-01-26")).toMatchObject({ kind: "holiday", confirmed: false });
    expect(rows.every((r) => !r.confirmed)).toBe(true);
    const second = await prefillHolidays(t.db, await admin(), { year: 2028 });
    expect(second.added).toEqual([]);
    expect(await getHolidayYear(t.db, await admin(), 2028)).toHaveLength(rows.length);
    // Unconfirmed: the deadline calendar does not count them.
    expect((await loadCalendar(t.db)).isWorkingDay("2028-01-26")).toBe(true);
  });

  it("leaves the demo's 2027 entries as they are (Tết 6/2 and Hùng Kings 16/4 already there)", async () => {
    const before = await getHolidayYear(t.db, await admin(), 2027);
    const { added } = await prefillHolidays(t.db, await admin(), { year: 2027 });
    expect(added).not.toContain("2027-02-06");
    expect(added).not.toContain("2027-04-16");
    const after = await getHolidayYear(t.db, await admin(), 2027);
    for (const b of before) expect(after.find((a) => a.date === b.date)).toEqual(b);
  });

  it("refuses a year that is not a number", async () => {
    const e = await refusedWith(prefillHolidays(t.db, await admin(), { year: "next" }));
    expect(e.details?.fields).toMatchObject({ year: "invalid" });
  });
});

describe("the preview of moved deadlines on the demo data", () => {
  const change = { date: "2026-07-22", kind: "holiday", name: "Ngày nghỉ thử", confirmed: "on" };

  it("a new confirmed day off this week moves some open deadlines, and saving it rewrites none", async () => {
    const { moved } = await previewHolidayChange(t.db, await admin(), "add", change);
    expect(moved.length).toBeGreaterThan(0);
    const running = await t.db
      .select({ code: cases.code, acceptanceDueOn: cases.acceptanceDueOn, resolutionDueOn: cases.resolutionDueOn })
      .from(cases)
      .where(and(inArray(cases.status, ["received", "accepted"]), isNull(cases.pausedAt)));
    const codes = new Set(running.map((r) => r.code));
    for (const m of moved) {
      expect(codes.has(m.code)).toBe(true);
      expect(m.before >= "2026-07-22").toBe(true);
      expect(m.after > m.before).toBe(true);
    }
    // Nothing written by a preview.
    expect(await t.db.select().from(holidays).where(eq(holidays.date, "2026-07-22"))).toHaveLength(0);

    const saved = await addHoliday(t.db, await admin(), change);
    expect(saved.moved.map((m) => m.code)).toEqual(moved.map((m) => m.code));
    const after = await t.db
      .select({ code: cases.code, acceptanceDueOn: cases.acceptanceDueOn, resolutionDueOn: cases.resolutionDueOn })
      .from(cases)
      .where(inArray(cases.code, [...codes]));
    expect(new Map(after.map((r) => [r.code, r]))).toEqual(new Map(running.map((r) => [r.code, r])));
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "holiday.added"), eq(auditLog.entityId, "2026-07-22")));
    expect(audit?.data).toMatchObject({ movedDeadlines: moved.length });
  });

  it("removing it again previews the same cases moving back", async () => {
    const { moved } = await previewHolidayChange(t.db, await admin(), "remove", { date: "2026-07-22" });
    expect(moved.length).toBeGreaterThan(0);
    for (const m of moved) expect(m.after < m.before).toBe(true);
  });

  it("a day off long past, or an unconfirmed one, moves nothing", async () => {
    expect((await previewHolidayChange(t.db, await admin(), "add", { ...change, date: "2020-06-10" })).moved).toEqual([]);
    expect((await previewHolidayChange(t.db, await admin(), "add", { ...change, date: "2026-07-23", confirmed: "" })).moved).toEqual([]);
  });
});

describe("reception days on a new day off", () => {
  it("are named by the preview and the saved change, and left as they are for the office to move", async () => {
    const taken = new Set((await t.db.select({ date: holidays.date }).from(holidays)).map((h) => h.date));
    const day = (await t.db
      .select()
      .from(receptionDays)
      .where(and(gt(receptionDays.startsAt, now), inArray(receptionDays.status, ["planned", "confirmed"])))
      .orderBy(receptionDays.startsAt)).find((d) => !taken.has(toLocalDate(d.startsAt)));
    const date = toLocalDate(day!.startsAt);
    const change = { date, kind: "day_off_in_lieu", name: "Nghỉ bù (thử)", confirmed: "on" };
    const { receptionDays: previewed } = await previewHolidayChange(t.db, await admin(), "add", change, now);
    expect(previewed.map((d) => d.id)).toContain(day!.id);
    for (const d of previewed) expect(toLocalDate(d.startsAt)).toBe(date);
    // Unconfirmed, it is no day off yet: nothing to move.
    expect((await previewHolidayChange(t.db, await admin(), "add", { ...change, confirmed: "" }, now)).receptionDays).toEqual([]);

    const saved = await addHoliday(t.db, await admin(), change, now);
    expect(saved.receptionDays.map((d) => d.id)).toEqual(previewed.map((d) => d.id));
    const [after] = await t.db.select().from(receptionDays).where(eq(receptionDays.id, day!.id));
    expect(after).toMatchObject({ status: day!.status, startsAt: day!.startsAt, version: day!.version });
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "holiday.added"), eq(auditLog.entityId, date)));
    expect(audit?.data).toMatchObject({ receptionDaysOnDayOff: previewed.map((d) => d.id) });
    // Removing the day off again makes it a working day: nothing falls on a day off.
    expect((await removeHoliday(t.db, await admin(), { date }, now)).receptionDays).toEqual([]);
  });
});

describe("refusals for anyone but an admin", () => {
  const others = ["tiepnhan.pleiku", "xuly.pleiku", "lanhdao.tinh", "giamsat.mttq", "congdan"];

  it.each(others)("%s is refused every verb, and nothing changes", async (name) => {
    const v = await viewer(name);
    const input = { date: "2026-12-28", kind: "holiday", name: "x", confirmed: "on" };
    for (const p of [
      addHoliday(t.db, v, input),
      updateHoliday(t.db, v, { ...input, date: "2026-09-02" }),
      removeHoliday(t.db, v, { date: "2026-09-02" }),
      prefillHolidays(t.db, v, { year: 2029 }),
      previewHolidayChange(t.db, v, "add", input),
      getHolidayYear(t.db, v, 2026),
    ]) {
      expect((await refusedWith(p)).code).toBe("forbidden");
    }
    expect(await t.db.select().from(holidays).where(eq(holidays.date, "2026-12-28"))).toHaveLength(0);
    expect(await getHolidayYear(t.db, await admin(), 2029)).toEqual([]);
  });

  it("signed out is refused as unauthenticated", async () => {
    expect((await refusedWith(addHoliday(t.db, null, { date: "2026-12-28", kind: "holiday", name: "x" }))).code).toBe("unauthenticated");
    expect((await refusedWith(prefillHolidays(t.db, null, { year: 2029 }))).code).toBe("unauthenticated");
  });
});
