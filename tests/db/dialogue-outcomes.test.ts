import { createHash, randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  areas,
  caseEvents,
  caseParties,
  cases,
  categories,
  commitments,
  commitmentUpdates,
  dialogueAgendaItems,
  dialogueModerationLog,
  dialogueQuestions,
  dialogueSessionEvents,
  dialogueSessionLeaders,
  dialogueSessions,
  emailOutbox,
  units,
  users,
} from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed-demo";
import type { QuestionStatus, SessionStatus } from "@/domain/dialogue/vocabulary";
import { verifyAuditChain } from "@/server/audit/append-audit";
import { loadMemberships, type Viewer } from "@/server/auth/roles";
import { addCaseToAgenda, answerAgendaItem, listAgenda, removeAgendaItem } from "@/server/dialogue/agenda";
import { listConvertibleQuestions } from "@/server/dialogue/agenda-staff";
import { countMinutesFigures, getPublicMinutes } from "@/server/dialogue/get-minutes";
import { publishMinutes } from "@/server/dialogue/publish-minutes";
import { defaultCaseTitle, turnQuestionIntoCase } from "@/server/dialogue/question-to-case";
import { submitCase } from "@/server/intake/submit-case";
import { sealPersonalData, unsealPersonalData, type PersonalData } from "@/server/privacy/personal-data";
import { getPublicCase } from "@/server/tracking/get-public-case";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
const now = new Date("2026-11-27T03:00:00Z"); // Friday 27/11/2026, 10:00 in Vietnam
const hours = (h: number) => new Date(now.getTime() + h * 3600_000);
const ids = { area: {} as Record<string, string>, category: {} as Record<string, string>, unit: {} as Record<string, string> };
const viewers: Record<string, Viewer> = {};
let ipCounter = 0;

async function viewer(name: string): Promise<Viewer> {
  if (viewers[name]) return viewers[name];
  const email = `${name}@doithoai.example`;
  const [user] = await t.db.select().from(users).where(eq(users.email, email));
  viewers[name] = { userId: user!.id, email, name: user!.name, locale: "vi", memberships: await loadMemberships(t.db, user!.id) };
  return viewers[name];
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
  for (const a of await t.db.select().from(areas)) ids.area[a.code] = a.id;
  for (const c of await t.db.select().from(categories)) ids.category[c.code] = c.id;
  for (const u of await t.db.select().from(units)) ids.unit[u.code] = u.id;
});
afterAll(() => t.close());

/** A session of the Pleiku ward's People's Committee, for the Pleiku ward, its chair taking part. */
async function newSession(status: SessionStatus = "live", extra: Partial<typeof dialogueSessions.$inferInsert> = {}) {
  const [row] = await t.db
    .insert(dialogueSessions)
    .values({
      title: "Đối thoại về đường giao thông",
      topic: "Giao thông",
      unitId: ids.unit["demo-ubnd-pleiku"]!,
      areaId: ids.area["demo-23602"]!,
      location: "Hội trường phường",
      startsAt: hours(-1),
      endsAt: hours(2),
      status,
      ...extra,
    })
    .returning();
  await t.db.insert(dialogueSessionLeaders).values({ sessionId: row!.id, userId: (await viewer("lanhdao.pleiku")).userId, position: "Chủ tịch UBND phường", positionEn: "Chair of the ward" });
  return row!;
}

let questionNumber = 0;
async function newQuestion(sessionId: string, o: { status?: QuestionStatus; asker?: PersonalData; consent?: boolean; answered?: boolean; declineReason?: "abusive" | "off_topic" } = {}) {
  const sealed = o.asker ? sealPersonalData(o.asker) : null;
  const body = "Khi nào sửa con đường liên thôn bị sạt lở ở tổ dân phố 5, phường Pleiku?";
  const [row] = await t.db
    .insert(dialogueQuestions)
    .values({
      sessionId,
      number: ++questionNumber,
      body,
      searchText: body,
      status: o.status ?? "approved",
      declineReason: o.declineReason ?? null,
      askerKeyId: sealed?.keyId ?? null,
      askerSealed: sealed?.sealed ?? null,
      consentContact: o.consent ?? false,
      answer: o.answered ? "Phường sẽ sửa trong tháng Một." : null,
      answeredAt: o.answered ? now : null,
    })
    .returning();
  return row!;
}

async function file(areaCode = "demo-23602") {
  const result = await submitCase(
    { db: t.db, ip: `203.0.113.${++ipCounter % 250}`, userId: null, now },
    {
      kind: "report",
      categoryId: ids.category.infrastructure!,
      areaId: ids.area[areaCode]!,
      title: "Đèn đường hỏng ở tổ dân phố 3",
      body: "Cả đoạn đường dài 300 m không có đèn từ hai tuần nay, buổi tối rất nguy hiểm.",
      name: "Nguyễn Thị Hoa",
      // One phone number per filing: the limit per contact is not what is tested here.
      phone: `0905${String(100000 + ipCounter).slice(-6)}`,
      consentPublish: true,
      idempotencyKey: randomUUID(),
    },
  );
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.receipt;
}

const toCase = (sessionId: string, questionId: string, extra: Record<string, unknown> = {}) => ({
  sessionId,
  questionId,
  kind: "",
  categoryId: ids.category.infrastructure!,
  areaId: "",
  title: "",
  reason: "investigate",
  ...extra,
});

async function sessionRow(id: string) {
  const [row] = await t.db.select().from(dialogueSessions).where(eq(dialogueSessions.id, id));
  return row!;
}

describe("a question becomes a case", () => {
  it("registers it routed like any case, channel dialogue, linked both ways, and mails the receipt to an asker who left an email", async () => {
    const s = await newSession();
    const email = `hoa.${randomUUID().slice(0, 8)}@example.com`;
    const q = await newQuestion(s.id, { asker: { name: "Nguyễn Thị Hoa", email, phone: "0905123456" }, consent: true });
    const before = await sessionRow(s.id);
    const { receipt } = await turnQuestionIntoCase(t.db, await viewer("tiepnhan.pleiku"), toCase(s.id, q.id), now);

    const [c] = await t.db.select().from(cases).where(eq(cases.id, receipt.caseId));
    expect(c).toMatchObject({ channel: "dialogue", kind: "petition", status: "received", areaId: ids.area["demo-23602"], body: q.body, consentPublish: true });
    expect(c!.title).toBe(defaultCaseTitle(q.body));
    expect(c!.routingReason).toBeTruthy();
    const events = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, c!.id)).orderBy(caseEvents.id);
    expect(events.map((e) => [e.type, e.visibility])).toEqual([
      ["case.received", "public"],
      ["case.routed", "public"],
      ["case.from_dialogue", "public"],
    ]);
    expect(events[1]!.toUnitId).toBe(c!.unitId);
    // Public data only: the session, the question's number, never the asker.
    expect(JSON.stringify(events[2]!.data)).not.toContain("Hoa");

    const [party] = await t.db.select().from(caseParties).where(eq(caseParties.caseId, c!.id));
    expect(unsealPersonalData(party!.keyId, party!.sealed)).toMatchObject({ name: "Nguyễn Thị Hoa", email, phone: "0905123456" });
    const mail = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email));
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ renderer: "receipt", dedupeKey: `receipt:${c!.id}` });

    const [after] = await t.db.select().from(dialogueQuestions).where(eq(dialogueQuestions.id, q.id));
    expect(after).toMatchObject({ status: "case", caseId: c!.id, declineReason: null, version: q.version + 1 });
    const log = await t.db.select().from(dialogueModerationLog).where(eq(dialogueModerationLog.questionId, q.id));
    expect(log.map((l) => [l.action, l.reason])).toEqual([["to_case", null]]);
    expect((await sessionRow(s.id)).version).toBeGreaterThan(before.version);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });

    const shown = await getPublicCase(t.db, receipt.code, now);
    expect(shown!.dialogue.fromQuestion).toMatchObject({ sessionId: s.id, title: s.title, questionNumber: q.number });
    expect(shown!.events.find((e) => e.type === "case.from_dialogue")!.dialogue).toMatchObject({ sessionId: s.id, questionNumber: q.number });
    expect(shown!.events.find((e) => e.type === "case.received")!.channel).toBe("dialogue");
  });

  it("mails nothing to an asker who left no email, or did not agree to be contacted, and keeps their contact off the case", async () => {
    const s = await newSession();
    const anonymous = await newQuestion(s.id, { status: "pending" });
    const first = await turnQuestionIntoCase(t.db, await viewer("lanhdao.pleiku"), toCase(s.id, anonymous.id, { kind: "report", title: "Đường tổ 5 sạt lở" }), now);
    const [c] = await t.db.select().from(cases).where(eq(cases.id, first.receipt.caseId));
    expect(c).toMatchObject({ kind: "report", title: "Đường tổ 5 sạt lở", consentPublish: false, filerEmailHash: null });
    const [party] = await t.db.select().from(caseParties).where(eq(caseParties.caseId, c!.id));
    expect(party!.anonymous).toBe(true);
    expect(await t.db.select().from(emailOutbox).where(eq(emailOutbox.dedupeKey, `receipt:${c!.id}`))).toHaveLength(0);

    const email = `no.${randomUUID().slice(0, 8)}@example.com`;
    const noConsent = await newQuestion(s.id, { asker: { name: "Trần Văn Nam", email }, consent: false });
    const second = await turnQuestionIntoCase(t.db, await viewer("tiepnhan.pleiku"), toCase(s.id, noConsent.id), now);
    const [p2] = await t.db.select().from(caseParties).where(eq(caseParties.caseId, second.receipt.caseId));
    expect(unsealPersonalData(p2!.keyId, p2!.sealed)).toEqual({ name: "Trần Văn Nam" });
    expect(await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email))).toHaveLength(0);
  });

  it("records 'belongs to another body' as the public reason, and turns an answered question into a case too", async () => {
    const s = await newSession();
    const q = await newQuestion(s.id, { status: "answered", answered: true });
    await turnQuestionIntoCase(t.db, await viewer("tiepnhan.pleiku"), toCase(s.id, q.id, { reason: "other_body" }), now);
    const [after] = await t.db.select().from(dialogueQuestions).where(eq(dialogueQuestions.id, q.id));
    expect(after).toMatchObject({ status: "case", declineReason: "other_body" });
    const [log] = await t.db.select().from(dialogueModerationLog).where(eq(dialogueModerationLog.questionId, q.id));
    expect(log).toMatchObject({ action: "to_case", reason: "other_body" });
  });

  it("refuses a question already passed on, declined or merged, and fields beside the form", async () => {
    const s = await newSession();
    const q = await newQuestion(s.id);
    const intake = await viewer("tiepnhan.pleiku");
    await turnQuestionIntoCase(t.db, intake, toCase(s.id, q.id), now);
    await expect(turnQuestionIntoCase(t.db, intake, toCase(s.id, q.id), now)).rejects.toMatchObject({ code: "conflict" });
    const declined = await newQuestion(s.id, { status: "declined", declineReason: "off_topic" });
    await expect(turnQuestionIntoCase(t.db, intake, toCase(s.id, declined.id), now)).rejects.toMatchObject({ code: "conflict" });
    const fresh = await newQuestion(s.id);
    await expect(turnQuestionIntoCase(t.db, intake, toCase(s.id, fresh.id, { categoryId: "", reason: "", kind: "denunciation" }), now)).rejects.toMatchObject({
      code: "invalid_input",
      details: { fields: { categoryId: "required", reason: "required", kind: "invalid" } },
    });
    // A question of another session, through this session's form.
    const other = await newSession();
    const elsewhere = await newQuestion(other.id);
    await expect(turnQuestionIntoCase(t.db, intake, toCase(s.id, elsewhere.id), now)).rejects.toMatchObject({ code: "not_found" });
    expect((await t.db.select().from(dialogueQuestions).where(eq(dialogueQuestions.id, fresh.id)))[0]!.status).toBe("approved");
  });

  it("rolls back the case, its parties, timeline and receipt when any part fails", async () => {
    const s = await newSession();
    const email = `rb.${randomUUID().slice(0, 8)}@example.com`;
    const q = await newQuestion(s.id, { asker: { name: "Lê Thị Lan", email }, consent: true });
    const before = await sessionRow(s.id);
    // The question's own update fails, after the case and its receipt were written in the transaction.
    await t.db.execute(sql.raw(`create function fail_to_case() returns trigger language plpgsql as $$ begin raise exception 'refused by test'; end $$`));
    await t.db.execute(sql.raw(`create trigger fail_to_case before update on dialogue_questions for each row when (new.id = '${q.id}') execute function fail_to_case()`));
    try {
      await expect(turnQuestionIntoCase(t.db, await viewer("tiepnhan.pleiku"), toCase(s.id, q.id), now)).rejects.toThrow();
    } finally {
      await t.db.execute(sql.raw(`drop trigger fail_to_case on dialogue_questions`));
      await t.db.execute(sql.raw(`drop function fail_to_case()`));
    }
    const fingerprint = createHash("sha256").update(`dialogue-question:${q.id}`).digest("hex");
    expect(await t.db.select().from(cases).where(eq(cases.idempotencyKey, fingerprint))).toHaveLength(0);
    expect(await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email))).toHaveLength(0);
    expect(await t.db.select().from(dialogueModerationLog).where(eq(dialogueModerationLog.questionId, q.id))).toHaveLength(0);
    expect((await t.db.select().from(dialogueQuestions).where(eq(dialogueQuestions.id, q.id)))[0]).toMatchObject({ status: "approved", caseId: null });
    expect((await sessionRow(s.id)).version).toBe(before.version);
    // And once the fault is gone, it goes through.
    await turnQuestionIntoCase(t.db, await viewer("tiepnhan.pleiku"), toCase(s.id, q.id), now);
    expect(await t.db.select().from(cases).where(eq(cases.idempotencyKey, fingerprint))).toHaveLength(1);
  });

  it("refuses another unit's staff, a handler, staff above who only read, a citizen and an anonymous visitor", async () => {
    const s = await newSession();
    const q = await newQuestion(s.id);
    const input = toCase(s.id, q.id);
    await expect(turnQuestionIntoCase(t.db, await viewer("tiepnhan.quynhon"), input, now)).rejects.toMatchObject({ code: "not_found" });
    await expect(turnQuestionIntoCase(t.db, await viewer("xuly.pleiku"), input, now)).rejects.toMatchObject({ code: "forbidden" });
    await expect(turnQuestionIntoCase(t.db, await viewer("lanhdao.tinh"), input, now)).rejects.toMatchObject({ code: "forbidden" });
    await expect(turnQuestionIntoCase(t.db, await viewer("congdan"), input, now)).rejects.toMatchObject({ code: "forbidden" });
    await expect(turnQuestionIntoCase(t.db, null, input, now)).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(listConvertibleQuestions(t.db, await viewer("tiepnhan.quynhon"), s.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await t.db.select().from(dialogueQuestions).where(eq(dialogueQuestions.id, q.id)))[0]!.status).toBe("approved");
    expect((await listConvertibleQuestions(t.db, await viewer("xuly.pleiku"), s.id)).map((x) => x.id)).toEqual([q.id]);
  });
});

describe("the agenda", () => {
  it("takes an open case of the session's area by its code, and says so on the case's public page", async () => {
    const s = await newSession("announced", { startsAt: hours(48), endsAt: hours(51) });
    const receipt = await file();
    const intake = await viewer("tiepnhan.pleiku");
    await addCaseToAgenda(t.db, intake, { sessionId: s.id, code: receipt.code.toLowerCase().replaceAll("-", " ") });
    const agenda = await listAgenda(t.db, s.id, now);
    expect(agenda.cases).toMatchObject([{ code: receipt.code, status: "received", overdue: false, answer: null, unit: { name: receipt.unitName } }]);
    const shown = await getPublicCase(t.db, receipt.code, now);
    expect(shown!.dialogue.agenda).toMatchObject([{ sessionId: s.id, answered: false }]);
    expect(shown!.events.at(-1)).toMatchObject({ type: "case.dialogue_agenda", dialogue: { sessionId: s.id, title: s.title } });

    // Twice: refused beside the field.
    await expect(addCaseToAgenda(t.db, intake, { sessionId: s.id, code: receipt.code })).rejects.toMatchObject({ code: "invalid_input", details: { fields: { code: "case_on_agenda" } } });
    // Taken off again before it was answered.
    await removeAgendaItem(t.db, intake, { sessionId: s.id, itemId: agenda.cases[0]!.itemId });
    expect((await listAgenda(t.db, s.id, now)).cases).toHaveLength(0);
    expect((await getPublicCase(t.db, receipt.code, now))!.events.at(-1)!.type).toBe("case.dialogue_agenda_removed");
  });

  it("refuses a case of another area, a closed case, a denunciation, an unknown or malformed code, and a session that is over", async () => {
    const s = await newSession("open", { startsAt: hours(48), endsAt: hours(51) });
    const intake = await viewer("tiepnhan.pleiku");
    const add = (code: string, sessionId = s.id) => addCaseToAgenda(t.db, intake, { sessionId, code });
    const elsewhere = await file("demo-21583"); // Phường Quy Nhơn
    await expect(add(elsewhere.code)).rejects.toMatchObject({ details: { fields: { code: "case_other_area" } } });
    const closed = await file();
    await t.db.update(cases).set({ status: "closed" }).where(eq(cases.id, closed.caseId));
    await expect(add(closed.code)).rejects.toMatchObject({ details: { fields: { code: "case_closed" } } });
    const answered = await file();
    await t.db.update(cases).set({ status: "answered" }).where(eq(cases.id, answered.caseId));
    await expect(add(answered.code)).rejects.toMatchObject({ details: { fields: { code: "case_closed" } } });
    const denounced = await file();
    await t.db.update(cases).set({ kind: "denunciation" }).where(eq(cases.id, denounced.caseId));
    await expect(add(denounced.code)).rejects.toMatchObject({ details: { fields: { code: "case_sealed" } } });
    await expect(add("ABCD-EFGH-JK")).rejects.toMatchObject({ details: { fields: { code: "invalid" } } });
    await expect(add("")).rejects.toMatchObject({ details: { fields: { code: "required" } } });
    // A valid code nobody holds: change one data symbol of a real code and recompute nothing (the check symbol fails or it is unknown).
    const unknown = elsewhere.code.startsWith("2") ? `3${elsewhere.code.slice(1)}` : `2${elsewhere.code.slice(1)}`;
    await expect(add(unknown)).rejects.toMatchObject({ code: "invalid_input" });
    // An overdue case is still open: it goes on.
    const overdue = await file();
    await t.db.update(cases).set({ acceptanceDueOn: "2026-11-01" }).where(eq(cases.id, overdue.caseId));
    await add(overdue.code);
    expect((await listAgenda(t.db, s.id, now)).cases.find((c) => c.code === overdue.code)!.overdue).toBe(true);
    const ended = await newSession("ended");
    await expect(add((await file()).code, ended.id)).rejects.toMatchObject({ code: "conflict" });
    expect((await listAgenda(t.db, s.id, now)).cases.map((c) => c.code)).toEqual([overdue.code]);
  });

  it("refuses another unit's staff, a handler, a citizen and an anonymous visitor", async () => {
    const s = await newSession("open", { startsAt: hours(48), endsAt: hours(51) });
    const receipt = await file();
    const input = { sessionId: s.id, code: receipt.code };
    await expect(addCaseToAgenda(t.db, await viewer("tiepnhan.quynhon"), input)).rejects.toMatchObject({ code: "not_found" });
    await expect(addCaseToAgenda(t.db, await viewer("xuly.pleiku"), input)).rejects.toMatchObject({ code: "forbidden" });
    await expect(addCaseToAgenda(t.db, await viewer("congdan"), input)).rejects.toMatchObject({ code: "forbidden" });
    await expect(addCaseToAgenda(t.db, null, input)).rejects.toMatchObject({ code: "unauthenticated" });
    expect((await listAgenda(t.db, s.id, now)).cases).toHaveLength(0);
  });

  it("writes the answer given in the session on the case's public timeline and moves its version", async () => {
    const s = await newSession("open", { startsAt: hours(48), endsAt: hours(51) });
    const receipt = await file();
    await addCaseToAgenda(t.db, await viewer("tiepnhan.pleiku"), { sessionId: s.id, code: receipt.code });
    const [item] = (await listAgenda(t.db, s.id, now)).cases;
    const leader = await viewer("lanhdao.pleiku");
    const secretary = await viewer("xuly.pleiku");
    const answer = { sessionId: s.id, itemId: item!.itemId, leaderUserId: leader.userId, answer: "Phường sẽ thay đèn trước ngày 15/12." };
    // Not before the session has started.
    await expect(answerAgendaItem(t.db, secretary, answer, now)).rejects.toMatchObject({ code: "conflict" });
    await t.db.update(dialogueSessions).set({ status: "live" }).where(eq(dialogueSessions.id, s.id));
    // Only by one of the session's leaders, with a text.
    await expect(answerAgendaItem(t.db, secretary, { ...answer, leaderUserId: secretary.userId }, now)).rejects.toMatchObject({ details: { fields: { leaderUserId: "invalid" } } });
    await expect(answerAgendaItem(t.db, secretary, { ...answer, answer: "  " }, now)).rejects.toMatchObject({ details: { fields: { answer: "required" } } });
    await expect(answerAgendaItem(t.db, await viewer("tiepnhan.quynhon"), answer, now)).rejects.toMatchObject({ code: "not_found" });
    await expect(answerAgendaItem(t.db, await viewer("congdan"), answer, now)).rejects.toMatchObject({ code: "forbidden" });
    await expect(answerAgendaItem(t.db, null, answer, now)).rejects.toMatchObject({ code: "unauthenticated" });

    const [before] = await t.db.select().from(cases).where(eq(cases.id, receipt.caseId));
    const sessionBefore = await sessionRow(s.id);
    await answerAgendaItem(t.db, secretary, answer, now);
    const [after] = await t.db.select().from(cases).where(eq(cases.id, receipt.caseId));
    expect(after!.version).toBe(before!.version + 1);
    expect((await sessionRow(s.id)).version).toBeGreaterThan(sessionBefore.version);
    const shown = await getPublicCase(t.db, receipt.code, now);
    const event = shown!.events.at(-1)!;
    expect(event).toMatchObject({
      type: "case.dialogue_answer",
      dialogue: { sessionId: s.id, title: s.title, answer: { leaderName: leader.name, position: "Chủ tịch UBND phường", text: answer.answer } },
    });
    expect(shown!.dialogue.agenda).toMatchObject([{ sessionId: s.id, answered: true }]);
    expect((await listAgenda(t.db, s.id, now)).cases[0]!.answer).toMatchObject({ text: answer.answer, leaderName: leader.name, position: "Chủ tịch UBND phường" });
    // Answered once; and no longer removable.
    await expect(answerAgendaItem(t.db, secretary, answer, now)).rejects.toMatchObject({ code: "conflict" });
    await expect(removeAgendaItem(t.db, await viewer("tiepnhan.pleiku"), { sessionId: s.id, itemId: item!.itemId })).rejects.toMatchObject({ code: "conflict" });
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it("answers a carried commitment with a public progress update", async () => {
    const s = await newSession();
    const leader = await viewer("lanhdao.pleiku");
    const [k] = await t.db
      .insert(commitments)
      .values({ leaderUserId: leader.userId, ownerUnitId: ids.unit["demo-ubnd-pleiku"]!, body: "Sửa xong đường tổ 5", dueOn: "2026-11-20" })
      .returning();
    await t.db.insert(dialogueAgendaItems).values({ sessionId: s.id, commitmentId: k!.id });
    const [item] = (await listAgenda(t.db, s.id, now)).commitments;
    expect(item).toMatchObject({ commitmentId: k!.id, body: "Sửa xong đường tổ 5", dueOn: "2026-11-20", answer: null });
    // Carried commitments stay on: they are asked about again in public.
    await expect(removeAgendaItem(t.db, await viewer("tiepnhan.pleiku"), { sessionId: s.id, itemId: item!.itemId })).rejects.toMatchObject({ code: "conflict" });
    await answerAgendaItem(t.db, await viewer("tiepnhan.pleiku"), { sessionId: s.id, itemId: item!.itemId, leaderUserId: leader.userId, answer: "Đã thi công được 80%." }, now);
    const updates = await t.db.select().from(commitmentUpdates).where(eq(commitmentUpdates.commitmentId, k!.id));
    expect(updates).toHaveLength(1);
    expect(updates[0]!.kind).toBe("progress");
    expect(updates[0]!.body).toContain("Đã thi công được 80%.");
    expect(updates[0]!.body).toContain(s.title);
    expect((await listAgenda(t.db, s.id, now)).commitments[0]!.answer).toMatchObject({ text: "Đã thi công được 80%." });
  });
});

describe("the minutes", () => {
  it("are refused before the session has ended, and by anyone but the hosting unit's intake or leader", async () => {
    const s = await newSession("live");
    const input = { sessionId: s.id, attendance: "85", minutes: "Biên bản" };
    await expect(publishMinutes(t.db, await viewer("tiepnhan.pleiku"), input, now)).rejects.toMatchObject({ code: "conflict" });
    await t.db.update(dialogueSessions).set({ status: "ended" }).where(eq(dialogueSessions.id, s.id));
    await expect(publishMinutes(t.db, await viewer("xuly.pleiku"), input, now)).rejects.toMatchObject({ code: "forbidden" });
    await expect(publishMinutes(t.db, await viewer("tiepnhan.quynhon"), input, now)).rejects.toMatchObject({ code: "not_found" });
    await expect(publishMinutes(t.db, await viewer("congdan"), input, now)).rejects.toMatchObject({ code: "forbidden" });
    await expect(publishMinutes(t.db, null, input, now)).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(publishMinutes(t.db, await viewer("tiepnhan.pleiku"), { ...input, attendance: "", minutes: " " }, now)).rejects.toMatchObject({
      details: { fields: { attendance: "required", minutes: "required" } },
    });
    await expect(publishMinutes(t.db, await viewer("tiepnhan.pleiku"), { ...input, attendance: "mười" }, now)).rejects.toMatchObject({ details: { fields: { attendance: "invalid" } } });
    expect((await sessionRow(s.id)).status).toBe("ended");
    expect(await getPublicMinutes(t.db, s.id)).toBeNull();
  });

  it("publishes attendance and text with the figures counted from the records, and can be corrected", async () => {
    const s = await newSession("live");
    const leader = await viewer("lanhdao.pleiku");
    const intake = await viewer("tiepnhan.pleiku");
    // Hand-worked: 6 questions; 1 merged, 2 answered (one of them then passed on as a case), 1 passed on for
    // another body, 1 declined as abusive, 1 still approved. Opinions raised 5, answered 2, cases 2, declined 1.
    const merged = await newQuestion(s.id, { status: "merged" });
    const answered = await newQuestion(s.id, { status: "answered", answered: true });
    await t.db.update(dialogueQuestions).set({ answeredByUserId: leader.userId }).where(eq(dialogueQuestions.id, answered.id));
    const answeredThenCase = await newQuestion(s.id, { status: "answered", answered: true });
    const otherBody = await newQuestion(s.id);
    await newQuestion(s.id, { status: "declined", declineReason: "abusive" });
    await newQuestion(s.id);
    const first = await turnQuestionIntoCase(t.db, intake, toCase(s.id, answeredThenCase.id), now);
    const second = await turnQuestionIntoCase(t.db, intake, toCase(s.id, otherBody.id, { reason: "other_body" }), now);
    const receipt = await file();
    await t.db.insert(dialogueAgendaItems).values({ sessionId: s.id, caseId: receipt.caseId });
    const [item] = (await listAgenda(t.db, s.id, now)).cases;
    await answerAgendaItem(t.db, intake, { sessionId: s.id, itemId: item!.itemId, leaderUserId: leader.userId, answer: "Đã giao phường xử lý." }, now);
    await t.db.insert(commitments).values({ sessionId: s.id, leaderUserId: leader.userId, ownerUnitId: ids.unit["demo-ubnd-pleiku"]!, body: "Thay đèn đường tổ 3", dueOn: "2026-12-31" });
    expect(merged.status).toBe("merged");

    await t.db.update(dialogueSessions).set({ status: "ended", endedAt: now }).where(eq(dialogueSessions.id, s.id));
    const figures = await countMinutesFigures(t.db, s.id);
    expect(figures).toMatchObject({ opinionsRaised: 5, answeredOnSpot: 2, passedOnAsCases: 2, passedOnToOtherBody: 1, declined: 1, notReached: 1, merged: 1, agendaCases: 1, agendaCasesAnswered: 1, commitmentsMade: 1 });
    expect(figures.declinedByReason.abusive).toBe(1);

    expect(await publishMinutes(t.db, intake, { sessionId: s.id, attendance: "85", minutes: "Người dân nêu 5 ý kiến về đường giao thông." }, now)).toEqual({ republished: false });
    const row = await sessionRow(s.id);
    expect(row).toMatchObject({ status: "minutes_published", attendance: 85, minutes: "Người dân nêu 5 ý kiến về đường giao thông." });
    const history = await t.db.select().from(dialogueSessionEvents).where(and(eq(dialogueSessionEvents.sessionId, s.id), eq(dialogueSessionEvents.type, "minutes_published")));
    expect(history).toMatchObject([{ fromStatus: "ended", toStatus: "minutes_published" }]);

    const minutes = await getPublicMinutes(t.db, s.id);
    expect(minutes!.figures.opinionsRaised).toBe(5);
    expect(minutes!.answered.map((a) => a.number).sort()).toEqual([answered.number, answeredThenCase.number].sort());
    expect(minutes!.answered.find((a) => a.number === answered.number)).toMatchObject({ leaderName: leader.name, position: "Chủ tịch UBND phường" });
    expect(minutes!.passedOn).toEqual([
      { number: answeredThenCase.number, body: answeredThenCase.body, code: first.receipt.code, otherBody: false },
      { number: otherBody.number, body: otherBody.body, code: second.receipt.code, otherBody: true },
    ]);
    expect(minutes!.agenda.cases[0]!.answer!.text).toBe("Đã giao phường xử lý.");
    expect(minutes!.commitments).toMatchObject([{ body: "Thay đèn đường tổ 3", dueOn: "2026-12-31", ownerUnit: { name: receipt.unitName } }]);

    // Corrected: published again, the status stays.
    expect(await publishMinutes(t.db, await viewer("lanhdao.pleiku"), { sessionId: s.id, attendance: 90, minutes: "Bản sửa." }, now)).toEqual({ republished: true });
    expect(await sessionRow(s.id)).toMatchObject({ status: "minutes_published", attendance: 90, minutes: "Bản sửa." });
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });
});
