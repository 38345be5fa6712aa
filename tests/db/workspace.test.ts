import { randomUUID } from "node:crypto";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { areas, attachments, auditLog, caseEvents, cases, categories, emailOutbox, units, users } from "@/db/schema";
import { renderPendingEmails } from "@/server/email/render-pending";
import { seedDemoData } from "@/db/seed/seed-demo";
import { verifyAuditChain } from "@/server/audit/append-audit";
import { loadMemberships, type Viewer } from "@/server/auth/roles";
import { authorizeAttachmentDownload } from "@/server/filer/filer-access";
import { createFilerToken } from "@/server/filer/filer-session";
import { provideRequestedInfo } from "@/server/filer/provide-requested-info";
import { submitCase } from "@/server/intake/submit-case";
import type { SubmitCaseInput } from "@/server/intake/submit-case-input";
import { getPublicCase } from "@/server/tracking/get-public-case";
import {
  acceptCase,
  addNote,
  approveAnswer,
  assignCase,
  clearFlag,
  extendDeadline,
  flagCase,
  refuseCase,
  requestInfo,
  resumeCase,
  returnDraft,
  saveDraft,
  transferCase,
} from "@/server/workspace/case-actions";
import { getStaffCase, revealIdentity } from "@/server/workspace/get-staff-case";
import { listInbox, parseInboxFilters } from "@/server/workspace/list-inbox";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
const now = new Date("2026-11-27T03:00:00Z"); // Friday 27/11/2026, 10:00 in Vietnam
const later = (days: number) => new Date(now.getTime() + days * 86_400_000);
const ids = { area: {} as Record<string, string>, category: {} as Record<string, string>, unit: {} as Record<string, string> };
const viewers: Record<string, Viewer> = {};
let ipCounter = 0;

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
  for (const c of await t.db.select().from(categories)) ids.category[c.code] = c.id;
  for (const u of await t.db.select().from(units)) ids.unit[u.code] = u.id;
});
afterAll(() => t.close());

async function file(overrides: Partial<SubmitCaseInput> = {}, at = now) {
  const result = await submitCase(
    { db: t.db, ip: `203.0.113.${++ipCounter % 250}`, userId: null, now: at },
    {
      kind: "report",
      categoryId: ids.category.infrastructure!,
      areaId: ids.area["demo-23602"]!, // Phường Pleiku
      title: "Đèn đường hỏng ở tổ dân phố 3",
      body: "Cả đoạn đường dài 300 m không có đèn từ hai tuần nay, buổi tối rất nguy hiểm.",
      name: "Nguyễn Thị Hoa",
      phone: "0905 123 456",
      email: `hoa.${randomUUID().slice(0, 8)}@example.com`,
      consentPublish: true,
      idempotencyKey: randomUUID(),
      ...overrides,
    },
    [],
  );
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.receipt;
}

async function caseRow(id: string) {
  const [row] = await t.db.select().from(cases).where(eq(cases.id, id));
  return row!;
}

const ref = async (id: string) => ({ caseId: id, version: (await caseRow(id)).version });

describe("who may act: refusals come first, from the case itself", () => {
  it("refuses an anonymous visitor and a citizen before reading anything", async () => {
    const receipt = await file();
    await expect(acceptCase(t.db, null, await ref(receipt.caseId), now)).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(acceptCase(t.db, await viewer("congdan"), await ref(receipt.caseId), now)).rejects.toMatchObject({ code: "forbidden" });
    await expect(getStaffCase(t.db, await viewer("congdan"), receipt.code, now)).rejects.toMatchObject({ code: "forbidden" });
    expect((await caseRow(receipt.caseId)).status).toBe("received");
  });

  it("refuses staff of another unit as if the case did not exist, also by a guessed or forged id", async () => {
    const receipt = await file(); // routed to the Pleiku ward
    const quyNhon = await viewer("tiepnhan.quynhon");
    await expect(acceptCase(t.db, quyNhon, await ref(receipt.caseId), now)).rejects.toMatchObject({ code: "not_found" });
    await expect(getStaffCase(t.db, quyNhon, receipt.code, now)).rejects.toMatchObject({ code: "not_found" });
    await expect(revealIdentity(t.db, quyNhon, { caseId: receipt.caseId, purpose: "contact_filer" })).rejects.toMatchObject({ code: "not_found" });
    await expect(acceptCase(t.db, quyNhon, { caseId: randomUUID(), version: 1 }, now)).rejects.toMatchObject({ code: "not_found" });
    await expect(acceptCase(t.db, quyNhon, { caseId: "1 or 1=1", version: 1 }, now)).rejects.toMatchObject({ code: "not_found" });
    expect((await caseRow(receipt.caseId)).version).toBe(1);
  });

  it("refuses a lower role: a handler cannot accept, an intake officer cannot approve or extend, an overseer only flags", async () => {
    const receipt = await file();
    await expect(acceptCase(t.db, await viewer("xuly.pleiku"), await ref(receipt.caseId), now)).rejects.toMatchObject({ code: "forbidden" });
    await expect(acceptCase(t.db, await viewer("giamsat.mttq"), await ref(receipt.caseId), now)).rejects.toMatchObject({ code: "forbidden" });
    await expect(acceptCase(t.db, await viewer("quantri"), await ref(receipt.caseId), now)).rejects.toMatchObject({ code: "forbidden" });
    // A leader above reads the case but signs only for their own unit.
    await expect(acceptCase(t.db, await viewer("lanhdao.tinh"), await ref(receipt.caseId), now)).rejects.toMatchObject({ code: "forbidden" });
    expect((await getStaffCase(t.db, await viewer("lanhdao.tinh"), receipt.code, now)).actions).toEqual(["flag"]);
    await acceptCase(t.db, await viewer("tiepnhan.pleiku"), await ref(receipt.caseId), now);
    const intake = await viewer("tiepnhan.pleiku");
    await expect(approveAnswer(t.db, intake, await ref(receipt.caseId), now)).rejects.toMatchObject({ code: "forbidden" });
    await expect(extendDeadline(t.db, intake, { ...(await ref(receipt.caseId)), days: 5, reason: "Phức tạp" }, now)).rejects.toMatchObject({ code: "forbidden" });
    // An unassigned handler cannot ask the filer or draft; the assigned one can.
    const handler = await viewer("xuly.pleiku");
    await expect(requestInfo(t.db, handler, { ...(await ref(receipt.caseId)), reason: "Xin ảnh chụp" }, now)).rejects.toMatchObject({ code: "conflict", message: "not_allowed" });
    await assignCase(t.db, intake, { ...(await ref(receipt.caseId)), assigneeId: handler.userId }, now);
    await saveDraft(t.db, handler, { ...(await ref(receipt.caseId)), draft: "Dự thảo trả lời" }, now);
    // A citizen's account cannot assign itself; nor can someone be assigned from outside the unit.
    await expect(assignCase(t.db, intake, { ...(await ref(receipt.caseId)), assigneeId: (await viewer("xuly.quynhon")).userId }, now)).rejects.toMatchObject({
      code: "invalid_input",
      details: { fields: { assigneeId: "invalid" } },
    });
  });
});

describe("a case from intake to a published answer, across two units", () => {
  it("transfers, accepts, asks for information, takes the reply, drafts, sends back, approves and publishes", async () => {
    const receipt = await file({ title: "Sạt lở bờ kè ở phường Quy Nhơn", consentPublish: true });
    const id = receipt.caseId;
    const pleikuIntake = await viewer("tiepnhan.pleiku");
    const intake = await viewer("tiepnhan.quynhon");
    const handler = await viewer("xuly.quynhon");
    const leader = await viewer("lanhdao.quynhon");

    // Transfer needs a reason and a real unit.
    await expect(transferCase(t.db, pleikuIntake, { ...(await ref(id)), unitId: ids.unit["demo-ubnd-quynhon"], reason: " " }, now)).rejects.toMatchObject({
      details: { fields: { reason: "required" } },
    });
    await expect(transferCase(t.db, pleikuIntake, { ...(await ref(id)), unitId: ids.unit["demo-ubnd-pleiku"], reason: "Sai" }, now)).rejects.toMatchObject({
      details: { fields: { unitId: "invalid" } },
    });
    const monday = later(3); // Monday 30/11
    await transferCase(t.db, pleikuIntake, { ...(await ref(id)), unitId: ids.unit["demo-ubnd-quynhon"], reason: "Địa điểm thuộc phường Quy Nhơn" }, monday);
    let row = await caseRow(id);
    expect(row.unitId).toBe(ids.unit["demo-ubnd-quynhon"]);
    expect(row.status).toBe("received");
    expect(row.acceptanceDueOn).toBe("2026-12-07"); // the new unit's 5 working days from Monday 30/11
    let pub = (await getPublicCase(t.db, receipt.code, monday))!;
    expect(pub.unit.name).toBe("Ủy ban nhân dân phường Quy Nhơn");
    const transferred = pub.events.find((e) => e.type === "case.transferred")!;
    expect(transferred.reason).toBe("Địa điểm thuộc phường Quy Nhơn");
    expect(transferred.toUnit?.name).toBe("Ủy ban nhân dân phường Quy Nhơn");
    // The old unit no longer sees it; the new one does, at once.
    await expect(getStaffCase(t.db, pleikuIntake, receipt.code, monday)).rejects.toMatchObject({ code: "not_found" });
    expect((await listInbox(t.db, intake, {}, monday)).rows.map((r) => r.id)).toContain(id);

    await acceptCase(t.db, intake, await ref(id), monday);
    row = await caseRow(id);
    expect(row.status).toBe("accepted");
    expect(row.resolutionDueOn).not.toBeNull();
    pub = (await getPublicCase(t.db, receipt.code, monday))!;
    expect(pub.status).toBe("accepted");
    expect(pub.acceptance.state).toBe("met");

    await assignCase(t.db, intake, { ...(await ref(id)), assigneeId: handler.userId }, monday);
    await addNote(t.db, handler, { ...(await ref(id)), text: "Đã liên hệ tổ dân phố, hẹn khảo sát thứ Tư." }, [], monday);
    await requestInfo(t.db, handler, { ...(await ref(id)), reason: "Xin gửi ảnh chụp đoạn kè bị sạt lở và vị trí cụ thể." }, monday);
    pub = (await getPublicCase(t.db, receipt.code, monday))!;
    expect(pub.status).toBe("info_requested");
    expect(pub.events.at(-1)).toMatchObject({ type: "case.info_requested", reason: "Xin gửi ảnh chụp đoạn kè bị sạt lở và vị trí cụ thể." });
    // Notes and assignments are never public.
    expect(pub.events.map((e) => e.type)).not.toContain("case.note");
    expect(pub.events.map((e) => e.type)).not.toContain("case.assigned");

    const thursday = later(6);
    const { token } = await createFilerToken(t.db, id, thursday);
    await provideRequestedInfo(t.db, token, { caseId: id, version: (await caseRow(id)).version, text: "Đoạn kè trước nhà số 12 đường Xuân Diệu." }, [], thursday);
    expect((await caseRow(id)).status).toBe("accepted");

    await saveDraft(t.db, handler, { ...(await ref(id)), draft: "Kính gửi bà, UBND phường đã kiểm tra...", submit: true }, thursday);
    // Submitted: the handler cannot change it until the leader decides.
    await expect(saveDraft(t.db, handler, { ...(await ref(id)), draft: "Khác" }, thursday)).rejects.toMatchObject({ code: "conflict" });
    await expect(returnDraft(t.db, leader, { ...(await ref(id)), comment: "" }, thursday)).rejects.toMatchObject({ details: { fields: { comment: "required" } } });
    await returnDraft(t.db, leader, { ...(await ref(id)), comment: "Nêu rõ thời hạn khắc phục." }, thursday);
    expect(await caseRow(id)).toMatchObject({ draftStatus: "returned", reviewComment: "Nêu rõ thời hạn khắc phục." });
    await expect(approveAnswer(t.db, leader, await ref(id), thursday)).rejects.toMatchObject({ code: "conflict", message: "not_allowed" });
    const answer = "Kính gửi bà, UBND phường đã kiểm tra và sẽ gia cố đoạn kè trước ngày 31/12/2026.";
    await saveDraft(t.db, handler, { ...(await ref(id)), draft: answer, submit: true }, thursday);
    await approveAnswer(t.db, leader, await ref(id), thursday);

    row = await caseRow(id);
    expect(row).toMatchObject({ status: "answered", answer, answerPublic: true, draftStatus: null });
    pub = (await getPublicCase(t.db, receipt.code, thursday))!;
    expect(pub.status).toBe("answered");
    expect(pub.answer).toBe(answer);

    const events = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, id)).orderBy(caseEvents.id);
    expect(events.map((e) => e.type)).toEqual([
      "case.received",
      "case.routed",
      "case.transferred",
      "case.accepted",
      "case.assigned",
      "case.note",
      "case.info_requested",
      "case.info_provided",
      "case.info_provided",
      "case.draft_submitted",
      "case.draft_returned",
      "case.draft_submitted",
      "case.answered",
    ]);
    const audited = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, id));
    expect(audited.length).toBe(events.length);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it("keeps the answer out of public view without the filer's consent", async () => {
    const receipt = await file({ consentPublish: false });
    const intake = await viewer("tiepnhan.pleiku");
    const leader = await viewer("lanhdao.pleiku");
    await acceptCase(t.db, intake, await ref(receipt.caseId), now);
    await saveDraft(t.db, leader, { ...(await ref(receipt.caseId)), draft: "Trả lời riêng cho công dân.", submit: true }, now);
    const waiting = await listInbox(t.db, leader, parseInboxFilters({ "cho-duyet": "1" }), now);
    expect(waiting.rows.map((r) => r.id)).toContain(receipt.caseId);
    expect(waiting.rows.every((r) => r.draftStatus === "submitted")).toBe(true);
    expect(waiting.totals.awaitingApproval).toBeGreaterThanOrEqual(1);
    await approveAnswer(t.db, leader, await ref(receipt.caseId), now);
    expect((await listInbox(t.db, leader, parseInboxFilters({ "cho-duyet": "1" }), now)).rows.map((r) => r.id)).not.toContain(receipt.caseId);
    expect((await caseRow(receipt.caseId)).answerPublic).toBe(false);
    expect((await getPublicCase(t.db, receipt.code, now))!.answer).toBeNull();
  });
});

describe("refusal, extension, flags", () => {
  it("refuses acceptance only with the legal reason and where to go, both public", async () => {
    const receipt = await file();
    const intake = await viewer("tiepnhan.pleiku");
    await expect(refuseCase(t.db, intake, { ...(await ref(receipt.caseId)), reason: "", redirect: "" }, now)).rejects.toMatchObject({
      details: { fields: { reason: "required", redirect: "required" } },
    });
    await refuseCase(t.db, intake, { ...(await ref(receipt.caseId)), reason: "Vụ việc đã có bản án của Tòa án (Điều 11 Luật Khiếu nại).", redirect: "Tòa án nhân dân khu vực" }, now);
    const pub = (await getPublicCase(t.db, receipt.code, now))!;
    expect(pub.status).toBe("not_accepted");
    expect(pub.events.at(-1)).toMatchObject({ type: "case.not_accepted", redirect: "Tòa án nhân dân khu vực" });
    await expect(acceptCase(t.db, intake, await ref(receipt.caseId), now)).rejects.toMatchObject({ code: "conflict", message: "not_allowed" });
  });

  it("extends a complaint's deadline within the policy's limits, with the reason on the public page", async () => {
    const receipt = await file({ kind: "complaint", categoryId: ids.category.land!, filerAddress: "Tổ 3, phường Pleiku" });
    const row0 = await caseRow(receipt.caseId);
    const unit = Object.entries(ids.unit).find(([, v]) => v === row0.unitId)![0];
    expect(unit).toBe("demo-ubnd-pleiku");
    const leader = await viewer("lanhdao.pleiku");
    await acceptCase(t.db, leader, await ref(receipt.caseId), now);
    const before = (await caseRow(receipt.caseId)).resolutionDueOn!;
    await expect(extendDeadline(t.db, leader, { ...(await ref(receipt.caseId)), days: 400, reason: "Phức tạp" }, now)).rejects.toMatchObject({
      details: { fields: { days: "too_long" } },
    });
    await expect(extendDeadline(t.db, leader, { ...(await ref(receipt.caseId)), days: "abc", reason: "Phức tạp" }, now)).rejects.toMatchObject({
      details: { fields: { days: "invalid" } },
    });
    await extendDeadline(t.db, leader, { ...(await ref(receipt.caseId)), days: 15, reason: "Vụ việc phức tạp, cần xác minh thực địa." }, now);
    const row = await caseRow(receipt.caseId);
    expect(row.extensionsCount).toBe(1);
    expect(row.resolutionDueOn! > before).toBe(true);
    const pub = (await getPublicCase(t.db, receipt.code, now))!;
    expect(pub.events.at(-1)).toMatchObject({ type: "case.extended", reason: "Vụ việc phức tạp, cần xác minh thực địa.", days: 15, dueOn: row.resolutionDueOn });
    // A first-instance complaint allows one extension.
    await expect(extendDeadline(t.db, leader, { ...(await ref(receipt.caseId)), days: 5, reason: "Lần hai" }, now)).rejects.toMatchObject({
      details: { fields: { days: "too_many_extensions" } },
    });
  });

  it("lets an overseer flag a case to the unit's leader, read-only otherwise; the leader clears it", async () => {
    const receipt = await file();
    const overseer = await viewer("giamsat.mttq");
    const seen = await getStaffCase(t.db, overseer, receipt.code, now);
    expect(seen.actions).toEqual(["flag"]);
    await flagCase(t.db, overseer, { ...(await ref(receipt.caseId)), reason: "Quá hạn nhiều lần ở địa bàn này." }, now);
    expect((await caseRow(receipt.caseId)).flaggedAt).not.toBeNull();
    expect((await listInbox(t.db, await viewer("lanhdao.pleiku"), { flagged: true }, now)).rows.map((r) => r.id)).toContain(receipt.caseId);
    await expect(flagCase(t.db, overseer, { ...(await ref(receipt.caseId)), reason: "Lần nữa" }, now)).rejects.toMatchObject({ code: "conflict" });
    await expect(clearFlag(t.db, await viewer("tiepnhan.pleiku"), { ...(await ref(receipt.caseId)), reason: "" }, now)).rejects.toMatchObject({ code: "forbidden" });
    await clearFlag(t.db, await viewer("lanhdao.pleiku"), { ...(await ref(receipt.caseId)), reason: "Đã chỉ đạo xử lý." }, now);
    expect((await caseRow(receipt.caseId)).flaggedAt).toBeNull();
    const flagged = await t.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, receipt.caseId), eq(caseEvents.type, "case.flagged")));
    expect(flagged[0]!.visibility).toBe("internal");
  });
});

describe("going on without the filer's information", () => {
  it("resumes a paused case with a public reason, moving the deadline by the time waited; only the handler of record", async () => {
    // A report: its policy pauses the clock while waiting for the filer.
    const receipt = await file({ kind: "report" });
    const leader = await viewer("lanhdao.pleiku");
    const handler = await viewer("xuly.pleiku");
    await acceptCase(t.db, leader, await ref(receipt.caseId), now);
    await assignCase(t.db, leader, { ...(await ref(receipt.caseId)), assigneeId: handler.userId }, now);
    await requestInfo(t.db, handler, { ...(await ref(receipt.caseId)), reason: "Xin ảnh chụp vị trí cột đèn hỏng." }, now);
    const before = await caseRow(receipt.caseId);
    expect(before.pausedAt).not.toBeNull();
    await expect(resumeCase(t.db, await viewer("tiepnhan.pleiku"), { ...(await ref(receipt.caseId)), reason: "Quá hạn" }, later(14))).rejects.toMatchObject({ code: "forbidden" });
    await expect(resumeCase(t.db, handler, { ...(await ref(receipt.caseId)), reason: "" }, later(14))).rejects.toMatchObject({ details: { fields: { reason: "required" } } });
    await resumeCase(t.db, handler, { ...(await ref(receipt.caseId)), reason: "Người gửi chưa bổ sung sau 10 ngày làm việc." }, later(14));
    const after = await caseRow(receipt.caseId);
    expect(after).toMatchObject({ status: "accepted", pausedAt: null });
    expect(after.resolutionDueOn! > before.resolutionDueOn!).toBe(true);
    const pub = (await getPublicCase(t.db, receipt.code, later(14)))!;
    expect(pub.status).toBe("accepted");
    expect(pub.events.at(-1)).toMatchObject({ type: "case.resumed", reason: "Người gửi chưa bổ sung sau 10 ngày làm việc.", dueOn: after.resolutionDueOn });
    // The filer is told, in their language, by a message rendered later from the outbox.
    await renderPendingEmails(t.db);
    const [notice] = await t.db.select().from(emailOutbox).where(and(eq(emailOutbox.template, "case-resumed"), like(emailOutbox.dedupeKey, "event:%:filer")));
    expect(notice).toMatchObject({ locale: "vi", subject: `Hồ sơ ${receipt.code}: tiếp tục giải quyết khi chưa có thông tin bổ sung` });
    expect(notice!.text).toContain("Người gửi chưa bổ sung sau 10 ngày làm việc.");
    // Nothing to resume any more.
    await expect(resumeCase(t.db, handler, { ...(await ref(receipt.caseId)), reason: "Lần nữa" }, later(14))).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("internal documents", () => {
  it("keeps a note's documents to the unit's staff: never the filer, never another unit", async () => {
    const receipt = await file();
    const handler = await viewer("xuly.pleiku");
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
    await addNote(t.db, await viewer("tiepnhan.pleiku"), { ...(await ref(receipt.caseId)), text: "Biên bản kiểm tra hiện trường" }, [{ name: "bien-ban.png", bytes: png }], now);
    const [file0] = await t.db.select().from(attachments).where(eq(attachments.caseId, receipt.caseId));
    expect(file0).toMatchObject({ fileName: "bien-ban.png", visibility: "internal" });
    const who = (token: string | undefined, v: Viewer | null) => ({ filerToken: () => token, viewer: async () => v });
    expect((await authorizeAttachmentDownload(t.db, file0!.id, who(undefined, handler), now))?.fileName).toBe("bien-ban.png");
    expect(await authorizeAttachmentDownload(t.db, file0!.id, who((await createFilerToken(t.db, receipt.caseId, now)).token, null), now)).toBeNull();
    expect(await authorizeAttachmentDownload(t.db, file0!.id, who(undefined, await viewer("xuly.quynhon")), now)).toBeNull();
    expect(await authorizeAttachmentDownload(t.db, file0!.id, who(undefined, await viewer("congdan")), now)).toBeNull();
    const staffView = await getStaffCase(t.db, handler, receipt.code, now);
    expect(staffView.attachments).toMatchObject([{ fileName: "bien-ban.png", internal: true, canOpen: true }]);
    expect(staffView.events.at(-1)).toMatchObject({ type: "case.note", text: "Biên bản kiểm tra hiện trường", attachmentIds: [file0!.id] });
  });
});

describe("concurrency", () => {
  it("lets only one of two officials acting on the same version succeed; the other is told to reload", async () => {
    const receipt = await file();
    const intake = await viewer("tiepnhan.pleiku");
    const leader = await viewer("lanhdao.pleiku");
    const version = (await caseRow(receipt.caseId)).version;
    const results = await Promise.allSettled([
      acceptCase(t.db, intake, { caseId: receipt.caseId, version }, now),
      refuseCase(t.db, leader, { caseId: receipt.caseId, version, reason: "Không thuộc thẩm quyền", redirect: "Sở Xây dựng" }, now),
    ]);
    const ok = results.filter((r) => r.status === "fulfilled");
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.reason).toMatchObject({ code: "conflict", message: "stale_version" });
    const row = await caseRow(receipt.caseId);
    expect(row.version).toBe(version + 1);
    const decisions = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, receipt.caseId));
    expect(decisions.filter((e) => e.type === "case.accepted" || e.type === "case.not_accepted")).toHaveLength(1);
  });
});

describe("personal data", () => {
  it("shows the filer's identity to the handling unit's staff only, with a reason, and logs every view with it", async () => {
    const receipt = await file({ name: "Trần Văn Bình" });
    const intake = await viewer("tiepnhan.pleiku");
    const views = async () =>
      t.db.select().from(auditLog).where(and(eq(auditLog.entityId, receipt.caseId), eq(auditLog.action, "case.identity_viewed"))).orderBy(auditLog.id);

    // No reason, an unknown one, or "other" without words: refused, nothing read, nothing logged.
    await expect(revealIdentity(t.db, intake, { caseId: receipt.caseId })).rejects.toMatchObject({ code: "invalid_input", details: { fields: { purpose: "required" } } });
    await expect(revealIdentity(t.db, intake, { caseId: receipt.caseId, purpose: "" })).rejects.toMatchObject({ details: { fields: { purpose: "required" } } });
    await expect(revealIdentity(t.db, intake, { caseId: receipt.caseId, purpose: "curiosity" })).rejects.toMatchObject({ details: { fields: { purpose: "required" } } });
    await expect(revealIdentity(t.db, intake, { caseId: receipt.caseId, purpose: "other", note: "   " })).rejects.toMatchObject({ details: { fields: { note: "required" } } });
    await expect(revealIdentity(t.db, intake, { caseId: receipt.caseId, purpose: "other", note: "x".repeat(501) })).rejects.toMatchObject({ details: { fields: { note: "too_long" } } });
    expect(await views()).toHaveLength(0);

    const parties = await revealIdentity(t.db, intake, { caseId: receipt.caseId, purpose: "contact_filer" });
    expect(parties.find((p) => p.role === "filer")!.data.name).toBe("Trần Văn Bình");
    await revealIdentity(t.db, intake, { caseId: receipt.caseId, purpose: "other", note: "  Đối chiếu với đơn trùng nội dung  " });
    // Refused exactly as before to an overseer and to a leader above the unit, whatever the reason.
    await expect(revealIdentity(t.db, await viewer("giamsat.mttq"), { caseId: receipt.caseId, purpose: "contact_filer" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(revealIdentity(t.db, await viewer("lanhdao.tinh"), { caseId: receipt.caseId, purpose: "verify_identity" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(revealIdentity(t.db, await viewer("congdan"), { caseId: receipt.caseId, purpose: "contact_filer" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(revealIdentity(t.db, null, { caseId: receipt.caseId, purpose: "contact_filer" })).rejects.toMatchObject({ code: "unauthenticated" });
    const logged = await views();
    expect(logged).toHaveLength(2);
    expect(logged.map((v) => v.actorUserId)).toEqual([intake.userId, intake.userId]);
    expect(logged[0]!.data).toMatchObject({ purpose: "contact_filer", note: null, kind: "report", parties: 1 });
    expect(logged[1]!.data).toMatchObject({ purpose: "other", note: "Đối chiếu với đơn trùng nội dung" });
    // The reason is in the audit log only: the case's timeline and the staff view carry no identity.
    expect(JSON.stringify(await getStaffCase(t.db, intake, receipt.code, now))).not.toContain("Trần Văn Bình");
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it("shows a denouncer's identity to the named handler only, never to the denounced unit", async () => {
    const pleiku = ids.unit["demo-ubnd-pleiku"]!;
    const receipt = await file({
      kind: "denunciation",
      categoryId: ids.category.official_conduct!,
      filerAddress: "Tổ 5, phường Pleiku",
      name: "Lê Thị Cúc",
      subjectUnitId: pleiku,
      subjectName: "Ông X",
      subjectPosition: "Cán bộ địa chính",
    });
    const row = await caseRow(receipt.caseId);
    expect(row.unitId).toBe(ids.unit["demo-ttr"]);
    const inspector = await viewer("xuly.thanhtra"); // intake and handler at the inspectorate
    await expect(revealIdentity(t.db, inspector, { caseId: receipt.caseId, purpose: "verify_identity" })).rejects.toMatchObject({ code: "forbidden" });
    const staffView = await getStaffCase(t.db, inspector, receipt.code, now);
    expect(JSON.stringify(staffView)).not.toContain("Lê Thị Cúc");
    // Never transferable to the denounced unit.
    expect(staffView.transferTargets.map((u) => u.id)).not.toContain(pleiku);
    await expect(transferCase(t.db, inspector, { ...(await ref(receipt.caseId)), unitId: pleiku, reason: "Chuyển" }, now)).rejects.toMatchObject({
      details: { fields: { unitId: "invalid" } },
    });
    await assignCase(t.db, inspector, { ...(await ref(receipt.caseId)), assigneeId: inspector.userId }, now);
    const parties = await revealIdentity(t.db, inspector, { caseId: receipt.caseId, purpose: "verify_identity" });
    expect(parties.find((p) => p.role === "filer")!.data.name).toBe("Lê Thị Cúc");
    await expect(revealIdentity(t.db, await viewer("lanhdao.thanhtra"), { caseId: receipt.caseId, purpose: "verify_identity" })).rejects.toMatchObject({ code: "forbidden" });
    const views = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, receipt.caseId), eq(auditLog.action, "case.identity_viewed")));
    expect(views).toHaveLength(1);
    expect(views[0]!.actorUserId).toBe(inspector.userId);
    expect(views[0]!.data).toMatchObject({ purpose: "verify_identity", kind: "denunciation" });
  });
});

describe("the inbox", () => {
  it("searches title and content ignoring diacritics and case, within the viewer's scope", async () => {
    const receipt = await file({ title: "Tranh chấp đất đai với hộ liền kề", categoryId: ids.category.land!, kind: "petition" });
    const intake = await viewer("tiepnhan.pleiku");
    const found = await listInbox(t.db, intake, parseInboxFilters({ q: "DAT DAI" }), now);
    expect(found.rows.map((r) => r.id)).toContain(receipt.caseId);
    const none = await listInbox(t.db, intake, parseInboxFilters({ q: "100%_" }), now);
    expect(none.rows).toEqual([]);
    const other = await listInbox(t.db, await viewer("tiepnhan.quynhon"), parseInboxFilters({ q: "dat dai" }), now);
    expect(other.rows.map((r) => r.id)).not.toContain(receipt.caseId);
  });

  it("filters by kind, assignment and overdue, and sorts by the running deadline", async () => {
    const intake = await viewer("tiepnhan.pleiku");
    const handler = await viewer("xuly.pleiku");
    const receipt = await file({ kind: "petition", categoryId: ids.category.infrastructure! });
    await assignCase(t.db, intake, { ...(await ref(receipt.caseId)), assigneeId: handler.userId }, now);
    const mine = await listInbox(t.db, handler, parseInboxFilters({ "cua-toi": "1" }), now);
    expect(mine.rows.map((r) => r.id)).toContain(receipt.caseId);
    expect(mine.rows.every((r) => r.assigneeName !== null)).toBe(true);
    const petitions = await listInbox(t.db, intake, parseInboxFilters({ loai: "petition" }), now);
    expect(petitions.rows.every((r) => r.kind === "petition")).toBe(true);
    const overdue = await listInbox(t.db, intake, parseInboxFilters({ han: "overdue" }), later(30));
    expect(overdue.rows.map((r) => r.id)).toContain(receipt.caseId);
    expect(overdue.rows.every((r) => r.overdue)).toBe(true);
    const all = await listInbox(t.db, intake, parseInboxFilters({}), now);
    const due = all.rows.map((r) => r.dueOn).filter((d): d is string => d !== null);
    expect([...due].sort()).toEqual(due);
    await expect(listInbox(t.db, await viewer("congdan"), {}, now)).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("registering a case on a citizen's behalf", () => {
  const onBehalf = (userId: string | null, overrides: Partial<SubmitCaseInput> = {}) =>
    submitCase(
      { db: t.db, ip: "192.0.2.200", userId, now },
      {
        kind: "petition",
        channel: "reception",
        categoryId: ids.category.infrastructure!,
        areaId: ids.area["demo-23602"]!,
        title: "Kiến nghị sửa cầu treo qua suối",
        body: "Tại buổi tiếp công dân, ông A kiến nghị sửa cầu treo bị hỏng ván mặt cầu.",
        name: "Nguyễn Văn A",
        phone: "0905 777 888",
        consentPublish: false,
        idempotencyKey: randomUUID(),
        ...overrides,
      },
      [],
    );

  it("lets intake officers and leaders choose the channel, and nobody else", async () => {
    expect(await onBehalf(null)).toMatchObject({ ok: false, fields: { channel: "invalid" } });
    expect(await onBehalf((await viewer("xuly.pleiku")).userId)).toMatchObject({ ok: false, fields: { channel: "invalid" } });
    expect(await onBehalf((await viewer("giamsat.mttq")).userId)).toMatchObject({ ok: false, fields: { channel: "invalid" } });
    expect(await onBehalf((await viewer("congdan")).userId)).toMatchObject({ ok: false, fields: { channel: "invalid" } });
    const officer = await viewer("tiepnhan.pleiku");
    const result = await onBehalf(officer.userId, { channel: "hotline" });
    if (!result.ok) throw new Error(JSON.stringify(result));
    const row = await caseRow(result.receipt.caseId);
    expect(row).toMatchObject({ channel: "hotline", submittedBy: officer.userId, unitId: ids.unit["demo-ubnd-pleiku"] });
    const [received] = await t.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, row.id), eq(caseEvents.type, "case.received")));
    expect(received).toMatchObject({ actorUserId: officer.userId, actorRole: "intake", data: { channel: "hotline" } });
    expect((await getPublicCase(t.db, result.receipt.code, now))!.events[0]).toMatchObject({ type: "case.received", channel: "hotline" });
  });

  it("limits an office by official, not by its one address: a busy reception day is not refused", async () => {
    const officer = await viewer("tiepnhan.quynhon");
    for (let i = 0; i < 25; i++) {
      const result = await onBehalf(officer.userId, { areaId: ids.area["demo-21583"]!, phone: `0905 100 ${String(100 + i)}`, title: `Kiến nghị số ${i + 1} tại buổi tiếp dân` });
      expect(result.ok).toBe(true);
    }
  });
});
