import "server-only";
import path from "node:path";
import { sql } from "drizzle-orm";
import { closeConnection, connectPostgres, drizzleFor, type Connection } from "./client";

export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), "drizzle");

// Any fixed number: serialises migrations when several instances start at once against one PostgreSQL.
const MIGRATION_LOCK = 73_011_945;

export async function migratePglite(connection: Connection & { kind: "pglite" }, folder = MIGRATIONS_FOLDER): Promise<void> {
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  await migrate((await drizzleFor(connection)) as never, { migrationsFolder: folder });
}

/** Uses its own single connection: a session advisory lock belongs to one connection. */
export async function migratePostgres(url: string, folder = MIGRATIONS_FOLDER): Promise<void> {
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const own = await connectPostgres(url, 1);
  try {
    const db = await drizzleFor(own);
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
    await migrate(db as never, { migrationsFolder: folder });
    await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
  } finally {
    await closeConnection(own);
  }
}

/** Migrates the process's database (see getConnection). */
export async function migrateProcessDatabase(connection: Connection, databaseUrl: string | undefined): Promise<void> {
  if (connection.kind === "pglite") await migratePglite(connection);
  else await migratePostgres(databaseUrl!);
}
