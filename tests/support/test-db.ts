// Each test file gets its own fresh, migrated database: a PGlite copy of the migrated dump, or a PostgreSQL
// database created from the migrated template.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { inject } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import postgres from "postgres";
import { drizzleFor, type Connection, type Database } from "@/db/client";
import { testDatabaseUrl, withDatabase } from "./database-url";

export type TestDatabase = { db: Database; connection: Connection; kind: "pglite" | "postgres"; url?: string; close: () => Promise<void> };

export async function createTestDatabase(): Promise<TestDatabase> {
  const url = testDatabaseUrl();
  if (url) {
    const name = `doithoai_t_${randomBytes(6).toString("hex")}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name} template ${inject("postgresTemplate")}`);
    const dbUrl = withDatabase(url, name);
    const client = postgres(dbUrl, { max: 10, onnotice: () => {}, connection: { TimeZone: "UTC" } });
    const connection: Connection = { kind: "postgres", client };
    return {
      db: await drizzleFor(connection),
      connection,
      kind: "postgres",
      url: dbUrl,
      close: async () => {
        await client.end({ timeout: 5 });
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const dump = new Blob([readFileSync(inject("pgliteDumpPath"))]);
  const client = new PGlite({ loadDataDir: dump, extensions: { pg_trgm, unaccent } });
  await client.waitReady;
  await client.exec("set time zone 'UTC'");
  const connection: Connection = { kind: "pglite", client };
  return { db: await drizzleFor(connection), connection, kind: "pglite", close: () => client.close() };
}
