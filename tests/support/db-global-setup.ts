// Prepares one migrated database that every test file copies: a PGlite dump, or a PostgreSQL template.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import postgres from "postgres";
import { testDatabaseUrl, withDatabase } from "./database-url";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteDumpPath: string;
    postgresTemplate: string;
  }
}

const MIGRATIONS = path.resolve(import.meta.dirname, "../../drizzle");

export default async function setup(project: TestProject) {
  const url = testDatabaseUrl();
  if (url) {
    const template = `doithoai_tpl_${process.pid}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${template}`);
    await admin.unsafe(`create database ${template}`);
    const templateClient = postgres(withDatabase(url, template), { max: 1, onnotice: () => {} });
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    await migrate(drizzle(templateClient), { migrationsFolder: MIGRATIONS });
    await templateClient.end();
    project.provide("postgresTemplate", template);
    project.provide("pgliteDumpPath", "");
    return async () => {
      await admin.unsafe(`drop database if exists ${template}`);
      await admin.end();
    };
  }
  const client = new PGlite({ extensions: { pg_trgm, unaccent } });
  await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS });
  const dump = await client.dumpDataDir("none");
  await client.close();
  const dir = mkdtempSync(path.join(tmpdir(), "doithoai-test-"));
  const file = path.join(dir, "migrated.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteDumpPath", file);
  project.provide("postgresTemplate", "");
  return () => rmSync(dir, { recursive: true, force: true });
}
