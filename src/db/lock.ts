import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string, readonly holderPid: number) {
    super(
      `Thư mục dữ liệu ${dataDir} đang được tiến trình khác (PID ${holderPid}) sử dụng. ` +
        `Hãy dừng tiến trình đó trước (chỉ một tiến trình được mở cơ sở dữ liệu nhúng).\n` +
        `The data folder ${dataDir} is in use by another process (PID ${holderPid}). ` +
        `Stop it first: only one process may open the embedded database. ` +
        `(To run migrations or the seed while the app is running, stop the app, or use a PostgreSQL DATABASE_URL.)`,
    );
    this.name = "DataDirLockedError";
  }
}

type LockInfo = { pid: number; host: string; since: string };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

const held = new Set<string>();

/** Takes DATA_DIR/.lock with O_EXCL; a lock left by a dead process on this host is taken over. */
export function acquireDataDirLock(dataDir: string): void {
  const file = path.join(dataDir, ".lock");
  if (held.has(file)) return;
  mkdirSync(dataDir, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx", 0o600);
      const info: LockInfo = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      held.add(file);
      process.once("exit", () => releaseDataDirLock(dataDir));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      let info: LockInfo | null = null;
      try {
        info = JSON.parse(readFileSync(file, "utf8")) as LockInfo;
      } catch {
        info = null; // half-written by a process that died while writing it
      }
      if (info && info.pid === process.pid && info.host === hostname()) {
        held.add(file);
        return;
      }
      if (info && (info.host !== hostname() || isAlive(info.pid))) throw new DataDirLockedError(dataDir, info.pid);
      rmSync(file, { force: true });
    }
  }
  throw new DataDirLockedError(dataDir, -1);
}

export function releaseDataDirLock(dataDir: string): void {
  const file = path.join(dataDir, ".lock");
  if (!held.delete(file)) return;
  rmSync(file, { force: true });
}
