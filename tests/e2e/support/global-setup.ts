// Builds if needed, then starts the real server (dist/server.mjs) on a free port with a fresh data folder:
// PGlite by default, or a fresh PostgreSQL database when TEST_DATABASE_URL is set.
import { spawnSync } from "node:child_process";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startServerProcess } from "./server-process";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    serverMode: "local" | "server";
    /** Server mode only: the app's database, where the tests read sign-in links (no outbox page there). */
    e2eDatabaseUrl: string;
    /** Server mode only: the keys the app seals outbox secrets with (sign-in links are read sealed from the table). */
    personalDataKeys: string;
    /** The server's process id (its memory is read from /proc) and its data folder (local mode). */
    serverPid: number;
    dataDir: string;
  }
}

const root = path.resolve(import.meta.dirname, "../../..");

export default async function setup(project: TestProject) {
  const build = spawnSync(process.execPath, ["scripts/build-if-needed.mjs"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) throw new Error("build failed");

  const server = await startServerProcess({ onStderr: (chunk) => process.stderr.write(chunk) });
  project.provide("baseUrl", server.baseUrl);
  project.provide("serverMode", server.mode);
  project.provide("e2eDatabaseUrl", server.databaseUrl);
  project.provide("personalDataKeys", server.personalDataKeys);
  project.provide("serverPid", server.pid);
  project.provide("dataDir", server.dataDir);
  return server.stop;
}
