import { chmodSync, lstatSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { isMainThread } from "node:worker_threads";
import { logger } from "./logger";

/**
 * Creates the local data folder private to this account (0700, files 0600), and tightens one that is looser (an
 * older install, a copy, a restored backup): any local user could otherwise read the embedded database and the
 * generated secrets, or give themselves the admin role. Also sets the process umask, so that every file PGlite
 * creates from now on is private too (PGlite's own file system sets 0666 on what it creates regardless: the folder
 * is tightened again once PGlite has opened it; what it creates later sits in folders nobody else may enter).
 * Returns how many entries it had to tighten.
 */
export function secureDataDir(dataDir: string, options: { quiet?: boolean } = {}): { tightened: number } {
  if (isMainThread) process.umask(0o077); // worker threads may not change it, and inherit the process's
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  let tightened = 0;
  const visit = (target: string) => {
    const stat = lstatSync(target);
    if (stat.isSymbolicLink()) return; // chmod would follow it out of the folder
    if (stat.mode & 0o077) {
      chmodSync(target, stat.isDirectory() ? 0o700 : stat.mode & 0o700);
      tightened++;
    }
    if (stat.isDirectory()) for (const name of readdirSync(target)) visit(path.join(target, name));
  };
  visit(dataDir);
  if (tightened > 0 && !options.quiet) logger.warn("data folder was readable by others: permissions tightened to 0700/0600", { dataDir, entries: tightened });
  return { tightened };
}
