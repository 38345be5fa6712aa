// Real worker processes (`npm run worker`, the bundled dist/worker.mjs) against one PostgreSQL database and a
// fake Resend API reached by the real resend package: every queued message goes out exactly once, also when a
// worker is killed (SIGKILL) in the middle of a batch.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { createServer, type ServerResponse, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { inArray, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/rows";
import { emailDeliveryAttempts, emailOutbox } from "@/db/schema";
import { env } from "@/env";
import { testDatabaseUrl } from "../support/database-url";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

const run = promisify(execFile);

/**
 * Counts every request, so a message sent twice shows even though it deduplicates by idempotency key as the
 * real API does. `hang` makes it take requests without ever answering (a provider that stalls).
 */
function fakeResend() {
  const requests: { key: string; to: string }[] = [];
  const stalled: ServerResponse[] = [];
  const state = { hang: false };
  const ids = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    req.on("end", () => {
      const body = JSON.parse(raw) as { to: string | string[] };
      const key = String(req.headers["idempotency-key"] ?? "");
      requests.push({ key, to: Array.isArray(body.to) ? body.to[0]! : body.to });
      if (state.hang) {
        stalled.push(res);
        return;
      }
      const id = ids.get(key) ?? `re_${ids.size + 1}`;
      ids.set(key, id);
      // Some latency: one worker alone would need longer than the other's polling interval (5 s).
      setTimeout(() => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id })), 20);
    });
  });
  return {
    requests,
    state,
    start: () => new Promise<string>((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))),
    stop: () =>
      new Promise<void>((resolve) => {
        for (const res of stalled) res.destroy();
        server.close(() => resolve());
      }),
  };
}

describe.runIf(!!testDatabaseUrl())("worker processes on one PostgreSQL", () => {
  let t: TestDatabase;
  let fake: ReturnType<typeof fakeResend>;
  let url = "";
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    t = await createTestDatabase();
    await run("node", ["scripts/build-bin.mjs"]);
  });
  afterEach(async () => {
    for (const w of workers.splice(0)) w.kill("SIGKILL");
    await fake.stop();
    await t.db.delete(emailOutbox);
  });
  afterAll(() => t.close());

  const connections = async () =>
    rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from pg_stat_activity where datname = current_database()`))[0]!.n;

  /** Starts `npm run worker` as its own process and waits until it has connected. */
  async function startWorker(): Promise<ChildProcess> {
    const before = await connections();
    const worker = spawn("node", ["dist/worker.mjs"], {
      stdio: "ignore",
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: t.url!,
        RESEND_API_KEY: "re_test_key",
        RESEND_BASE_URL: url,
        AUTH_SECRET: env().AUTH_SECRET,
        PERSONAL_DATA_KEYS: env().PERSONAL_DATA_KEYS,
        LOOKUP_HASH_KEY: env().LOOKUP_HASH_KEY,
        SEED_DEMO: "never",
        LOG_LEVEL: "error",
      },
    });
    workers.push(worker);
    for (let i = 0; i < 100 && (await connections()) <= before; i++) await new Promise((r) => setTimeout(r, 200));
    return worker;
  }

  async function queue(n: number) {
    const rows = Array.from({ length: n }, (_, i) => ({ toAddress: `nguoi${i}@example.com`, subject: `Thư ${i}`, text: "t", html: "<p>t</p>", template: "test", status: "pending" as const }));
    for (let i = 0; i < rows.length; i += 100) await t.db.insert(emailOutbox).values(rows.slice(i, i + 100));
  }

  async function countWhere(statuses: ("pending" | "sending" | "sent")[]) {
    const [row] = await t.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(emailOutbox).where(inArray(emailOutbox.status, statuses));
    return row!.n;
  }

  async function waitUntil(check: () => Promise<boolean>, seconds = 90) {
    const deadline = Date.now() + seconds * 1000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error("timed out");
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  it("two of them deliver hundreds of queued messages, each exactly once", { timeout: 120_000 }, async () => {
    fake = fakeResend();
    url = await fake.start();
    await Promise.all([startWorker(), startWorker()]);
    await queue(300);
    await waitUntil(async () => (await countWhere(["pending", "sending"])) === 0);

    const stored = await t.db.select().from(emailOutbox);
    expect(stored.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
    expect(fake.requests).toHaveLength(300);
    expect(new Set(fake.requests.map((r) => r.key)).size).toBe(300);
    expect(new Set(fake.requests.map((r) => r.to)).size).toBe(300);
    const attempts = await t.db.select().from(emailDeliveryAttempts);
    expect(attempts).toHaveLength(300);
    // Both processes took part (each names itself host:pid:random in the attempts log).
    expect(new Set(attempts.map((a) => a.worker)).size).toBe(2);
  });

  it("lose nothing when one is killed mid-batch: another takes its claimed messages over, sending each once", { timeout: 120_000 }, async () => {
    fake = fakeResend();
    url = await fake.start();
    await queue(60);
    // The provider stalls: the first worker claims a batch and waits on the first message of it.
    fake.state.hang = true;
    const doomed = await startWorker();
    await waitUntil(async () => fake.requests.length > 0 && (await countWhere(["sending"])) > 0);
    const claimed = await countWhere(["sending"]);
    expect(claimed).toBeGreaterThan(1);
    doomed.kill("SIGKILL");
    await new Promise((resolve) => doomed.once("exit", resolve));
    // Nothing was lost: the claimed rows wait for their claim to run out. Let that time pass.
    expect(await countWhere(["pending", "sending"])).toBe(60);
    await t.db.execute(sql`update email_outbox set locked_until = now() - interval '1 second' where status = 'sending'`);
    fake.state.hang = false;
    await startWorker();
    await waitUntil(async () => (await countWhere(["pending", "sending"])) === 0);

    expect(await countWhere(["sent"])).toBe(60);
    // The one message the dead worker had handed to the provider went again with the same idempotency key, which
    // the provider (like Resend) answers without sending twice: 60 distinct messages, one repeated request.
    const keys = fake.requests.map((r) => r.key);
    expect(new Set(keys).size).toBe(60);
    expect(keys.length).toBe(61);
  });
});
