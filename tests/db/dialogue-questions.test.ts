import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, dialogueModerationLog, dialogueQuestions, dialogueSessionLeaders, dialogueSessions, rateLimits, units, users } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed-demo";
import type { SessionStatus } from "@/domain/dialogue/vocabulary";
import { verifyAuditChain } from "@/server/audit/append-audit";
import { loadMemberships, type Viewer } from "@/server/auth/roles";
import { askQuestion, type AskQuestionInput } from "@/server/dialogue/questions/ask-question";
import { listDeclinedQuestions, listPublicQuestions, listStaffQuestions } from "@/server/dialogue/questions/list-questions";
import {
  answerQuestionNow,
  approveQuestion,
  declineQuestion,
  mergeQuestion,
  recordAnswer,
  setQuestionPriority,
} from "@/server/dialogue/questions/moderate-question";
import { csvCell, vietnamIso } from "@/lib/csv";
import { listModerationLog, moderationLogCsv, type CsvLabels } from "@/server/dialogue/questions/moderation-log";
import { suggestQuestions } from "@/server/dialogue/questions/suggest-questions";
import { unsealPersonalData } from "@/server/privacy/personal-data";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
const now = new Date("2026-11-27T03:00:00Z");
const hours = (h: number) => new Date(now.getTime() + h * 3600_000);
const viewers: Record<string, Viewer> = {};
let ipCounter = 0;
const nextIp = () => `198.51.100.${++ipCounter % 250}`;

async function viewer(name: string): Promise<Viewer> {
  if (viewers[name]) return viewers[name];
  const email = `${name}@doithoai.example`;
  const [user] = await t.db.select().from(users).where(eq(users.email, email));
  viewers[name] = { userId: user!.id, email, name: user!.name, locale: "vi", memberships: await loadMemberships(t.db, user!.id) };
  return viewers[name];
}

/** A session of the Pleiku ward's People's Committee, its leader taking part. */
async function newSession(status: SessionStatus = "open", extra: Partial<typeof dialogueSessions.$inferInsert> = {}) {
  const [unit] = await t.db.select().from(units).where(eq(units.code, "demo-ubnd-pleiku"));
  const [row] = await t.db
    .insert(dialogueSessions)
    .values({
      title: "Đối thoại về đường giao thông",
      topic: "Giao thông",
      unitId: unit!.id,
      location: "Hội trường phường",
      startsAt: hours(48),
      endsAt: hours(51),
      status,
      questionsInAdvance: true,
      ...extra,
    })
    .returning();
  await t.db.insert(dialogueSessionLeaders).values({ sessionId: row!.id, userId: (await viewer("lanhdao.pleiku")).userId, position: "Chủ tịch UBND phường", positionEn: "Chair" });
  return row!;
}

function input(sessionId: string, overrides: Partial<AskQuestionInput> = {}): AskQuestionInput {
  return { sessionId, body: "Khi nào sửa con đường liên thôn bị sạt lở ở tổ 5?", idempotencyKey: randomUUID(), language: "vi", ...overrides };
}

async function ask(sessionId: string, overrides: Partial<AskQuestionInput> = {}, ctx: { userId?: string | null; ip?: string; at?: Date } = {}) {
  const result = await askQuestion({ db: t.db, ip: ctx.ip ?? nextIp(), userId: ctx.userId ?? null, now: ctx.at ?? now }, input(sessionId, overrides));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.question;
}

async function question(id: string) {
  const [row] = await t.db.select().from(dialogueQuestions).where(eq(dialogueQuestions.id, id));
  return row!;
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
});
afterAll(() => t.close());

describe("asking a question", () => {
  it("takes an anonymous question as pending, numbered, folded for search, the contact sealed and the address hashed", async () => {
    const s = await newSession();
    const first = await ask(s.id, { body: "  Đường   Trần Phú khi nào được sửa? <script>alert(1)</script>  ", name: "Lê Văn A", email: "LE.A@Example.com", phone: "0905 123 456", consentContact: true }, { ip: "203.0.113.7" });
    const row = await question(first.id);
    expect(row).toMatchObject({ number: 1, status: "pending", askerUserId: null, consentContact: true, language: "vi" });
    expect(row.body).toBe("Đường   Trần Phú khi nào được sửa? <script>alert(1)</script>");
    expect(row.searchText).toBe("duong tran phu khi nao duoc sua script alert 1 script");
    expect(row.askerSealed).not.toContain("Lê Văn");
    expect(unsealPersonalData(row.askerKeyId!, row.askerSealed!)).toEqual({ name: "Lê Văn A", email: "le.a@example.com", phone: "0905123456" });
    expect(row.addressHash).toBeTruthy();
    expect(row.addressHash).not.toContain("203.0.113.7");
    const limits = await t.db.select().from(rateLimits);
    expect(limits.some((l) => l.key.includes("203.0.113.7"))).toBe(false);
    const second = await ask(s.id);
    expect(second.number).toBe(2);
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "question.asked"), eq(auditLog.entityId, first.id)));
    expect(audit?.data).toMatchObject({ sessionId: s.id, number: 1, withContact: true });
    expect(JSON.stringify(audit?.data)).not.toContain("example.com");
  });

  it("keeps a signed-in citizen's account, and no contact when none was given", async () => {
    const s = await newSession("live");
    const citizen = await viewer("congdan");
    const q = await ask(s.id, {}, { userId: citizen.userId });
    const row = await question(q.id);
    expect(row.askerUserId).toBe(citizen.userId);
    expect(row.askerSealed).toBeNull();
    expect(row.consentContact).toBe(false);
  });

  it("refuses with the right reason a cancelled session, a closed one, one not open yet, and after the closing time", async () => {
    const cases: [SessionStatus, string, Partial<typeof dialogueSessions.$inferInsert>?][] = [
      ["cancelled", "cancelled", { statusReason: "Bão" }],
      ["ended", "closed"],
      ["minutes_published", "closed"],
      ["announced", "not_open"],
      ["postponed", "not_open"],
      ["open", "closed", { questionsCloseAt: hours(-1) }],
    ];
    for (const [status, refusal, extra] of cases) {
      const s = await newSession(status, extra);
      const result = await askQuestion({ db: t.db, ip: nextIp(), userId: null, now }, input(s.id));
      expect(result, status).toEqual({ ok: false, reason: "refused", refusal });
    }
    const s = await newSession("open", { questionsCloseAt: hours(1) });
    expect((await askQuestion({ db: t.db, ip: nextIp(), userId: null, now }, input(s.id))).ok).toBe(true);
    expect(await askQuestion({ db: t.db, ip: nextIp(), userId: null, now }, input(randomUUID()))).toEqual({ ok: false, reason: "not_found" });
    expect(await askQuestion({ db: t.db, ip: nextIp(), userId: null, now }, input("'; drop table x; --"))).toEqual({ ok: false, reason: "not_found" });
  });

  it("gives one problem per field, and stores nothing", async () => {
    const s = await newSession();
    const before = (await t.db.select().from(dialogueQuestions).where(eq(dialogueQuestions.sessionId, s.id))).length;
    const ctx = { db: t.db, ip: nextIp(), userId: null, now };
    expect(await askQuestion(ctx, input(s.id, { body: "   " }))).toMatchObject({ reason: "invalid", fields: { body: "required" } });
    expect(await askQuestion(ctx, input(s.id, { body: "Ngắn" }))).toMatchObject({ reason: "invalid", fields: { body: "tooShort" } });
    expect(await askQuestion(ctx, input(s.id, { body: "x".repeat(2001) }))).toMatchObject({ reason: "invalid", fields: { body: "tooLong" } });
    expect(await askQuestion(ctx, input(s.id, { email: "not-an-email", phone: "123" }))).toMatchObject({
      reason: "invalid",
      fields: { email: "invalidEmail", phone: "invalidPhone" },
    });
    expect(await askQuestion(ctx, input(s.id, { consentContact: true }))).toMatchObject({ reason: "invalid", fields: { consentContact: "contactRequired" } });
    expect(await askQuestion(ctx, { ...input(s.id), website: "http://spam" })).toEqual({ ok: false, reason: "honeypot" });
    expect((await t.db.select().from(dialogueQuestions).where(eq(dialogueQuestions.sessionId, s.id))).length).toBe(before);
  });

  it("returns the same question for a retried form, and a new one for a new form", async () => {
    const s = await newSession();
    const same = input(s.id);
    const ctx = { db: t.db, ip: nextIp(), userId: null, now };
    const [a, b] = await Promise.all([askQuestion(ctx, same), askQuestion(ctx, same)]);
    const c = await askQuestion(ctx, same);
    expect(a.ok && b.ok && c.ok).toBe(true);
    if (!a.ok || !b.ok || !c.ok) return;
    expect(new Set([a.question.id, b.question.id, c.question.id]).size).toBe(1);
    expect(c.question.replayed).toBe(true);
    const d = await askQuestion(ctx, input(s.id));
    expect(d.ok && d.question.id !== a.question.id).toBe(true);
  });

  it("gives concurrent askers distinct numbers 1..n", async () => {
    const s = await newSession("live");
    const results = await Promise.all(Array.from({ length: 25 }, () => ask(s.id)));
    expect(results.map((r) => r.number).sort((x, y) => x - y)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it("limits questions per network address and session", async () => {
    const s = await newSession();
    const ip = "192.0.2.99";
    for (let i = 0; i < 20; i++) await ask(s.id, {}, { ip });
    const refused = await askQuestion({ db: t.db, ip, userId: null, now }, input(s.id));
    expect(refused).toMatchObject({ ok: false, reason: "rate_limited" });
    // Another session, or an hour later, is fine.
    const other = await newSession();
    expect((await askQuestion({ db: t.db, ip, userId: null, now }, input(other.id))).ok).toBe(true);
    expect((await askQuestion({ db: t.db, ip, userId: null, now: hours(1) }, input(s.id))).ok).toBe(true);
  });
});

describe("similar questions", () => {
  it("suggests public questions of the same session whatever the accents, never pending or declined ones", async () => {
    const s = await newSession();
    const other = await newSession();
    const leader = await viewer("lanhdao.pleiku");
    const road = await ask(s.id, { body: "Bao giờ sửa đường Nguyễn Huệ đoạn trước chợ?" });
    const lights = await ask(s.id, { body: "Đèn chiếu sáng ở công viên bị hỏng lâu rồi" });
    const pending = await ask(s.id, { body: "Đường Nguyễn Huệ ngập nước khi mưa" });
    const elsewhere = await ask(other.id, { body: "Bao giờ sửa đường Nguyễn Huệ đoạn trước chợ?" });
    for (const q of [road, lights, elsewhere]) await approveQuestion(t.db, leader, { questionId: q.id }, now);
    const found = await suggestQuestions(t.db, s.id, "bao gio sua duong nguyen hue");
    expect(found.map((f) => f.id)).toEqual([road.id]);
    expect(found[0]).toMatchObject({ number: road.number, body: "Bao giờ sửa đường Nguyễn Huệ đoạn trước chợ?", supportCount: 0, status: "approved" });
    expect((await suggestQuestions(t.db, s.id, "duong nguyen hue")).map((f) => f.id)).toContain(road.id);
    expect((await suggestQuestions(t.db, s.id, "ĐÈN CHIẾU SÁNG công viên")).map((f) => f.id)).toEqual([lights.id]);
    expect((await suggestQuestions(t.db, s.id, "duong")).length).toBe(0); // too short to say anything
    expect((await suggestQuestions(t.db, s.id, "hoc phi truong mam non tang qua")).length).toBe(0);
    expect((await suggestQuestions(t.db, s.id, "ngap nuoc khi mua")).map((f) => f.id)).not.toContain(pending.id);
  });

  it("offers them before storing when asked to, and stores once confirmed", async () => {
    const s = await newSession();
    const q = await ask(s.id, { body: "Bao giờ sửa đường Nguyễn Huệ đoạn trước chợ?" });
    await approveQuestion(t.db, await viewer("tiepnhan.pleiku"), { questionId: q.id }, now);
    const ctx = { db: t.db, ip: nextIp(), userId: null, now };
    const typed = input(s.id, { body: "bao gio sua duong nguyen hue truoc cho" });
    const offered = await askQuestion(ctx, typed, { checkSimilar: true });
    expect(offered).toMatchObject({ ok: false, reason: "similar", suggestions: [{ id: q.id }] });
    const stored = await askQuestion(ctx, typed);
    expect(stored.ok).toBe(true);
  });
});

describe("moderation", () => {
  it("refuses anonymous visitors, citizens, another unit's staff, staff above who only read, and an overseer", async () => {
    const s = await newSession();
    const q = await ask(s.id);
    const id = { questionId: q.id };
    await expect(approveQuestion(t.db, null, id, now)).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(approveQuestion(t.db, await viewer("congdan"), id, now)).rejects.toMatchObject({ code: "forbidden" });
    await expect(approveQuestion(t.db, await viewer("tiepnhan.quynhon"), id, now)).rejects.toMatchObject({ code: "not_found" });
    await expect(approveQuestion(t.db, await viewer("lanhdao.tinh"), id, now)).rejects.toMatchObject({ code: "forbidden" });
    await expect(approveQuestion(t.db, await viewer("giamsat.mttq"), id, now)).rejects.toMatchObject({ code: "forbidden" });
    await expect(recordAnswer(t.db, await viewer("tiepnhan.quynhon"), { ...id, answer: "x", leaderUserId: "x" }, now)).rejects.toMatchObject({ code: "not_found" });
    await expect(listStaffQuestions(t.db, await viewer("tiepnhan.quynhon"), s.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(approveQuestion(t.db, await viewer("xuly.pleiku"), { questionId: randomUUID() }, now)).rejects.toMatchObject({ code: "not_found" });
    await expect(approveQuestion(t.db, await viewer("xuly.pleiku"), { questionId: "1 or 1=1" }, now)).rejects.toMatchObject({ code: "not_found" });
    expect((await question(q.id)).status).toBe("pending");
    expect(await t.db.select().from(dialogueModerationLog).where(eq(dialogueModerationLog.questionId, q.id))).toEqual([]);
  });

  it("approves, declines with a public reason, and writes the moderation log and the audit chain together", async () => {
    const s = await newSession();
    const handler = await viewer("xuly.pleiku");
    const good = await ask(s.id);
    const rude = await ask(s.id, { body: "Lời lẽ xúc phạm không thể chấp nhận được" });
    const offTopic = await ask(s.id, { body: "Đội bóng của tỉnh đá hay quá anh chị ơi" });
    await approveQuestion(t.db, handler, { questionId: good.id }, now);
    await declineQuestion(t.db, handler, { questionId: rude.id, reason: "abusive" }, now);
    await declineQuestion(t.db, handler, { questionId: offTopic.id, reason: "off_topic" }, now);
    await expect(declineQuestion(t.db, handler, { questionId: good.id, reason: "" }, now)).rejects.toMatchObject({ code: "invalid_input", details: { fields: { reason: "required" } } });
    await expect(declineQuestion(t.db, handler, { questionId: good.id, reason: "other_body" }, now)).rejects.toMatchObject({ code: "invalid_input", details: { fields: { reason: "invalid" } } });
    await expect(approveQuestion(t.db, handler, { questionId: good.id }, now)).rejects.toMatchObject({ code: "conflict", message: "invalid_transition" });

    expect((await listPublicQuestions(t.db, s.id)).map((q) => q.id)).toEqual([good.id]);
    const declined = await listDeclinedQuestions(t.db, s.id);
    expect(declined.total).toBe(2);
    expect(declined.counts).toMatchObject({ abusive: 1, off_topic: 1, personal_data: 0 });
    expect(declined.questions).toEqual([
      { number: rude.number, reason: "abusive", body: null },
      { number: offTopic.number, reason: "off_topic", body: "Đội bóng của tỉnh đá hay quá anh chị ơi" },
    ]);
    const log = await listModerationLog(t.db, s.id);
    expect(log.map((l) => [l.questionNumber, l.action, l.reason])).toEqual([
      [good.number, "approve", null],
      [rude.number, "decline", "abusive"],
      [offTopic.number, "decline", "off_topic"],
    ]);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, rude.id));
    expect(audits.map((a) => [a.action, a.actorUserId])).toContainEqual(["question.decline", handler.userId]);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    const [session] = await t.db.select().from(dialogueSessions).where(eq(dialogueSessions.id, s.id));
    expect(session!.version).toBe(s.version + 3);
  });

  it("refuses every moderation of a cancelled session", async () => {
    const s = await newSession();
    const q = await ask(s.id);
    await t.db.update(dialogueSessions).set({ status: "cancelled", statusReason: "Bão" }).where(eq(dialogueSessions.id, s.id));
    await expect(approveQuestion(t.db, await viewer("xuly.pleiku"), { questionId: q.id }, now)).rejects.toMatchObject({ code: "conflict", message: "session_cancelled" });
  });

  it("merges a duplicate into another question of the same session only", async () => {
    const s = await newSession();
    const other = await newSession();
    const mod = await viewer("tiepnhan.pleiku");
    const a = await ask(s.id);
    const b = await ask(s.id);
    const elsewhere = await ask(other.id);
    await setQuestionPriority(t.db, mod, { questionId: b.id, priority: "2" }, now);
    await expect(mergeQuestion(t.db, mod, { questionId: b.id, targetNumber: b.number }, now)).rejects.toMatchObject({ details: { fields: { targetNumber: "invalid" } } });
    await expect(mergeQuestion(t.db, mod, { questionId: b.id, targetNumber: 999 }, now)).rejects.toMatchObject({ details: { fields: { targetNumber: "invalid" } } });
    await expect(mergeQuestion(t.db, mod, { questionId: b.id, targetNumber: "" }, now)).rejects.toMatchObject({ details: { fields: { targetNumber: "required" } } });
    expect(elsewhere.number).toBe(1);
    await mergeQuestion(t.db, mod, { questionId: b.id, targetNumber: a.number }, now);
    expect(await question(b.id)).toMatchObject({ status: "merged", mergedIntoId: a.id });
    expect((await question(a.id)).priority).toBe(2); // the duplicate's priority is kept
    const log = await listModerationLog(t.db, s.id);
    expect(log.at(-1)).toMatchObject({ questionNumber: b.number, action: "merge", mergedIntoNumber: a.number });
    expect(log.find((l) => l.action === "priority")).toMatchObject({ priority: 2 });
    // A question already merged, or one merged into, cannot be merged again into a merged one.
    await expect(mergeQuestion(t.db, mod, { questionId: a.id, targetNumber: b.number }, now)).rejects.toMatchObject({ details: { fields: { targetNumber: "invalid" } } });
    const staff = await listStaffQuestions(t.db, mod, s.id);
    expect(staff.find((q) => q.id === b.id)).toMatchObject({ mergedIntoNumber: a.number });
  });

  it("answers live: one question at a time, answered by one of the session's leaders, then off the screen", async () => {
    const s = await newSession("live");
    const secretary = await viewer("xuly.pleiku");
    const leader = await viewer("lanhdao.pleiku");
    const q1 = await ask(s.id);
    const q2 = await ask(s.id);
    await expect(answerQuestionNow(t.db, secretary, { questionId: q1.id }, now)).rejects.toMatchObject({ message: "invalid_transition" });
    await approveQuestion(t.db, secretary, { questionId: q1.id }, now);
    await approveQuestion(t.db, secretary, { questionId: q2.id }, now);
    await answerQuestionNow(t.db, secretary, { questionId: q1.id }, now);
    await answerQuestionNow(t.db, secretary, { questionId: q2.id }, now);
    const current = async () => (await t.db.select().from(dialogueSessions).where(eq(dialogueSessions.id, s.id)))[0]!.currentQuestionId;
    expect(await current()).toBe(q2.id);
    await expect(recordAnswer(t.db, secretary, { questionId: q2.id, answer: "Sẽ sửa trong quý I.", leaderUserId: secretary.userId }, now)).rejects.toMatchObject({
      details: { fields: { leaderUserId: "invalid" } },
    });
    await expect(recordAnswer(t.db, secretary, { questionId: q2.id, answer: "  ", leaderUserId: leader.userId }, now)).rejects.toMatchObject({
      details: { fields: { answer: "required" } },
    });
    await recordAnswer(t.db, secretary, { questionId: q2.id, answer: "Phường sẽ sửa xong trong quý I năm 2027.", leaderUserId: leader.userId }, now);
    expect(await question(q2.id)).toMatchObject({ status: "answered", answer: "Phường sẽ sửa xong trong quý I năm 2027.", answeredByUserId: leader.userId, answerRecordedBy: secretary.userId });
    expect(await current()).toBeNull();
    await expect(recordAnswer(t.db, secretary, { questionId: q2.id, answer: "Lần nữa", leaderUserId: leader.userId }, now)).rejects.toMatchObject({ message: "invalid_transition" });
    // Not before the session is live.
    const coming = await newSession("open");
    const early = await ask(coming.id);
    await approveQuestion(t.db, secretary, { questionId: early.id }, now);
    await expect(answerQuestionNow(t.db, secretary, { questionId: early.id }, now)).rejects.toMatchObject({ message: "not_live" });
    await expect(recordAnswer(t.db, secretary, { questionId: early.id, answer: "Trả lời", leaderUserId: leader.userId }, now)).rejects.toMatchObject({ message: "not_live" });
    // After it ended the secretary may still catch up.
    await t.db.update(dialogueSessions).set({ status: "ended" }).where(eq(dialogueSessions.id, s.id));
    await recordAnswer(t.db, secretary, { questionId: q1.id, answer: "Đã trả lời tại buổi đối thoại.", leaderUserId: leader.userId }, now);
  });
});

describe("the moderation log as CSV", () => {
  const labels: CsvLabels = {
    header: { at: "Thời điểm", question: "Câu hỏi số", action: "Thao tác", reason: "Lý do", mergedInto: "Gộp vào câu số", priority: "Mức ưu tiên" },
    actions: { approve: "Duyệt", decline: "Từ chối", merge: "Gộp", priority: "Ưu tiên", answer_now: "Đang trả lời", answer: "Đã trả lời", to_case: "Chuyển thành hồ sơ" },
    reasons: { off_topic: "Không đúng chủ đề", abusive: "Lời lẽ xúc phạm", personal_data: "Có thông tin cá nhân", already_answered: "Đã được trả lời", other_body: "=cmd|' /C calc'!A0" },
  };

  it("quotes per RFC 4180, defuses formulas, writes Vietnam time and a byte order mark", () => {
    expect(csvCell('Nói "không"')).toBe('"Nói ""không"""');
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell("dòng 1\ndòng 2")).toBe('"dòng 1\ndòng 2"');
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+84")).toBe("'+84");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("=HYPERLINK(\"x\",\"y\")")).toBe('"\'=HYPERLINK(""x"",""y"")"');
    expect(vietnamIso(new Date("2026-11-27T20:30:00Z"))).toBe("2026-11-28T03:30:00+07:00");
    const csv = moderationLogCsv(
      [
        { at: new Date("2026-11-27T03:00:00Z"), questionNumber: 3, action: "decline", reason: "other_body", mergedIntoNumber: null, priority: null },
        { at: new Date("2026-11-27T03:05:00Z"), questionNumber: 4, action: "merge", reason: null, mergedIntoNumber: 1, priority: null },
      ],
      labels,
    );
    expect(csv.startsWith("\uFEFFThời điểm,Câu hỏi số,Thao tác,Lý do,Gộp vào câu số,Mức ưu tiên\r\n")).toBe(true);
    expect(csv).toContain("2026-11-27T10:00:00+07:00,3,Từ chối,\"'=cmd|' /C calc'!A0\",,\r\n".replace(/"/g, ""));
    expect(csv).toContain("2026-11-27T10:05:00+07:00,4,Gộp,,1,\r\n");
  });

  it("never carries the text of a question nor who moderated", async () => {
    const s = await newSession();
    const mod = await viewer("tiepnhan.pleiku");
    const q = await ask(s.id, { body: "=HYPERLINK(\"http://evil\") lời lẽ thô tục ở đây" });
    await declineQuestion(t.db, mod, { questionId: q.id, reason: "abusive" }, now);
    const csv = moderationLogCsv(await listModerationLog(t.db, s.id), labels);
    expect(csv).not.toContain("HYPERLINK");
    expect(csv).not.toContain("thô tục");
    expect(csv).not.toContain(mod.name ?? "Nguyễn");
    expect(csv).not.toContain(mod.email);
    expect(csv.split("\r\n")[1]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00,1,Từ chối,Lời lẽ xúc phạm,,$/);
  });
});
