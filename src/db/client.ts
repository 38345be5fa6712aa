import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Sql } from "postgres";
import { env } from "@/env";
import * as schema from "./schema";
import { secureDataDir } from "@/lib/data-dir";
import { acquireDataDirLock, releaseDataDirLock } from "./lock";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction or the database itself: services take either. */
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type DbOrTx = Database | Tx;

export type Connection = { kind: "pglite"; client: PGlite } | { kind: "postgres"; client: Sql };

/** The embedded database's buffer cache (bench: `npm run bench -- --local` prints the server's memory). */
const PGLITE_SHARED_BUFFERS = "32MB";

export async function connectPglite(dataDir: string | null): Promise<Connection> {
  const [{ PGlite }, { pg_trgm }, { unaccent }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("@electric-sql/pglite/contrib/pg_trgm"),
    import("@electric-sql/pglite/contrib/unaccent"),
  ]);
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(dataDir ?? undefined, {
    extensions: { pg_trgm, unaccent },
    // PostgreSQL's default 128 MB of shared buffers is memory the WebAssembly heap holds from the start; the
    // embedded database of one installation is a few tens of MB, and the file system cache still serves the rest.
    startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
  });
  await client.waitReady;
  await client.exec("set time zone 'UTC'");
  return { kind: "pglite", client };
}

export async function connectPostgres(url: string, max = 10): Promise<Connection> {
  const { default: postgres } = await import("postgres");
  const client = postgres(url, { max, onnotice: () => {}, connection: { TimeZone: "UTC", application_name: "doi-thoai" } });
  return { kind: "postgres", client };
}

/** Wraps a connection in Drizzle. Cheap: each copy of this module (Next's bundle, the server's) makes its own. */
export async function drizzleFor(connection: Connection): Promise<Database> {
  if (connection.kind === "pglite") {
    const { drizzle } = await import("drizzle-orm/pglite");
    return drizzle(connection.client, { schema }) as unknown as Database;
  }
  const { drizzle } = await import("drizzle-orm/postgres-js");
  return drizzle(connection.client, { schema }) as unknown as Database;
}

export async function closeConnection(connection: Connection): Promise<void> {
  if (connection.kind === "pglite") await connection.client.close();
  else await connection.client.end({ timeout: 5 });
}

// The process's one connection lives on globalThis: PGlite must be opened once per process,
// and Next.js and the custom server each load their own copy of this module.
const store = globalThis as unknown as { __doiThoaiConnection?: Promise<Connection>; __doiThoaiLocalWrites?: { count: number } };

const READ_ONLY = /^\s*(select|show|explain)\b/i;
/** A query with common table expressions is a read when none of them changes anything. */
const READ_ONLY_WITH = /^\s*with\b/i;
const CHANGES = /\b(insert|update|delete|merge)\b/i;
const isRead = (text: string) => READ_ONLY.test(text) || (READ_ONLY_WITH.test(text) && !CHANGES.test(text));

/**
 * Local mode: this process is the embedded database's only user, so it can count what may have changed it.
 * The count moves after every statement that is not a plain read and after every transaction (once it has
 * committed or rolled back), so a value read after a change has committed is always a new one.
 */
export function countWrites(client: PGlite) {
  const writes = (store.__doiThoaiLocalWrites ??= { count: 0 });
  /** The method as it was, counting a possible change once its promise settles (when `changes` says it may be one). */
  const counted = <A extends unknown[], R>(method: (...args: A) => Promise<R>, changes: (...args: A) => boolean = () => true) =>
    async (...args: A): Promise<R> => {
      try {
        return await method(...args);
      } finally {
        if (changes(...args)) writes.count++;
      }
    };
  client.query = counted(client.query.bind(client) as (text: string, ...rest: unknown[]) => Promise<unknown>, (text) => !isRead(text)) as PGlite["query"];
  client.exec = counted(client.exec.bind(client)) as PGlite["exec"];
  client.transaction = counted(client.transaction.bind(client)) as PGlite["transaction"];
}

/** How many times this process may have changed its embedded database; null in server mode (other processes write). */
export function localWriteCount(): number | null {
  return store.__doiThoaiLocalWrites?.count ?? null;
}
let cachedDb: { connection: Connection; db: Promise<Database> } | null = null;

async function open(): Promise<Connection> {
  const e = env();
  if (e.DATABASE_URL) return connectPostgres(e.DATABASE_URL);
  secureDataDir(e.DATA_DIR);
  // PGlite silently corrupts a folder opened by two processes: refuse instead.
  acquireDataDirLock(e.DATA_DIR);
  try {
    const connection = await connectPglite(path.join(e.DATA_DIR, "pglite"));
    if (connection.kind === "pglite") countWrites(connection.client);
    secureDataDir(e.DATA_DIR, { quiet: true });
    return connection;
  } catch (error) {
    releaseDataDirLock(e.DATA_DIR);
    throw error;
  }
}

/** Opened on first use, never at import: builds must not touch the data folder. */
export function getConnection(): Promise<Connection> {
  store.__doiThoaiConnection ??= open().catch((error: unknown) => {
    store.__doiThoaiConnection = undefined;
    throw error;
  });
  return store.__doiThoaiConnection;
}

export async function getDb(): Promise<Database> {
  const connection = await getConnection();
  if (cachedDb?.connection !== connection) cachedDb = { connection, db: drizzleFor(connection) };
  return cachedDb.db;
}

export async function closeDb(): Promise<void> {
  const pending = store.__doiThoaiConnection;
  store.__doiThoaiConnection = undefined;
  cachedDb = null;
  if (!pending) return;
  const connection = await pending;
  await closeConnection(connection);
  if (connection.kind === "pglite") releaseDataDirLock(env().DATA_DIR);
}
