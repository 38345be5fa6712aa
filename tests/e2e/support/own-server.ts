// A second server of the same build, for a journey that must not disturb the shared one: e.g. blocking a client
// address. It trusts one proxy, so that each browser can say which address it comes from (X-Forwarded-For).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { testDatabaseUrl, withDatabase } from "../../support/database-url";

const root = path.resolve(import.meta.dirname, "../../..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once("error", reject);
  });
}

export type OwnServer = { baseUrl: string; stop: () => Promise<void> };

/** Starts dist/server.mjs (built by the global setup) on a fresh data folder, or a fresh database in server mode. */
export async function startOwnServer(): Promise<OwnServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "doithoai-e2e-own-"));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: "warn", TRUST_PROXY: "1" };
  delete env.DATABASE_URL;
  delete env.RESEND_API_KEY;
  let dropDatabase: (() => Promise<void>) | null = null;
  const url = testDatabaseUrl();
  if (url) {
    const name = `doithoai_e2e_own_${randomBytes(4).toString("hex")}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    Object.assign(env, {
      DATABASE_URL: withDatabase(url, name),
      SEED_DEMO: "always",
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      PERSONAL_DATA_KEYS: `e1:${randomBytes(32).toString("base64")}`,
      LOOKUP_HASH_KEY: randomBytes(32).toString("base64url"),
    });
    dropDatabase = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const logs: string[] = [];
  const child = spawn(process.execPath, ["dist/server.mjs"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (chunk: Buffer) => logs.push(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => logs.push(chunk.toString()));
  const baseUrl = `http://localhost:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${logs.join("")}`);
    if (Date.now() > deadline) throw new Error(`server did not start in time:\n${logs.join("")}`);
    const up = await fetch(baseUrl).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    stop: async () => {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
      await dropDatabase?.();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
