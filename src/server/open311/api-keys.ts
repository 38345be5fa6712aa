import "server-only";
import { randomBytes } from "node:crypto";
import { desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database, DbOrTx } from "@/db/client";
import { open311ApiKeys, users } from "@/db/schema";
import { runInTransaction } from "@/db/transaction";
import { consumeRateLimit } from "@/server/abuse/rate-limit";
import { appendAudit } from "@/server/audit/append-audit";
import { hasRole, type Viewer } from "@/server/auth/roles";
import { AppError } from "@/server/errors";
import { lookupHash } from "@/server/privacy/personal-data";

const KEY_PREFIX = "o311_";
/** Characters of a key kept in clear to tell keys apart: "o311_" and four more. */
const SHOWN = KEY_PREFIX.length + 4;

/** The stored form of a key: a keyed hash (HMAC with the lookup key), so the table never holds a usable key. */
export function apiKeyHash(key: string): string {
  return lookupHash(`open311-api-key:${key.trim()}`);
}

function assertAdmin(viewer: Viewer | null): asserts viewer is Viewer {
  if (!viewer) throw new AppError("unauthenticated");
  if (!hasRole(viewer, "admin")) throw new AppError("forbidden");
}

export type IssueKeyInput = { name: string; contact: string; hourlyLimit: number };
export type IssueKeyResult = { ok: true; id: string; key: string; prefix: string } | { ok: false; fields: Partial<Record<keyof IssueKeyInput, "required" | "tooLong" | "invalid">> };

const issueKeySchema = z.object({
  name: z.string().trim().min(1, { error: "required" }).max(120, { error: "tooLong" }),
  contact: z.string().trim().max(200, { error: "tooLong" }),
  hourlyLimit: z.string().trim().regex(/^\d{1,6}$/, { error: "invalid" }).transform(Number).pipe(z.number().int().min(1, { error: "invalid" }).max(100_000, { error: "invalid" })),
});

type IssueKeyFields = Extract<IssueKeyResult, { ok: false }>["fields"];

export function checkIssueKeyInput(raw: { name?: unknown; contact?: unknown; hourlyLimit?: unknown }): { ok: true; value: IssueKeyInput } | { ok: false; fields: IssueKeyFields } {
  const parsed = issueKeySchema.safeParse({ name: String(raw.name ?? ""), contact: String(raw.contact ?? ""), hourlyLimit: String(raw.hourlyLimit ?? "") });
  if (parsed.success) return { ok: true, value: parsed.data };
  const fields: IssueKeyFields = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as keyof IssueKeyInput;
    if (!fields[field]) fields[field] = issue.message === "required" || issue.message === "tooLong" ? issue.message : "invalid";
  }
  return { ok: false, fields };
}

/** An admin issues a key for a client: stored hashed, shown once (returned here), audited in the same transaction. */
export async function issueApiKey(db: Database, viewer: Viewer | null, raw: { name?: unknown; contact?: unknown; hourlyLimit?: unknown }): Promise<IssueKeyResult> {
  assertAdmin(viewer);
  const checked = checkIssueKeyInput(raw);
  if (!checked.ok) return checked;
  const { name, contact, hourlyLimit } = checked.value;
  const key = `${KEY_PREFIX}${randomBytes(24).toString("base64url")}`;
  const prefix = key.slice(0, SHOWN);
  const id = await runInTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(open311ApiKeys)
      .values({ name, contact: contact || null, keyHash: apiKeyHash(key), prefix, hourlyLimit, createdBy: viewer.userId })
      .returning({ id: open311ApiKeys.id });
    await appendAudit(tx, { actorUserId: viewer.userId, action: "open311_key.issued", entityType: "open311_api_key", entityId: row!.id, data: { name, prefix, hourlyLimit } });
    return row!.id;
  });
  return { ok: true, id, key, prefix };
}

/** An admin revokes a key: it stops working at once. Revoking twice changes nothing. */
export async function revokeApiKey(db: Database, viewer: Viewer | null, id: string, now = new Date()): Promise<boolean> {
  assertAdmin(viewer);
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return false;
  return runInTransaction(db, async (tx) => {
    const [row] = await tx
      .update(open311ApiKeys)
      .set({ revokedAt: now, revokedBy: viewer.userId })
      .where(sql`${open311ApiKeys.id} = ${id} and ${open311ApiKeys.revokedAt} is null`)
      .returning({ id: open311ApiKeys.id, prefix: open311ApiKeys.prefix, name: open311ApiKeys.name });
    if (!row) return false;
    await appendAudit(tx, { actorUserId: viewer.userId, action: "open311_key.revoked", entityType: "open311_api_key", entityId: row.id, data: { name: row.name, prefix: row.prefix } });
    return true;
  });
}

export type ApiKeyRow = {
  id: string;
  name: string;
  contact: string | null;
  prefix: string;
  hourlyLimit: number;
  createdAt: Date;
  createdByName: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  requests: number;
};

/** For admins: every key, newest first, with how many requests it posted (never the key itself). */
export async function listApiKeys(db: DbOrTx, viewer: Viewer | null): Promise<ApiKeyRow[]> {
  assertAdmin(viewer);
  const rows = await db
    .select({
      id: open311ApiKeys.id,
      name: open311ApiKeys.name,
      contact: open311ApiKeys.contact,
      prefix: open311ApiKeys.prefix,
      hourlyLimit: open311ApiKeys.hourlyLimit,
      createdAt: open311ApiKeys.createdAt,
      createdByName: users.name,
      lastUsedAt: open311ApiKeys.lastUsedAt,
      revokedAt: open311ApiKeys.revokedAt,
      requests: sql<number>`(select count(*) from open311_requests r where r.api_key_id = ${open311ApiKeys.id})`.mapWith(Number),
    })
    .from(open311ApiKeys)
    .leftJoin(users, eq(users.id, open311ApiKeys.createdBy))
    .orderBy(desc(open311ApiKeys.createdAt));
  return rows;
}

export type KeyCheck = { ok: true; keyId: string } | { ok: false; reason: "missing" | "invalid" | "revoked" | "limited"; retryAfterSeconds?: number };

/** A client's api_key: known, not revoked, and under its hourly limit (this request counts against it). */
export async function authenticateApiKey(db: DbOrTx, key: string | null, now = new Date()): Promise<KeyCheck> {
  if (!key || !key.trim()) return { ok: false, reason: "missing" };
  if (key.length > 200) return { ok: false, reason: "invalid" };
  const [row] = await db
    .select({ id: open311ApiKeys.id, revokedAt: open311ApiKeys.revokedAt, hourlyLimit: open311ApiKeys.hourlyLimit })
    .from(open311ApiKeys)
    .where(eq(open311ApiKeys.keyHash, apiKeyHash(key)))
    .limit(1);
  if (!row) return { ok: false, reason: "invalid" };
  if (row.revokedAt) return { ok: false, reason: "revoked" };
  const limit = await consumeRateLimit(db, `open-key:${row.id}`, { limit: row.hourlyLimit, windowSeconds: 3600 }, now);
  if (!limit.ok) return { ok: false, reason: "limited", retryAfterSeconds: limit.retryAfterSeconds };
  return { ok: true, keyId: row.id };
}
