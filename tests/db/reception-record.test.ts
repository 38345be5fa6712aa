import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  areas,
  auditLog,
  caseEvents,
  cases,
  categories,
  commitments,
  commitmentUpdates,
  receptionBookings,
  receptionDayEvents,
  receptionDays,
  receptionMatters,
  receptionPositions,
  units,
  users,
} from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed-demo";
import { verifyAuditChain } from "@/server/audit/append-audit";
import { loadMemberships, type Viewer } from "@/server/auth/roles";
import { getCommitment } from "@/server/commitments/get-commitment";
import { listCommitments } from "@/server/commitments/list-commitments";
import { updateCommitment } from "@/server/commitments/update-commitment";
import { submitCase } from "@/server/intake/submit-case";
import type { SubmitCaseInput } from "@/server/intake/submit-case-input";
import { sealPersonalData } from "@/server/privacy/personal-data";
import { addMatter } from "@/server/reception/record/add-matter";
import { getReceptionOutcome } from "@/server/reception/record/get-reception-outcome";
import { getReceptionRecordForStaff } from "@/server/reception/record/get-reception-record";
import { markRefusalNotified } from "@/server/reception/record/mark-refusal-notified";
import { addConclusionItems, publishConclusion } from "@/server/reception/record/publish-conclusion";
import { recordReception } from "@/server/reception/record/record-reception";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
// Friday 27/11/2026, 10:00 in Vietnam. The reception was held yesterday, Thursday 26/11, from 07:30.
const now = new Date("2026-11-27T03:00:00Z");
const ids = { area: {} as Record<string, string>, category: {} as Record<string, string>, unit: {} as Record<string, string> };
const viewers: Record<string, Viewer> = {};
let positionId: string;
let held: string; // yesterday's reception of the Pleiku ward chair
let online: string; // an online one this morning
let coming: string; // next week's

async function viewer(name: string): Promise<Viewer> {
  const email = `${name}@doithoai.example`;
  if (viewers[email]) return viewers[email];
  const [user] = await t.db.select().from(users).where(eq(users.email, email));
  viewers[email] = { userId: user!.id, email, name: user!.name, locale: "vi", memberships: await loadMemberships(t.db, user!.id) };
  return viewers[email];
}

async function day(startsAt: string, endsAt: string, extra: Partial<typeof receptionDays.$inferInsert> = {}) {
  const [row] = await t.db
    .insert(receptionDays)
    .values({
      positionId,
      unitId: ids.unit["demo-ubnd-pleiku"]!,
      officeUnitId: ids.unit["demo-ubnd-pleiku"]!,
      areaId: ids.area["demo-23602"]!,
      origin: "added",
      startsAt: new Date(startsAt),
      endsAt: new Date(endsAt),
      place: "Trụ sở UBND phường Pleiku",
      status: "confirmed",
      headUserId: (await viewer("lanhdao.pleiku")).userId,
      ...extra,
    })
    .returning();
  return row!;
}

const version = async (id: string) => (await t.db.select({ v: receptionDays.version }).from(receptionDays).where(eq(receptionDays.id, id)))[0]!.v;
const events = async (id: string) => t.db.select().from(receptionDayEvents).where(eq(receptionDayEvents.receptionDayId, id)).orderBy(receptionDayEvents.id);
const audits = async (action: string) => t.db.select().from(auditLog).where(eq(auditLog.action, action));

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
  for (const a of await t.db.select().from(areas)) ids.area[a.code] = a.id;
  for (const c of await t.db.select().from(categories)) ids.category[c.code] = c.id;
  for (const u of await t.db.select().from(units)) ids.unit[u.code] = u.id;
  const [p] = await t.db
    .insert(receptionPositions)
    .values({
      unitId: ids.unit["demo-ubnd-pleiku"]!,
      officeUnitId: ids.unit["demo-ubnd-pleiku"]!,
      kind: "commune_pc_chair",
      title: "Chủ tịch UBND phường Pleiku (thử)",
      titleEn: "Chair of the Pleiku Ward People's Committee (test)",
      place: "Trụ sở UBND phường Pleiku",
    })
    .returning();
  positionId = p!.id;
  held = (await day("2026-11-26T07:30:00+07:00", "2026-11-26T11:00:00+07:00")).id;
  online = (await day("2026-11-27T07:30:00+07:00", "2026-11-27T11:00:00+07:00", { mode: "online", onlineUrl: "https://hop.example/tcd" })).id;
  coming = (await day("2026-12-03T07:30:00+07:00", "2026-12-03T11:00:00+07:00")).id;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe("recording who received", () => {
  it("refuses another office, a handler, a day not yet started and a stale form", async () => {
    const v = await version(held);
    const input = { dayId: held, version: v, receiver: "head", citizensCount: "5", delegationsCount: "1" };
    await expect(recordReception(t.db, await viewer("tiepnhan.quynhon"), input, now)).rejects.toMatchObject({ code: "not_found" });
    await expect(recordReception(t.db, await viewer("xuly.pleiku"), input, now)).rejects.toMatchObject({ code: "forbidden" });
    await expect(recordReception(t.db, null, input, now)).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(recordReception(t.db, await viewer("tiepnhan.pleiku"), { ...input, dayId: coming, version: await version(coming) }, now)).rejects.toMatchObject({ message: "not_started" });
    await expect(recordReception(t.db, await viewer("tiepnhan.pleiku"), { ...input, version: v + 7 }, now)).rejects.toMatchObject({ message: "stale_version" });
    expect(await version(held)).toBe(v);
  });

  it("counts the head's own reception as in person, and writes the public event and the audit", async () => {
    const staff = await viewer("tiepnhan.pleiku");
    const result = await recordReception(t.db, staff, { dayId: held, version: await version(held), receiver: "head", citizensCount: "6", delegationsCount: "1", receivedInPerson: false } as never, now);
    expect(result.receivedInPerson).toBe(true);
    const [row] = await t.db.select().from(receptionDays).where(eq(receptionDays.id, held));
    expect(row).toMatchObject({ status: "held", receivedInPerson: true, citizensCount: 6, delegationsCount: 1, recordedBy: staff.userId, receivedByName: null });
    const last = (await events(held)).at(-1)!;
    expect(last).toMatchObject({ type: "held", data: { inPerson: true, citizensCount: 6, delegationsCount: 1 } });
    expect(JSON.stringify(last.data)).toContain("Chủ tịch UBND phường Pleiku");
    expect((await audits("reception.recorded")).some((a) => a.entityId === held)).toBe(true);
  });

  it("a reception by someone else is recorded but never counts as the head's, whatever the form says", async () => {
    const staff = await viewer("tiepnhan.pleiku");
    await expect(recordReception(t.db, staff, { dayId: held, version: await version(held), receiver: "other", receivedByName: "", citizensCount: "6", delegationsCount: "1" }, now)).rejects.toMatchObject({
      code: "invalid_input",
      details: { fields: { receivedByName: "required" } },
    });
    await recordReception(t.db, staff, { dayId: held, version: await version(held), receiver: "other", receivedByName: "Trần Văn B, Phó Chủ tịch UBND phường", citizensCount: "7", delegationsCount: "0" }, now);
    let [row] = await t.db.select().from(receptionDays).where(eq(receptionDays.id, held));
    expect(row).toMatchObject({ receivedInPerson: false, receivedByName: "Trần Văn B, Phó Chủ tịch UBND phường", citizensCount: 7 });
    expect((await events(held)).at(-1)).toMatchObject({ type: "record_updated", data: { inPerson: false, receivedBy: "Trần Văn B, Phó Chủ tịch UBND phường" } });
    // An official chosen from the unit's list: the head, chosen as "someone else", is still the head.
    await recordReception(t.db, staff, { dayId: held, version: await version(held), receiver: "other", receivedByUserId: (await viewer("lanhdao.pleiku")).userId, citizensCount: "7", delegationsCount: "0" }, now);
    [row] = await t.db.select().from(receptionDays).where(eq(receptionDays.id, held));
    expect(row!.receivedInPerson).toBe(true);
    // An official of another unit is not on the list.
    await expect(
      recordReception(t.db, staff, { dayId: held, version: await version(held), receiver: "other", receivedByUserId: (await viewer("lanhdao.quynhon")).userId, citizensCount: "7", delegationsCount: "0" }, now),
    ).rejects.toMatchObject({ details: { fields: { receivedByUserId: "invalid" } } });
  });

  it("an online reception needs the recording's reference", async () => {
    const staff = await viewer("tiepnhan.pleiku");
    const input = { dayId: online, version: await version(online), receiver: "head", citizensCount: "3", delegationsCount: "0" };
    await expect(recordReception(t.db, staff, input, now)).rejects.toMatchObject({ details: { fields: { recordingRef: "required" } } });
    await recordReception(t.db, staff, { ...input, recordingRef: "BB-2026-11-27-01" }, now);
    const [row] = await t.db.select().from(receptionDays).where(eq(receptionDays.id, online));
    expect(row!.recordingRef).toBe("BB-2026-11-27-01");
  });
});

describe("matters raised", () => {
  let bookingId: string;

  it("records an answer on the spot (marking the citizen's booking attended), a guidance and a refusal", async () => {
    const [b] = await t.db
      .insert(receptionBookings)
      .values({ receptionDayId: held, codeHash: `h-${randomUUID()}`, ...sealPersonalData({ name: "Lê Thị C" }), contactHash: `c-${randomUUID()}`, idempotencyKey: randomUUID() })
      .returning();
    bookingId = b!.id;
    const staff = await viewer("tiepnhan.pleiku");
    await expect(addMatter(t.db, await viewer("xuly.pleiku"), { dayId: held, summary: "x", outcome: "answered", response: "y" }, now)).rejects.toMatchObject({ code: "forbidden" });
    await expect(addMatter(t.db, await viewer("tiepnhan.quynhon"), { dayId: held, summary: "x", outcome: "answered", response: "y" }, now)).rejects.toMatchObject({ code: "not_found" });
    await expect(addMatter(t.db, staff, { dayId: coming, summary: "x", outcome: "answered", response: "y" }, now)).rejects.toMatchObject({ message: "not_started" });
    await expect(addMatter(t.db, staff, { dayId: held, summary: "", outcome: "case", response: "" }, now)).rejects.toMatchObject({
      details: { fields: { summary: "required", outcome: "required", response: "required" } },
    });

    const before = await version(held);
    const a = await addMatter(t.db, staff, { dayId: held, summary: "Hỏi về thủ tục cấp sổ đỏ", outcome: "answered", response: "Đã hướng dẫn hồ sơ cần nộp.", bookingId }, now);
    const g = await addMatter(t.db, staff, { dayId: held, summary: "Tranh chấp đất với xã bên", outcome: "guided", response: "Hướng dẫn gửi Tòa án nhân dân khu vực." }, now);
    const r = await addMatter(t.db, staff, { dayId: held, summary: "Khiếu nại đã có quyết định cuối cùng", outcome: "refused", response: "Luật Tiếp công dân 2013, Điều 9, khoản 4." }, now);
    expect([a.number, g.number, r.number]).toEqual([1, 2, 3]);
    expect(await version(held)).toBe(before + 3);
    const [booking] = await t.db.select().from(receptionBookings).where(eq(receptionBookings.id, bookingId));
    expect(booking!.status).toBe("attended");
    const [refused] = await t.db.select().from(receptionMatters).where(eq(receptionMatters.id, r.id));
    // Thursday 26/11 + 3 working days: Tuesday 1/12.
    expect(refused!.refusalNoticeDueOn).toBe("2026-12-01");
    const added = (await events(held)).filter((e) => e.type === "matter_added");
    expect(added.map((e) => e.data)).toEqual([
      { number: 1, outcome: "answered" },
      { number: 2, outcome: "guided" },
      { number: 3, outcome: "refused" },
    ]);
    // No summary in the public history.
    expect(JSON.stringify(await events(held))).not.toContain("sổ đỏ");
    expect((await audits("reception.matter_added")).length).toBeGreaterThanOrEqual(3);
  });

  it("records when the refusal notice was sent, once", async () => {
    const staff = await viewer("tiepnhan.pleiku");
    const [refused] = await t.db.select().from(receptionMatters).where(and(eq(receptionMatters.receptionDayId, held), eq(receptionMatters.outcome, "refused")));
    await expect(markRefusalNotified(t.db, staff, { dayId: held, matterId: refused!.id, notifiedOn: "2026-11-30" }, now)).rejects.toMatchObject({ details: { fields: { notifiedOn: "in_future" } } });
    await expect(markRefusalNotified(t.db, staff, { dayId: held, matterId: refused!.id, notifiedOn: "2026-11-25" }, now)).rejects.toMatchObject({ details: { fields: { notifiedOn: "too_early" } } });
    await expect(markRefusalNotified(t.db, await viewer("xuly.pleiku"), { dayId: held, matterId: refused!.id, notifiedOn: "2026-11-27" }, now)).rejects.toMatchObject({ code: "forbidden" });
    expect(await markRefusalNotified(t.db, staff, { dayId: held, matterId: refused!.id, notifiedOn: "2026-11-27" }, now)).toEqual({ late: false });
    await expect(markRefusalNotified(t.db, staff, { dayId: held, matterId: refused!.id, notifiedOn: "2026-11-27" }, now)).rejects.toMatchObject({ message: "already_notified" });
  });
});

describe("a matter registered as a case (the on-behalf form with receptionDayId)", () => {
  const onBehalf = (userId: string | null, overrides: Partial<SubmitCaseInput> = {}) =>
    submitCase(
      { db: t.db, ip: "192.0.2.201", userId, now },
      {
        kind: "complaint",
        channel: "reception",
        categoryId: ids.category.infrastructure!,
        areaId: ids.area["demo-23602"]!,
        title: "Khiếu nại việc thu hồi đất làm đường",
        body: "Tại buổi tiếp công dân ngày 26/11, bà D khiếu nại mức bồi thường khi thu hồi đất làm đường.",
        name: "Phạm Thị D",
        phone: "0905 123 999",
        filerAddress: "Tổ 5, phường Pleiku",
        consentPublish: false,
        idempotencyKey: randomUUID(),
        receptionDayId: held,
        ...overrides,
      },
      [],
    );
  const caseCount = async () => (await t.db.select({ id: cases.id }).from(cases)).length;

  it("refuses another channel, another office, a handler and a day not started, filing nothing", async () => {
    const before = await caseCount();
    expect(await onBehalf((await viewer("tiepnhan.pleiku")).userId, { channel: "mail" })).toMatchObject({ ok: false, fields: { channel: "invalid" } });
    expect(await onBehalf((await viewer("tiepnhan.quynhon")).userId)).toMatchObject({ ok: false, fields: { receptionDayId: "invalid" } });
    expect(await onBehalf((await viewer("xuly.pleiku")).userId)).toMatchObject({ ok: false, fields: { channel: "invalid" } });
    expect(await onBehalf((await viewer("tiepnhan.pleiku")).userId, { receptionDayId: coming })).toMatchObject({ ok: false, fields: { receptionDayId: "invalid" } });
    expect(await onBehalf((await viewer("tiepnhan.pleiku")).userId, { receptionDayId: "not-a-uuid" })).toMatchObject({ ok: false, fields: { receptionDayId: "invalid" } });
    expect(await caseCount()).toBe(before);
  });

  it("stores the case and its matter together, due 10 working days after the reception", async () => {
    const staff = await viewer("tiepnhan.pleiku");
    const before = await version(held);
    const key = randomUUID();
    const result = await onBehalf(staff.userId, { idempotencyKey: key });
    if (!result.ok) throw new Error(JSON.stringify(result));
    const [matter] = await t.db.select().from(receptionMatters).where(eq(receptionMatters.caseId, result.receipt.caseId));
    // Thursday 26/11 + 10 working days: Thursday 10/12.
    expect(matter).toMatchObject({ receptionDayId: held, outcome: "case", number: 4, summary: "Khiếu nại việc thu hồi đất làm đường", answerDueOn: "2026-12-10", createdBy: staff.userId });
    // The complaint policy counts from the day it was registered (11/12); the reception's rule is earlier.
    expect(result.receipt.acceptanceDueOn).toBe("2026-12-10");
    const [routed] = await t.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, result.receipt.caseId), eq(caseEvents.type, "case.routed")));
    expect(routed!.data).toMatchObject({ dueRule: "reception", policyDueOn: "2026-12-11", receptionDueOn: "2026-12-10", receptionOn: "2026-11-26" });
    expect(await version(held)).toBe(before + 1);
    expect((await events(held)).at(-1)).toMatchObject({ type: "matter_added", data: { number: 4, outcome: "case" } });
    // A retried post finds the same case and adds no second matter.
    const again = await onBehalf(staff.userId, { idempotencyKey: key });
    expect(again).toMatchObject({ ok: true, receipt: { caseId: result.receipt.caseId, replayed: true } });
    expect((await t.db.select().from(receptionMatters).where(eq(receptionMatters.receptionDayId, held))).length).toBe(4);
  });

  it("the staff view lists the matters with the case; the public outcome shows counts only", async () => {
    const record = await getReceptionRecordForStaff(t.db, await viewer("tiepnhan.pleiku"), held, now);
    expect(record.may).toEqual({ record: true, conclude: false });
    expect(record.matters.map((m) => m.outcome)).toEqual(["answered", "guided", "refused", "case"]);
    expect(record.matters[3]!.case?.code).toMatch(/\w/);
    expect(record.bookings.map((b) => b.label)).toEqual(["1. Lê Thị C"]);
    await expect(getReceptionRecordForStaff(t.db, await viewer("tiepnhan.quynhon"), held, now)).rejects.toMatchObject({ code: "not_found" });
    const outcome = await getReceptionOutcome(t.db, held, "2026-11-27");
    expect(outcome!.matters).toMatchObject({ total: 4, answered: 1, guided: 1, refused: 1, refusalNoticesLate: 0, cases: { total: 1, pending: 1, on_time: 0, overdue: 0 } });
    expect((await getReceptionOutcome(t.db, held, "2026-12-11"))!.matters.cases.overdue).toBe(1);
  });
});

describe("the conclusion notice", () => {
  const items = () => [
    { what: "Phòng Kinh tế rà soát hồ sơ bồi thường của các hộ ở tổ 5", ownerUnitId: ids.unit["demo-ubnd-pleiku"]!, dueOn: "2026-12-20" },
    { what: "", ownerUnitId: "", dueOn: "" },
    { what: "Sở Nông nghiệp và Môi trường trả lời về quy hoạch khu đất", ownerUnitId: ids.unit["demo-snnmt"]!, dueOn: "2027-01-15" },
  ];

  it("is the head's or an office leader's: an intake officer, a handler and another office are refused", async () => {
    const input = { dayId: held, version: await version(held), text: "Thông báo kết luận", items: items() };
    await expect(publishConclusion(t.db, await viewer("tiepnhan.pleiku"), input, now)).rejects.toMatchObject({ code: "forbidden" });
    await expect(publishConclusion(t.db, await viewer("xuly.pleiku"), input, now)).rejects.toMatchObject({ code: "forbidden" });
    await expect(publishConclusion(t.db, await viewer("lanhdao.quynhon"), input, now)).rejects.toMatchObject({ code: "not_found" });
    await expect(publishConclusion(t.db, await viewer("lanhdao.pleiku"), { ...input, dayId: coming, version: await version(coming) }, now)).rejects.toMatchObject({ message: "not_held" });
    await expect(
      publishConclusion(t.db, await viewer("lanhdao.pleiku"), { ...input, items: [{ what: "Làm gì đó", ownerUnitId: "", dueOn: "2026-01-01" }] }, now),
    ).rejects.toMatchObject({ details: { fields: { "items.0.ownerUnitId": "required", "items.0.dueOn": "invalid" } } });
  });

  it("turns each item into a commitment of the head, shown with its reception on the commitment pages", async () => {
    const head = await viewer("lanhdao.pleiku");
    const text = "Chủ tịch UBND phường kết luận: giao Phòng Kinh tế rà soát hồ sơ bồi thường; đề nghị Sở trả lời về quy hoạch.";
    const { commitmentIds } = await publishConclusion(t.db, head, { dayId: held, version: await version(held), text, items: items(), formKey: randomUUID() }, now);
    expect(commitmentIds).toHaveLength(2);
    const rows = await t.db.select().from(commitments).where(eq(commitments.receptionDayId, held));
    expect(rows.map((r) => [r.sessionId, r.leaderUserId, r.dueOn]).sort()).toEqual([
      [null, head.userId, "2026-12-20"],
      [null, head.userId, "2027-01-15"],
    ]);
    const created = await t.db.select().from(commitmentUpdates).where(eq(commitmentUpdates.commitmentId, commitmentIds[0]!));
    expect(created.map((u) => u.kind)).toEqual(["created"]);
    const [dayRow] = await t.db.select().from(receptionDays).where(eq(receptionDays.id, held));
    expect(dayRow!.conclusion).toBe(text);
    expect(dayRow!.conclusionPublishedAt).not.toBeNull();
    expect((await events(held)).at(-1)).toMatchObject({ type: "conclusion_published", data: { items: 2 } });

    const c = await getCommitment(t.db, commitmentIds[0]!, "2026-11-27");
    expect(c).toMatchObject({ session: null, reception: { id: held, title: "Chủ tịch UBND phường Pleiku (thử)" }, leader: { userId: head.userId, position: "Chủ tịch UBND phường Pleiku (thử)" } });
    const list = await listCommitments(t.db, { receptionDayId: held }, "2026-11-27");
    expect(list.counts).toMatchObject({ total: 2, open: 2 });
    const outcome = await getReceptionOutcome(t.db, held, "2026-11-27");
    expect(outcome!.conclusionItems.items).toHaveLength(2);

    // The owner unit reports progress as on any commitment.
    const own = rows.find((r) => r.ownerUnitId === ids.unit["demo-ubnd-pleiku"])!;
    await updateCommitment(t.db, await viewer("xuly.pleiku"), { commitmentId: own.id, version: own.version, action: "progress", text: "Đã rà soát 12 trên 20 hồ sơ." }, [], now);
    expect((await getCommitment(t.db, own.id, "2026-11-27"))!.updates.map((u) => u.kind)).toEqual(["created", "progress"]);
  });

  it("is published once; items can be added later, once per form", async () => {
    const head = await viewer("lanhdao.pleiku");
    await expect(publishConclusion(t.db, head, { dayId: held, version: await version(held), text: "Lần hai", items: [] }, now)).rejects.toMatchObject({ message: "already_published" });
    const formKey = randomUUID();
    const input = { dayId: held, formKey, items: [{ what: "Công an phường kiểm tra việc lấn chiếm vỉa hè", ownerUnitId: ids.unit["demo-ubnd-pleiku"]!, dueOn: "2026-12-31" }] };
    await expect(addConclusionItems(t.db, await viewer("tiepnhan.pleiku"), input, now)).rejects.toMatchObject({ code: "forbidden" });
    const first = await addConclusionItems(t.db, head, input, now);
    const again = await addConclusionItems(t.db, head, input, now);
    expect(again.commitmentIds).toEqual(first.commitmentIds);
    expect((await t.db.select().from(commitments).where(eq(commitments.receptionDayId, held))).length).toBe(3);
    expect((await audits("reception.conclusion_items_added")).length).toBe(1);
  });

  it("keeps the audit chain whole", async () => {
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });
});
