import "server-only";
import { logger } from "@/lib/logger";
import type { SessionSnapshot } from "./session-snapshot";
import { sseComment, sseEvent } from "./sse";

/** A viewer's stream: the hub writes whole frames to it. */
export type LiveSubscriber = { write: (frame: string) => void };

/** Starts listening for session changes; resolves once listening (so no change after it is missed) with a stop function. */
export type NotificationSource = (handlers: {
  /** A session's id was announced (src/server/dialogue/live/notify-session.ts). */
  notify: (sessionId: string) => void;
  /** Listening was lost and is back: changes in between may have been missed. */
  reconnected: () => void;
}) => Promise<() => Promise<void>>;

export type LiveHubOptions = {
  load: (sessionId: string) => Promise<SessionSnapshot | null>;
  listen: NotificationSource;
  /** At most one snapshot load per session in this interval; a change during it gets a load right after. */
  coalesceMs?: number;
  heartbeatMs?: number;
  /** Streams this process holds at most; more are refused (the browser then polls). */
  maxSubscribers?: number;
  /** After a failed load, wait this long before trying again. */
  retryMs?: number;
  /**
   * What the process may write to viewers, in bytes per ms: a session whose frame times its viewers exceeds what
   * `coalesceMs` allows is sent less often (a long queue to a full hall while supports pour in), so the writes
   * never outgrow the process and the one change that matters (the question on screen) still goes out at once
   * after a quiet moment.
   */
  bytesPerMs?: number;
};

export const DEFAULT_COALESCE_MS = 150;
export const HEARTBEAT_MS = 15_000;
export const MAX_LIVE_STREAMS = 5_000;
/** About 40 MB/s: what one core writes to sockets beside its other work. */
export const WRITE_BUDGET_BYTES_PER_MS = 40_000;

type Viewer = { subscriber: LiveSubscriber; sent: string | null };

type Room = {
  viewers: Set<Viewer>;
  /** The last snapshot loaded, serialised once for everyone: as JSON and as an SSE frame. */
  json: string | null;
  frame: string | null;
  frameBytes: number;
  version: string | null;
  /** No change was announced since `frame` was loaded (while listening): it may be given to a new viewer as is. */
  fresh: boolean;
  /** A change was announced and not loaded yet. */
  dirty: boolean;
  loading: boolean;
  timer: NodeJS.Timeout | null;
  lastLoadAt: number;
  /** The least time between two loads: coalesceMs, or more when the last broadcast was large. */
  gapMs: number;
};

export type LiveHub = ReturnType<typeof createLiveHub>;

/**
 * The process's viewers of live sessions. One LISTEN for all sessions; on an announcement the session's
 * snapshot is loaded once (at most once per `coalesceMs`, and always once more after the last announcement of a
 * burst) and the same bytes are written to each of its viewers. Sessions nobody watches cost nothing: their
 * announcements are dropped on arrival. Several instances on one PostgreSQL each listen, so a change made
 * through any of them reaches the viewers of all.
 */
export function createLiveHub(options: LiveHubOptions) {
  const coalesceMs = options.coalesceMs ?? DEFAULT_COALESCE_MS;
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  const maxSubscribers = options.maxSubscribers ?? MAX_LIVE_STREAMS;
  const retryMs = options.retryMs ?? 2_000;
  const bytesPerMs = options.bytesPerMs ?? WRITE_BUDGET_BYTES_PER_MS;
  const rooms = new Map<string, Room>();
  const stats = { viewers: 0, loads: 0, broadcasts: 0, notifications: 0, refused: 0 };
  let listening: Promise<() => Promise<void>> | null = null;
  let heartbeat: NodeJS.Timeout | null = null;
  let closed = false;

  function ensureListening() {
    listening ??= options
      .listen({
        notify: (sessionId) => {
          stats.notifications++;
          const room = rooms.get(sessionId);
          if (room) changed(sessionId, room);
        },
        reconnected: () => {
          logger.info("live: listening again, reloading every watched session", { sessions: rooms.size });
          for (const [id, room] of rooms) changed(id, room);
        },
      })
      .catch((error: unknown) => {
        listening = null;
        throw error;
      });
    return listening;
  }

  function changed(sessionId: string, room: Room) {
    room.dirty = true;
    room.fresh = false;
    schedule(sessionId, room);
  }

  function schedule(sessionId: string, room: Room, delay?: number) {
    if (room.timer || room.loading || closed) return;
    const wait = delay ?? Math.max(0, room.lastLoadAt + room.gapMs - Date.now());
    room.timer = setTimeout(() => {
      room.timer = null;
      void run(sessionId, room);
    }, wait);
  }

  async function run(sessionId: string, room: Room) {
    if (!room.dirty || rooms.get(sessionId) !== room) return;
    room.dirty = false;
    room.loading = true;
    room.lastLoadAt = Date.now();
    let failed = false;
    try {
      stats.loads++;
      const snapshot = await options.load(sessionId);
      if (snapshot && rooms.get(sessionId) === room) {
        if (snapshot.version !== room.version || !room.frame) {
          room.json = JSON.stringify(snapshot);
          room.frame = sseEvent({ id: snapshot.version, event: "snapshot", data: room.json });
          room.frameBytes = Buffer.byteLength(room.frame);
          room.version = snapshot.version;
        }
        if (!room.dirty) room.fresh = true;
        broadcast(room);
      }
    } catch (error) {
      failed = true;
      room.dirty = true;
      logger.warn("live: snapshot load failed", { sessionId, error });
    } finally {
      room.loading = false;
    }
    if (room.dirty && rooms.get(sessionId) === room) schedule(sessionId, room, failed ? retryMs : undefined);
  }

  function send(viewer: Viewer, frame: string) {
    try {
      viewer.subscriber.write(frame);
    } catch (error) {
      logger.warn("live: a stream could not be written", { error });
    }
  }

  function broadcast(room: Room) {
    if (!room.frame) return;
    stats.broadcasts++;
    let written = 0;
    for (const viewer of room.viewers) {
      if (viewer.sent === room.version) continue;
      viewer.sent = room.version;
      send(viewer, room.frame);
      written += room.frameBytes;
    }
    room.gapMs = Math.max(coalesceMs, Math.min(5_000, written / bytesPerMs));
  }

  function beat() {
    const frame = sseComment("hb");
    for (const room of rooms.values()) for (const viewer of room.viewers) send(viewer, frame);
  }

  /**
   * Adds a viewer: it gets the session's current snapshot at once (the one in memory if no change came since,
   * else a fresh load), then every change. Resolves to its unsubscribe function, or null when this process
   * holds as many streams as it may.
   */
  async function subscribe(sessionId: string, subscriber: LiveSubscriber): Promise<(() => void) | null> {
    if (closed || stats.viewers >= maxSubscribers) {
      stats.refused++;
      return null;
    }
    await ensureListening();
    let room = rooms.get(sessionId);
    if (!room) {
      room = { viewers: new Set(), json: null, frame: null, frameBytes: 0, version: null, fresh: false, dirty: true, loading: false, timer: null, lastLoadAt: 0, gapMs: coalesceMs };
      rooms.set(sessionId, room);
    }
    const viewer: Viewer = { subscriber, sent: null };
    room.viewers.add(viewer);
    stats.viewers++;
    heartbeat ??= setInterval(beat, heartbeatMs).unref();
    if (room.fresh && room.frame) {
      viewer.sent = room.version;
      send(viewer, room.frame);
    } else {
      // A load is due (new room) or under way: it writes to this viewer too when it ends.
      room.dirty = true;
      schedule(sessionId, room, room.lastLoadAt === 0 ? 0 : undefined);
    }
    const joined = room;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      joined.viewers.delete(viewer);
      stats.viewers--;
      if (joined.viewers.size === 0 && rooms.get(sessionId) === joined) {
        if (joined.timer) clearTimeout(joined.timer);
        rooms.delete(sessionId);
      }
      if (stats.viewers === 0 && heartbeat) {
        clearInterval(heartbeat);
        heartbeat = null;
      }
    };
  }

  /** The snapshot in memory as JSON, if it is current (watched, loaded, nothing announced since); else null. */
  function current(sessionId: string): { json: string; version: string } | null {
    const room = rooms.get(sessionId);
    return room?.fresh && room.json && room.version ? { json: room.json, version: room.version } : null;
  }

  async function close() {
    closed = true;
    for (const room of rooms.values()) if (room.timer) clearTimeout(room.timer);
    rooms.clear();
    if (heartbeat) clearInterval(heartbeat);
    heartbeat = null;
    const stop = await listening?.catch(() => null);
    listening = null;
    await stop?.();
  }

  return { subscribe, current, close, stats, capacity: maxSubscribers, watched: () => rooms.size };
}
