import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialogueQuestions, dialogueSessionLeaders, dialogueSessions, dialogueSupportAddresses, dialogueSupports, units, users } from "@/db/schema";
import { rowsOf } from "@/db/rows";
import { seedDemoData } from "@/db/seed/seed-demo";
import { mergedSupportCount } from "@/domain/dialogue/question-status";
import { SUPPORTS_PER_ADDRESS_PER_SESSION, type SessionStatus } from "@/domain/dialogue/vocabulary";
import { loadMemberships, type Viewer } from "@/server/auth/roles";
import { askQuestion } from "@/server/dialogue/questions/ask-question";
import { addressHash, newSupporterToken, supporterKey } from "@/server/dialogue/questions/keys";
import { approveQuestion, declineQuestion, mergeQuestion } from "@/server/dialogue/questions/moderate-question";
import { supportQuestion, type Supporter } from "@/server/dialogue/questions/support-question";
import { handleSupportRequest } from "@/server/dialogue/questions/support-request";
import { env } from "@/env";
import { CLIENT_IP_HEADER } from "@/server/net/loopback";
import { testDatabaseUrl } from "../support/database-url";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
const now = new Date("2026-11-27T03:00:00Z");
let moderator: Viewer;
let ipCounter = 0;
const nextIp = () => `10.${(++ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;

async function viewer(name: string): Promise<Viewer> {
  const email = `${name}@doithoai.example`;
  const [user] = await t.db.select().from(users).where(eq(users.email, email));
  return { userId: user!.id, email, name: user!.name, locale: "vi", memberships: await loadMemberships(t.db, user!.id) };
}

async function newSession(status: SessionStatus = "live") {
  const [unit] = await t.db.select().from(units).where(eq(units.code, "demo-ubnd-pleiku"));
  const [row] = await t.db
    .insert(dialogueSessions)
    .values({ title: "Đối thoại", topic: "Chợ tạm", unitId: unit!.id, location: "Nhà văn hóa", startsAt: now, endsAt: new Date(now.getTime() + 3 * 3600_000), status })
    .returning();
  await t.db.insert(dialogueSessionLeaders).values({ sessionId: row!.id, userId: (await viewer("lanhdao.pleiku")).userId, position: "Chủ tịch", positionEn: "Chair" });
  return row!;
}

async function newQuestion(sessionId: string, approve = true) {
  const result = await askQuestion(
    { db: t.db, ip: nextIp(), userId: null, now },
    { sessionId, body: `Chợ tạm lấn chiếm lòng đường, xin hỏi hướng xử lý ${randomUUID()}`, idempotencyKey: randomUUID() },
  );
  if (!result.ok) throw new Error(JSON.stringify(result));
  if (approve) await approveQuestion(t.db, moderator, { questionId: result.question.id }, now);
  return result.question;
}

const browser = (): Supporter => ({ browserToken: newSupporterToken() });
const support = (sessionId: string, questionId: string, supporter: Supporter = browser(), ip = nextIp()) => supportQuestion(t.db, { sessionId, questionId, supporter, ip });

async function count(questionId: string) {
  const [row] = await t.db.select({ n: dialogueQuestions.supportCount }).from(dialogueQuestions).where(eq(dialogueQuestions.id, questionId));
  const [rows] = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from dialogue_supports where question_id = ${questionId}::uuid`));
  return { stored: row!.n, rows: Number(rows!.n) };
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
  moderator = await viewer("tiepnhan.pleiku");
});
afterAll(() => t.close());

describe("supports", () => {
  it("counts one support per person: a signed-in user by account, anyone else by browser", async () => {
    const s = await newSession();
    const q = await newQuestion(s.id);
    const citizen = { userId: (await viewer("congdan")).userId };
    const me = browser();
    expect(await support(s.id, q.id, citizen)).toMatchObject({ outcome: "supported", number: q.number, supportCount: 1 });
    expect(await support(s.id, q.id, citizen, nextIp())).toMatchObject({ outcome: "already_supported" });
    expect(await support(s.id, q.id, me)).toMatchObject({ outcome: "supported", supportCount: 2 });
    expect(await support(s.id, q.id, me)).toMatchObject({ outcome: "already_supported" });
    expect(await support(s.id, q.id)).toMatchObject({ outcome: "supported", supportCount: 3 });
    expect(await count(q.id)).toEqual({ stored: 3, rows: 3 });
    // The browser's token is kept only as a keyed hash.
    const keys = (await t.db.select().from(dialogueSupports).where(eq(dialogueSupports.questionId, q.id))).map((r) => r.supporterKey);
    expect(keys).toContain(`user:${citizen.userId}`);
    expect(keys.some((k) => "browserToken" in me && k.includes(me.browserToken))).toBe(false);
    expect(keys).toContain(supporterKey(me));
  });

  it("refuses questions that cannot be supported, other sessions' and unknown ones", async () => {
    const s = await newSession();
    const other = await newSession();
    const declined = await newQuestion(s.id);
    await declineQuestion(t.db, moderator, { questionId: declined.id, reason: "off_topic" }, now);
    expect(await support(s.id, declined.id)).toMatchObject({ outcome: "not_supportable" });
    const pending = await newQuestion(s.id, false);
    expect(await support(s.id, pending.id)).toMatchObject({ outcome: "supported" });
    const q = await newQuestion(s.id);
    expect(await support(other.id, q.id)).toEqual({ outcome: "not_found" });
    expect(await support(s.id, randomUUID())).toEqual({ outcome: "not_found" });
    expect(await support(s.id, "x' or '1'='1")).toEqual({ outcome: "not_found" });
    const ended = await newSession("live");
    const late = await newQuestion(ended.id);
    await t.db.update(dialogueSessions).set({ status: "ended" }).where(eq(dialogueSessions.id, ended.id));
    expect(await support(ended.id, late.id)).toMatchObject({ outcome: "not_supportable" });
    expect(await count(declined.id)).toEqual({ stored: 0, rows: 0 });
  });

  it("caps supports per network address and session in the database, and keeps nothing of a refused one", async () => {
    const s = await newSession();
    const questions = await Promise.all(Array.from({ length: 3 }, () => newQuestion(s.id)));
    const ip = "203.0.113.200";
    for (let i = 0; i < SUPPORTS_PER_ADDRESS_PER_SESSION; i++) {
      expect((await support(s.id, questions[i % 3]!.id, browser(), ip)).outcome).toBe("supported");
    }
    const refused = await support(s.id, questions[0]!.id, browser(), ip);
    expect(refused.outcome).toBe("address_cap");
    const totals = await Promise.all(questions.map((q) => count(q.id)));
    expect(totals.reduce((sum, c) => sum + c.stored, 0)).toBe(SUPPORTS_PER_ADDRESS_PER_SESSION);
    expect(totals.every((c) => c.stored === c.rows)).toBe(true);
    const [cap] = await t.db
      .select()
      .from(dialogueSupportAddresses)
      .where(and(eq(dialogueSupportAddresses.sessionId, s.id), eq(dialogueSupportAddresses.addressHash, addressHash(ip))));
    expect(cap!.count).toBe(SUPPORTS_PER_ADDRESS_PER_SESSION);
    // The database itself refuses one more, whoever writes it.
    await expect(
      t.db.execute(sql`update dialogue_support_addresses set count = count + 1 where session_id = ${s.id}::uuid and address_hash = ${addressHash(ip)}`),
    ).rejects.toThrow();
    // A second support already given costs nothing; another session from the same address is free.
    const other = await newSession();
    expect((await support(other.id, (await newQuestion(other.id)).id, browser(), ip)).outcome).toBe("supported");
  });

  it("sends a support for a merged question to the question it was merged into", async () => {
    const s = await newSession();
    const target = await newQuestion(s.id);
    const dup = await newQuestion(s.id);
    const me = browser();
    await support(s.id, dup.id, me);
    await mergeQuestion(t.db, moderator, { questionId: dup.id, targetNumber: target.number }, now);
    expect(await support(s.id, dup.id, me)).toMatchObject({ outcome: "already_supported", questionId: target.id, number: target.number });
    expect(await support(s.id, dup.id)).toMatchObject({ outcome: "supported", questionId: target.id, supportCount: 2 });
    expect(await count(target.id)).toEqual({ stored: 2, rows: 2 });
  });
});

describe("merging carries the supports over, each person once", () => {
  it("for any two sets of supporters, the target counts their union", async () => {
    const s = await newSession();
    // Signed-in people and browsers alike.
    const people = Array.from({ length: 12 }, (_, i): Supporter => (i % 3 === 0 ? { userId: randomUUID() } : { browserToken: newSupporterToken() }));
    await fc.assert(
      fc.asyncProperty(fc.subarray(people.map((_, i) => i)), fc.subarray(people.map((_, i) => i)), async (onTarget, onSource) => {
        const target = await newQuestion(s.id);
        const source = await newQuestion(s.id);
        for (const i of onTarget) await support(s.id, target.id, people[i]);
        for (const i of onSource) await support(s.id, source.id, people[i]);
        await mergeQuestion(t.db, moderator, { questionId: source.id, targetNumber: target.number }, now);
        const expected = mergedSupportCount(onTarget.map(String), onSource.map(String));
        expect(await count(target.id)).toEqual({ stored: expected, rows: expected });
        const [src] = await t.db.select().from(dialogueQuestions).where(eq(dialogueQuestions.id, source.id));
        expect(src).toMatchObject({ status: "merged", mergedIntoId: target.id });
      }),
      { numRuns: 15 },
    );
  });
});

describe.runIf(!!testDatabaseUrl())("concurrent supports on PostgreSQL", () => {
  it("50 people at once: exactly 50", async () => {
    const s = await newSession();
    const q = await newQuestion(s.id);
    const results = await Promise.all(Array.from({ length: 50 }, () => support(s.id, q.id)));
    expect(results.filter((r) => r.outcome === "supported").length).toBe(50);
    expect(await count(q.id)).toEqual({ stored: 50, rows: 50 });
  });

  it("the same person 20 times at once: 1", async () => {
    const s = await newSession();
    const q = await newQuestion(s.id);
    const me = browser();
    const results = await Promise.all(Array.from({ length: 20 }, () => support(s.id, q.id, me, nextIp())));
    expect(results.filter((r) => r.outcome === "supported").length).toBe(1);
    expect(await count(q.id)).toEqual({ stored: 1, rows: 1 });
  });

  it("60 at once from one address: exactly the cap is kept, the rest refused", async () => {
    const s = await newSession();
    const q = await newQuestion(s.id);
    const results = await Promise.all(Array.from({ length: 60 }, () => support(s.id, q.id, browser(), "192.0.2.1")));
    expect(results.filter((r) => r.outcome === "supported").length).toBe(SUPPORTS_PER_ADDRESS_PER_SESSION);
    expect(results.filter((r) => r.outcome === "address_cap").length).toBe(10);
    expect(await count(q.id)).toEqual({ stored: 50, rows: 50 });
  });

  it("supports racing a merge: none lost, none counted twice", async () => {
    const s = await newSession();
    const target = await newQuestion(s.id);
    const source = await newQuestion(s.id);
    const shared = Array.from({ length: 10 }, browser);
    for (const p of shared) await support(s.id, target.id, p);
    const racing = [
      ...shared.map((p) => support(s.id, source.id, p)),
      ...Array.from({ length: 20 }, () => support(s.id, source.id)),
      mergeQuestion(t.db, moderator, { questionId: source.id, targetNumber: target.number }, now),
    ];
    await Promise.all(racing);
    expect(await count(target.id)).toEqual({ stored: 30, rows: 30 });
  });
});

describe("the support route's contract (POST /doi-thoai/<id>/ung-ho, field `question`)", () => {
  const site = () => new URL(env().APP_URL).origin;
  const post = (sessionId: string, questionId: string, headers: Record<string, string> = {}) =>
    handleSupportRequest(
      new Request(`${site()}/doi-thoai/${sessionId}/ung-ho`, {
        method: "POST",
        body: new URLSearchParams({ question: questionId }),
        headers: { [CLIENT_IP_HEADER]: nextIp(), ...headers },
      }),
      sessionId,
      { db: t.db, signedInUserId: async () => null },
    );

  it("gives a new browser its `ung_ho` cookie, counts it once, and answers JSON or a 303 back with the result", async () => {
    const s = await newSession();
    const q = await newQuestion(s.id);
    const first = await post(s.id, q.id);
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe(`/doi-thoai/${s.id}?ung-ho=da-ung-ho&cau=${q.number}#ket-qua-ung-ho`);
    const cookie = first.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^ung_ho=[A-Za-z0-9_-]{32}; Path=\/doi-thoai; Max-Age=\d+; HttpOnly; SameSite=Lax/);
    // Public pages are cached for visitors without personal cookies (dt_…, …session-token): this must not be one.
    expect(cookie).not.toMatch(/^dt_|session-token/);
    const token = cookie.split(";")[0]!;
    const again = await post(s.id, q.id, { cookie: token, accept: "application/json" });
    expect(again.headers.get("set-cookie")).toBeNull();
    expect(await again.json()).toEqual({ result: "already_supported", number: q.number, supportCount: 1 });
    const other = await post(s.id, q.id, { accept: "application/json" });
    expect(await other.json()).toMatchObject({ result: "supported", supportCount: 2 });
    expect(await count(q.id)).toEqual({ stored: 2, rows: 2 });
  });

  it("refuses a post from another site, and answers an unknown question as one that cannot be supported", async () => {
    const s = await newSession();
    const q = await newQuestion(s.id);
    expect((await post(s.id, q.id, { origin: "https://evil.example" })).status).toBe(403);
    expect(await count(q.id)).toEqual({ stored: 0, rows: 0 });
    const unknown = await post(s.id, randomUUID(), { accept: "application/json" });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ result: "not_supportable" });
    expect((await post(s.id, randomUUID())).headers.get("location")).toContain("ung-ho=khong-tim-thay");
  });
});
