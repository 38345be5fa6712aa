import { randomUUID } from "node:crypto";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditLog,
  cases,
  commitmentFiles,
  commitments,
  commitmentUpdates,
  dialogueAgendaItems,
  dialogueQuestions,
  dialogueSessionLeaders,
  dialogueSessions,
  emailOutbox,
  scheduledJobRuns,
  units,
  users,
} from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed-demo";
import { runInTransaction } from "@/db/transaction";
import { createCalendar, toLocalDate } from "@/domain/calendar";
import { DEFAULT_HOLIDAYS } from "@/domain/holidays-data";
import type { IsoDate } from "@/domain/types";
import { verifyAuditChain } from "@/server/audit/append-audit";
import { bodyLimitFor } from "@/server/http/body-limits";
import { loadMemberships, type Viewer } from "@/server/auth/roles";
import { createCommitment } from "@/server/commitments/create-commitment";
import { getCommitment, getCommitmentFile } from "@/server/commitments/get-commitment";
import { commitmentFilterOptions, listCommitments, parseCommitmentFilters } from "@/server/commitments/list-commitments";
import { updateCommitment } from "@/server/commitments/update-commitment";
import { renderPendingEmails } from "@/server/email/render-pending";
import { remindCommitments } from "@/server/scheduler/remind-commitments";
import { runScheduledJobs } from "@/server/scheduler/run-scheduled-jobs";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
const now = new Date("2026-11-27T03:00:00Z"); // Friday 27/11/2026, 10:00 in Vietnam
const today = toLocalDate(now);
const VN = createCalendar(DEFAULT_HOLIDAYS);
const unit: Record<string, string> = {};
const viewers: Record<string, Viewer> = {};
let past: string; // held by the Pleiku ward, minutes published; its leader is lanhdao.pleiku
let coming: string; // the province's, still open for questions
let live: string; // the Quy Nhon ward's, live now
let question: { id: string; number: number };
let agendaCase: { id: string; code: string };

async function viewer(name: string): Promise<Viewer> {
  const email = `${name}@doithoai.example`;
  if (viewers[email]) return viewers[email];
  const [user] = await t.db.select().from(users).where(eq(users.email, email));
  viewers[email] = { userId: user!.id, email, name: user!.name, locale: "vi", memberships: await loadMemberships(t.db, user!.id) };
  return viewers[email];
}
const userId = async (name: string) => (await viewer(name)).userId;

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const PDF = new TextEncoder().encode("%PDF-1.4\n%test\n");

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
  for (const u of await t.db.select().from(units)) unit[u.code] = u.id;
  const sessions = await t.db.select().from(dialogueSessions);
  past = sessions.find((s) => s.status === "minutes_published")!.id;
  coming = sessions.find((s) => s.status === "open")!.id;
  const [liveRow] = await t.db
    .insert(dialogueSessions)
    .values({
      title: "Đối thoại về vệ sinh môi trường",
      topic: "Môi trường",
      unitId: unit["demo-ubnd-quynhon"]!,
      location: "Hội trường UBND phường Quy Nhơn",
      startsAt: new Date(now.getTime() - 3_600_000),
      endsAt: new Date(now.getTime() + 3_600_000),
      status: "live",
    })
    .returning();
  live = liveRow!.id;
  await t.db.insert(dialogueSessionLeaders).values({ sessionId: live, userId: await userId("lanhdao.quynhon"), position: "Chủ tịch UBND phường", positionEn: "Ward chair" });
  const [q] = await t.db
    .insert(dialogueQuestions)
    .values({ sessionId: past, number: 7, body: "Bao giờ chợ tạm được dời vào trong?", searchText: "bao gio cho tam", status: "answered", answer: "Trong quý I." })
    .returning();
  question = { id: q!.id, number: q!.number };
  const [c] = await t.db.select({ id: cases.id, code: cases.code }).from(cases).where(eq(cases.unitId, unit["demo-ubnd-pleiku"]!)).limit(1);
  agendaCase = c!;
  await t.db.insert(dialogueAgendaItems).values({ sessionId: past, caseId: agendaCase.id });
});
afterAll(() => t.close());

type Fields = Partial<Record<"leaderUserId" | "body" | "ownerUnitId" | "dueOn" | "source" | "caseCode" | "sessionId" | "formKey", unknown>>;
async function fields(overrides: Fields = {}): Promise<Fields> {
  return {
    sessionId: past,
    leaderUserId: await userId("lanhdao.pleiku"),
    body: "Dời chợ tạm vào khu đất trống phía sau nhà văn hóa, trả lại lòng đường.",
    ownerUnitId: unit["demo-ubnd-pleiku"],
    dueOn: "2027-02-04",
    source: `question:${question.id}`,
    caseCode: "",
    ...overrides,
  };
}
async function create(overrides: Fields = {}, who = "tiepnhan.pleiku", at = now) {
  return createCommitment(t.db, await viewer(who), await fields(overrides), at);
}
const row = async (id: string) => (await t.db.select().from(commitments).where(eq(commitments.id, id)))[0]!;
const sessionVersion = async (id: string) => (await t.db.select({ v: dialogueSessions.version }).from(dialogueSessions).where(eq(dialogueSessions.id, id)))[0]!.v;
const update = async (who: string | null, id: string, action: string, text: string, files: { name: string; bytes: Uint8Array }[] = [], version?: number) =>
  updateCommitment(t.db, who ? await viewer(who) : null, { commitmentId: id, version: version ?? (await row(id)).version, action, text }, files, now);

describe("recording a commitment at a session", () => {
  it("is for the hosting unit's intake officers and leaders; anyone else is refused and nothing is written", async () => {
    const before = (await t.db.select().from(commitments)).length;
    await expect(createCommitment(t.db, null, await fields(), now)).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(createCommitment(t.db, await viewer("congdan"), await fields(), now)).rejects.toMatchObject({ code: "forbidden" });
    // Another unit's staff cannot even see the session's staff side.
    await expect(create({}, "tiepnhan.quynhon")).rejects.toMatchObject({ code: "not_found" });
    // A handler of the hosting unit moderates and records answers, but does not record promises.
    await expect(create({}, "xuly.pleiku")).rejects.toMatchObject({ code: "forbidden" });
    // A leader above reads the session but records only for their own.
    await expect(create({}, "lanhdao.tinh")).rejects.toMatchObject({ code: "forbidden" });
    await expect(create({ sessionId: "not-a-uuid" })).rejects.toMatchObject({ code: "not_found" });
    expect((await t.db.select().from(commitments)).length).toBe(before);
  });

  it("writes the commitment, its first public update and the audit entry, and bumps the session for its page", async () => {
    const v0 = await sessionVersion(past);
    const { id } = await create();
    const c = await row(id);
    expect(c).toMatchObject({ status: "open", dueOn: "2027-02-04", sessionId: past, questionId: question.id, ownerUnitId: unit["demo-ubnd-pleiku"], version: 1 });
    const updates = await t.db.select().from(commitmentUpdates).where(eq(commitmentUpdates.commitmentId, id));
    expect(updates.map((u) => u.kind)).toEqual(["created"]);
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, "commitment"), eq(auditLog.entityId, id)));
    expect(audit.map((a) => a.action)).toEqual(["commitment.created"]);
    expect(audit[0]!.actorUserId).toBe(await userId("tiepnhan.pleiku"));
    expect(await sessionVersion(past)).toBe(v0 + 1);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it("records one commitment for a form posted twice, even at once, and another for a new form", async () => {
    const before = (await t.db.select().from(commitments)).length;
    const formKey = randomUUID();
    const [a, b] = await Promise.all([create({ formKey }), create({ formKey })]);
    expect(b.id).toBe(a.id);
    expect((await create({ formKey })).id).toBe(a.id);
    expect((await create({ formKey: randomUUID() })).id).not.toBe(a.id);
    expect((await t.db.select().from(commitments)).length).toBe(before + 2);
  });

  it("the leader who promised must be one of the session's; the owner may be any unit", async () => {
    await expect(create({ leaderUserId: await userId("lanhdao.tinh") })).rejects.toMatchObject({ code: "invalid_input", details: { fields: { leaderUserId: "invalid" } } });
    const { id } = await create({ ownerUnitId: unit["demo-sxd"], source: "" }, "lanhdao.pleiku");
    expect((await row(id)).ownerUnitId).toBe(unit["demo-sxd"]);
    await expect(create({ ownerUnitId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ details: { fields: { ownerUnitId: "invalid" } } });
  });

  it("refuses a deadline in the past (Vietnam's date), a malformed one and empty text, with the field named", async () => {
    // 23:30 on 30/11 in Vietnam is still 30/11 there (16:30 UTC): that day is accepted, the day before is not.
    const lateEvening = new Date("2026-11-30T16:30:00Z");
    await expect(create({ dueOn: "2026-11-29" }, "tiepnhan.pleiku", lateEvening)).rejects.toMatchObject({ details: { fields: { dueOn: "invalid" } } });
    await create({ dueOn: "2026-11-30" }, "tiepnhan.pleiku", lateEvening);
    await expect(create({ dueOn: "2027-02-30" })).rejects.toMatchObject({ details: { fields: { dueOn: "invalid" } } });
    await expect(create({ dueOn: "" })).rejects.toMatchObject({ details: { fields: { dueOn: "required" } } });
    await expect(create({ body: "   " })).rejects.toMatchObject({ details: { fields: { body: "required" } } });
    await expect(create({ body: "x".repeat(5001) })).rejects.toMatchObject({ details: { fields: { body: "too_long" } } });
  });

  it("its source is a question of this session, a case it took up, a case by code the official may see, or none", async () => {
    const fromCase = await create({ source: `case:${agendaCase.id}` });
    expect((await row(fromCase.id)).caseId).toBe(agendaCase.id);
    const byCode = await create({ source: "", caseCode: agendaCase.code.toLowerCase() });
    expect((await row(byCode.id)).caseId).toBe(agendaCase.id);
    // A question of another session, a case the session never took up, a case of a unit out of the official's scope.
    const [other] = await t.db.insert(dialogueQuestions).values({ sessionId: coming, number: 99, body: "Câu hỏi khác phiên", searchText: "x", status: "approved" }).returning();
    await expect(create({ source: `question:${other!.id}` })).rejects.toMatchObject({ details: { fields: { source: "invalid" } } });
    const [foreign] = await t.db.select({ id: cases.id, code: cases.code }).from(cases).where(eq(cases.unitId, unit["demo-ubnd-quynhon"]!)).limit(1);
    await expect(create({ source: `case:${foreign!.id}` })).rejects.toMatchObject({ details: { fields: { source: "invalid" } } });
    await expect(create({ source: "", caseCode: foreign!.code })).rejects.toMatchObject({ details: { fields: { caseCode: "invalid" } } });
    await expect(create({ source: "", caseCode: "KHONG-CO-MA" })).rejects.toMatchObject({ details: { fields: { caseCode: "invalid" } } });
    await expect(create({ source: `question:${question.id}`, caseCode: agendaCase.code })).rejects.toMatchObject({ details: { fields: { caseCode: "invalid" } } });
  });

  it("is made at a session that is live or was held, never at one not held yet", async () => {
    await expect(createCommitment(t.db, await viewer("lanhdao.tinh"), await fields({ sessionId: coming, leaderUserId: await userId("lanhdao.tinh"), source: "" }), now)).rejects.toMatchObject({
      code: "conflict",
      message: "session_not_held",
    });
    const { id } = await createCommitment(
      t.db,
      await viewer("tiepnhan.quynhon"),
      await fields({ sessionId: live, leaderUserId: await userId("lanhdao.quynhon"), ownerUnitId: unit["demo-ubnd-quynhon"], source: "" }),
      now,
    );
    expect((await row(id)).sessionId).toBe(live);
  });
});

describe("progress, kept and missed: from the owner unit", () => {
  it("progress by any staff of the owner unit, refused for another unit's, a citizen and anonymous", async () => {
    const { id } = await create();
    await expect(update(null, id, "progress", "x")).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(update("congdan", id, "progress", "x")).rejects.toMatchObject({ code: "forbidden" });
    await expect(update("canbo.sxd", id, "progress", "x")).rejects.toMatchObject({ code: "forbidden" });
    await expect(update("tiepnhan.quynhon", id, "progress", "x")).rejects.toMatchObject({ code: "forbidden" });
    const v0 = await sessionVersion(past);
    const r = await update("xuly.pleiku", id, "progress", "Đã khảo sát khu đất, đang lập phương án.");
    expect(r.version).toBe(2);
    expect(await row(id)).toMatchObject({ status: "open", version: 2, closedAt: null });
    expect(await sessionVersion(past)).toBe(v0 + 1);
    await expect(update("xuly.pleiku", id, "progress", "  ")).rejects.toMatchObject({ details: { fields: { text: "required" } } });
  });

  it("kept or missed only by the owner unit's leader or a leader above it", async () => {
    const { id } = await create();
    for (const who of ["xuly.pleiku", "tiepnhan.pleiku", "lanhdao.quynhon", "giamsat.mttq"]) {
      await expect(update(who, id, "keep", "Đã xong"), who).rejects.toMatchObject({ code: "forbidden" });
      await expect(update(who, id, "miss", "Không kịp"), who).rejects.toMatchObject({ code: "forbidden" });
    }
    await update("lanhdao.tinh", id, "miss", "Chưa bố trí được kinh phí trong năm 2026.");
    expect(await row(id)).toMatchObject({ status: "missed" });
    expect((await row(id)).closedAt).not.toBeNull();
    // Missed once, it can still be kept late, by the unit's own leader; then it is final.
    await update("lanhdao.pleiku", id, "keep", "Đã dời chợ ngày 15/3/2027.");
    expect((await row(id)).status).toBe("kept");
    await expect(update("lanhdao.pleiku", id, "miss", "x")).rejects.toMatchObject({ code: "conflict", message: "invalid_transition" });
    await expect(update("xuly.pleiku", id, "progress", "x")).rejects.toMatchObject({ code: "conflict", message: "invalid_transition" });
    const audit = await t.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entityType, "commitment"), eq(auditLog.entityId, id)));
    expect(audit.map((a) => a.action)).toEqual(["commitment.created", "commitment.missed", "commitment.kept"]);
    const kinds = await t.db.select({ kind: commitmentUpdates.kind }).from(commitmentUpdates).where(eq(commitmentUpdates.commitmentId, id)).orderBy(commitmentUpdates.id);
    expect(kinds.map((k) => k.kind)).toEqual(["created", "missed", "kept"]);
  });

  it("kept with evidence files stored and served as they are; a file of a refused type refuses the whole update", async () => {
    const { id } = await create();
    const script = { name: "bien-ban.pdf", bytes: new TextEncoder().encode("<script>alert(1)</script>") };
    await expect(update("lanhdao.pleiku", id, "keep", "Đã xong", [{ name: "anh.png", bytes: PNG }, script])).rejects.toMatchObject({
      details: { fields: { files: "attachments_type_not_allowed" }, fileName: "bien-ban.pdf" },
    });
    expect(await row(id)).toMatchObject({ status: "open", version: 1 });
    expect(await t.db.select().from(commitmentFiles).where(eq(commitmentFiles.commitmentId, id))).toHaveLength(0);
    const r = await update("lanhdao.pleiku", id, "keep", "Biên bản bàn giao mặt bằng kèm theo.", [
      { name: "../../anh hiện trường.png", bytes: PNG },
      { name: "bien-ban.pdf", bytes: PDF },
    ]);
    expect(r.fileIds).toHaveLength(2);
    const detail = (await getCommitment(t.db, id, today))!;
    expect(detail.status).toBe("kept");
    const kept = detail.updates.at(-1)!;
    expect(kept.kind).toBe("kept");
    expect(kept.files.map((f) => [f.fileName, f.contentType]).sort()).toEqual([
      ["anh hiện trường.png", "image/png"],
      ["bien-ban.pdf", "application/pdf"],
    ]);
    const file = (await getCommitmentFile(t.db, kept.files.find((f) => f.contentType === "image/png")!.id))!;
    expect(new Uint8Array(file.data)).toEqual(PNG);
    expect(await getCommitmentFile(t.db, "00000000-0000-4000-8000-000000000000")).toBeNull();
    await expect(update("lanhdao.pleiku", (await create()).id, "miss", "Lý do", [{ name: "a.png", bytes: PNG }])).rejects.toMatchObject({ details: { fields: { files: "invalid" } } });
  });

  it("the staff commitment page takes uploads as large as the attachment limits; other staff pages stay small", () => {
    expect(bodyLimitFor("/can-bo/cam-ket/6f1c2b9e-8a51-4a7e-9c1e-0b2d3f4a5b6c").name).toBe("upload");
    expect(bodyLimitFor("/can-bo/cam-ket").name).toBe("form");
    expect(bodyLimitFor("/can-bo/cam-ket/x/y").name).toBe("form");
  });

  it("refuses a form rendered from an older version, so that an update made meanwhile is not overwritten unseen", async () => {
    const { id } = await create();
    await update("xuly.pleiku", id, "progress", "Lần một", [], 1);
    await expect(update("lanhdao.pleiku", id, "keep", "Đã xong", [], 1)).rejects.toMatchObject({ code: "conflict", message: "stale_version" });
    await expect(update("lanhdao.pleiku", id, "keep", "Đã xong", [], "abc" as unknown as number)).rejects.toMatchObject({ message: "stale_version" });
    expect((await row(id)).status).toBe("open");
  });

  it("two officials at once: one update wins, the other is told the commitment changed", async () => {
    const { id } = await create();
    const results = await Promise.allSettled([update("xuly.pleiku", id, "progress", "A", [], 1), update("tiepnhan.pleiku", id, "progress", "B", [], 1)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { message: "stale_version" } });
    expect((await row(id)).version).toBe(2);
  });
});

describe("public lists", () => {
  it("flag an open commitment after its deadline, like an overdue case, and count kept, missed, open and overdue", async () => {
    const { id } = await create({ dueOn: "2026-12-01", source: "" });
    expect((await getCommitment(t.db, id, "2026-12-01"))!.overdue).toBe(false);
    expect((await getCommitment(t.db, id, "2026-12-02"))!.overdue).toBe(true);
    const all = await listCommitments(t.db, {}, "2026-12-02");
    const { counts } = all;
    expect(counts.open + counts.kept + counts.missed).toBe(counts.total);
    expect(counts.overdue).toBe(all.items.filter((c) => c.overdue).length);
    expect(counts.overdue).toBeGreaterThanOrEqual(1);
    const overdue = await listCommitments(t.db, { status: "overdue" }, "2026-12-02");
    expect(overdue.items.length).toBeGreaterThanOrEqual(1);
    expect(overdue.items.every((c) => c.overdue && c.status === "open")).toBe(true);
    expect(overdue.counts).toEqual(counts); // the counts ignore the status chosen
  });

  it("filter by session, unit, leader and status, from a plain GET form's query", async () => {
    const leader = await userId("lanhdao.quynhon");
    const bySession = await listCommitments(t.db, parseCommitmentFilters({ phien: live }), today);
    expect(bySession.items.length).toBeGreaterThanOrEqual(1);
    expect(bySession.items.every((c) => c.session?.id === live)).toBe(true);
    const byLeader = await listCommitments(t.db, parseCommitmentFilters({ lanh_dao: leader }), today);
    expect(byLeader.items.every((c) => c.leader.userId === leader)).toBe(true);
    expect(byLeader.items[0]!.leader.position).toBe("Chủ tịch UBND phường");
    const byUnit = await listCommitments(t.db, parseCommitmentFilters({ don_vi: unit["demo-sxd"] }), today);
    expect(byUnit.items.length).toBeGreaterThanOrEqual(1);
    expect(byUnit.items.every((c) => c.ownerUnit.id === unit["demo-sxd"])).toBe(true);
    const kept = await listCommitments(t.db, parseCommitmentFilters({ trang_thai: "kept" }), today);
    expect(kept.items.length).toBeGreaterThanOrEqual(1);
    expect(kept.items.every((c) => c.status === "kept")).toBe(true);
    // Malformed filters are ignored, never an error or an injection.
    expect(parseCommitmentFilters({ phien: "1' or '1'='1", trang_thai: "everything", don_vi: "" })).toEqual({ sessionId: undefined, unitId: undefined, leaderId: undefined, status: undefined });
    const options = await commitmentFilterOptions(t.db);
    expect(options.sessions.map((s) => s.id)).toEqual(expect.arrayContaining([past, live]));
    expect(options.sessions.map((s) => s.id)).not.toContain(coming);
    expect(options.leaders.map((l) => l.id)).toContain(leader);
  });

  it("show where a commitment came from and its updates in order", async () => {
    const { id } = await create();
    await update("xuly.pleiku", id, "progress", "Bước 1");
    await update("xuly.pleiku", id, "progress", "Bước 2");
    const d = (await getCommitment(t.db, id, today))!;
    expect(d.question).toEqual({ id: question.id, number: 7 });
    expect(d.session?.id).toBe(past);
    expect(d.updates.map((u) => u.body)).toEqual([d.body, "Bước 1", "Bước 2"]);
    expect(await getCommitment(t.db, "nope", today)).toBeNull();
    const fromCase = await getCommitment(t.db, (await create({ source: `case:${agendaCase.id}` })).id, today);
    expect(fromCase!.case?.code).toBe(agendaCase.code);
  });

  it("for an official: the commitments owned by their units", async () => {
    const list = await listCommitments(t.db, {}, today, { ownerUnitIds: [unit["demo-sxd"]!] });
    expect(list.items.every((c) => c.ownerUnit.id === unit["demo-sxd"])).toBe(true);
    expect((await listCommitments(t.db, {}, today, { ownerUnitIds: [] })).items).toEqual([]);
  });
});

describe("reminders to the owner unit over the working-day calendar", () => {
  let unitId: string;
  let target: string;
  const reminders = async () => {
    await renderPendingEmails(t.db);
    return t.db.select().from(emailOutbox).where(and(eq(emailOutbox.template, "commitment-reminder"), like(emailOutbox.dedupeKey, `%${target}%`)));
  };
  const runJob = (day: IsoDate) => runInTransaction(t.db, (tx) => remindCommitments(tx, { now: new Date(`${day}T01:00:00Z`), today: day, calendar: VN, lastRunOn: null }));
  /** Runs the job on `day` and returns how many reminders of the commitment under test it queued. */
  const run = async (day: IsoDate) => {
    const before = (await reminders()).length;
    await runJob(day);
    return (await reminders()).length - before;
  };

  beforeAll(async () => {
    // A unit of its own, so that other tests' commitments do not count here; it has an address of its own.
    unitId = unit["demo-snnmt"]!;
    await t.db.update(units).set({ email: "vanphong.snnmt@example.gov.vn" }).where(eq(units.id, unitId));
    await t.db.update(users).set({ locale: "en" }).where(eq(users.email, "xuly.nnmt@doithoai.example"));
    // Due on the Thursday before Tết 2027 (Friday 5/2 to Sunday 14/2 are days off).
    target = (await create({ ownerUnitId: unitId, dueOn: "2027-02-04", source: "" })).id;
  });

  it("before: from three working days ahead, once, to the unit's address, its leaders and intake officers, in their language", async () => {
    expect(await run("2027-01-29")).toBe(0); // Friday: four working days ahead
    expect(await run("2027-02-01")).toBe(3); // Monday: the unit's address, its leader, its intake officer
    const mail = await reminders();
    const to = mail.map((m) => m.toAddress).sort();
    expect(to).toContain("vanphong.snnmt@example.gov.vn");
    expect(to).toContain("lanhdao.nnmt@doithoai.example");
    expect(to).toContain("xuly.nnmt@doithoai.example"); // an intake officer there too
    expect(new Set(to).size).toBe(to.length);
    const message = mail.find((m) => m.toAddress === "lanhdao.nnmt@doithoai.example")!;
    expect(message.subject).toBe("Cam kết của Sở Nông nghiệp và Môi trường sắp đến hạn ngày 04/02/2027");
    expect(message.text).toContain("còn 3 ngày làm việc nữa là đến hạn");
    expect(message.text).toContain(`http://localhost:3000/can-bo/cam-ket/${target}`);
    expect(message.text).toContain(`http://localhost:3000/cam-ket/${target}`);
    const english = mail.find((m) => m.toAddress === "xuly.nnmt@doithoai.example")!;
    expect(english.locale).toBe("en");
    expect(english.subject).toBe("Department of Agriculture and Environment: a commitment is due on 04/02/2027");
    expect(english.text).toContain("is due in 3 working days (deadline 04/02/2027)");
    expect(mail.find((m) => m.toAddress === "vanphong.snnmt@example.gov.vn")!.text).toContain("Kính gửi đồng chí,");
    // The same day again, and the following days up to the deadline: nothing more.
    expect(await run("2027-02-01")).toBe(0);
    for (const day of ["2027-02-02", "2027-02-03", "2027-02-04"] as IsoDate[]) expect(await run(day), day).toBe(0);
    expect(await reminders()).toHaveLength(mail.length);
  });

  it("after: nothing over Tết and the weekends, the first on Monday 15/2, again five working days later (the make-up Saturday counts)", async () => {
    const before = (await reminders()).length;
    for (const day of ["2027-02-05", "2027-02-08", "2027-02-12", "2027-02-13", "2027-02-14"] as IsoDate[]) expect(await run(day), day).toBe(0);
    // The worker was down on Monday and Tuesday: Wednesday 17/2 sends round 1, once.
    expect(await run("2027-02-17")).toBe(3);
    expect(await run("2027-02-18")).toBe(0);
    expect(await run("2027-02-19")).toBe(0);
    expect(await run("2027-02-21")).toBe(0); // Sunday
    expect(await run("2027-02-20")).toBe(3); // make-up working Saturday: the sixth working day after the deadline
    const mail = await reminders();
    expect(mail.length).toBe(before + 6);
    const again = mail.find((m) => m.toAddress === "lanhdao.nnmt@doithoai.example" && m.dedupeKey!.includes("after-2"))!;
    expect(again.subject).toContain("vẫn quá hạn");
    expect(again.text).toContain("đã quá hạn 6 ngày làm việc");
  });

  it("stops once the commitment is closed; the morning runner sends it once however often it is called", async () => {
    await update("lanhdao.nnmt", target, "keep", "Đã hoàn thành.");
    expect(await run("2027-03-01")).toBe(0);
    // A fresh commitment due soon, through the scheduler itself, twice the same morning.
    target = (await create({ ownerUnitId: unitId, dueOn: "2027-03-03", source: "" })).id;
    await t.db.delete(scheduledJobRuns);
    const first = await runScheduledJobs(t.db, new Date("2027-03-01T01:00:00Z")); // Monday 08:00 in Vietnam
    expect(first["remind-commitments"]).toMatchObject({ commitments: expect.any(Number) });
    expect((await runScheduledJobs(t.db, new Date("2027-03-01T05:00:00Z")))["remind-commitments"]).toBe("skipped");
    // Even a second worker that ran the job itself again would find every message already queued.
    expect(await run("2027-03-01")).toBe(0);
    const mail = await reminders();
    expect(mail).toHaveLength(3);
    expect(new Set(mail.map((m) => m.dedupeKey)).size).toBe(mail.length);
  });
});
