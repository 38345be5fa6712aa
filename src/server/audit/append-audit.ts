import "server-only";
import { createHash } from "node:crypto";
import { asc, desc, gt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { deferUntilCommit } from "@/db/transaction";
import { auditLog } from "@/db/schema";

export type AuditEntry = {
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data?: Record<string, unknown>;
};

const GENESIS = "0".repeat(64);
// Serialises appends so that each entry links to exactly one predecessor, across instances.
const AUDIT_CHAIN_LOCK = 73_011_946;

/** JSON with object keys sorted: jsonb does not keep key order, and the hash must survive a round trip. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export function auditHash(prevHash: string, at: string, entry: AuditEntry): string {
  const canonical = canonicalJson([prevHash, at, entry.actorUserId, entry.action, entry.entityType, entry.entityId, entry.data ?? null]);
  return createHash("sha256").update(canonical).digest("hex");
}

const pendingByTx = new WeakMap<object, { entry: AuditEntry; at: Date }[]>();

async function writeChained(tx: DbOrTx, batch: { entry: AuditEntry; at: Date }[]): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  let prevHash = last?.hash ?? GENESIS;
  const rows = batch.map(({ entry, at }) => {
    const hash = auditHash(prevHash, at.toISOString(), entry);
    const row = { ...entry, data: entry.data ?? null, at, prevHash, hash };
    prevHash = hash;
    return row;
  });
  await tx.insert(auditLog).values(rows);
}

/**
 * Appends to the hash-chained audit log, in the transaction that makes the change. Inside runInTransaction the
 * entries are written together as the transaction's last statements, so the chain lock is held only briefly.
 */
export async function appendAudit(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  const item = { entry, at: new Date() };
  const pending = pendingByTx.get(tx);
  if (pending) {
    pending.push(item);
    return;
  }
  const batch = [item];
  pendingByTx.set(tx, batch);
  await deferUntilCommit(tx, async (inner) => {
    pendingByTx.delete(tx);
    await writeChained(inner, batch);
  });
}

export type ChainCheck = { ok: true; entries: number } | { ok: false; entries: number; brokenAtId: number; problem: "hash" | "link" };

const VERIFY_BATCH = 2000;

/**
 * Walks the chain in order, a batch at a time, and reports the first entry whose link (the hash of the entry
 * before) or own hash does not match: an edited row breaks its hash, a deleted or inserted row breaks a link.
 */
export async function verifyAuditChain(db: DbOrTx): Promise<ChainCheck> {
  let prev = GENESIS;
  let lastId = 0;
  let entries = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(VERIFY_BATCH);
    for (const row of rows) {
      if (row.prevHash !== prev) return { ok: false, entries, brokenAtId: row.id, problem: "link" };
      const expected = auditHash(row.prevHash, row.at.toISOString(), {
        actorUserId: row.actorUserId,
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        data: row.data ?? undefined,
      });
      if (expected !== row.hash) return { ok: false, entries, brokenAtId: row.id, problem: "hash" };
      prev = row.hash;
      entries++;
    }
    if (rows.length < VERIFY_BATCH) return { ok: true, entries };
    lastId = rows.at(-1)!.id;
  }
}
