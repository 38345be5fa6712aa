import "server-only";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { toLocalDate } from "@/domain/calendar";
import { LOCALE_COOKIE, DEFAULT_LOCALE, isLocale } from "@/i18n/config";
import { parseCookies } from "@/lib/cookies";
import { inlineScriptHashes } from "./security-headers";

const STATUS_PATH = /^\/tra-cuu\/([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{3})$/;
// Cookies that change what the page shows (a signed-in header, a filer's session): such requests are not cached.
const PERSONAL_COOKIE = /(^|\.)session-token|^dt_/;

type Entry = { validator: string; status: number; headers: OutgoingHttpHeaders; body: Buffer; storedAt: number; policy: string | null };

/**
 * The public status page of a case is read far more than it changes. Its rendered HTML is kept per
 * (code, language, encoding) and served again only while a one-row check shows that nothing about the case
 * changed (its version, its update time, its newest timeline event) and the day is the same: so a change is
 * visible on the next request once it has committed, on every instance, with no shared cache to keep.
 */
export function createStatusPageCache(
  db: Database,
  options: {
    maxEntries?: number;
    maxAgeMs?: number;
    /**
     * The content security policy a replayed page is served under: built from the hashes of its own inline scripts,
     * since the nonce it was rendered with was valid for that first response only.
     */
    replayPolicy?: (scriptHashes: string[]) => string;
  } = {},
) {
  // A page is about 75 KB: 300 pages bound the cache near 22 MB per process.
  const maxEntries = options.maxEntries ?? 300;
  const maxAgeMs = options.maxAgeMs ?? 10 * 60_000;
  const entries = new Map<string, Entry>();
  const stats = { hits: 0, misses: 0, bypass: 0 };

  async function validatorFor(code: string): Promise<string | null> {
    const rows = rowsOf<{ version: number; updated: string; last_event: number | null }>(
      await db.execute(sql`select c.version, c.updated_at::text as updated,
          (select max(e.id) from case_events e where e.case_id = c.id) as last_event
        from cases c where c.code = ${code}`),
    );
    const row = rows[0];
    return row ? `${row.version}|${row.updated}|${row.last_event ?? 0}|${toLocalDate(new Date())}` : null;
  }

  function remember(key: string, entry: Entry) {
    entries.delete(key);
    entries.set(key, entry);
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
  }

  /** Serves from the cache, or lets `render` produce the page and keeps a cacheable result. */
  async function handle(req: IncomingMessage, res: ServerResponse, render: () => Promise<void>): Promise<void> {
    const match = req.method === "GET" ? STATUS_PATH.exec(req.url ?? "") : null;
    const cookies = parseCookies(req.headers.cookie);
    const cacheable =
      match &&
      !req.headers.rsc &&
      !req.headers["next-router-prefetch"] &&
      !req.headers["next-action"] &&
      ![...cookies.keys()].some((name) => PERSONAL_COOKIE.test(name));
    if (!cacheable) {
      stats.bypass++;
      return render();
    }
    const code = match[1]!;
    const validator = await validatorFor(code);
    if (!validator) return render(); // unknown code: Next answers 404 and counts the miss
    const locale = cookies.get(LOCALE_COOKIE);
    const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    const key = `${code}|${isLocale(locale) ? locale : DEFAULT_LOCALE}|${gzip ? "gz" : "id"}`;
    const hit = entries.get(key);
    if (hit && hit.validator === validator && Date.now() - hit.storedAt < maxAgeMs) {
      stats.hits++;
      res.writeHead(hit.status, { ...hit.headers, ...(hit.policy ? { "content-security-policy": hit.policy } : {}), "x-doithoai-cache": "hit" });
      res.end(hit.body);
      return;
    }
    stats.misses++;
    res.setHeader("x-doithoai-cache", "miss");
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
      if (res.statusCode === 200 && !res.hasHeader("set-cookie")) {
        const headers = res.getHeaders();
        delete headers["x-doithoai-cache"];
        delete headers["content-security-policy"];
        const body = Buffer.concat(chunks);
        const encoding = headers["content-encoding"]?.toString();
        const policy = options.replayPolicy ? options.replayPolicy(inlineScriptHashes(body, encoding)) : null;
        remember(key, { validator, status: 200, headers, body, storedAt: Date.now(), policy });
      }
      return end(chunk as never, encoding as never, cb as never);
    }) as typeof res.end;
    await render();
  }

  return { handle, stats, clear: () => entries.clear() };
}
