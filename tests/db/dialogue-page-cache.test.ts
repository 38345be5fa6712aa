import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases, commitments, dialogueAgendaItems, dialogueQuestions, dialogueSessions, units, users } from "@/db/schema";
import { toLocalDate } from "@/domain/calendar";
import { seedDemoData } from "@/db/seed/seed-demo";
import { loadMemberships, type Viewer } from "@/server/auth/roles";
import { touchSession } from "@/server/dialogue/live/notify-session";
import { askQuestion } from "@/server/dialogue/questions/ask-question";
import { newSupporterToken } from "@/server/dialogue/questions/keys";
import { approveQuestion } from "@/server/dialogue/questions/moderate-question";
import { supportQuestion } from "@/server/dialogue/questions/support-question";
import { CACHED_PAGES, calendarPage, homePage, projectorPage, sessionPage } from "@/server/http/cached-pages";
import { createPublicPageCache } from "@/server/http/public-page-cache";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
let server: Server;
let base: string;
let renders = 0;
let moderator: Viewer;
const now = new Date();
let ip = 0;
const nextIp = () => `10.7.${(++ip >> 8) & 255}.${ip & 255}`;

async function newSession(title = "Đối thoại về chợ") {
  const [unit] = await t.db.select().from(units).where(eq(units.code, "demo-ubnd-pleiku"));
  const [row] = await t.db
    .insert(dialogueSessions)
    .values({ title, topic: "Chợ", unitId: unit!.id, location: "Nhà văn hóa", startsAt: new Date(now.getTime() + 86_400_000), endsAt: new Date(now.getTime() + 90_000_000), status: "open", questionsInAdvance: true })
    .returning();
  return row!;
}

async function approved(sessionId: string) {
  const result = await askQuestion({ db: t.db, ip: nextIp(), userId: null, now }, { sessionId, body: `Chợ tạm lấn chiếm vỉa hè, xin hỏi ${randomUUID()}`, idempotencyKey: randomUUID() });
  if (!result.ok) throw new Error(JSON.stringify(result));
  await approveQuestion(t.db, moderator, { questionId: result.question.id }, now);
  return result.question;
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
  const [user] = await t.db.select().from(users).where(eq(users.email, "tiepnhan.pleiku@doithoai.example"));
  moderator = { userId: user!.id, email: user!.email, name: user!.name, locale: "vi", memberships: await loadMemberships(t.db, user!.id) };
  const cache = createPublicPageCache(t.db, { pages: CACHED_PAGES });
  // Stands in for Next: renders what the session shows (its title, status, its questions' counts) from the database.
  server = createServer((req, res) => {
    void cache.handle(req, res, async () => {
      renders++;
      const id = /^\/doi-thoai\/([0-9a-f-]{36})/.exec(req.url ?? "")?.[1];
      res.setHeader("content-type", "text/html; charset=utf-8");
      if (!id) {
        const [row] = await t.db.select({ n: sql<number>`count(*)::int` }).from(dialogueSessions);
        res.end(`<p>${row!.n} sessions</p>`);
        return;
      }
      const [session] = await t.db.select().from(dialogueSessions).where(eq(dialogueSessions.id, id));
      const questions = await t.db.select({ id: dialogueQuestions.id, n: dialogueQuestions.supportCount }).from(dialogueQuestions).where(eq(dialogueQuestions.sessionId, id));
      res.end(`<h1>${session!.title} ${session!.status}</h1>${questions.map((q) => `<p>${q.id}:${q.n}</p>`).join("")}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, { headers });
  return { status: response.status, cache: response.headers.get("x-doithoai-cache"), body: await response.text() };
}

/** The page is served from the cache now (after a first request that may render it). */
async function expectCached(path: string) {
  await get(path);
  expect((await get(path)).cache).toBe("hit");
}

describe("session page and projector cache", () => {
  it("replays the page until touchSession or a support, and the next request after either is a miss showing it", async () => {
    const s = await newSession();
    const q = await approved(s.id);
    for (const path of [`/doi-thoai/${s.id}`, `/doi-thoai/${s.id}/trinh-chieu`]) {
      await expectCached(path);
      const before = renders;
      expect((await get(path)).cache).toBe("hit");
      expect(renders).toBe(before);

      await t.db.transaction(async (tx) => {
        await tx.update(dialogueSessions).set({ status: "live" }).where(eq(dialogueSessions.id, s.id));
        await touchSession(tx, s.id);
      });
      const afterTouch = await get(path);
      expect(afterTouch.cache).toBe("miss");
      expect(afterTouch.body).toContain("live");
      expect((await get(path)).cache).toBe("hit");

      const supported = await supportQuestion(t.db, { sessionId: s.id, questionId: q.id, supporter: { browserToken: newSupporterToken() }, ip: nextIp() });
      expect(supported.outcome).toBe("supported");
      const afterSupport = await get(path);
      expect(afterSupport.cache).toBe("miss");
      expect(afterSupport.body).toContain(`${q.id}:${supported.supportCount}`);
      expect((await get(path)).cache).toBe("hit");
      await t.db.update(dialogueSessions).set({ status: "open" }).where(eq(dialogueSessions.id, s.id));
      await t.db.transaction((tx) => touchSession(tx, s.id));
    }
  });

  it("is not moved by anything else: another session's change, a support elsewhere, a case's change", async () => {
    const s = await newSession();
    const other = await newSession("Phiên khác");
    const q = await approved(other.id);
    const path = `/doi-thoai/${s.id}`;
    await expectCached(path);
    await t.db.transaction((tx) => touchSession(tx, other.id));
    await supportQuestion(t.db, { sessionId: other.id, questionId: q.id, supporter: { browserToken: newSupporterToken() }, ip: nextIp() });
    await t.db.execute(sql`update cases set version = version + 1, updated_at = now() where id = (select id from cases limit 1)`);
    // A support refused (already given) changes nothing either.
    const token = newSupporterToken();
    const q2 = await approved(s.id);
    await expectCached(path);
    await supportQuestion(t.db, { sessionId: s.id, questionId: q2.id, supporter: { browserToken: token }, ip: nextIp() });
    await expectCached(path);
    expect((await supportQuestion(t.db, { sessionId: s.id, questionId: q2.id, supporter: { browserToken: token }, ip: nextIp() })).outcome).toBe("already_supported");
    expect((await get(path)).cache).toBe("hit");
    expect((await get(`/doi-thoai/${s.id}/trinh-chieu`)).cache).not.toBeNull();
  });

  it("moves when a case or a carried commitment on its agenda changes, though the session itself does not", async () => {
    const s = await newSession("Phiên có chương trình");
    const [openCase] = await t.db.select({ id: cases.id }).from(cases).where(eq(cases.status, "accepted")).limit(1);
    const [commitment] = await t.db.select({ id: commitments.id }).from(commitments).limit(1);
    await t.db.insert(dialogueAgendaItems).values([{ sessionId: s.id, caseId: openCase!.id }, { sessionId: s.id, commitmentId: commitment!.id }]);
    await t.db.transaction((tx) => touchSession(tx, s.id));
    const path = `/doi-thoai/${s.id}`;
    await expectCached(path);
    await t.db.update(cases).set({ version: sql`${cases.version} + 1`, updatedAt: sql`now()` }).where(eq(cases.id, openCase!.id));
    expect((await get(path)).cache).toBe("miss");
    await expectCached(path);
    await t.db.update(commitments).set({ updatedAt: sql`now()` }).where(eq(commitments.id, commitment!.id));
    expect((await get(path)).cache).toBe("miss");
    await expectCached(path);
  });

  it("leaves a query string, a signed-in visitor and unknown or malformed ids to Next", async () => {
    const s = await newSession();
    expect((await get(`/doi-thoai/${s.id}?gui=ok`)).cache).toBeNull();
    expect((await get(`/doi-thoai/${s.id}`, { cookie: "authjs.session-token=abc" })).cache).toBeNull();
    expect(sessionPage.match(`/doi-thoai/${s.id}/su-kien`)).toBeNull();
    expect(sessionPage.match("/doi-thoai/abc")).toBeNull();
    expect(await sessionPage.validator(t.db, randomUUID(), now)).toBeNull();
    expect(projectorPage.match(`/doi-thoai/${s.id}/trinh-chieu`)).toBe(s.id);
  });

  it("changes with the date", async () => {
    const s = await newSession();
    const today = await sessionPage.validator(t.db, s.id, now);
    expect(await sessionPage.validator(t.db, s.id, new Date(now.getTime() + 86_400_000))).not.toBe(today);
  });
});

describe("calendar cache", () => {
  it("replays the calendar until a session is announced or changed", async () => {
    await expectCached("/doi-thoai");
    const s = await newSession("Phiên mới trên lịch");
    expect((await get("/doi-thoai")).cache).toBe("miss");
    await expectCached("/doi-thoai");
    await t.db.transaction(async (tx) => {
      await tx.update(dialogueSessions).set({ status: "postponed", statusReason: "Mưa bão" }).where(eq(dialogueSessions.id, s.id));
      await touchSession(tx, s.id);
    });
    expect((await get("/doi-thoai")).cache).toBe("miss");
    await expectCached("/doi-thoai");
    // Supports and cases are not on the calendar.
    const q = await approved((await newSession()).id);
    await expectCached("/doi-thoai");
    const [row] = await t.db.select({ sessionId: dialogueQuestions.sessionId }).from(dialogueQuestions).where(eq(dialogueQuestions.id, q.id));
    await supportQuestion(t.db, { sessionId: row!.sessionId, questionId: q.id, supporter: { browserToken: newSupporterToken() }, ip: nextIp() });
    await t.db.update(cases).set({ version: sql`${cases.version} + 1` }).where(sql`true`);
    expect((await get("/doi-thoai")).cache).toBe("hit");
    expect((await get("/doi-thoai?khu-vuc=x")).cache).toBeNull();
    expect(await calendarPage.validator(t.db, "", new Date(now.getTime() + 86_400_000))).not.toBe(await calendarPage.validator(t.db, "", now));
    // A session that ends moves to the past list with no write: the same day, after its end, the calendar is new.
    const ends = new Date(now.getTime() + 90_000_000);
    const sameDay = (ms: number) => new Date(Math.min(ms, Date.parse(`${toLocalDate(ends)}T16:59:59Z`)));
    expect(await calendarPage.validator(t.db, "", sameDay(ends.getTime() + 1000))).not.toBe(await calendarPage.validator(t.db, "", sameDay(ends.getTime() - 1000)));
  });
});

describe("home page validator", () => {
  it("moves when a listed session changes through touchSession", async () => {
    const s = await newSession("Phiên sắp tới trên trang chủ");
    await t.db.update(dialogueSessions).set({ startsAt: new Date(now.getTime() + 60_000), endsAt: new Date(now.getTime() + 3_600_000) }).where(eq(dialogueSessions.id, s.id));
    const before = await homePage.validator(t.db, "", now);
    expect(await homePage.validator(t.db, "", now)).toBe(before);
    await t.db.transaction((tx) => touchSession(tx, s.id));
    expect(await homePage.validator(t.db, "", now)).not.toBe(before);
  });
});
