// Two real worker processes (`npm run worker`, the bundled dist/worker.mjs) against one PostgreSQL database and a
// fake Resend API reached by the real resend package: every queued message goes out exactly once.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/rows";
import { emailDeliveryAttempts, emailOutbox } from "@/db/schema";
import { env } from "@/env";
import { testDatabaseUrl } from "../support/database-url";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

const run = promisify(execFile);
const MESSAGES = 300;

/** Counts every request, so a message sent twice shows even though the real API would deduplicate it. */
function fakeResend() {
  const requests: { key: string; to: string }[] = [];
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    req.on("end", () => {
      const body = JSON.parse(raw) as { to: string | string[] };
      requests.push({ key: String(req.headers["idempotency-key"] ?? ""), to: Array.isArray(body.to) ? body.to[0]! : body.to });
      // Some latency: one worker alone would need longer than the other's polling interval (5 s).
      setTimeout(() => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: `re_${requests.length}` })), 20);
    });
  });
  return {
    requests,
    start: () => new Promise<string>((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.runIf(!!testDatabaseUrl())("two worker processes on one PostgreSQL", () => {
  let t: TestDatabase;
  const fake = fakeResend();
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    t = await createTestDatabase();
    await run("node", ["scripts/build-bin.mjs"]);
  });
  afterAll(async () => {
    for (const w of workers) w.kill("SIGKILL");
    await fake.stop();
    await t.close();
  });

  it("deliver hundreds of queued messages, each exactly once", { timeout: 120_000 }, async () => {
    const count = async () =>
      rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from pg_stat_activity where datname = current_database()`))[0]!.n;
    const before = await count();
    const url = await fake.start();
    const workerEnv = {
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
    };
    for (let i = 0; i < 2; i++) workers.push(spawn("node", ["dist/worker.mjs"], { env: workerEnv as NodeJS.ProcessEnv, stdio: "ignore" }));

    // Queue the mail once both processes are connected and polling.
    for (let i = 0; i < 100 && (await count()) < before + 2; i++) await new Promise((r) => setTimeout(r, 200));
    const rows = Array.from({ length: MESSAGES }, (_, i) => ({
      toAddress: `nguoi${i}@example.com`,
      subject: `Thư ${i}`,
      text: "t",
      html: "<p>t</p>",
      template: "test",
      status: "pending" as const,
    }));
    for (let i = 0; i < rows.length; i += 100) await t.db.insert(emailOutbox).values(rows.slice(i, i + 100));
    const deadline = Date.now() + 90_000;
    let left = MESSAGES;
    while (left > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      const [row] = await t.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(emailOutbox).where(inArray(emailOutbox.status, ["pending", "sending"]));
      left = row!.n;
    }
    expect(left).toBe(0);
    for (const w of workers) w.kill("SIGTERM");

    const stored = await t.db.select().from(emailOutbox);
    expect(stored.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
    expect(fake.requests).toHaveLength(MESSAGES);
    expect(new Set(fake.requests.map((r) => r.key)).size).toBe(MESSAGES);
    expect(new Set(fake.requests.map((r) => r.to)).size).toBe(MESSAGES);
    const attempts = await t.db.select().from(emailDeliveryAttempts);
    expect(attempts).toHaveLength(MESSAGES);
    // Both processes took part (each names itself host:pid:random in the attempts log).
    expect(new Set(attempts.map((a) => a.worker)).size).toBe(2);
  });
});
