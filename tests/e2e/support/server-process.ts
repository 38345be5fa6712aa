// The real server (dist/server.mjs) in a process of its own: the shared one of the global setup, or a second one
// for a journey that must not disturb it. Local mode on a fresh data folder, or server mode on a fresh PostgreSQL
// database when TEST_DATABASE_URL is set.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { testDatabaseUrl, withDatabase } from "../../support/database-url";

const root = path.resolve(import.meta.dirname, "../../..");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once("error", reject);
  });
}

export type ServerProcess = {
  baseUrl: string;
  pid: number;
  mode: "local" | "server";
  dataDir: string;
  /** Server mode: the app's database and the keys it seals with (tests read sealed sign-in links there). */
  databaseUrl: string;
  personalDataKeys: string;
  /** Everything it printed so far. */
  output: () => string;
  stop: () => Promise<void>;
};

export type ServerOptions = {
  /** Extra environment, given the port (APP_URL names it). */
  env?: (port: number) => Record<string, string>;
  /** An existing data folder (kept afterwards); a fresh one otherwise. */
  dataDir?: string;
  /** Where to wait for it, given the port: the site's own address. */
  baseUrl?: (port: number) => string;
  /** Local mode even when TEST_DATABASE_URL is set. */
  local?: boolean;
  onStderr?: (chunk: Buffer) => void;
};

export async function startServerProcess(options: ServerOptions = {}): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), "doithoai-e2e-"));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: "warn" };
  for (const name of ["DATABASE_URL", "RESEND_API_KEY", "APP_URL", "HOST", "TRUST_PROXY"]) delete env[name];
  let dropDatabase: (() => Promise<void>) | null = null;
  const url = options.local ? undefined : testDatabaseUrl();
  if (url) {
    // Server mode: secrets must come from the environment, demo data is loaded on request.
    const name = `doithoai_e2e_${randomBytes(4).toString("hex")}`;
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
  Object.assign(env, options.env?.(port));
  const logs: string[] = [];
  const child = spawn(process.execPath, ["dist/server.mjs"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (chunk: Buffer) => logs.push(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => {
    logs.push(chunk.toString());
    options.onStderr?.(chunk);
  });
  const stop = async () => {
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
    await dropDatabase?.();
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  const baseUrl = options.baseUrl?.(port) ?? `http://localhost:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`server exited with ${child.exitCode}:\n${logs.join("")}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server did not start in time:\n${logs.join("")}`);
    }
    const up = await fetch(baseUrl).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    pid: child.pid!,
    mode: url ? "server" : "local",
    dataDir,
    databaseUrl: env.DATABASE_URL ?? "",
    personalDataKeys: url ? env.PERSONAL_DATA_KEYS! : "",
    output: () => logs.join(""),
    stop,
  };
}
