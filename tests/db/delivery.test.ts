import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { drizzleFor, type Database } from "@/db/client";
import { emailDeliveryAttempts, emailOutbox } from "@/db/schema";
import { runInTransaction } from "@/db/transaction";
import type { Viewer } from "@/server/auth/roles";
import { recordCaseEvent } from "@/server/cases/record-event";
import { deliverDueEmails, MAX_ATTEMPTS, type EmailSender } from "@/server/email/deliver-emails";
import { listFailedEmails, retryFailedEmail } from "@/server/email/failed-emails";
import { queueSignInEmail } from "@/server/email/queue-sign-in-email";
import { resendSender } from "@/server/email/resend-sender";
import { sendEmail } from "@/server/email/send-email";
import { verifyPreferenceToken } from "@/server/email/preference-token";
import { createTestDatabase, type TestDatabase } from "../support/test-db";
import { makeCase, makeOrganisation, type Org } from "../support/mail-fixtures";

let t: TestDatabase;
let org: Org;
/** Two workers, two separate connections (clients) on PostgreSQL; PGlite has a single one. */
let second: { db: Database; close: () => Promise<void> };

beforeAll(async () => {
  t = await createTestDatabase();
  org = await makeOrganisation(t.db);
  if (t.kind === "postgres") {
    const { default: postgres } = await import("postgres");
    const client = postgres(t.url!, { max: 4, onnotice: () => {}, connection: { TimeZone: "UTC" } });
    second = { db: await drizzleFor({ kind: "postgres", client }), close: () => client.end({ timeout: 5 }) };
  } else second = { db: t.db, close: async () => {} };
});
afterAll(async () => {
  await second.close();
  await t.close();
});
beforeEach(async () => {
  await t.db.delete(emailOutbox);
});

async function queue(n: number) {
  const rows = Array.from({ length: n }, (_, i) => ({ toAddress: `p${i}@example.com`, subject: `s${i}`, text: "t", html: "<p>t</p>", template: "test", status: "pending" as const }));
  for (let i = 0; i < rows.length; i += 200) await t.db.insert(emailOutbox).values(rows.slice(i, i + 200));
}

/** Makes every waiting message due now, as if the backoff or a dead worker's claim had run out. */
async function timePasses() {
  await t.db.execute(sql`update email_outbox set next_attempt_at = now() - interval '1 second', locked_until = case when status = 'sending' then now() - interval '1 second' end where status in ('pending', 'sending')`);
}

async function drain(db: Database, send: EmailSender, worker: string, batch = 10) {
  let total = 0;
  for (;;) {
    const { sent, failed } = await deliverDueEmails(db, send, batch, { worker });
    if (sent + failed === 0) return total;
    total += sent;
  }
}

describe("delivery by several workers", () => {
  it("delivers hundreds of queued messages exactly once with two workers on two connections", async () => {
    await queue(400);
    const delivered: string[] = [];
    const send: EmailSender = async (m) => {
      delivered.push(m.id);
      await new Promise((r) => setTimeout(r, Math.random() * 2));
      return { providerMessageId: `p-${m.id}` };
    };
    const [a, b] = await Promise.all([drain(t.db, send, "worker-a"), drain(second.db, send, "worker-b")]);
    expect(a + b).toBe(400);
    expect(delivered).toHaveLength(400);
    expect(new Set(delivered).size).toBe(400);
    const rows = await t.db.select().from(emailOutbox);
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
    const attempts = await t.db.select().from(emailDeliveryAttempts).where(inArray(emailDeliveryAttempts.outboxId, rows.map((r) => r.id)));
    expect(attempts).toHaveLength(400);
    expect(attempts.every((x) => x.ok && x.providerMessageId === `p-${x.outboxId}`)).toBe(true);
    if (t.kind === "postgres") expect(new Set(attempts.map((x) => x.worker))).toEqual(new Set(["worker-a", "worker-b"]));
  });

  it("loses nothing when a worker dies mid-batch: its claimed messages are retaken once the claim runs out", async () => {
    await queue(50);
    const sentByDead: string[] = [];
    // The first worker sends five messages, then hangs for ever on the sixth (the process died).
    let died: () => void = () => {};
    const death = new Promise<void>((resolve) => (died = resolve));
    const dying: EmailSender = (m) => {
      if (sentByDead.length === 5) {
        died();
        return new Promise(() => {});
      }
      sentByDead.push(m.id);
      return Promise.resolve({ providerMessageId: `dead-${m.id}` });
    };
    void deliverDueEmails(t.db, dying, 20, { worker: "dead" });
    await death;
    const stuck = await t.db.select().from(emailOutbox).where(eq(emailOutbox.status, "sending"));
    expect(stuck).toHaveLength(15);
    // Before the claim runs out the others leave them alone…
    const sentByLiving: string[] = [];
    const living: EmailSender = async (m) => {
      sentByLiving.push(m.id);
      return { providerMessageId: `ok-${m.id}` };
    };
    expect(await drain(second.db, living, "living")).toBe(30);
    // …then take them over.
    await timePasses();
    expect(await drain(second.db, living, "living")).toBe(15);
    const rows = await t.db.select().from(emailOutbox);
    expect(rows.every((r) => r.status === "sent")).toBe(true);
    expect(new Set([...sentByDead, ...sentByLiving]).size).toBe(50);
    // Nothing the dead worker had finished was sent again.
    for (const id of sentByDead) expect(sentByLiving).not.toContain(id);
  });

  it("keeps going past a failing message and retries it with backoff, recording every attempt", async () => {
    await queue(10);
    const [bad] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, "p3@example.com"));
    const flaky: EmailSender = async (m) => {
      if (m.id === bad!.id) throw new Error("connection reset");
      return { providerMessageId: "x" };
    };
    expect(await deliverDueEmails(t.db, flaky, 20)).toEqual({ sent: 9, failed: 1 });
    let [row] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.id, bad!.id));
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastError: "connection reset" });
    for (let i = 2; i <= MAX_ATTEMPTS; i++) {
      await timePasses();
      await deliverDueEmails(t.db, flaky, 20);
    }
    [row] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.id, bad!.id));
    expect(row).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    const attempts = await t.db.select().from(emailDeliveryAttempts).where(eq(emailDeliveryAttempts.outboxId, bad!.id));
    expect(attempts).toHaveLength(MAX_ATTEMPTS);
    expect(attempts.every((a) => !a.ok && a.error === "connection reset")).toBe(true);
  });
});

type Received = { headers: IncomingHttpHeaders; body: { from: string; to: string | string[]; subject: string; text: string; html: string; headers?: Record<string, string> } };

/** Stands in for Resend's API: scripted failures first, then success; one message per idempotency key, as Resend does. */
function fakeResend() {
  const received: Received[] = [];
  const script: number[] = [];
  /** Addresses the API refuses (422), whatever the script says. */
  const refuse = new Set<string>();
  const byKey = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    req.on("end", () => {
      const to = (JSON.parse(raw) as { to: string | string[] }).to;
      const status = refuse.has(Array.isArray(to) ? to[0]! : to) ? 422 : (script.shift() ?? 200);
      if (status !== 200) {
        const name = status === 429 ? "rate_limit_exceeded" : status === 422 ? "validation_error" : "internal_server_error";
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ statusCode: status, name, message: `fake ${status}` }));
        return;
      }
      const key = String(req.headers["idempotency-key"] ?? "");
      let id = byKey.get(key);
      if (!id) {
        id = `re_${received.length + 1}`;
        byKey.set(key, id);
        received.push({ headers: req.headers, body: JSON.parse(raw) as Received["body"] });
      }
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id }));
    });
  });
  return {
    received,
    script,
    refuse,
    start: () => new Promise<string>((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("delivery through the resend package to a fake Resend API", () => {
  const fake = fakeResend();
  let url = "";
  beforeAll(async () => {
    url = await fake.start();
    // The resend package reads RESEND_BASE_URL itself: that is the path production would take.
    process.env.RESEND_BASE_URL = url;
  });
  afterAll(async () => {
    delete process.env.RESEND_BASE_URL;
    await fake.stop();
  });

  it("sends each recipient their message in their language, retrying 5xx and 429 answers", async () => {
    const c = await makeCase(t.db, org, { language: "en", status: "accepted", resolutionDueOn: "2027-03-15" });
    await runInTransaction(t.db, async (tx) => {
      await recordCaseEvent(tx, { caseId: c.id, type: "case.received", visibility: "public" });
      await recordCaseEvent(tx, { caseId: c.id, type: "case.accepted", visibility: "public", data: { resolutionDueOn: "2027-03-15" } });
    });
    // Queued as local mail (no RESEND_API_KEY in tests): make it deliverable.
    await t.db.update(emailOutbox).set({ status: "pending" });
    const queued = await t.db.select().from(emailOutbox).orderBy(emailOutbox.toAddress);
    expect(queued).toHaveLength(3);
    // Notifications are stored unrendered (a filing pays nothing for templates); delivery renders them.
    expect(queued.every((q) => q.renderer !== null && q.html === "")).toBe(true);
    const send = resendSender("re_test_key", "Đối thoại <no-reply@doithoai.example>");
    fake.script.push(500, 429);
    expect(await deliverDueEmails(t.db, send)).toEqual({ sent: 1, failed: 2 });
    await timePasses();
    expect(await deliverDueEmails(t.db, send)).toEqual({ sent: 2, failed: 0 });
    expect(fake.received).toHaveLength(3);
    const to = (r: Received) => (Array.isArray(r.body.to) ? r.body.to[0] : r.body.to);
    const filer = fake.received.find((r) => to(r) === c.filerEmail)!;
    expect(filer.body.subject).toBe(`Case ${c.code} has been accepted for handling`);
    expect(filer.body.html).toContain('lang="en"');
    expect(filer.body.text).toContain("Deadline for an answer: 15/03/2027.");
    expect(filer.body.from).toBe("Đối thoại <no-reply@doithoai.example>");
    expect(filer.headers.authorization).toBe("Bearer re_test_key");
    const vi = fake.received.find((r) => to(r) === org.people.intakeWard.email)!;
    expect(vi.body.subject).toBe(`Hồ sơ mới ${c.code} gửi đến UBND phường Quy Nhơn`);
    expect(vi.body.html).toContain('lang="vi"');
    const en = fake.received.find((r) => to(r) === org.people.intakeWardEn.email)!;
    expect(en.body.subject).toBe(`New case ${c.code} for Quy Nhon Ward People's Committee`);
    for (const r of fake.received) {
      const row = queued.find((q) => q.toAddress === to(r))!;
      expect(r.headers["idempotency-key"]).toBe(`outbox-${row.id}`);
    }
    const rows = await t.db.select().from(emailOutbox);
    expect(rows.every((r) => r.status === "sent" && r.providerMessageId?.startsWith("re_") && r.renderer === null && r.html !== "")).toBe(true);
    const failures = await t.db.select().from(emailDeliveryAttempts).where(eq(emailDeliveryAttempts.ok, false));
    expect(failures.map((f) => f.error!.slice(0, 10)).sort()).toEqual(["Resend 429", "Resend 500"]);
  });

  it("hands the sign-in link to the API, retried with it after an error, and keeps neither once delivered", async () => {
    const link = `http://localhost:3000/api/auth/callback/resend?token=${"f".repeat(16)}${Date.now()}`;
    await queueSignInEmail(t.db, { identifier: "link@example.com", url: link, locale: "en", appUrl: "http://localhost:3000" });
    await t.db.update(emailOutbox).set({ status: "pending" });
    const send = resendSender("re_test_key", "x <x@example.com>");
    const before = fake.received.length;
    fake.script.push(503);
    expect(await deliverDueEmails(t.db, send)).toEqual({ sent: 0, failed: 1 });
    let [row] = await t.db.select().from(emailOutbox);
    expect(row).toMatchObject({ status: "pending", html: "", text: "" });
    expect(row!.secret).not.toBeNull();
    await timePasses();
    expect(await deliverDueEmails(t.db, send)).toEqual({ sent: 1, failed: 0 });
    const received = fake.received.slice(before).at(-1)!;
    expect(received.body.html).toContain(link.replaceAll("&", "&amp;"));
    expect(received.body.text).toContain(link);
    [row] = await t.db.select().from(emailOutbox);
    expect(row).toMatchObject({ status: "sent", secret: null, html: "", text: "" });
    const attempts = await t.db.select().from(emailDeliveryAttempts).where(eq(emailDeliveryAttempts.outboxId, row!.id));
    expect(JSON.stringify([row, attempts])).not.toContain(link.split("token=")[1]);
  });

  it("hands a digest's List-Unsubscribe headers to the API as its headers, and none with a sign-in link", async () => {
    const digest = { subject: "Hồ sơ cần chú ý", text: "t", html: "<p>t</p>", locale: "vi" as const };
    await sendEmail(t.db, { ...digest, to: "Canbo@Example.com", template: "staff-digest", dedupeKey: "digest:2027-02-04:x" });
    await queueSignInEmail(t.db, { identifier: "link@example.com", url: "http://localhost:3000/api/auth/callback/resend?token=t", locale: "vi", appUrl: "http://localhost:3000" });
    await t.db.update(emailOutbox).set({ status: "pending" });
    const before = fake.received.length;
    expect(await deliverDueEmails(t.db, resendSender("re_test_key", "x <x@example.com>"))).toEqual({ sent: 2, failed: 0 });
    const received = fake.received.slice(before);
    const sentDigest = received.find((r) => r.body.to === "canbo@example.com" || (Array.isArray(r.body.to) && r.body.to[0] === "canbo@example.com"))!;
    expect(Object.keys(sentDigest.body.headers ?? {}).sort()).toEqual(["List-Unsubscribe", "List-Unsubscribe-Post"]);
    expect(sentDigest.body.headers!["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const link = /^<http:\/\/localhost:3000\/email\/huy-dang-ky\/mot-cham\?t=([^>]+)>$/.exec(sentDigest.body.headers!["List-Unsubscribe"]!);
    expect(verifyPreferenceToken(decodeURIComponent(link![1]!))?.topic).toBe("digest");
    const signIn = received.find((r) => r !== sentDigest)!;
    expect(signIn.body.headers).toBeUndefined();
  });

  it("sends a message retried after a crash only once (same idempotency key)", async () => {
    await queue(1);
    const send = resendSender("re_test_key", "x <x@example.com>");
    const before = fake.received.length;
    expect(await deliverDueEmails(t.db, send)).toEqual({ sent: 1, failed: 0 });
    // As if the worker died before recording the success: the row is claimed and sent again.
    await t.db.update(emailOutbox).set({ status: "pending", nextAttemptAt: new Date(Date.now() - 1000) });
    expect(await deliverDueEmails(t.db, send)).toEqual({ sent: 1, failed: 0 });
    expect(fake.received.length - before).toBe(1);
  });

  it("retries when the API cannot be reached, fails at once on a refused message, and shows failures to admins only", async () => {
    await queue(2);
    const [first, refused] = await t.db.select().from(emailOutbox).orderBy(emailOutbox.toAddress);
    const unreachable = resendSender("re_test_key", "x <x@example.com>", { baseUrl: "http://127.0.0.1:9" });
    expect(await deliverDueEmails(t.db, unreachable)).toEqual({ sent: 0, failed: 2 });
    expect((await t.db.select().from(emailOutbox)).every((r) => r.status === "pending")).toBe(true);
    await timePasses();
    const send = resendSender("re_test_key", "x <x@example.com>");
    fake.refuse.add(refused!.toAddress);
    await deliverDueEmails(t.db, send);
    const rows = new Map((await t.db.select().from(emailOutbox)).map((r) => [r.id, r]));
    expect(rows.get(first!.id)!.status).toBe("sent");
    expect(rows.get(refused!.id)).toMatchObject({ status: "failed", attempts: 2 });
    expect(rows.get(refused!.id)!.lastError).toContain("Resend 422: validation_error");

    const admin: Viewer = { userId: org.people.admin.id, email: org.people.admin.email, name: "admin", locale: "vi", memberships: [{ unitId: org.top.id, unitName: "", unitNameEn: "", role: "admin" }] };
    const leader: Viewer = { ...admin, userId: org.people.leaderTop.id, memberships: [{ unitId: org.top.id, unitName: "", unitNameEn: "", role: "leader" }] };
    const { failed } = await listFailedEmails(t.db, admin);
    expect(failed.map((f) => f.id)).toEqual([refused!.id]);
    expect(failed[0]!.history.map((h) => h.error?.slice(0, 10))).toEqual(["Resend: ap", "Resend 422"]);
    await expect(listFailedEmails(t.db, leader)).rejects.toMatchObject({ code: "forbidden" });
    await expect(retryFailedEmail(t.db, leader, refused!.id)).rejects.toMatchObject({ code: "forbidden" });
    expect(await retryFailedEmail(t.db, admin, refused!.id)).toBe(true);
    fake.refuse.clear();
    expect(await deliverDueEmails(t.db, send)).toEqual({ sent: 1, failed: 0 });
  });
});
