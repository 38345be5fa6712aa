import "server-only";
import type { Database, Tx } from "./client";

type Deferred = (tx: Tx) => Promise<void>;
const deferredByTx = new WeakMap<object, Deferred[]>();

/**
 * A transaction whose `deferUntilCommit` work runs as its last statements. The audit chain uses it: appending
 * takes a lock that serialises every writer, so it is taken just before commit rather than mid-transaction.
 */
export async function runInTransaction<T>(db: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const deferred: Deferred[] = [];
    deferredByTx.set(tx, deferred);
    try {
      const result = await fn(tx);
      for (const work of deferred.splice(0)) await work(tx);
      return result;
    } finally {
      deferredByTx.delete(tx);
    }
  });
}

/** Runs `work` at the end of the enclosing runInTransaction, or at once if there is none. */
export async function deferUntilCommit(tx: Tx | Database, work: Deferred): Promise<void> {
  const queue = deferredByTx.get(tx);
  if (queue) queue.push(work);
  else await work(tx as Tx);
}
