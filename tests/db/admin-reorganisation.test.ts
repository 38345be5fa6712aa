import { and, count, eq, gt, inArray, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditLog,
  caseEvents,
  cases,
  caseTransfersMonthly,
  commitments,
  dialogueSessions,
  emailOutbox,
  memberships,
  receptionDayEvents,
  receptionDays,
  receptionPositionHolders,
  receptionPositions,
  reorganisations,
  routingRules,
  units,
  users,
} from "@/db/schema";
import { seedReorganisation } from "@/db/seed/demo-reorganisation";
import { seedDemoData } from "@/db/seed/seed-demo";
import { verifyAuditChain } from "@/server/audit/append-audit";
import { loadMemberships, type Viewer } from "@/server/auth/roles";
import { AppError } from "@/server/errors";
import { bookSlot } from "@/server/reception/bookings/book-slot";
import { applyReorganisation } from "@/server/reorganisation/apply-reorganisation";
import { cancelReorganisation } from "@/server/reorganisation/cancel-reorganisation";
import { listReorganisations } from "@/server/reorganisation/list-reorganisations";
import { planReorganisation } from "@/server/reorganisation/plan-reorganisation";
import { previewReorganisation } from "@/server/reorganisation/preview-reorganisation";
import { runScheduledJobs } from "@/server/scheduler/run-scheduled-jobs";
import { getUnitRecord } from "@/server/records/get-unit-record";
import { getPublicCase } from "@/server/tracking/get-public-case";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
// Monday 20/7/2026, 10:00 in Vietnam.
const now = new Date("2026-07-20T03:00:00Z");
const viewers: Record<string, Viewer> = {};
const ids: Record<string, string> = {};

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
const auditCount = async (action: string) => (await t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, action)))[0]!.n;
const reorgCount = async () => (await t.db.select({ n: count() }).from(reorganisations))[0]!.n;
// The demo seed plans one sample merger: "nothing written" means no row beyond it.
const SEEDED_PLANS = 1;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
  for (const u of await t.db.select({ id: units.id, code: units.code }).from(units)) ids[u.code] = u.id;
  // A unit below Pleiku's People's Committee, to be moved under the successor.
  const [child] = await t.db.insert(units).values({ code: "test-pleiku-child", name: "Bộ phận một cửa phường Pleiku (thử)", nameEn: "Pleiku one-stop desk (test)", kind: "department", parentId: ids["demo-ubnd-pleiku"] }).returning({ id: units.id });
  ids["test-pleiku-child"] = child!.id;
});

afterAll(async () => {
  await t?.close();
});

const merger = (extra: Record<string, unknown> = {}) => ({ oldUnitIds: [ids["demo-ubnd-pleiku"], ids["demo-ubnd-chupah"]], successorId: ids["demo-ubnd-iagrai"], effectiveOn: "2026-07-20", decision: "Nghị quyết 99/NQ-HĐND (thử)", ...extra });

describe("refusals", () => {
  it("refuses officials who are not admins, before anything is read or written", async () => {
    for (const name of ["canbo.syt", "lanhdao.tinh"]) {
      const v = await viewer(name);
      expect((await refusedWith(previewReorganisation(t.db, v, merger(), now))).code).toBe("forbidden");
      expect((await refusedWith(planReorganisation(t.db, v, merger(), now))).code).toBe("forbidden");
      expect((await refusedWith(applyReorganisation(t.db, v, { id: "00000000-0000-4000-8000-000000000000" }, now))).code).toBe("forbidden");
      expect((await refusedWith(cancelReorganisation(t.db, v, { id: "00000000-0000-4000-8000-000000000000" }))).code).toBe("forbidden");
      expect((await refusedWith(listReorganisations(t.db, v, now))).code).toBe("forbidden");
    }
    expect((await refusedWith(listReorganisations(t.db, null, now))).code).toBe("unauthenticated");
    expect(await reorgCount()).toBe(SEEDED_PLANS);
    expect(await t.db.select().from(auditLog).where(like(auditLog.action, "reorganisation.%"))).toHaveLength(0);
  });

  it("gives field problems for bad input, and writes nothing", async () => {
    const empty = await refusedWith(planReorganisation(t.db, await admin(), {}, now));
    expect(empty.code).toBe("invalid_input");
    expect(empty.details?.fields).toMatchObject({ decision: "required" });
    const planless = await refusedWith(planReorganisation(t.db, await admin(), { decision: "NQ" }, now));
    expect(planless.details?.fields).toEqual({ oldUnitIds: "required", successorId: "required", effectiveOn: "required" });
    const self = await refusedWith(previewReorganisation(t.db, await admin(), merger({ successorId: ids["demo-ubnd-pleiku"] }), now));
    expect(self.details?.fields).toEqual({ successorId: "successor_is_old" });
    const date = await refusedWith(previewReorganisation(t.db, await admin(), merger({ effectiveOn: "31/02/2026" }), now));
    expect(date.details?.fields).toEqual({ effectiveOn: "invalid" });
    const unknown = await refusedWith(previewReorganisation(t.db, await admin(), merger({ successorId: "00000000-0000-4000-8000-000000000000" }), now));
    expect(unknown.details?.fields).toEqual({ successorId: "unknown" });
    expect(await reorgCount()).toBe(SEEDED_PLANS);
  });
});

describe("plan, cancel", () => {
  it("plans one ahead (nothing moves), refuses to apply it before its date, and cancels it", async () => {
    const { id, due } = await planReorganisation(t.db, await admin(), merger({ effectiveOn: "01/09/2026" }), now);
    expect(due).toBe(false);
    const [row] = await t.db.select().from(reorganisations).where(eq(reorganisations.id, id));
    expect(row).toMatchObject({ status: "planned", effectiveOn: "2026-09-01", successorUnitId: ids["demo-ubnd-iagrai"] });
    expect(await auditCount("reorganisation.planned")).toBe(1);
    // Its old units cannot be promised to another successor meanwhile.
    const twice = await refusedWith(previewReorganisation(t.db, await admin(), merger({ successorId: ids["demo-ubnd-kbang"] }), now));
    expect(twice.details?.fields).toEqual({ oldUnitIds: "already_planned" });
    expect(JSON.stringify(twice.details?.params)).toContain("demo-ubnd-pleiku");

    const early = await refusedWith(applyReorganisation(t.db, await admin(), { id }, now));
    expect(early).toMatchObject({ code: "conflict", message: "not_due" });
    const [unit] = await t.db.select().from(units).where(eq(units.id, ids["demo-ubnd-pleiku"]!));
    expect(unit!.validTo).toBeNull();

    expect((await listReorganisations(t.db, await admin(), now)).items[0]).toMatchObject({ id, status: "planned", due: false });
    expect((await listReorganisations(t.db, await admin(), now)).items[0]!.oldUnits.map((u) => u.code).sort()).toEqual(["demo-ubnd-chupah", "demo-ubnd-pleiku"]);
    await cancelReorganisation(t.db, await admin(), { id });
    expect((await t.db.select().from(reorganisations).where(eq(reorganisations.id, id)))[0]!.status).toBe("cancelled");
    expect(await auditCount("reorganisation.cancelled")).toBe(1);
    expect(await refusedWith(cancelReorganisation(t.db, await admin(), { id }))).toMatchObject({ code: "conflict", message: "already_cancelled" });
    expect(await refusedWith(cancelReorganisation(t.db, await admin(), { id: "nope" }))).toMatchObject({ code: "invalid_input" });
  });
});

describe("apply", () => {
  const old = () => [ids["demo-ubnd-pleiku"]!, ids["demo-ubnd-chupah"]!];
  let expected: Awaited<ReturnType<typeof previewReorganisation>>;
  let openBefore: { id: string; code: string; unitId: string }[];
  let closedBefore: { id: string; unitId: string }[];
  let transfersBefore: number;

  it("previews what moves and what stays, as counted in the database", async () => {
    expected = await previewReorganisation(t.db, await admin(), merger(), now);
    openBefore = await t.db.select({ id: cases.id, code: cases.code, unitId: cases.unitId }).from(cases).where(and(inArray(cases.unitId, old()), inArray(cases.status, ["received", "accepted", "info_requested", "not_accepted", "answered"])));
    closedBefore = await t.db.select({ id: cases.id, unitId: cases.unitId }).from(cases).where(and(inArray(cases.unitId, old()), inArray(cases.status, ["closed", "withdrawn"])));
    const members = await t.db.select().from(memberships).where(inArray(memberships.unitId, old()));
    expect(openBefore.length).toBeGreaterThan(0);
    expect(expected.moved).toMatchObject({ cases: openBefore.length, memberships: members.length, childUnits: 1 });
    expect(expected.staying.closedCases).toBe(closedBefore.length);
    expect(expected.plan).toMatchObject({ lastDay: "2026-07-19", due: true });
    transfersBefore = (await t.db.select({ n: sql<number>`coalesce(sum(${caseTransfersMonthly.transfers}), 0)::int` }).from(caseTransfersMonthly))[0]!.n;
  });

  it("moves everything in one change: units closed the day before, open cases with a public event each, memberships, children", async () => {
    const { id } = await planReorganisation(t.db, await admin(), merger(), now);
    const sessionsBefore = await t.db.select({ id: dialogueSessions.id }).from(dialogueSessions).where(and(inArray(dialogueSessions.unitId, old()), inArray(dialogueSessions.status, ["announced", "open", "postponed"])));
    const commitmentsBefore = await t.db.select({ id: commitments.id }).from(commitments).where(and(inArray(commitments.ownerUnitId, old()), eq(commitments.status, "open")));
    // A citizen books the old ward's next reception day that takes bookings: they are told it is cancelled.
    const [bookable] = await t.db
      .select({ id: receptionDays.id })
      .from(receptionDays)
      .where(and(inArray(receptionDays.unitId, old()), eq(receptionDays.bookingsOpen, true), inArray(receptionDays.status, ["planned", "confirmed"]), gt(receptionDays.startsAt, now)))
      .orderBy(receptionDays.startsAt)
      .limit(1);
    const booking = await bookSlot(
      { db: t.db, ip: "203.0.113.9", now },
      { dayId: bookable!.id, name: "Nguyễn Thị Hoa", contact: "hoa.sapxep@example.com", summary: "Đề nghị xem xét việc cấp giấy chứng nhận quyền sử dụng đất.", language: "vi", idempotencyKey: "reorg-booking-0001" },
    );
    expect(booking.ok).toBe(true);
    const daysBefore = await t.db
      .select({ id: receptionDays.id, startsAt: receptionDays.startsAt, status: receptionDays.status, booked: receptionDays.booked })
      .from(receptionDays)
      .where(inArray(receptionDays.unitId, old()));
    const moved = await applyReorganisation(t.db, await admin(), { id }, now);
    expect(moved).toEqual({ ...expected.moved, sessions: sessionsBefore.length, commitments: commitmentsBefore.length });

    const successor = ids["demo-ubnd-iagrai"]!;
    for (const u of await t.db.select().from(units).where(inArray(units.id, old()))) expect(u).toMatchObject({ validTo: "2026-07-19", successorId: successor });
    expect((await t.db.select().from(units).where(eq(units.id, ids["test-pleiku-child"]!)))[0]!.parentId).toBe(successor);

    const after = await t.db.select({ id: cases.id, unitId: cases.unitId }).from(cases).where(inArray(cases.id, openBefore.map((c) => c.id)));
    expect(after.every((c) => c.unitId === successor)).toBe(true);
    const events = await t.db.select().from(caseEvents).where(eq(caseEvents.type, "case.reorganised"));
    expect(events).toHaveLength(openBefore.length);
    const first = openBefore[0]!;
    expect(events.find((e) => e.caseId === first.id)).toMatchObject({ visibility: "public", fromUnitId: first.unitId, toUnitId: successor, data: { reorganisationId: id, decision: "Nghị quyết 99/NQ-HĐND (thử)" } });
    expect(events.every((e) => e.createdAt.getTime() === now.getTime())).toBe(true);

    // Closed cases keep the unit they had.
    const closedAfter = await t.db.select({ id: cases.id, unitId: cases.unitId }).from(cases).where(inArray(cases.id, closedBefore.length ? closedBefore.map((c) => c.id) : ["00000000-0000-4000-8000-000000000000"]));
    expect(closedAfter).toEqual(expect.arrayContaining(closedBefore));

    // Pleiku's handler: the old membership ends the day before, a new one at the successor from the date.
    const handler = await viewer("xuly.pleiku");
    const rows = await t.db.select().from(memberships).where(eq(memberships.userId, handler.userId));
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ unitId: ids["demo-ubnd-pleiku"], role: "handler", validTo: "2026-07-19" }),
        expect.objectContaining({ unitId: successor, role: "handler", validFrom: "2026-07-20", validTo: null }),
      ]),
    );
    expect(rows).toHaveLength(2);
    expect(await t.db.select().from(routingRules).where(and(eq(routingRules.active, true), inArray(routingRules.unitId, old())))).toHaveLength(0);

    // Reception: the old units' seats end; their days to come are cancelled with the reason, the past ones kept.
    const seats = await t.db.select().from(receptionPositions).where(inArray(receptionPositions.unitId, old()));
    expect(seats.length).toBeGreaterThan(0);
    expect(seats.every((p) => !p.active)).toBe(true);
    const toCome = daysBefore.filter((d) => d.startsAt >= now && (d.status === "planned" || d.status === "confirmed"));
    expect(toCome.length).toBeGreaterThan(0);
    expect(moved).toMatchObject({ receptionPositions: seats.length, receptionDays: toCome.length });
    const daysAfter = new Map((await t.db.select().from(receptionDays).where(inArray(receptionDays.unitId, old()))).map((d) => [d.id, d]));
    for (const d of toCome) expect(daysAfter.get(d.id)).toMatchObject({ status: "cancelled", bookingsOpen: false, statusReason: expect.stringContaining("Ủy ban nhân dân xã Ia Grai") });
    for (const d of daysBefore.filter((d) => !toCome.includes(d))) expect(daysAfter.get(d.id)!.status).toBe(d.status);
    const dayEvents = await t.db.select().from(receptionDayEvents).where(and(inArray(receptionDayEvents.receptionDayId, toCome.map((d) => d.id)), eq(receptionDayEvents.type, "cancelled")));
    expect(dayEvents).toHaveLength(toCome.length);
    expect(dayEvents[0]!.reason).toContain("Nghị quyết 99/NQ-HĐND (thử)");
    const [told] = await t.db.select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, "hoa.sapxep@example.com"), eq(emailOutbox.template, "reception-day-change")));
    expect(told!.text).toContain("Ủy ban nhân dân xã Ia Grai");
    const holders = await t.db.select().from(receptionPositionHolders).where(inArray(receptionPositionHolders.positionId, seats.map((p) => p.id)));
    expect(holders.every((h) => h.toDate !== null && h.toDate <= "2026-07-19")).toBe(true);

    const [row] = await t.db.select().from(reorganisations).where(eq(reorganisations.id, id));
    expect(row).toMatchObject({ status: "applied", appliedBy: (await admin()).userId, moved });
    expect(await auditCount("reorganisation.applied")).toBe(1);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);

    // The public status page shows the move with the decision.
    const page = await getPublicCase(t.db, first.code, now);
    expect(page!.unit.name).toBe("Ủy ban nhân dân xã Ia Grai");
    expect(page!.events.at(-1)).toMatchObject({ type: "case.reorganised", toUnit: { name: "Ủy ban nhân dân xã Ia Grai" }, decision: "Nghị quyết 99/NQ-HĐND (thử)" });

    // The old unit's public record says where it went, with the decision and the date.
    const record = await getUnitRecord(t.db, "demo-ubnd-pleiku", { from: "2026-01-01", to: "2026-12-31" }, now);
    expect(record!.unit).toMatchObject({ closedOn: "2026-07-19", successor: { code: "demo-ubnd-iagrai" }, reorganisation: { decision: "Nghị quyết 99/NQ-HĐND (thử)", effectiveOn: "2026-07-20" } });

    // Not a transfer in the figures.
    expect((await t.db.select({ n: sql<number>`coalesce(sum(${caseTransfersMonthly.transfers}), 0)::int` }).from(caseTransfersMonthly))[0]!.n).toBe(transfersBefore);

    expect(await refusedWith(applyReorganisation(t.db, await admin(), { id }, now))).toMatchObject({ code: "conflict", message: "already_applied" });
    // A merged unit cannot be merged again.
    const again = await refusedWith(previewReorganisation(t.db, await admin(), merger({ successorId: ids["demo-ubnd-kbang"] }), now));
    expect(again.details?.fields).toEqual({ oldUnitIds: "already_closed" });
  });
});

describe("the scheduler", () => {
  it("applies a due reorganisation on its date even on a Sunday before the morning run, once", async () => {
    const { id } = await planReorganisation(t.db, await admin(), { oldUnitIds: [ids["demo-ubnd-kbang"]], successorId: ids["demo-ubnd-krongpa"], effectiveOn: "2026-08-02", decision: "Quyết định 7/QĐ (thử)" }, now);
    expect(await runScheduledJobs(t.db, new Date("2026-08-01T16:30:00Z"))).not.toHaveProperty("apply-reorganisations"); // Saturday 23:30 in Vietnam
    const sunday = new Date("2026-08-01T17:30:00Z"); // Sunday 2/8/2026, 00:30 in Vietnam
    expect((await runScheduledJobs(t.db, sunday))["apply-reorganisations"]).toEqual({ applied: 1, failed: 0 });
    expect(await runScheduledJobs(t.db, sunday)).not.toHaveProperty("apply-reorganisations");
    const [row] = await t.db.select().from(reorganisations).where(eq(reorganisations.id, id));
    expect(row).toMatchObject({ status: "applied", appliedBy: null });
    expect((await t.db.select().from(units).where(eq(units.id, ids["demo-ubnd-kbang"]!)))[0]).toMatchObject({ validTo: "2026-08-01", successorId: ids["demo-ubnd-krongpa"] });
    expect((await listReorganisations(t.db, await admin(), sunday)).items.find((i) => i.id === id)).toMatchObject({ appliedByScheduler: true });
    expect(await auditCount("reorganisation.applied")).toBe(2);
  });
});

describe("the demo", () => {
  it("plants a planned merger, labelled a sample, dated well ahead", async () => {
    await t.db.transaction((tx) => seedReorganisation(tx, now));
    const item = (await listReorganisations(t.db, await admin(), now)).items.find((i) => i.decision.includes("(mẫu)"));
    expect(item).toMatchObject({ status: "planned", effectiveOn: "2028-01-01", due: false, successor: { code: "demo-ubnd-quynhon" }, oldUnits: [{ code: "demo-ubnd-quynhonnam" }] });
    // Its old unit is promised to Quy Nhơn: another plan for it is refused until this one is cancelled.
    const again = await refusedWith(previewReorganisation(t.db, await admin(), { oldUnitIds: [ids["demo-ubnd-quynhonnam"]], successorId: ids["demo-ubnd-annhon"], effectiveOn: "2027-01-01", decision: "x" }, now));
    expect(again.details?.fields).toEqual({ oldUnitIds: "already_planned" });
  });
});
