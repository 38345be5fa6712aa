import "server-only";
import { randomUUID } from "node:crypto";
import type { Connection } from "@/db/client";
import { logger } from "@/lib/logger";
import type { NotificationSource } from "./hub";
import { SESSION_CHANNEL } from "./notify-session";

const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PROBE_PREFIX = "probe:";

/**
 * LISTEN on the session channel over the process's connection. PGlite (local mode) delivers notifications
 * in-process once the notifying transaction commits. postgres.js keeps a dedicated connection for it and listens
 * again after that connection drops; but if the database is still unreachable at that moment it gives up on the
 * channel silently, so a probe (a notification of our own, every `probeMs`) checks that the channel still
 * delivers, and listens anew when it does not. Either way, after listening resumes the viewers are reloaded.
 */
export function listenOn(connection: Connection, options: { probeMs?: number; probeTimeoutMs?: number } = {}): NotificationSource {
  return async ({ notify, reconnected }) => {
    const deliver = (payload: string) => {
      if (SESSION_ID.test(payload)) notify(payload.toLowerCase());
    };
    if (connection.kind === "pglite") {
      const unlisten = await connection.client.listen(SESSION_CHANNEL, deliver);
      return () => unlisten();
    }
    const sql = connection.client;
    const probeMs = options.probeMs ?? 30_000;
    const probeTimeoutMs = options.probeTimeoutMs ?? 5_000;
    let awaited: { token: string; resolve: () => void } | null = null;
    let first = true;
    let stopped = false;
    const onNotify = (payload: string) => {
      if (payload.startsWith(PROBE_PREFIX)) {
        if (awaited && payload === PROBE_PREFIX + awaited.token) awaited.resolve();
        return;
      }
      deliver(payload);
    };
    const onListen = () => {
      if (first) first = false;
      else reconnected();
    };
    let current = await sql.listen(SESSION_CHANNEL, onNotify, onListen);
    const probe = async () => {
      const token = randomUUID();
      const heard = new Promise<boolean>((resolve) => {
        awaited = { token, resolve: () => resolve(true) };
        setTimeout(() => resolve(false), probeTimeoutMs).unref();
      });
      try {
        await sql`select pg_notify(${SESSION_CHANNEL}, ${PROBE_PREFIX + token})`;
      } catch {
        return; // The database is unreachable: nothing to listen to until it is back; the next probe tries again.
      }
      if (await heard) return;
      if (stopped) return;
      logger.warn("live: the session channel stopped delivering; listening again");
      await current.unlisten().catch(() => undefined);
      current = await sql.listen(SESSION_CHANNEL, onNotify, () => undefined);
      reconnected();
    };
    const timer = setInterval(() => void probe().catch((error: unknown) => logger.warn("live: probe failed", { error })), probeMs);
    timer.unref();
    return async () => {
      stopped = true;
      clearInterval(timer);
      await current.unlisten();
    };
  };
}
