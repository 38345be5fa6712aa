import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirLockedError, acquireDataDirLock, releaseDataDirLock } from "@/db/lock";

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir() {
  const dir = mkdtempSync(path.join(tmpdir(), "doithoai-lock-"));
  dirs.push(dir);
  return dir;
}

function holdInAnotherProcess(dir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve(import.meta.dirname, "../support/hold-data-dir.ts"), dir], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve(child));
    child.once("exit", (code) => reject(new Error(`holder exited early with ${code}`)));
  });
}

describe("embedded database folder lock", () => {
  it("refuses a second process with a clear message while the first holds the folder", async () => {
    const dir = tempDir();
    const holder = await holdInAnotherProcess(dir);
    let error: unknown;
    try {
      acquireDataDirLock(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect((error as Error).message).toContain(`PID ${holder.pid}`);
    expect((error as Error).message).toContain("only one process may open the embedded database");
  });

  it("takes over a lock left by a process that died without releasing it", async () => {
    const dir = tempDir();
    const holder = await holdInAnotherProcess(dir);
    const exited = new Promise((r) => holder.once("exit", r));
    holder.kill("SIGKILL");
    await exited;
    expect(existsSync(path.join(dir, ".lock"))).toBe(true);
    expect(() => acquireDataDirLock(dir)).not.toThrow();
    releaseDataDirLock(dir);
    expect(existsSync(path.join(dir, ".lock"))).toBe(false);
  });

  it("takes over a half-written lock file", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, ".lock"), "{");
    expect(() => acquireDataDirLock(dir)).not.toThrow();
    releaseDataDirLock(dir);
  });

  it("is re-entrant within one process", () => {
    const dir = tempDir();
    acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).not.toThrow();
    releaseDataDirLock(dir);
  });
});

describe("embedded database settings", () => {
  it("keeps a small buffer cache, so the local server does not hold PostgreSQL's default 128 MB from the start", async () => {
    const { connectPglite } = await import("@/db/client");
    const dir = mkdtempSync(path.join(tmpdir(), "doithoai-buffers-"));
    const connection = await connectPglite(dir);
    try {
      if (connection.kind !== "pglite") throw new Error("expected PGlite");
      const result = await connection.client.query<{ shared_buffers: string }>("show shared_buffers");
      expect(result.rows[0]!.shared_buffers).toBe("32MB");
      // Still the database the app needs: the search extensions load with it.
      await connection.client.exec("create extension if not exists unaccent");
      expect((await connection.client.query<{ v: string }>("select unaccent('Đối thoại') as v")).rows[0]!.v).toBe("Doi thoai");
    } finally {
      if (connection.kind === "pglite") await connection.client.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
