// What every entry point does first: validate the environment, open and migrate the database.
import { getConnection, getDb, type Database } from "@/db/client";
import { migrateProcessDatabase } from "@/db/migrate";
import { DataDirLockedError } from "@/db/lock";
import { EnvError, env, type Env } from "@/env";
import { logger } from "@/lib/logger";

export async function openMigratedDatabase(): Promise<{ env: Env; db: Database }> {
  const e = env();
  const connection = await getConnection();
  const started = Date.now();
  await migrateProcessDatabase(connection, e.DATABASE_URL);
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
