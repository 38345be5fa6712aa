import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { emailOutbox } from "@/db/schema";
import { MAX_ATTEMPTS, deliverDueEmails, type EmailSender } from "@/server/email/deliver-emails";
import { sendEmail } from "@/server/email/send-email";
import { queueSignInEmail } from "@/server/email/queue-sign-in-email";
import { listLocalOutbox } from "@/server/email/list-local-outbox";
import { appendAudit, verifyAuditChain } from "@/server/audit/append-audit";
import { auditLog } from "@/db/schema";
import { runInTransaction } from "@/db/transaction";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.db.delete(emailOutbox);
});

async function queue(n: number) {
  await t.db.insert(emailOutbox).values(
    Array.from({ length: n }, (_, i) => ({ toAddress: `p${i}@example.com`, subject: `s${i}`, text: "t", html: "<p>t</p>", template: "test", status: "pending" as const })),
  );
}

const plain = { subject: "Chào", text: "Nội dung", html: "<p>Nội dung</p>" };

describe("email outbox", () => {
  it("keeps mail in the local outbox when no email service is configured, in the sender's language", async () => {
    const url = "http://localhost:3000/api/auth/callback/resend?token=abc123secret";
    await t.db.transaction((tx) => queueSignInEmail(tx, { identifier: "Someone@Example.com", url, locale: "en", appUrl: "http://localhost:3000" }));
    const [row] = await t.db.select().from(emailOutbox);
    expect(row).toMatchObject({ toAddress: "someone@example.com", status: "local", locale: "en", template: "sign-in", renderer: "sign-in", subject: "", text: "", html: "" });
    // The link is kept only sealed; the outbox page renders it for the reader.
    expect(JSON.stringify(row)).not.toContain("abc123secret");
    const [shown] = await listLocalOutbox(t.db);
    expect(shown!.subject).toContain("sign-in link");
    expect(shown!.text).toContain("token=abc123secret");
  });

  it("writes nothing when the transaction that caused the message rolls back", async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await sendEmail(tx, { ...plain, to: "a@example.com", template: "test", locale: "vi" });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await t.db.select().from(emailOutbox)).toHaveLength(0);
  });

  it("sends a deduplicated message only once", async () => {
    for (let i = 0; i < 3; i++) await sendEmail(t.db, { ...plain, to: "a@example.com", template: "digest", locale: "vi", dedupeKey: "digest:2026-11-27:a" });
    expect(await t.db.select().from(emailOutbox)).toHaveLength(1);
  });

  it("delivers each queued message exactly once with concurrent workers", async () => {
    await queue(60);
    const delivered: string[] = [];
    const send: EmailSender = async (m) => {
      delivered.push(m.id);
      await new Promise((r) => setTimeout(r, 1));
      return { providerMessageId: `p-${m.id}` };
    };
    const worker = async () => {
      let total = 0;
      for (;;) {
        const { sent } = await deliverDueEmails(t.db, send, 7);
        if (sent === 0) return total;
        total += sent;
      }
    };
    const totals = await Promise.all([worker(), worker(), worker()]);
    expect(totals.reduce((a, b) => a + b, 0)).toBe(60);
    expect(new Set(delivered).size).toBe(60);
    expect(delivered).toHaveLength(60);
    const rows = await t.db.select().from(emailOutbox);
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1 && r.providerMessageId === `p-${r.id}`)).toBe(true);
  });

  it("retries a failed send later with backoff, and gives up visibly after the last attempt", async () => {
    await queue(1);
    const failing: EmailSender = async () => {
      throw new Error("service unavailable");
    };
    expect(await deliverDueEmails(t.db, failing)).toEqual({ sent: 0, failed: 1 });
    let [row] = await t.db.select().from(emailOutbox);
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastError: "service unavailable" });
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    // Not due yet: nothing is claimed.
    expect(await deliverDueEmails(t.db, failing)).toEqual({ sent: 0, failed: 0 });
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      await t.db.update(emailOutbox).set({ nextAttemptAt: new Date(Date.now() - 1000) });
      await deliverDueEmails(t.db, failing);
    }
    [row] = await t.db.select().from(emailOutbox);
    expect(row).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
  });

  it("retakes a message whose worker died mid-send", async () => {
    await queue(1);
    await t.db.update(emailOutbox).set({ status: "sending", lockedUntil: new Date(Date.now() - 1000), attempts: 1 });
    const ok: EmailSender = async () => ({ providerMessageId: "x" });
    expect(await deliverDueEmails(t.db, ok)).toEqual({ sent: 1, failed: 0 });
    const [row] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.status, "sent"));
    expect(row?.attempts).toBe(2);
  });
});

describe("audit log", () => {
  it("chains entries and detects a tampered row", async () => {
    for (let i = 0; i < 5; i++) {
      await t.db.transaction((tx) => appendAudit(tx, { actorUserId: null, action: "case.accepted", entityType: "case", entityId: `c${i}`, data: { i } }));
    }
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, entries: 5 });
    const [third] = await t.db.select().from(auditLog).orderBy(auditLog.id).offset(2).limit(1);
    // The table refuses changes; someone with the rights to switch that off can still edit, and the chain shows it.
    await expect(t.db.execute(sql`update audit_log set entity_id = 'forged' where id = ${third!.id}`)).rejects.toThrow();
    await t.db.execute(sql`alter table audit_log disable trigger user`);
    await t.db.execute(sql`update audit_log set entity_id = 'forged' where id = ${third!.id}`);
    await t.db.execute(sql`alter table audit_log enable trigger user`);
    expect(await verifyAuditChain(t.db)).toEqual({ ok: false, entries: 2, brokenAtId: third!.id, problem: "hash" });
  });

  it("writes a transaction's entries together at its end, in order, and none if it rolls back", async () => {
    const before = (await t.db.select().from(auditLog)).length;
    await runInTransaction(t.db, async (tx) => {
      await appendAudit(tx, { actorUserId: null, action: "case.received", entityType: "case", entityId: "batch", data: { n: 1 } });
      // Not written yet: the chain lock is taken only at the end.
      expect((await tx.select().from(auditLog)).length).toBe(before);
      await appendAudit(tx, { actorUserId: null, action: "case.routed", entityType: "case", entityId: "batch", data: { n: 2 } });
    });
    const rows = await t.db.select().from(auditLog).orderBy(auditLog.id);
    expect(rows.slice(-2).map((r) => r.action)).toEqual(["case.received", "case.routed"]);
    await expect(
      runInTransaction(t.db, async (tx) => {
        await appendAudit(tx, { actorUserId: null, action: "case.accepted", entityType: "case", entityId: "rolled-back" });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect((await t.db.select().from(auditLog)).some((r) => r.entityId === "rolled-back")).toBe(false);
  });
});

