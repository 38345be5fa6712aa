import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { drizzleFor, type Database } from "@/db/client";
import { caseEvents, cases, emailOutbox, scheduledJobRuns, units } from "@/db/schema";
import { addCalendarDays, createCalendar } from "@/domain/calendar";
import { DEFAULT_HOLIDAYS } from "@/domain/holidays-data";
import { renderPendingEmails } from "@/server/email/render-pending";
import { setEmailPreference } from "@/server/email/email-preferences";
import { preferenceToken } from "@/server/email/preference-token";
import { MORNING_JOBS, runScheduledJobs } from "@/server/scheduler/run-scheduled-jobs";
import { ESCALATE_AFTER_WORKING_DAYS, ESCALATE_AGAIN_EVERY_WORKING_DAYS, INFO_REMINDER_AFTER_WORKING_DAYS } from "@/server/scheduler/settings";
import { getPublicCase } from "@/server/tracking/get-public-case";
import { createTestDatabase, type TestDatabase } from "../support/test-db";
import { caseById, makeCase, makeOrganisation, vn, type Org } from "../support/mail-fixtures";

let t: TestDatabase;
let org: Org;
/** A second, separate connection to the same database on PostgreSQL (PGlite has one). */
let other: { db: Database; close: () => Promise<void> };

beforeAll(async () => {
  t = await createTestDatabase();
  org = await makeOrganisation(t.db);
  if (t.kind === "postgres") {
    const { default: postgres } = await import("postgres");
    const client = postgres(t.url!, { max: 5, onnotice: () => {}, connection: { TimeZone: "UTC" } });
    other = { db: await drizzleFor({ kind: "postgres", client }), close: () => client.end({ timeout: 5 }) };
  } else other = { db: t.db, close: async () => {} };
});
afterAll(async () => {
  await other.close();
  await t.close();
});
beforeEach(async () => {
  await t.db.delete(emailOutbox);
  await t.db.delete(scheduledJobRuns);
  await t.db.delete(caseEvents);
  await t.db.delete(cases);
});

const outbox = async (template?: string) => {
  await renderPendingEmails(t.db); // as the worker would: notifications are stored unrendered
  return t.db
    .select()
    .from(emailOutbox)
    .where(template ? eq(emailOutbox.template, template) : undefined)
    .orderBy(emailOutbox.toAddress);
};

describe("the working-day schedule", () => {
  it("runs the morning jobs once on a working day from 07:30, never on weekends or Tết, and on a make-up Saturday", async () => {
    await makeCase(t.db, org, { status: "accepted", resolutionDueOn: "2027-02-16" });
    expect(await runScheduledJobs(t.db, vn("2027-02-04", "07:29"))).toEqual({});
    const first = await runScheduledJobs(t.db, vn("2027-02-04", "07:30"));
    expect(Object.keys(first)).toEqual(["generate-reception-calendar", "escalate-overdue", "notify-overdue", "remind-missing-info", "remind-commitments", "remind-reception-bookings", "publish-answers", "send-briefings", "daily-digest"]);
    expect(Object.values(first).every((r) => r !== "skipped" && r !== "failed")).toBe(true);
    expect(Object.values(await runScheduledJobs(t.db, vn("2027-02-04", "16:00")))).toEqual(MORNING_JOBS.map(() => "skipped"));
    // Friday 5/2/2027 to Sunday 14/2/2027: Tết and the weekends around it.
    for (const day of ["2027-02-05", "2027-02-06", "2027-02-08", "2027-02-10", "2027-02-12", "2027-02-13", "2027-02-14"]) {
      expect(await runScheduledJobs(t.db, vn(day, "09:00")), day).toEqual({});
    }
    expect(Object.keys(await runScheduledJobs(t.db, vn("2027-02-15", "09:00")))).toHaveLength(MORNING_JOBS.length);
    expect(Object.keys(await runScheduledJobs(t.db, vn("2027-02-20", "09:00")))).toHaveLength(MORNING_JOBS.length); // make-up working Saturday
    expect(await runScheduledJobs(t.db, vn("2027-02-21", "09:00"))).toEqual({});
    const runs = await t.db.select({ key: scheduledJobRuns.runKey }).from(scheduledJobRuns).where(eq(scheduledJobRuns.job, "daily-digest"));
    expect(runs.map((r) => r.key).sort()).toEqual(["2027-02-04", "2027-02-15", "2027-02-20"]);
  });
});

describe("the daily digest", () => {
  it("lists what is overdue and due within three working days (across Tết) in each person's scope, once a day", async () => {
    const overdue = await makeCase(t.db, org, { status: "accepted", resolutionDueOn: "2027-02-02" });
    // Three working days after Thursday 4/2/2027 is Wednesday 17/2: Tết lies between.
    const soon = await makeCase(t.db, org, { status: "received", acceptanceDueOn: "2027-02-17" });
    const later = await makeCase(t.db, org, { status: "received", acceptanceDueOn: "2027-02-18" });
    const elsewhere = await makeCase(t.db, org, { status: "received", acceptanceDueOn: "2027-02-05", unitId: org.other.id });
    await runScheduledJobs(t.db, vn("2027-02-04", "07:45"));
    const digests = await outbox("staff-digest");
    const p = org.people;
    expect(digests.map((d) => d.toAddress).sort()).toEqual(
      [p.intakeWard, p.intakeWardEn, p.handlerWard, p.leaderWard, p.leaderTop, p.intakeOther].map((u) => u.email).sort(),
    );
    const ward = digests.find((d) => d.toAddress === p.intakeWard.email)!;
    expect(ward.subject).toBe("Hồ sơ cần chú ý ngày 04/02/2027: 1 quá hạn, 1 sắp đến hạn");
    expect(ward.text).toContain(overdue.code);
    expect(ward.text).toContain(soon.code);
    expect(ward.text).not.toContain(later.code);
    expect(ward.text).not.toContain(elsewhere.code);
    expect(ward.text).toContain("/email/huy-dang-ky?t=");
    const leaderEn = digests.find((d) => d.toAddress === p.leaderWard.email)!;
    expect(leaderEn.subject).toBe("Cases needing attention on 04/02/2027: 1 overdue, 1 due soon");
    const top = digests.find((d) => d.toAddress === p.leaderTop.email)!;
    expect(top.subject).toContain("1 quá hạn, 2 sắp đến hạn"); // the province leader sees both wards
    // Again the same day, or the next day before 07:30: nothing new.
    await runScheduledJobs(t.db, vn("2027-02-04", "15:00"));
    await runScheduledJobs(t.db, vn("2027-02-15", "07:00"));
    expect(await outbox("staff-digest")).toHaveLength(digests.length);
  });

  it("has the effect of one run when two workers run it at once", async () => {
    await makeCase(t.db, org, { status: "accepted", resolutionDueOn: "2027-02-02" });
    const at = vn("2027-02-04", "07:30");
    const results = await Promise.all([runScheduledJobs(t.db, at), runScheduledJobs(other.db, at), runScheduledJobs(t.db, at)]);
    const ran = results.map((r) => r["daily-digest"]).filter((r) => r !== "skipped");
    expect(ran).toHaveLength(1);
    expect(results.flatMap((r) => Object.values(r)).includes("failed")).toBe(false);
    const digests = await outbox("staff-digest");
    // Intake officers (2), handler and leader of the ward, and the province leader.
    expect(digests).toHaveLength(5);
    expect(new Set(digests.map((d) => d.toAddress)).size).toBe(5);
    expect(await outbox("staff-overdue")).toHaveLength(1);
  });

  it("is not sent to someone who opted out through the link in it", async () => {
    await makeCase(t.db, org, { status: "accepted", resolutionDueOn: "2027-02-02" });
    await setEmailPreference(t.db, preferenceToken(org.people.intakeWard.email, "digest"), true);
    await runScheduledJobs(t.db, vn("2027-02-04", "07:30"));
    const to = (await outbox("staff-digest")).map((d) => d.toAddress);
    expect(to).not.toContain(org.people.intakeWard.email);
    expect(to).toContain(org.people.intakeWardEn.email);
    await setEmailPreference(t.db, preferenceToken(org.people.intakeWard.email, "digest"), false);
  });
});

describe("overdue notices and escalation", () => {
  it("tells the unit's leaders once when a case becomes overdue, on the next working day after a weekend", async () => {
    // Due Friday 4/12/2026: overdue from Saturday; the first working morning is Monday 7/12.
    const c = await makeCase(t.db, org, { status: "received", acceptanceDueOn: "2026-12-04" });
    await runScheduledJobs(t.db, vn("2026-12-04", "08:00"));
    expect(await outbox("staff-overdue")).toHaveLength(0);
    await runScheduledJobs(t.db, vn("2026-12-05", "08:00"));
    await runScheduledJobs(t.db, vn("2026-12-06", "08:00"));
    expect(await outbox("staff-overdue")).toHaveLength(0);
    await runScheduledJobs(t.db, vn("2026-12-07", "08:00"));
    await runScheduledJobs(t.db, vn("2026-12-08", "08:00"));
    const notices = await outbox("staff-overdue");
    expect(notices.map((n) => [n.toAddress, n.locale])).toEqual([[org.people.leaderWard.email, "en"]]);
    expect(notices[0]!.subject).toBe(`Case ${c.code} of Quy Nhon Ward People's Committee is overdue`);
    expect(notices[0]!.text).toContain("3 days overdue");
  });

  it(`escalates to the unit above after ${ESCALATE_AFTER_WORKING_DAYS} working days overdue, counting across Tết 2027, once`, async () => {
    expect(ESCALATE_AFTER_WORKING_DAYS).toBe(5);
    // Due Wednesday 3/2/2027. Working days after: 4/2, then (Tết) 15, 16, 17, 18/2: the fifth is Thursday 18/2.
    const c = await makeCase(t.db, org, { status: "accepted", resolutionDueOn: "2027-02-03" });
    const escalations = () => t.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.type, "case.escalated")));
    for (const day of ["2027-02-04", "2027-02-15", "2027-02-16", "2027-02-17"]) {
      await runScheduledJobs(t.db, vn(day, "07:30"));
      expect((await caseById(t.db, c.id)).escalatedAt, day).toBeNull();
    }
    await Promise.all([runScheduledJobs(t.db, vn("2027-02-18", "07:30")), runScheduledJobs(other.db, vn("2027-02-18", "07:31"))]);
    const row = await caseById(t.db, c.id);
    // Whichever of the two workers won, it did the work once.
    expect([vn("2027-02-18", "07:30").toISOString(), vn("2027-02-18", "07:31").toISOString()]).toContain(row.escalatedAt?.toISOString());
    expect(row.escalatedToUnitId).toBe(org.top.id);
    const events = await escalations();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ visibility: "public", fromUnitId: org.ward.id, toUnitId: org.top.id, actorRole: "system" });
    // The unit above's leaders and the overseers of the subtree are told; the ward's own leader was told it was overdue.
    const mail = await outbox("staff-escalated");
    expect(mail.map((m) => m.toAddress).sort()).toEqual([org.people.leaderTop.email, org.people.overseerTop.email].sort());
    expect(mail[0]!.subject).toBe(`Hồ sơ ${c.code} quá hạn được báo cáo lên UBND tỉnh Gia Lai`);
    expect(mail[0]!.text).toContain("5 ngày làm việc");
    // The public status page says so.
    const page = await getPublicCase(t.db, c.code, vn("2027-02-18", "09:00"));
    expect(page!.escalation?.to).toEqual({ name: "UBND tỉnh Gia Lai", nameEn: "Gia Lai Provincial People's Committee" });
    expect(page!.events.at(-1)).toMatchObject({ type: "case.escalated", toUnit: { name: "UBND tỉnh Gia Lai" } });
    // Later mornings change nothing.
    await runScheduledJobs(t.db, vn("2027-02-19", "07:30"));
    await runScheduledJobs(t.db, vn("2027-02-20", "07:30"));
    expect(await escalations()).toHaveLength(1);
    expect(await outbox("staff-escalated")).toHaveLength(2);
  });

  it(`goes up again every ${ESCALATE_AGAIN_EVERY_WORKING_DAYS} working days while overdue, one level each time, and at the top reminds the same people`, async () => {
    expect(ESCALATE_AGAIN_EVERY_WORKING_DAYS).toBe(5);
    const calendar = createCalendar(DEFAULT_HOLIDAYS);
    // A unit below the ward, so that the chain has three levels: office, ward, province.
    const [office] = await t.db
      .insert(units)
      .values({ code: `u-office-${org.tag}`, name: "Phòng Văn hóa - Xã hội phường Quy Nhơn", nameEn: "Quy Nhon Ward Culture and Society Office", kind: "department", parentId: org.ward.id })
      .returning();
    const c = await makeCase(t.db, org, { status: "accepted", resolutionDueOn: "2027-02-03", unitId: office!.id });
    const escalations = () => t.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.type, "case.escalated"))).orderBy(caseEvents.id);
    // Every working morning from the first overdue one to mid-March, noting the mornings that escalated.
    const escalatedOn: string[] = [];
    for (let day = "2027-02-04"; day <= "2027-03-19"; day = addCalendarDays(day, 1)) {
      if (!calendar.isWorkingDay(day)) continue;
      const before = (await escalations()).length;
      await runScheduledJobs(t.db, vn(day, "07:30"));
      const after = (await escalations()).length;
      expect(after - before, day).toBeLessThanOrEqual(1);
      if (after > before) escalatedOn.push(day);
    }
    // 18/2 (five working days after the deadline, across Tết), then every five working days (20/2 is a make-up Saturday).
    expect(escalatedOn).toEqual(["2027-02-18", "2027-02-24", "2027-03-03", "2027-03-10", "2027-03-17"]);
    expect(escalatedOn.slice(1).every((d, i) => calendar.workingDaysBetween(escalatedOn[i]!, d) === ESCALATE_AGAIN_EVERY_WORKING_DAYS)).toBe(true);
    const events = await escalations();
    // Office, then ward, then the province, which is the top: it stays there and is reminded.
    expect(events.map((e) => e.toUnitId)).toEqual([org.ward.id, org.top.id, org.top.id, org.top.id, org.top.id]);
    expect(events.every((e) => e.fromUnitId === office!.id && e.visibility === "public")).toBe(true);
    expect(events.map((e) => (e.data as { round: number }).round)).toEqual([1, 2, 3, 4, 5]);
    expect(events.map((e) => (e.data as { workingDaysOverdue: number }).workingDaysOverdue)).toEqual([5, 10, 15, 20, 25]);
    const row = await caseById(t.db, c.id);
    expect(row.escalatedToUnitId).toBe(org.top.id);
    expect(row.escalatedAt?.toISOString()).toBe(vn("2027-03-17", "07:30").toISOString());
    // Each round told the leaders of the unit it went to and the overseers above the case, through the event's hook.
    const mail = await outbox("staff-escalated");
    const to = (email: string) => mail.filter((m) => m.toAddress === email).length;
    expect(to(org.people.leaderWard.email)).toBe(1);
    expect(to(org.people.leaderTop.email)).toBe(4);
    expect(to(org.people.overseerTop.email)).toBe(5);
    const third = mail.filter((m) => m.toAddress === org.people.overseerTop.email).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[2]!;
    expect(third.subject).toBe(`Hồ sơ ${c.code} vẫn quá hạn, báo cáo lần thứ 3 lên UBND tỉnh Gia Lai`);
    expect(third.text).toContain("15 ngày làm việc");
    // The status page shows the last escalation.
    const page = await getPublicCase(t.db, c.code, vn("2027-03-17", "09:00"));
    expect(page!.escalation?.to).toEqual({ name: "UBND tỉnh Gia Lai", nameEn: "Gia Lai Provincial People's Committee" });
    expect(page!.events.filter((e) => e.type === "case.escalated")).toHaveLength(5);
  });

  it("starts again from the unit above when a new deadline (an extension) is missed after an escalation", async () => {
    const c = await makeCase(t.db, org, { status: "accepted", resolutionDueOn: "2027-02-03" });
    await runScheduledJobs(t.db, vn("2027-02-18", "07:30"));
    expect((await caseById(t.db, c.id)).escalatedToUnitId).toBe(org.top.id);
    // Extended to Friday 19/2: not overdue until it passes, then a first escalation again five working days on
    // (20/2 is a make-up working Saturday), not the repeat that 24/2 would have been.
    await t.db.update(cases).set({ resolutionDueOn: "2027-02-19" }).where(eq(cases.id, c.id));
    for (const day of ["2027-02-19", "2027-02-20", "2027-02-22", "2027-02-23", "2027-02-24"]) await runScheduledJobs(t.db, vn(day, "07:30"));
    const escalations = () => t.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.type, "case.escalated"))).orderBy(caseEvents.id);
    expect(await escalations()).toHaveLength(1);
    await runScheduledJobs(t.db, vn("2027-02-25", "07:30"));
    const events = await escalations();
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({ fromUnitId: org.ward.id, toUnitId: org.top.id, data: { round: 1, dueOn: "2027-02-19", workingDaysOverdue: 5 } });
  });

  it("does not escalate a case waiting for the filer's information (its clock is paused)", async () => {
    const c = await makeCase(t.db, org, { status: "info_requested", resolutionDueOn: "2027-02-03", pausedAt: vn("2027-02-01", "10:00") });
    await runScheduledJobs(t.db, vn("2027-03-01", "07:30"));
    expect((await caseById(t.db, c.id)).escalatedAt).toBeNull();
  });
});

describe("the reminder for missing information", () => {
  it(`reminds the filer once, ${INFO_REMINDER_AFTER_WORKING_DAYS} working days after the request, across Tết`, async () => {
    const c = await makeCase(t.db, org, { status: "info_requested", language: "en", resolutionDueOn: "2027-03-10", pausedAt: vn("2027-02-03", "10:00") });
    const silent = await makeCase(t.db, org, { status: "info_requested", filerEmail: null, pausedAt: vn("2027-02-03", "10:00") });
    for (const x of [c, silent]) {
      await t.db.insert(caseEvents).values({ caseId: x.id, type: "case.info_requested", visibility: "public", reason: "Photo of the site", createdAt: vn("2027-02-03", "10:00") });
    }
    for (const day of ["2027-02-04", "2027-02-15", "2027-02-16", "2027-02-17"]) await runScheduledJobs(t.db, vn(day, "08:00"));
    expect(await outbox("case-info-reminder")).toHaveLength(0);
    await runScheduledJobs(t.db, vn("2027-02-18", "08:00"));
    await runScheduledJobs(t.db, vn("2027-02-19", "08:00"));
    const mail = await outbox("case-info-reminder");
    expect(mail.map((m) => [m.toAddress, m.locale])).toEqual([[c.filerEmail, "en"]]);
    expect(mail[0]!.subject).toBe(`Reminder: information still needed for case ${c.code}`);
    expect(mail[0]!.text).toContain("On 03/02/2027");
    expect(mail[0]!.text).toContain("Photo of the site");
    expect(mail[0]!.text).toContain(`http://localhost:3000/tra-cuu/${c.code}/rieng`);
    expect(mail[0]!.text).toContain("/email/huy-dang-ky?t=");
  });

  it("respects the filer's opt-out", async () => {
    const c = await makeCase(t.db, org, { status: "info_requested", pausedAt: vn("2027-02-03", "10:00") });
    await t.db.insert(caseEvents).values({ caseId: c.id, type: "case.info_requested", visibility: "public", reason: "x" });
    await setEmailPreference(t.db, preferenceToken(c.filerEmail!, "reminder"), true);
    await runScheduledJobs(t.db, vn("2027-02-18", "08:00"));
    expect(await outbox("case-info-reminder")).toHaveLength(0);
  });
});

describe("working days the worker missed", () => {
  it("makes them up on the next working run: one digest marked as covering them, and the escalations and notices they owed", async () => {
    const overdue = await makeCase(t.db, org, { status: "accepted", resolutionDueOn: "2027-03-02" });
    // Five working days after Thursday 25/2 is Thursday 4/3, the day the worker misses.
    const escalates = await makeCase(t.db, org, { status: "accepted", resolutionDueOn: "2027-02-25" });
    // Due Wednesday 3/3: overdue from Thursday 4/3.
    const late = await makeCase(t.db, org, { status: "received", acceptanceDueOn: "2027-03-03" });
    const digestsOf = async (email: string) => (await outbox("staff-digest")).filter((d) => d.toAddress === email).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    const p = org.people;

    const wednesday = await runScheduledJobs(t.db, vn("2027-03-03", "07:30"));
    expect(wednesday["daily-digest"]).toMatchObject({ missedDays: 0 });
    expect((await digestsOf(p.intakeWard.email))[0]!.subject).toBe("Hồ sơ cần chú ý ngày 03/03/2027: 2 quá hạn, 1 sắp đến hạn");
    expect(await outbox("staff-overdue")).toHaveLength(2); // the ward's leader hears of the two late cases; the third is due today
    // Thursday 4/3: the worker is down all day. Friday 5/3 at 10:00 it runs again.
    const friday = await runScheduledJobs(t.db, vn("2027-03-05", "10:00"));
    expect(friday["daily-digest"]).toMatchObject({ missedDays: 1, missedFrom: "2027-03-04", missedTo: "2027-03-04" });
    const ward = await digestsOf(p.intakeWard.email);
    expect(ward).toHaveLength(2); // Wednesday's and Friday's: no stale one for Thursday
    expect(ward[1]!.dedupeKey).toContain("digest:2027-03-05:");
    expect(ward[1]!.subject).toBe("Hồ sơ cần chú ý ngày 05/03/2027, gộp cả 1 ngày làm việc trước: 3 quá hạn, 0 sắp đến hạn");
    expect(ward[1]!.text).toContain("bản tổng hợp ngày 04/03/2027 chưa được gửi");
    for (const c of [overdue, escalates, late]) expect(ward[1]!.text).toContain(c.code);
    const en = await digestsOf(p.leaderWard.email);
    expect(en[1]!.subject).toBe("Cases needing attention on 05/03/2027, including the previous working day: 3 overdue, 0 due soon");
    expect(en[1]!.text).toContain("the digest for 04/03/2027 was not sent");
    // Thursday's escalation and overdue notice were made up on Friday.
    expect((await caseById(t.db, escalates.id)).escalatedAt?.toISOString()).toBe(vn("2027-03-05", "10:00").toISOString());
    expect((await outbox("staff-overdue")).filter((m) => m.text.includes(late.code))).toHaveLength(1);

    // Missed: Friday 12/3. Saturday 13/3 is no working day: the first run that makes it up is Monday 15/3's.
    for (const day of ["2027-03-08", "2027-03-09", "2027-03-10", "2027-03-11"]) await runScheduledJobs(t.db, vn(day, "07:30"));
    expect(await runScheduledJobs(t.db, vn("2027-03-13", "09:00"))).toEqual({});
    const monday = await runScheduledJobs(t.db, vn("2027-03-15", "07:30"));
    expect(monday["daily-digest"]).toMatchObject({ missedDays: 1, missedFrom: "2027-03-12" });
    // Missed: Tuesday 16/3 to Thursday 18/3. One digest on Friday 19/3 stands for the three.
    const before = (await digestsOf(p.intakeWard.email)).length;
    await runScheduledJobs(t.db, vn("2027-03-19", "07:30"));
    const last = (await digestsOf(p.intakeWard.email)).slice(before);
    expect(last).toHaveLength(1);
    expect(last[0]!.subject).toBe("Hồ sơ cần chú ý ngày 19/03/2027, gộp cả 3 ngày làm việc trước: 3 quá hạn, 0 sắp đến hạn");
    expect(last[0]!.text).toContain("các bản tổng hợp từ ngày 16/03/2027 đến ngày 18/03/2027 (3 ngày làm việc) chưa được gửi");
  });

  it("counts nothing as missed on the first run of a new installation", async () => {
    await makeCase(t.db, org, { status: "accepted", resolutionDueOn: "2027-03-02" });
    const first = await runScheduledJobs(t.db, vn("2027-03-10", "07:30"));
    expect(first["daily-digest"]).toMatchObject({ missedDays: 0 });
    expect((await outbox("staff-digest")).every((d) => !d.subject.includes("gộp") && !d.subject.includes("including"))).toBe(true);
  });
});

describe("a failing job", () => {
  it("rolls back with its claim and runs again on the next call", async () => {
    await makeCase(t.db, org, { status: "accepted", resolutionDueOn: "2027-02-02" });
    // The outbox refuses digests for a moment (as if the database failed mid-job).
    await t.db.execute(sql`alter table email_outbox add constraint no_mail_now check (template <> 'staff-digest') not valid`);
    const first = await runScheduledJobs(t.db, vn("2027-02-04", "07:30"));
    expect(first["daily-digest"]).toBe("failed");
    expect(first["notify-overdue"]).not.toBe("failed");
    await t.db.execute(sql`alter table email_outbox drop constraint no_mail_now`);
    const second = await runScheduledJobs(t.db, vn("2027-02-04", "07:35"));
    expect(second["daily-digest"]).toMatchObject({ recipients: 5 });
    expect(second["notify-overdue"]).toBe("skipped");
  });
});
