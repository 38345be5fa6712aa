import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { sql } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { logger } from "@/lib/logger";
import { freshReads } from "@/server/http/public-page-cache";
import type { LiveHub } from "./hub";
import { getLiveHub } from "./process-hub";
import { loadSessionSnapshot } from "./session-snapshot";
import { sseComment, sseRetry } from "./sse";

/** The live stream of a session and its polling twin (for browsers without EventSource, or when the stream fails). */
const LIVE_PATH = /^\/doi-thoai\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/(su-kien|trang-thai)$/i;

/** A viewer that reads slower than the session changes is cut off past this much unsent data; it reconnects and gets the current state. */
const MAX_UNSENT_BYTES = 1024 * 1024;
/** When the process holds as many streams as it may, browsers are told to poll and retry the stream after this (s). */
const RETRY_AFTER_S = 30;

/** The headers next.config.ts gives every response Next serves; these responses are served before Next. */
const PAGE_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
};

/** The session id and endpoint a request is for, when it is one of the live endpoints (GET or HEAD). */
export function liveRequestOf(req: IncomingMessage): { sessionId: string; kind: "stream" | "status" } | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const match = LIVE_PATH.exec((req.url ?? "").split("?")[0]!);
  if (!match) return null;
  return { sessionId: match[1]!.toLowerCase(), kind: match[2] === "su-kien" ? "stream" : "status" };
}

const open = new Set<ServerResponse>();

/** The live endpoints over a hub and a database: the process's own by default, a test's own otherwise. */
export function createLiveEndpoints(deps: { hub: LiveHub; db: () => Promise<Database> }) {
  const { hub } = deps;
  const sessionExists = freshReads<boolean>();
  const statusReads = freshReads<{ json: string; version: string } | null>();
  // Sessions are never deleted while watched; ids once seen spare a query per connection.
  const known = new Set<string>();

  async function exists(sessionId: string): Promise<boolean> {
    if (known.has(sessionId)) return true;
    const found = await sessionExists(sessionId, async () => {
      const rows = rowsOf<{ one: number }>(await (await deps.db()).execute(sql`select 1 as one from dialogue_sessions where id = ${sessionId}::uuid`));
      return rows.length > 0;
    });
    if (found) {
      if (known.size > 10_000) known.clear();
      known.add(sessionId);
    }
    return found;
  }

  /** The session's snapshot as JSON: the hub's, when it holds a current one; else one load shared by the requests arriving together. */
  async function statusOf(sessionId: string) {
    return (
      hub.current(sessionId) ??
      statusReads(sessionId, async () => {
        const snapshot = await loadSessionSnapshot(await deps.db(), sessionId);
        return snapshot ? { json: JSON.stringify(snapshot), version: snapshot.version } : null;
      })
    );
  }

  /**
   * Answers GET /doi-thoai/<id>/su-kien (an event stream: the current snapshot at once, then each change) and
   * GET /doi-thoai/<id>/trang-thai (the snapshot as JSON, ETag = its version, 304 when unchanged).
   */
  async function serve(req: IncomingMessage, res: ServerResponse, request: { sessionId: string; kind: "stream" | "status" }): Promise<void> {
    const { sessionId } = request;
    if (request.kind === "status") {
      const status = await statusOf(sessionId);
      if (!status) return notFound(req, res);
      const etag = `"${status.version}"`;
      const headers = { ...PAGE_HEADERS, etag, "cache-control": "no-cache" };
      const presented = String(req.headers["if-none-match"] ?? "").split(",").map((v) => v.trim().replace(/^W\//, ""));
      if (presented.includes(etag)) {
        res.writeHead(304, headers).end();
        return;
      }
      res.writeHead(200, { ...headers, "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(status.json) });
      res.end(req.method === "HEAD" ? undefined : status.json);
      return;
    }

    if (!(await exists(sessionId))) return notFound(req, res);
    if (hub.stats.viewers >= hub.capacity) return busy(res);
    res.writeHead(200, {
      ...PAGE_HEADERS,
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store, no-transform",
      "x-accel-buffering": "no",
      connection: "keep-alive",
    });
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    req.socket.setNoDelay(true);
    req.socket.setTimeout(0);
    req.socket.setKeepAlive(true, 30_000);
    res.write(sseRetry());
    open.add(res);
    let unsubscribe: (() => void) | null = null;
    let gone = false;
    res.once("close", () => {
      gone = true;
      open.delete(res);
      unsubscribe?.();
    });
    try {
      unsubscribe = await hub.subscribe(sessionId, {
        write: (frame) => {
          if (res.writableLength > MAX_UNSENT_BYTES) {
            res.destroy();
            return;
          }
          res.write(frame);
        },
      });
    } catch (error) {
      logger.error("live: could not subscribe", { sessionId, error });
      res.end(sseComment("unavailable"));
      return;
    }
    if (!unsubscribe) {
      res.end(sseComment("busy"));
      return;
    }
    if (gone) unsubscribe();
  }

  return { serve };
}

function notFound(req: IncomingMessage, res: ServerResponse) {
  const body = JSON.stringify({ error: "not_found" });
  res.writeHead(404, { ...PAGE_HEADERS, "content-type": "application/json; charset=utf-8", "cache-control": "no-store", "content-length": Buffer.byteLength(body) });
  res.end(req.method === "HEAD" ? undefined : body);
}

function busy(res: ServerResponse) {
  res.writeHead(503, { ...PAGE_HEADERS, "retry-after": String(RETRY_AFTER_S), "cache-control": "no-store", "content-type": "text/plain; charset=utf-8" });
  res.end("busy\n");
}

/** Ends every open stream (shutdown): browsers reconnect, to another instance if there is one. */
export function endLiveStreams(): void {
  // The connection goes too: an ended stream's socket would otherwise stay open as keep-alive, holding the shutdown.
  for (const res of open) res.end(() => res.socket?.destroy());
  open.clear();
}

let processEndpoints: ReturnType<typeof createLiveEndpoints> | null = null;

/**
 * For src/bin/server.ts: handles the request when it is a live endpoint, and says whether it did. Served before
 * Next: a thousand open streams then cost the hub's writes only, and nothing compresses or buffers them. Errors
 * end the response with a 500 (logged), like the server's other handlers.
 */
export function handleLiveRequest(req: IncomingMessage, res: ServerResponse): boolean {
  const request = liveRequestOf(req);
  if (!request) return false;
  processEndpoints ??= createLiveEndpoints({ hub: getLiveHub(), db: getDb });
  processEndpoints.serve(req, res, request).catch((error: unknown) => {
    logger.error("request failed", { error, url: req.url });
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
  return true;
}
