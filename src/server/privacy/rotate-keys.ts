import "server-only";
import { and, asc, count, eq, isNotNull, ne, notLike, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { caseParties, emailOutbox } from "@/db/schema";
import { runInTransaction } from "@/db/transaction";
import { appendAudit } from "@/server/audit/append-audit";
import { parseKeyring, sealPersonalData, sealSecret, unsealPersonalData, unsealSecret } from "./personal-data";
import { env } from "@/env";

export type RotationResult = { keyId: string; resealed: number; resealedMessages: number; remainingByKey: Record<string, number> };

function missingKey(keyId: string): Error {
  return new Error(`personal data key "${keyId}" is used by stored data but is not in PERSONAL_DATA_KEYS; add it back after the current key`);
}

/**
 * Re-encrypts every party, and every outbox secret, sealed with an older key under the current one (the first of
 * PERSONAL_DATA_KEYS).
 * Rows are taken in batches with SKIP LOCKED, so it can run while the app serves and twice at once; a row
 * whose key is no longer in the keyring stops the run with its key id, before anything of that batch is written.
 * Rotate by putting the new key first, running this, then removing the old key once nothing uses it.
 */
export async function rotatePersonalDataKeys(db: Database, options: { batchSize?: number; keys?: string } = {}): Promise<RotationResult> {
  const ring = parseKeyring(options.keys ?? env().PERSONAL_DATA_KEYS);
  const batchSize = options.batchSize ?? 500;
  let resealed = 0;
  for (;;) {
    const done = await runInTransaction(db, async (tx) => {
      const rows = await tx
        .select({ id: caseParties.id, caseId: caseParties.caseId, keyId: caseParties.keyId, sealed: caseParties.sealed })
        .from(caseParties)
        .where(ne(caseParties.keyId, ring.current))
        .orderBy(asc(caseParties.id))
        .limit(batchSize)
        .for("update", { skipLocked: true });
      for (const row of rows) {
        if (!ring.keys.has(row.keyId)) throw missingKey(row.keyId);
        const next = sealPersonalData(unsealPersonalData(row.keyId, row.sealed, ring), ring);
        await tx.update(caseParties).set(next).where(eq(caseParties.id, row.id));
      }
      if (rows.length > 0) {
        await appendAudit(tx, {
          actorUserId: null,
          action: "personal_data.rekeyed",
          entityType: "keyring",
          entityId: ring.current,
          data: { rows: rows.length, fromKeys: [...new Set(rows.map((r) => r.keyId))].sort() },
        });
      }
      return rows.length;
    });
    resealed += done;
    if (done < batchSize) break;
  }
  // The secrets kept beside outbox messages (a receipt's access key, a sign-in link) are sealed with the same keys.
  let resealedMessages = 0;
  for (;;) {
    const done = await runInTransaction(db, async (tx) => {
      const rows = await tx
        .select({ id: emailOutbox.id, secret: emailOutbox.secret })
        .from(emailOutbox)
        .where(and(isNotNull(emailOutbox.secret), notLike(emailOutbox.secret, `${ring.current}:%`)))
        .orderBy(asc(emailOutbox.id))
        .limit(batchSize)
        .for("update", { skipLocked: true });
      for (const row of rows) {
        const keyId = row.secret!.slice(0, row.secret!.indexOf(":"));
        if (!ring.keys.has(keyId)) throw missingKey(keyId);
        await tx.update(emailOutbox).set({ secret: sealSecret(unsealSecret(row.secret!, ring), ring) }).where(eq(emailOutbox.id, row.id));
      }
      if (rows.length > 0) {
        await appendAudit(tx, { actorUserId: null, action: "personal_data.rekeyed", entityType: "keyring", entityId: ring.current, data: { messages: rows.length } });
      }
      return rows.length;
    });
    resealedMessages += done;
    if (done < batchSize) break;
  }
  const remaining = await db.select({ keyId: caseParties.keyId, n: count() }).from(caseParties).groupBy(caseParties.keyId).orderBy(sql`1`);
  return { keyId: ring.current, resealed, resealedMessages, remainingByKey: Object.fromEntries(remaining.map((r) => [r.keyId, Number(r.n)])) };
}
