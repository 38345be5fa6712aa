import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { areas, caseEvents, caseParties, cases, deadlinePolicies, dialogueSessions, emailOutbox, holidays, memberships, routingRules, units, users } from "@/db/schema";
import { rowsOf } from "@/db/rows";
import { isDatabaseEmpty, seedDemoData } from "@/db/seed/seed-demo";
import { compareDates, createCalendar, toLocalDate } from "@/domain/calendar";
import { DEFAULT_HOLIDAYS } from "@/domain/holidays-data";
import { CASE_STATUSES, ROLES } from "@/domain/types";
import { verifyAuditChain } from "@/server/audit/append-audit";
import { overdueWhere } from "@/server/cases/overdue";
import { unsealPersonalData } from "@/server/privacy/personal-data";
import { currentSpell, nextEscalationOn } from "@/server/scheduler/escalate-overdue-cases";
import { casesDueBy } from "@/server/scheduler/open-cases";
import { MORNING_JOBS, runScheduledJobs } from "@/server/scheduler/run-scheduled-jobs";
import { ESCALATE_AFTER_WORKING_DAYS, ESCALATE_AGAIN_EVERY_WORKING_DAYS } from "@/server/scheduler/settings";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
const now = new Date("2026-11-27T03:00:00Z");

async function counts() {
  const tables = { areas, units, users, memberships, cases, caseEvents, caseParties, deadlinePolicies, holidays, routingRules, dialogueSessions };
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) {
    const [row] = await t.db.select({ n: count() }).from(table);
    out[name] = row!.n;
  }
  return out;
}

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

describe("demo seed", () => {
  it("fills an empty database, and running it again changes nothing", async () => {
    expect(await isDatabaseEmpty(t.db)).toBe(true);
    const first = await seedDemoData(t.db, now);
    expect(first.casesCreated).toBeGreaterThanOrEqual(36);
    const after = await counts();
    const second = await seedDemoData(t.db, now);
    expect(second.casesCreated).toBe(0);
    expect(await counts()).toEqual(after);
    expect(await isDatabaseEmpty(t.db)).toBe(false);
  });

  it("has a province with at least 8 commune-level areas, some remote", async () => {
    const rows = await t.db.select().from(areas);
    const communeLevel = rows.filter((a) => a.kind !== "province");
    expect(rows.filter((a) => a.kind === "province")).toHaveLength(1);
    expect(communeLevel.length).toBeGreaterThanOrEqual(8);
    expect(communeLevel.some((a) => a.remote)).toBe(true);
    expect(communeLevel.every((a) => a.parentId === rows.find((p) => p.kind === "province")!.id)).toBe(true);
  });

  it("has the province's units and each commune's People's Committee and Party committee", async () => {
    const rows = await t.db.select().from(units);
    for (const kind of ["party_committee", "peoples_council", "peoples_committee", "department", "reception_board", "inspectorate"]) {
      expect(rows.some((u) => u.kind === kind)).toBe(true);
    }
    const communeAreas = (await t.db.select().from(areas)).filter((a) => a.kind !== "province");
    for (const area of communeAreas) {
      expect(rows.some((u) => u.areaId === area.id && u.kind === "peoples_committee")).toBe(true);
      expect(rows.some((u) => u.areaId === area.id && u.kind === "party_committee")).toBe(true);
    }
  });

  it("has a user for each role, in several units", async () => {
    const rows = await t.db.select().from(memberships);
    for (const role of ROLES) expect(rows.some((m) => m.role === role)).toBe(true);
    expect(new Set(rows.filter((m) => m.role === "intake").map((m) => m.unitId)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(rows.filter((m) => m.role === "leader").map((m) => m.unitId)).size).toBeGreaterThanOrEqual(3);
  });

  it("has deadline policies with legal basis, holidays for 2026 and 2027, and routing rules", async () => {
    const policies = await t.db.select().from(deadlinePolicies);
    for (const kind of ["petition", "report", "complaint", "denunciation", "contribution"] as const) {
      expect(policies.some((p) => p.kind === kind && p.legalBasis.length > 0)).toBe(true);
    }
    const days = await t.db.select().from(holidays);
    expect(days.some((d) => d.date.startsWith("2026-02"))).toBe(true); // Tết 2026
    expect(days.some((d) => d.date.startsWith("2027-"))).toBe(true);
    expect((await t.db.select().from(routingRules)).length).toBeGreaterThan(0);
  });

  it("has cases in every status, some overdue, each with a public timeline", async () => {
    const rows = await t.db.select().from(cases);
    for (const status of CASE_STATUSES) expect(rows.some((c) => c.status === status)).toBe(true);
    const [overdue] = await t.db.select({ n: count() }).from(cases).where(overdueWhere(toLocalDate(now)));
    expect(overdue!.n).toBeGreaterThanOrEqual(3);
    const withEvents = rowsOf<{ n: number }>(
      await t.db.execute(sql`select count(distinct case_id)::int as n from case_events where visibility = 'public' and type = 'case.received'`),
    );
    expect(withEvents[0]!.n).toBe(rows.length);
    // Codes are unique and unguessable in shape; every case records why it went where it went.
    expect(new Set(rows.map((c) => c.code)).size).toBe(rows.length);
    expect(rows.every((c) => /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{3}$/.test(c.code) && c.routingReason.length > 0)).toBe(true);
  });

  it("keeps personal data apart from the case and encrypted", async () => {
    const parties = await t.db.select().from(caseParties);
    const named = parties.find((p) => !p.anonymous && p.role === "filer")!;
    expect(named.sealed).not.toMatch(/Nguyễn|Trần|Lê|@/);
    const opened = unsealPersonalData(named.keyId, named.sealed);
    expect(opened.name).toBeTruthy();
    const [caseRow] = await t.db.select().from(cases).where(eq(cases.id, named.caseId));
    expect(JSON.stringify(caseRow)).not.toContain(opened.name!);
  });

  it("has an upcoming and a past dialogue session, and an intact audit chain", async () => {
    const sessions = await t.db.select().from(dialogueSessions);
    expect(sessions.some((s) => s.startsAt > now && s.status === "open")).toBe(true);
    expect(sessions.some((s) => s.endsAt < now && s.status === "minutes_published")).toBe(true);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it("shows every part of a dialogue: questions whose counts match their supports, commitments kept, open and overdue, carried onto the next agenda", async () => {
    const statuses = rowsOf<{ status: string }>(await t.db.execute(sql`select distinct status from dialogue_sessions`)).map((r) => r.status);
    expect(statuses).toEqual(expect.arrayContaining(["open", "announced", "postponed", "minutes_published"]));
    const mismatched = rowsOf<{ id: string }>(
      await t.db.execute(sql`select q.id from dialogue_questions q
        where q.status <> 'merged' and q.support_count <> (select count(*) from dialogue_supports s where s.question_id = q.id)`),
    );
    expect(mismatched).toEqual([]);
    const [c] = rowsOf<{ kept: string; open: string; overdue: string; carried: string }>(
      await t.db.execute(sql`select count(*) filter (where status = 'kept') as kept, count(*) filter (where status = 'open') as open,
          count(*) filter (where status = 'open' and due_on < ${toLocalDate(now)}) as overdue,
          (select count(*) from dialogue_agenda_items where commitment_id is not null) as carried
        from commitments where session_id is not null`),
    );
    expect(Object.fromEntries(Object.entries(c!).map(([k, v]) => [k, Number(v)]))).toEqual({ kept: 1, open: 2, overdue: 1, carried: 2 });
    const [conference] = await t.db.select().from(dialogueSessions).where(eq(dialogueSessions.kind, "conference"));
    expect(toLocalDate(conference!.startsAt).slice(0, 4)).toBe(toLocalDate(now).slice(0, 4));
  });
});

describe("the demo's citizen receptions", () => {
  it("has heads' seats with their duty generated, held in person, by a deputy and not at all, every outcome of a matter, bookings and a conclusion", async () => {
    const [r] = rowsOf<Record<string, string>>(
      await t.db.execute(sql`select
          (select count(*) from reception_positions) as positions,
          (select count(*) from reception_days where origin = 'duty') as generated,
          (select count(*) from reception_days where status = 'held' and received_in_person) as in_person,
          (select count(*) from reception_days where status = 'held' and not received_in_person) as delegated,
          (select count(*) from reception_days where status = 'planned' and ends_at < ${now.toISOString()}::timestamptz) as missed,
          (select count(distinct outcome) from reception_matters) as outcomes,
          (select count(*) from reception_matters m join cases c on c.id = m.case_id where c.channel = 'reception') as cases,
          (select count(*) from reception_bookings where status = 'booked') as booked,
          (select count(*) from reception_days where mode = 'online' and online_url like 'https://%') as online,
          (select count(*) from commitments where reception_day_id is not null) as concluded`),
    );
    const n = Object.fromEntries(Object.entries(r!).map(([k, v]) => [k, Number(v)]));
    expect(n).toMatchObject({ positions: 4, delegated: 1, missed: 1, outcomes: 4, cases: 4, booked: 2, online: 1, concluded: 2 });
    expect(n.generated).toBeGreaterThan(20);
    expect(n.in_person).toBeGreaterThan(10);
    // Every generated day is on a working day of the calendar.
    const calendar = createCalendar(DEFAULT_HOLIDAYS);
    const days = rowsOf<{ on: string }>(await t.db.execute(sql`select (starts_at at time zone 'Asia/Ho_Chi_Minh')::date::text as on from reception_days`));
    for (const d of days) expect(calendar.isWorkingDay(d.on), d.on).toBe(true);
    // The booked citizens' names are sealed.
    const bookings = rowsOf<Record<string, unknown>>(await t.db.execute(sql`select * from reception_bookings`));
    expect(JSON.stringify(bookings)).not.toContain("Nguyễn Văn An");
  });
});

describe("the demo's first start", () => {
  it("is calm: long-overdue cases were escalated back then, and this morning's jobs send nothing", async () => {
    const db = await createTestDatabase();
    try {
      await seedDemoData(db.db, now);
      const escalated = await db.db.select({ id: cases.id, at: cases.escalatedAt }).from(cases).where(sql`${cases.escalatedAt} is not null`);
      expect(escalated.length).toBeGreaterThan(0);
      for (const c of escalated) expect(c.at!.getTime()).toBeLessThanOrEqual(now.getTime());
      const events = await db.db.select({ caseId: caseEvents.caseId, at: caseEvents.createdAt }).from(caseEvents).where(eq(caseEvents.type, "case.escalated"));
      expect(new Set(events.map((e) => e.caseId))).toEqual(new Set(escalated.map((c) => c.id)));

      // Each long-overdue case carries every step that fell due, dated back: round 1 at the threshold, then one
      // more each interval, the case row showing the last.
      const calendar = createCalendar(DEFAULT_HOLIDAYS);
      const today = toLocalDate(now);
      const timeline = await db.db.select().from(caseEvents).where(eq(caseEvents.type, "case.escalated")).orderBy(caseEvents.id);
      const due = await casesDueBy(db.db, today);
      for (const c of due.filter((x) => x.escalatedAt !== null)) {
        const mine = timeline.filter((e) => e.caseId === c.id);
        expect(mine.map((e) => (e.data as { round: number }).round)).toEqual(mine.map((_, i) => i + 1));
        expect(mine.map((e) => (e.data as { workingDaysOverdue: number }).workingDaysOverdue)).toEqual(
          mine.map((_, i) => ESCALATE_AFTER_WORKING_DAYS + i * ESCALATE_AGAIN_EVERY_WORKING_DAYS),
        );
        expect(mine.at(-1)!.createdAt.getTime()).toBe(c.escalatedAt!.getTime());
        expect(mine.at(-1)!.toUnitId).toBe(c.escalatedToUnitId);
      }
      expect(due.some((c) => timeline.filter((e) => e.caseId === c.id).length >= 2)).toBe(true);
      // Nothing is left owing: no case's next step falls due on or before the day the demo was loaded.
      for (const c of due) expect(compareDates(nextEscalationOn(calendar, c.dueOn, currentSpell(c, null)), today), c.code).toBe(1);

      // 10:00 in Vietnam on a working Friday: the worker's first tick finds the morning's work done.
      const first = await runScheduledJobs(db.db, now);
      expect(Object.keys(first)).toEqual(MORNING_JOBS.map((job) => job.name));
      expect(Object.values(first).every((result) => result === "skipped")).toBe(true);
      const [mail] = await db.db.select({ n: count() }).from(emailOutbox);
      expect(mail!.n).toBe(0);

      // The next working morning (Monday) the jobs run as usual, and nothing already escalated goes up again.
      const monday = new Date("2026-11-30T01:00:00Z");
      const dueMonday = (await casesDueBy(db.db, toLocalDate(monday)))
        .filter((c) => compareDates(c.dueOn, toLocalDate(monday)) < 0 && nextEscalationOn(calendar, c.dueOn, currentSpell(c, null)) === toLocalDate(monday))
        .map((c) => c.id);
      const next = await runScheduledJobs(db.db, monday);
      const mondays = await db.db.select({ caseId: caseEvents.caseId }).from(caseEvents).where(sql`${caseEvents.type} = 'case.escalated' and ${caseEvents.id} > ${timeline.at(-1)!.id}`);
      // Only the cases whose own next step falls on Monday, not a backlog.
      expect(mondays.map((e) => e.caseId).sort()).toEqual(dueMonday.sort());
      expect(next["daily-digest"]).not.toBe("skipped");
      // The demo's Friday counts as run: Monday's digest stands for no missed day.
      expect(next["daily-digest"]).toMatchObject({ missedDays: 0 });
      const again = await db.db.select({ n: count() }).from(caseEvents).where(eq(caseEvents.type, "case.escalated"));
      expect(again[0]!.n - events.length).toBe((next["escalate-overdue"] as { escalated: number }).escalated);
    } finally {
      await db.close();
    }
  });
});
