import "server-only";
import { getConnection, getDb } from "@/db/client";
import { createLiveHub, type LiveHub } from "./hub";
import { listenOn } from "./notification-source";
import { loadSessionSnapshot } from "./session-snapshot";

// One hub per process, on globalThis like the connection: the custom server and Next's bundle each load their
// own copy of these modules, and two hubs would mean two LISTENs and two loads per change.
const store = globalThis as unknown as { __doiThoaiLiveHub?: LiveHub };

/** The process's hub over its own connection (PGlite's listen in local mode, a postgres.js listener otherwise). */
export function getLiveHub(): LiveHub {
  store.__doiThoaiLiveHub ??= createLiveHub({
    load: async (sessionId) => loadSessionSnapshot(await getDb(), sessionId),
    listen: async (handlers) => listenOn(await getConnection())(handlers),
  });
  return store.__doiThoaiLiveHub;
}

/** Stops the hub (at shutdown, before the connection closes). */
export async function closeLiveHub(): Promise<void> {
  const hub = store.__doiThoaiLiveHub;
  store.__doiThoaiLiveHub = undefined;
  await hub?.close();
}
