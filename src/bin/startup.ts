// What every entry point does first: validate the environment, open and migrate the database.
import { getConnection, getDb, type Database } from "@/db/client";
import { migrateProcessDatabase } from "@/db/migrate";
import { DataDirLockedError } from "@/db/lock";
import { EnvError, env, type Env } from "@/env";
import { secureDataDir } from "@/lib/data-dir";
import { logger } from "@/lib/logger";

export async function openMigratedDatabase(): Promise<{ env: Env; db: Database }> {
  const e = env();
  const connection = await getConnection();
  const started = Date.now();
  await migrateProcessDatabase(connection, e.DATABASE_URL);
  // PGlite creates its files 0666 (see secureDataDir): private again once the migrations have made theirs.
  if (e.mode === "local") secureDataDir(e.DATA_DIR, { quiet: true });
  logger.info("database ready", { mode: e.mode, database: connection.kind, migrateMs: Date.now() - started });
  return { env: e, db: await getDb() };
}

/** Prints a clear message for the failures a person can fix, then exits non-zero. */
export function exitOnStartupError(error: unknown): never {
  if (error instanceof EnvError || error instanceof DataDirLockedError) {
    process.stderr.write(`\n${error.message}\n\n`);
  } else {
    logger.error("start-up failed", { error });
  }
  process.exit(1);
}
