import "server-only";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import type { Database } from "@/db/client";
import { toLocalDate } from "@/domain/calendar";
import { LOCALE_COOKIE, DEFAULT_LOCALE, isLocale } from "@/i18n/config";
import { parseCookies } from "@/lib/cookies";
import { inlineScriptHashes } from "./security-headers";

// Cookies that change what a page shows (a signed-in header, a filer's session): such requests are not cached.
const PERSONAL_COOKIE = /(^|\.)session-token|^dt_/;

/** A public page the server may answer from its cache, and how to tell that what it shows has changed. */
export type CachedPage = {
  name: string;
  /** The part of the cache key taken from the path (e.g. the case code), or null: not this page. */
  match: (path: string) => string | null;
  /**
   * A short string that differs whenever anything the page shows differs, read with one cheap query; null
   * lets Next answer (e.g. an unknown case code, so the 404 is Next's own).
   */
  validator: (db: Database, key: string, now: Date) => Promise<string | null>;
};

type Entry = { validator: string; status: number; headers: OutgoingHttpHeaders; body: Buffer; storedAt: number; policy: string | null };

/**
 * Public pages are read far more often than they change. Their rendered HTML is kept per (page, key, language,
 * encoding) and served again only while the page's validator, read from the database on every request, is
 * the same as when it was rendered: so a change shows on the next request once it has committed, on every
 * instance, with no shared cache to keep. Requests that arrive while the same page is being rendered wait for
 * that render instead of starting their own, so a crowd after a change costs one render, not fifty; and
 * requests for the same page share their validator reads (see freshReads), so a crowd costs the database a
 * few queries, not one per request.
 */
export function createPublicPageCache(
  db: Database,
  options: {
    pages: CachedPage[];
    maxEntries?: number;
    maxAgeMs?: number;
    /**
     * The content security policy a replayed page is served under: built from the hashes of its own inline scripts,
     * since the nonce it was rendered with was valid for that first response only.
     */
    replayPolicy?: (scriptHashes: string[]) => string;
    now?: () => Date;
    /**
     * Local mode: the count of possible changes this process made to its embedded database, its only writer
     * (src/db/client.ts). A page is then valid while the count and the date are the same, with no query:
     * PGlite answers in the server's own thread, where a query per request costs more than the page.
     */
    localWrites?: () => number | null;
  },
) {
  // A page is about 75 KB: 300 pages bound the cache near 22 MB per process.
  const maxEntries = options.maxEntries ?? 300;
  const maxAgeMs = options.maxAgeMs ?? 10 * 60_000;
  const now = options.now ?? (() => new Date());
  const entries = new Map<string, Entry>();
  const rendering = new Map<string, { validator: string; done: Promise<void> }>();
  const validate = freshReads<string | null>();
  const stats = { hits: 0, misses: 0, bypass: 0, waited: 0 };

  function remember(key: string, entry: Entry) {
    entries.delete(key);
    entries.set(key, entry);
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
  }

  function fresh(key: string, validator: string) {
    const hit = entries.get(key);
    return hit && hit.validator === validator && Date.now() - hit.storedAt < maxAgeMs ? hit : null;
  }

  function replay(res: ServerResponse, hit: Entry) {
    stats.hits++;
    res.writeHead(hit.status, { ...hit.headers, ...(hit.policy ? { "content-security-policy": hit.policy } : {}), "x-doithoai-cache": "hit" });
    res.end(hit.body);
  }

  function pageOf(req: IncomingMessage, cookies: Map<string, string>) {
    if (req.method !== "GET" || req.headers.rsc || req.headers["next-router-prefetch"] || req.headers["next-action"]) return null;
    if ([...cookies.keys()].some((name) => PERSONAL_COOKIE.test(name))) return null;
    const path = req.url ?? "/";
    for (const page of options.pages) {
      const key = page.match(path);
      if (key !== null) return { page, key };
    }
    return null;
  }

  /** Serves from the cache, or lets `render` produce the page and keeps a cacheable result. */
  async function handle(req: IncomingMessage, res: ServerResponse, render: () => Promise<void>): Promise<void> {
    const cookies = parseCookies(req.headers.cookie);
    const found = pageOf(req, cookies);
    if (!found) {
      stats.bypass++;
      return render();
    }
    const writes = options.localWrites?.() ?? null;
    const validator =
      writes !== null
        ? `${writes}|${toLocalDate(now())}`
        : await validate(`${found.page.name}|${found.key}`, () => found.page.validator(db, found.key, now()));
    if (validator === null) return render();
    const locale = cookies.get(LOCALE_COOKIE);
    const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    const key = `${found.page.name}|${found.key}|${isLocale(locale) ? locale : DEFAULT_LOCALE}|${gzip ? "gz" : "id"}`;
    const hit = fresh(key, validator);
    if (hit) return replay(res, hit);
    const inFlight = rendering.get(key);
    if (inFlight && inFlight.validator === validator) {
      stats.waited++;
      await inFlight.done;
      const shared = fresh(key, validator);
      if (shared) return replay(res, shared);
    }
    stats.misses++;
    let finished!: () => void;
    const done = new Promise<void>((resolve) => (finished = resolve));
    rendering.set(key, { validator, done });
    res.once("close", () => {
      if (rendering.get(key)?.done === done) rendering.delete(key);
      finished();
    });
    res.setHeader("x-doithoai-cache", "miss");
    capture(res, (status, headers, body) => {
      if (status !== 200 || "set-cookie" in headers) return;
      delete headers["x-doithoai-cache"];
      delete headers["content-security-policy"];
      const policy = options.replayPolicy ? options.replayPolicy(inlineScriptHashes(body, headers["content-encoding"]?.toString())) : null;
      remember(key, { validator, status, headers, body, storedAt: Date.now(), policy });
    });
    try {
      await render();
    } finally {
      if (res.writableEnded) {
        if (rendering.get(key)?.done === done) rendering.delete(key);
        finished();
      }
    }
  }

  return { handle, stats, clear: () => entries.clear() };
}

/**
 * Shares a read among the callers that ask for the same key at about the same time, without ever giving a
 * caller a result read before it asked: a caller that arrives while a read is running waits for the next
 * one, which starts when the running one ends and serves everyone who arrived meanwhile. So a value
 * committed before a request arrived is always seen by it, and fifty requests at once cost two reads.
 */
export function freshReads<T>() {
  const reads = new Map<string, { running: Promise<T> | null; next: Promise<T> | null }>();
  return (key: string, read: () => Promise<T>): Promise<T> => {
    let slot = reads.get(key);
    if (!slot) reads.set(key, (slot = { running: null, next: null }));
    const current = slot;
    const start = (): Promise<T> => {
      const running: Promise<T> = read().finally(() => {
        if (current.running === running) current.running = null;
        if (!current.running && !current.next && reads.get(key) === current) reads.delete(key);
      });
      current.running = running;
      return running;
    };
    if (!current.running) return start();
    current.next ??= current.running
      .catch(() => undefined)
      .then(() => {
        current.next = null;
        return start();
      });
    return current.next;
  };
}

/** Hands the complete response (as sent: headers, status, body bytes) to `keep` when it ends. */
function capture(res: ServerResponse, keep: (status: number, headers: OutgoingHttpHeaders, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  const collect = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
  };
  res.write = ((chunk: unknown, encoding?: unknown, cb?: unknown) => {
    collect(chunk, encoding);
    return write(chunk as never, encoding as never, cb as never);
  }) as typeof res.write;
  res.end = ((chunk?: unknown, encoding?: unknown, cb?: unknown) => {
    collect(chunk, encoding);
    keep(res.statusCode, res.getHeaders(), Buffer.concat(chunks));
    return end(chunk as never, encoding as never, cb as never);
  }) as typeof res.end;
}
