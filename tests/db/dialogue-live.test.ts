import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drizzleFor } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { dialogueQuestions, dialogueSessionLeaders, dialogueSessions, units, users } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed-demo";
import type { SessionStatus } from "@/domain/dialogue/vocabulary";
import { loadMemberships, type Viewer } from "@/server/auth/roles";
import { createLiveHub, type LiveHub } from "@/server/dialogue/live/hub";
import { createLiveEndpoints, liveRequestOf } from "@/server/dialogue/live/live-http";
import { listenOn } from "@/server/dialogue/live/notification-source";
import { touchSession } from "@/server/dialogue/live/notify-session";
import { loadSessionSnapshot, type SessionSnapshot } from "@/server/dialogue/live/session-snapshot";
import { askQuestion } from "@/server/dialogue/questions/ask-question";
import { newSupporterToken } from "@/server/dialogue/questions/keys";
import { answerQuestionNow, approveQuestion, declineQuestion, recordAnswer } from "@/server/dialogue/questions/moderate-question";
import { supportQuestion } from "@/server/dialogue/questions/support-question";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
let hub: LiveHub;
let moderator: Viewer;
let leaderId: string;
const now = new Date();
let ip = 0;
const nextIp = () => `10.9.${(++ip >> 8) & 255}.${ip & 255}`;

async function viewer(name: string): Promise<Viewer> {
  const email = `${name}@doithoai.example`;
  const [user] = await t.db.select().from(users).where(eq(users.email, email));
  return { userId: user!.id, email, name: user!.name, locale: "vi", memberships: await loadMemberships(t.db, user!.id) };
}

async function newSession(status: SessionStatus = "live") {
  const [unit] = await t.db.select().from(units).where(eq(units.code, "demo-ubnd-pleiku"));
  const [row] = await t.db
    .insert(dialogueSessions)
    .values({ title: "Đối thoại trực tiếp", topic: "Chợ tạm", unitId: unit!.id, location: "Nhà văn hóa", startsAt: new Date(now.getTime() - 3600_000), endsAt: new Date(now.getTime() + 3 * 3600_000), status })
    .returning();
  await t.db.insert(dialogueSessionLeaders).values({ sessionId: row!.id, userId: leaderId, position: "Chủ tịch UBND", positionEn: "Chair of the People's Committee" });
  return row!;
}

async function ask(sessionId: string, body: string, contact: { name?: string; email?: string; phone?: string } = {}) {
  const result = await askQuestion({ db: t.db, ip: nextIp(), userId: null, now }, { sessionId, body, idempotencyKey: randomUUID(), ...contact, consentContact: Boolean(contact.email) });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.question;
}

async function approved(sessionId: string, body = `Câu hỏi về chợ tạm và vỉa hè số ${randomUUID().slice(0, 8)}`) {
  const q = await ask(sessionId, body);
  await approveQuestion(t.db, moderator, { questionId: q.id }, now);
  return q;
}

const support = (sessionId: string, questionId: string) => supportQuestion(t.db, { sessionId, questionId, supporter: { browserToken: newSupporterToken() }, ip: nextIp() });

/** A viewer of the hub: every frame it was written, parsed. */
function watcher() {
  const frames: string[] = [];
  const snapshots = () =>
    frames
      .filter((f) => f.includes("event: snapshot"))
      .map((f) => JSON.parse(f.split("\n").filter((l) => l.startsWith("data: ")).map((l) => l.slice(6)).join("\n")) as SessionSnapshot);
  return { subscriber: { write: (frame: string) => void frames.push(frame) }, frames, snapshots, last: () => snapshots().at(-1) };
}

async function until<T>(read: () => T | undefined | null | false, ms = 3_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
}
const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
  moderator = await viewer("tiepnhan.pleiku");
  leaderId = (await viewer("lanhdao.pleiku")).userId;
  hub = createLiveHub({ load: (id) => loadSessionSnapshot(t.db, id), listen: listenOn(t.connection), coalesceMs: 100 });
});
afterAll(async () => {
  await hub.close();
  await t.close();
});

describe("live hub", () => {
  it("gives a new viewer the current snapshot at once, and the one in memory to the next", async () => {
    const s = await newSession();
    const q = await approved(s.id);
    const first = watcher();
    const leave = await hub.subscribe(s.id, first.subscriber);
    const snapshot = await until(first.last);
    expect(snapshot).toEqual(await loadSessionSnapshot(t.db, s.id));
    expect(snapshot.queue.map((x) => x.id)).toEqual([q.id]);
    const loads = hub.stats.loads;
    const second = watcher();
    const leave2 = await hub.subscribe(s.id, second.subscriber);
    expect(second.frames).toEqual([first.frames.at(-1)]);
    expect(hub.stats.loads).toBe(loads);
    leave!();
    leave2!();
    expect(hub.watched()).toBe(0);
  });

  it("pushes a committed change to every viewer with one load, the same bytes to each", async () => {
    const s = await newSession();
    const q = await approved(s.id);
    const viewers = [watcher(), watcher(), watcher()];
    const leaves = await Promise.all(viewers.map((v) => hub.subscribe(s.id, v.subscriber)));
    await until(() => viewers.every((v) => v.last()));
    await settle(150);
    const loads = hub.stats.loads;
    await answerQuestionNow(t.db, moderator, { questionId: q.id }, now);
    const updated = await until(() => viewers[0]!.last()?.current && viewers[0]!.last());
    expect(updated.current).toMatchObject({ id: q.id, number: q.number, answer: null });
    expect(updated.queue).toEqual([]);
    await until(() => viewers.every((v) => v.last()?.current));
    expect(new Set(viewers.map((v) => v.frames.at(-1))).size).toBe(1);
    await settle(250);
    expect(hub.stats.loads - loads).toBe(1);

    // The answer, attributed to the leader with the position they answer in.
    await recordAnswer(t.db, moderator, { questionId: q.id, answer: "Phường sẽ bố trí lại chợ trong tháng này.", leaderUserId: leaderId }, now);
    const answered = await until(() => (viewers[1]!.last()?.answered.length ? viewers[1]!.last() : null));
    expect(answered.current).toBeNull();
    expect(answered.answered[0]).toMatchObject({ id: q.id, answer: "Phường sẽ bố trí lại chợ trong tháng này.", leader: { position: "Chủ tịch UBND", positionEn: "Chair of the People's Committee" } });
    expect(answered.answered[0]!.leader!.name).toBeTruthy();
    expect(answered.counts.answered).toBe(1);
    for (const leave of leaves) leave!();
  });

  it("says nothing about a change that rolled back", async () => {
    const s = await newSession();
    const v = watcher();
    const leave = await hub.subscribe(s.id, v.subscriber);
    await until(v.last);
    await settle(200);
    const frames = v.frames.length;
    const loads = hub.stats.loads;
    await expect(
      t.db.transaction(async (tx) => {
        await tx.update(dialogueSessions).set({ status: "ended" }).where(eq(dialogueSessions.id, s.id));
        await touchSession(tx, s.id);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    await settle(500);
    expect(v.frames.length).toBe(frames);
    expect(hub.stats.loads).toBe(loads);
    // A committed one right after is delivered.
    await t.db.transaction(async (tx) => {
      await tx.update(dialogueSessions).set({ status: "ended" }).where(eq(dialogueSessions.id, s.id));
      await touchSession(tx, s.id);
    });
    expect((await until(() => v.last()?.status === "ended" && v.last())).status).toBe("ended");
    leave!();
  });

  it("coalesces a burst of supports into a few loads, the last one showing the final count", async () => {
    const s = await newSession();
    const q = await approved(s.id);
    const v = watcher();
    const leave = await hub.subscribe(s.id, v.subscriber);
    await until(v.last);
    await settle(150);
    const loads = hub.stats.loads;
    const burst = 30;
    for (let i = 0; i < burst; i++) expect((await support(s.id, q.id)).outcome).toBe("supported");
    const final = await until(() => v.last()?.queue[0]?.supportCount === burst && v.last());
    expect(final.counts.supports).toBe(burst);
    await settle(300);
    const used = hub.stats.loads - loads;
    expect(used).toBeGreaterThanOrEqual(1);
    expect(used).toBeLessThan(burst / 2);
    expect(v.last()!.queue[0]!.supportCount).toBe(burst);
    leave!();
  });

  it("sends a session's changes less often when its frames times its viewers exceed the write budget", async () => {
    // A budget of a byte every 5 ms: a frame of a few hundred bytes to one viewer spaces loads by seconds.
    const frugal = createLiveHub({ load: (id) => loadSessionSnapshot(t.db, id), listen: listenOn(t.connection), coalesceMs: 50, bytesPerMs: 0.2 });
    try {
      const s = await newSession();
      const q = await approved(s.id);
      const v = watcher();
      const leave = await frugal.subscribe(s.id, v.subscriber);
      await until(v.last);
      const gap = Math.min(5_000, Buffer.byteLength(v.frames.at(-1)!) / 0.2);
      expect(gap).toBeGreaterThan(1_000);
      const loads = frugal.stats.loads;
      const started = Date.now();
      for (let i = 0; i < 5; i++) await support(s.id, q.id);
      await settle(300);
      expect(frugal.stats.loads).toBe(loads);
      await until(() => v.last()?.queue[0]?.supportCount === 5, 8_000);
      expect(Date.now() - started).toBeGreaterThanOrEqual(gap - 400);
      expect(frugal.stats.loads - loads).toBe(1);
      leave!();
    } finally {
      await frugal.close();
    }
  });

  it("does no work for a session nobody watches", async () => {
    const s = await newSession();
    const q = await approved(s.id);
    const loads = hub.stats.loads;
    const notifications = hub.stats.notifications;
    await support(s.id, q.id);
    await until(() => hub.stats.notifications > notifications);
    await settle(200);
    expect(hub.stats.loads).toBe(loads);
  });

  it("refuses viewers past its capacity", async () => {
    const small = createLiveHub({ load: (id) => loadSessionSnapshot(t.db, id), listen: listenOn(t.connection), maxSubscribers: 2 });
    const s = await newSession();
    const a = await small.subscribe(s.id, watcher().subscriber);
    const b = await small.subscribe(s.id, watcher().subscriber);
    expect(await small.subscribe(s.id, watcher().subscriber)).toBeNull();
    a!();
    expect(await small.subscribe(s.id, watcher().subscriber)).not.toBeNull();
    b!();
    await small.close();
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)("reaches the viewers of another instance listening on the same PostgreSQL", async () => {
    if (t.kind !== "postgres" || !t.url) return;
    const client = postgres(t.url, { max: 2, onnotice: () => {} });
    const other = { kind: "postgres" as const, client };
    const otherDb = await drizzleFor(other);
    const otherHub = createLiveHub({ load: (id) => loadSessionSnapshot(otherDb, id), listen: listenOn(other), coalesceMs: 100 });
    try {
      const s = await newSession();
      const q = await approved(s.id);
      const v = watcher();
      const leave = await otherHub.subscribe(s.id, v.subscriber);
      await until(v.last);
      // The change goes through this instance's connection; the other instance's viewer sees it.
      await answerQuestionNow(t.db, moderator, { questionId: q.id }, now);
      expect((await until(() => v.last()?.current && v.last())).current!.id).toBe(q.id);
      leave!();
    } finally {
      await otherHub.close();
      await client.end({ timeout: 5 });
    }
  });
});

describe("after the listening connection drops", () => {
  it.skipIf(!process.env.TEST_DATABASE_URL)("listens again and sends viewers the changes made meanwhile", async () => {
    if (t.kind !== "postgres") return;
    const s = await newSession();
    const q = await approved(s.id);
    const v = watcher();
    const leave = await hub.subscribe(s.id, v.subscriber);
    await until(v.last);
    // Cut the listener's connection, and change the session while nobody listens.
    const cut = rowsOf(
      await t.db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and query ilike 'listen%'`),
    );
    expect(cut).toHaveLength(1);
    await t.db.transaction(async (tx) => {
      await tx.update(dialogueSessions).set({ currentQuestionId: q.id }).where(eq(dialogueSessions.id, s.id));
      await touchSession(tx, s.id);
    });
    expect((await until(() => v.last()?.current && v.last(), 10_000)).current!.id).toBe(q.id);
    // And it delivers again.
    await support(s.id, q.id);
    expect(await until(() => v.last()?.current?.supportCount === 1, 5_000)).toBe(true);
    leave!();
  });
});

describe("session snapshot", () => {
  it("shows approved, answered and current questions only, never a pending or declined text, nor any contact", async () => {
    const s = await newSession();
    const contact = { name: "Nguyễn Thị Riêng Tư", email: "rieng.tu.9931@example.com", phone: "0905 123 987" };
    const pending = await ask(s.id, "Câu hỏi chưa duyệt về con hẻm số chín mươi chín", contact);
    const declined = await ask(s.id, "Câu hỏi bị từ chối vì lạc đề hoàn toàn ở đây");
    await declineQuestion(t.db, moderator, { questionId: declined.id, reason: "off_topic" }, now);
    const withContact = await ask(s.id, "Câu hỏi đã duyệt của người để lại liên lạc", contact);
    await approveQuestion(t.db, moderator, { questionId: withContact.id }, now);
    const high = await approved(s.id, "Câu hỏi được ưu tiên cao hơn về trường học");
    await t.db.update(dialogueQuestions).set({ priority: 2 }).where(eq(dialogueQuestions.id, high.id));
    const supported = await approved(s.id, "Câu hỏi có nhiều người ủng hộ về nước sạch");
    await support(s.id, supported.id);
    await support(s.id, supported.id);

    const snapshot = (await loadSessionSnapshot(t.db, s.id))!;
    const json = JSON.stringify(snapshot);
    expect(json).not.toContain("con hẻm số chín mươi chín");
    expect(json).not.toContain("lạc đề hoàn toàn");
    for (const value of [contact.name, contact.email, "0905123987", "905123987", "0905 123 987"]) expect(json).not.toContain(value);
    expect(json).not.toContain(pending.id);
    expect(json).not.toContain(declined.id);
    expect(json).not.toMatch(/address|asker|sealed|idempotency|search_?text/i);
    // Queue order: priority, then supports, then who asked first.
    expect(snapshot.queue.map((q) => q.id)).toEqual([high.id, supported.id, withContact.id]);
    expect(snapshot.counts).toMatchObject({ pending: 1, approved: 3, declined: 1, answered: 0, supports: 2 });
    expect(snapshot.queueTotal).toBe(3);
  });

  it("is null for an id that is not a session's; its version moves with any change it shows", async () => {
    expect(await loadSessionSnapshot(t.db, randomUUID())).toBeNull();
    expect(await loadSessionSnapshot(t.db, "not-a-uuid")).toBeNull();
    const s = await newSession();
    const q = await approved(s.id);
    const v1 = (await loadSessionSnapshot(t.db, s.id))!.version;
    expect((await loadSessionSnapshot(t.db, s.id))!.version).toBe(v1);
    await support(s.id, q.id);
    const v2 = (await loadSessionSnapshot(t.db, s.id))!.version;
    expect(v2).not.toBe(v1);
    await ask(s.id, "Một câu hỏi mới đang chờ duyệt về điện chiếu sáng");
    const v3 = (await loadSessionSnapshot(t.db, s.id))!.version;
    expect(v3).not.toBe(v2);
    await t.db.transaction((tx) => touchSession(tx, s.id));
    expect((await loadSessionSnapshot(t.db, s.id))!.version).not.toBe(v3);
  });

  it("stays fast with 500 questions", async () => {
    const s = await newSession();
    await t.db.execute(sql`insert into dialogue_questions (session_id, number, body, search_text, status, support_count, priority)
      select ${s.id}::uuid, n, 'Câu hỏi số ' || n, 'cau hoi so ' || n, case when n % 5 = 0 then 'pending' when n % 7 = 0 then 'answered' else 'approved' end, n % 37, n % 3
      from generate_series(1, 500) n`);
    await loadSessionSnapshot(t.db, s.id);
    const started = performance.now();
    for (let i = 0; i < 10; i++) await loadSessionSnapshot(t.db, s.id);
    const each = (performance.now() - started) / 10;
    const snapshot = (await loadSessionSnapshot(t.db, s.id))!;
    expect(snapshot.queue).toHaveLength(30);
    expect(snapshot.queueTotal).toBeGreaterThan(30);
    const order = snapshot.queue.map((q) => [q.priority, q.supportCount, -q.number]);
    expect(order).toEqual([...order].sort((a, b) => b[0]! - a[0]! || b[1]! - a[1]! || b[2]! - a[2]!));
    expect(each).toBeLessThan(100);
  });
});

describe("live endpoints", () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    const endpoints = createLiveEndpoints({ hub, db: async () => t.db });
    server = createServer((req, res) => {
      const request = liveRequestOf(req);
      if (!request) {
        res.writeHead(404).end();
        return;
      }
      void endpoints.serve(req, res, request);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("answers the status as JSON with its version as ETag, 304 while unchanged", async () => {
    const s = await newSession();
    const q = await approved(s.id);
    const first = await fetch(`${base}/doi-thoai/${s.id}/trang-thai`);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toMatch(/application\/json/);
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    const etag = first.headers.get("etag")!;
    const body = (await first.json()) as SessionSnapshot;
    expect(etag).toBe(`"${body.version}"`);
    expect((await fetch(`${base}/doi-thoai/${s.id}/trang-thai`, { headers: { "if-none-match": etag } })).status).toBe(304);
    await support(s.id, q.id);
    const changed = await fetch(`${base}/doi-thoai/${s.id}/trang-thai`, { headers: { "if-none-match": etag } });
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as SessionSnapshot).queue[0]!.supportCount).toBe(1);
    expect((await fetch(`${base}/doi-thoai/${randomUUID()}/trang-thai`)).status).toBe(404);
    expect((await fetch(`${base}/doi-thoai/${randomUUID()}/su-kien`)).status).toBe(404);
    expect(liveRequestOf({ method: "POST", url: `/doi-thoai/${s.id}/su-kien` } as never)).toBeNull();
    expect(liveRequestOf({ method: "GET", url: `/doi-thoai/${s.id}/su-kien?x=1` } as never)).toMatchObject({ kind: "stream" });
  });

  it("streams the current snapshot at once on every connection, with a retry hint and the version as event id, then each change", async () => {
    const s = await newSession();
    const q = await approved(s.id);
    const read = async (response: Response, until: (text: string) => boolean) => {
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let text = "";
      const deadline = Date.now() + 3_000;
      while (!until(text) && Date.now() < deadline) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
      }
      return { text, reader };
    };
    const controller = new AbortController();
    const response = await fetch(`${base}/doi-thoai/${s.id}/su-kien`, { signal: controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toContain("no-store");
    const { text, reader } = await read(response, (x) => x.includes("event: snapshot"));
    expect(text.startsWith("retry: ")).toBe(true);
    const version = (await loadSessionSnapshot(t.db, s.id))!.version;
    expect(text).toContain(`id: ${version}\nevent: snapshot\ndata: {`);
    await answerQuestionNow(t.db, moderator, { questionId: q.id }, now);
    const decoder = new TextDecoder();
    let more = "";
    while (!more.includes(q.id) || !more.includes('"current":{')) more += decoder.decode((await reader.read()).value);
    controller.abort();
    // A reconnection (after a drop) gets the state at once.
    const reconnect = new AbortController();
    const again = await fetch(`${base}/doi-thoai/${s.id}/su-kien`, { headers: { "last-event-id": version }, signal: reconnect.signal });
    const { text: second } = await read(again, (x) => x.includes("event: snapshot"));
    expect(second).toContain('"current":{');
    reconnect.abort();
  });
});
