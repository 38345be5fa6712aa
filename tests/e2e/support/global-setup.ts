// Builds if needed, then starts the real server (dist/server.mjs) on a free port with a fresh data folder:
// PGlite by default, or a fresh PostgreSQL database when TEST_DATABASE_URL is set.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { testDatabaseUrl, withDatabase } from "../../support/database-url";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    serverMode: "local" | "server";
    /** Server mode only: the app's database, where the tests read sign-in links (no outbox page there). */
    e2eDatabaseUrl: string;
    /** Server mode only: the app's PERSONAL_DATA_KEYS, to unseal the sign-in link stored in the outbox. */
    personalDataKeys: string;
    /** The server's process id (its memory is read from /proc) and its data folder (local mode). */
    serverPid: number;
    dataDir: string;
  }
}

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

async function waitForServer(url: string, child: ChildProcess, logs: string[]) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${logs.join("")}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not start in time:\n${logs.join("")}`);
}

export default async function setup(project: TestProject) {
  const build = spawnSync(process.execPath, ["scripts/build-if-needed.mjs"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) throw new Error("build failed");

  const dataDir = mkdtempSync(path.join(tmpdir(), "doithoai-e2e-"));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: "warn" };
  delete env.DATABASE_URL;
  delete env.RESEND_API_KEY;
  let dropDatabase: (() => Promise<void>) | null = null;
  const url = testDatabaseUrl();
  if (url) {
    // Server mode: secrets must come from the environment, demo data is loaded on request.
    const name = `doithoai_e2e_${randomBytes(4).toString("hex")}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    env.DATABASE_URL = withDatabase(url, name);
    env.SEED_DEMO = "always";
    env.AUTH_SECRET = randomBytes(32).toString("base64url");
    env.PERSONAL_DATA_KEYS = `e1:${randomBytes(32).toString("base64")}`;
    env.LOOKUP_HASH_KEY = randomBytes(32).toString("base64url");
    dropDatabase = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const logs: string[] = [];
  const child = spawn(process.execPath, ["dist/server.mjs"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (chunk: Buffer) => logs.push(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => {
    logs.push(chunk.toString());
    process.stderr.write(chunk);
  });
  const baseUrl = `http://localhost:${port}`;
  await waitForServer(baseUrl, child, logs);
  project.provide("baseUrl", baseUrl);
  project.provide("serverMode", url ? "server" : "local");
  project.provide("e2eDatabaseUrl", env.DATABASE_URL ?? "");
  project.provide("personalDataKeys", url ? env.PERSONAL_DATA_KEYS! : "");
  project.provide("serverPid", child.pid!);
  project.provide("dataDir", dataDir);

  return async () => {
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
    await dropDatabase?.();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
