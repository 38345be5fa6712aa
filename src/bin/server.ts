// The web server (custom, so it can tell requests from this machine), with the worker inside in local mode.
import http from "node:http";
import { fileWithoutScript, hasSessionCookie, MAX_FILING_BODY_BYTES, NOSCRIPT_FILING_PATH } from "@/app/gui-y-kien/gui/file-without-script";
import { closeDb, localWriteCount } from "@/db/client";
import { isDatabaseEmpty, seedDemoData } from "@/db/seed/seed-demo";
import { parseCookies } from "@/lib/cookies";
import { secureDataDir } from "@/lib/data-dir";
import { logger } from "@/lib/logger";
import { closeLiveHub } from "@/server/dialogue/live/process-hub";
import { endLiveStreams, handleLiveRequest } from "@/server/dialogue/live/live-http";
import { handleSupportBeforeNext } from "@/server/dialogue/questions/support-before-next";
import { checkBody } from "@/server/http/body-limits";
import { localeOfCookieHeader, refusalPage, type Refusal } from "@/server/http/refusal-page";
import { contentSecurityPolicy, newNonce, staticSecurityHeaders } from "@/server/http/security-headers";
import { checkHost, forwardedHostOf, isForeignOrigin, siteOf } from "@/server/http/site-address";
import { CACHED_PAGES } from "@/server/http/cached-pages";
import { createPublicPageCache } from "@/server/http/public-page-cache";
import { clientAddressOf } from "@/server/net/client-address";
import { CLIENT_IP_HEADER, isLoopbackAddress, loopbackToken, LOOPBACK_HEADER } from "@/server/net/loopback";
import { startWorker } from "@/server/worker/run-worker";
import { exitOnStartupError, openMigratedDatabase } from "./startup";

async function main() {
  const dev = process.argv.includes("--dev");
  const { env, db } = await openMigratedDatabase();

  const seed = env.SEED_DEMO === "always" || (env.SEED_DEMO === "auto" && env.mode === "local" && (await isDatabaseEmpty(db)));
  if (seed) {
    const report = await seedDemoData(db);
    logger.info("demo data", report);
    if (env.mode === "local") secureDataDir(env.DATA_DIR, { quiet: true });
  }

  // Local mode has one process per data folder, so the worker must live here; in server mode it may run apart.
  const worker = env.WORKER === "inline" ? startWorker(db) : null;

  const site = siteOf(env.APP_URL);
  const https = site.protocol === "https";
  const { default: next } = await import("next");
  const app = next({ dev, dir: process.cwd(), hostname: site.hostname, port: env.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();

  const fixedHeaders = staticSecurityHeaders({ https });
  const publicPages = createPublicPageCache(db, {
    pages: CACHED_PAGES,
    replayPolicy: (hashes) => contentSecurityPolicy({ hashes }, { dev, https }),
    localWrites: env.mode === "local" ? localWriteCount : undefined,
  });
  // A machine whose server listens on the network cannot tell a local visitor from a proxied one: the local
  // outbox (demo sign-in links) then needs an admin, as in server mode.
  const listensOnLoopback = isLoopbackAddress(env.HOST) || env.HOST === "localhost";

  const refuse = (req: http.IncomingMessage, res: http.ServerResponse, refusal: Refusal) => {
    const { status, html } = refusalPage(refusal, localeOfCookieHeader(req.headers.cookie), site.origin);
    res.writeHead(status, {
      ...fixedHeaders,
      ...REFUSAL_HEADERS,
      "content-type": "text/html; charset=utf-8",
      "content-length": Buffer.byteLength(html),
    });
    res.end(req.method === "HEAD" ? undefined : html);
    if (refusal.kind === "too_large" || refusal.kind === "length_required") lingerThenClose(req);
  };

  const server = http.createServer((req, res) => {
    const url = req.url ?? "/";
    // Next answers a malformed escape in a dynamic segment with a 500; it is the client's error. An absolute
    // request target (a proxy request) names a host of its own: not served.
    if (!url.startsWith("/") || !decodable(url.split("?")[0]!)) {
      res.writeHead(400, { "content-type": "text/plain; charset=utf-8", connection: "close" }).end("Đường dẫn không hợp lệ / Malformed address\n");
      return;
    }
    for (const [name, value] of Object.entries(fixedHeaders)) res.setHeader(name, value);
    // Headers only this server may set: never trust them from outside.
    for (const name of [LOOPBACK_HEADER, CLIENT_IP_HEADER, "content-security-policy", "content-security-policy-report-only"]) delete req.headers[name];

    const host = checkHost(site, { host: req.headers.host, forwardedHost: forwardedHostOf(req.headers), url }, env.TRUST_PROXY);
    if (host.kind === "redirect") {
      res.writeHead(307, { location: host.location, "cache-control": "no-store" }).end();
      return;
    }
    if (host.kind === "refuse") {
      logger.warn("request for another host refused", { host: host.presented.slice(0, 100), url: url.slice(0, 200) });
      refuse(req, res, { kind: "wrong_host" });
      return;
    }
    const proxied = req.headers["x-forwarded-for"] !== undefined || req.headers.forwarded !== undefined;
    req.headers[CLIENT_IP_HEADER] = clientAddressOf(req.headers["x-forwarded-for"], req.socket.remoteAddress, env.TRUST_PROXY);
    if (listensOnLoopback && !proxied && isLoopbackAddress(req.socket.remoteAddress)) req.headers[LOOPBACK_HEADER] = loopbackToken();
    // From here on, Next and Auth.js see the site's own address, whatever the client or a proxy wrote.
    req.headers.host = site.host;
    req.headers["x-forwarded-host"] = site.host;
    req.headers["x-forwarded-proto"] = site.protocol;
    delete req.headers.forwarded;

    const body = checkBody(url.split("?")[0]!, req.headers);
    if (body.kind !== "ok") {
      logger.info("request body refused", { url: url.slice(0, 200), reason: body.kind, length: req.headers["content-length"] });
      refuse(req, res, body);
      return;
    }
    // Open311 clients may post from any site: the API reads its key from the request, never a cookie or session.
    const open311 = url.startsWith("/open311/");
    if (!SAFE_METHODS.has(req.method ?? "GET") && !open311 && isForeignOrigin(site, req.headers.origin)) {
      refuse(req, res, { kind: "foreign_origin" });
      return;
    }
    // Next reads the nonce from the request's policy and puts it on every script it renders.
    const policy = contentSecurityPolicy({ nonce: newNonce() }, { dev, https });
    req.headers["content-security-policy"] = policy;
    res.setHeader("content-security-policy", policy);

    if (isPlainFiling(req)) {
      fileBeforeNext(req, res, env.APP_URL).catch((error: unknown) => {
        logger.error("request failed", { error, url: req.url });
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
      return;
    }
    // A session's live stream and status (many viewers, long-lived): answered here, with the headers above.
    if (handleLiveRequest(req, res)) return;
    if (handleSupportBeforeNext(req, res, env.APP_URL)) return;
    publicPages.handle(req, res, () => handle(req, res)).catch((error: unknown) => {
      logger.error("request failed", { error, url: req.url });
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(env.PORT, env.HOST, () => resolve());
  });
  logger.info("ready", { url: env.APP_URL, listening: `${env.HOST}:${env.PORT}`, mode: env.mode, worker: env.WORKER, dev });
  const reach = listensOnLoopback
    ? "chỉ máy này truy cập được / reachable from this machine only (HOST)"
    : `đang nghe trên / listening on ${env.HOST}:${env.PORT}`;
  process.stdout.write(`\n  Đối thoại: ${env.APP_URL}  (${reach})\n\n`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info("stopping", { signal });
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    endLiveStreams();
    await closed;
    await closeLiveHub();
    await worker?.stop();
    await app.close();
    await closeDb();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  // `kill -USR2 <pid>` prints where the memory is, whatever LOG_LEVEL says (the bench asks after its load).
  process.on("SIGUSR2", () => {
    const mb = (bytes: number) => Math.round(bytes / 1048576);
    const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
    const figures = { rssMb: mb(rss), heapTotalMb: mb(heapTotal), heapUsedMb: mb(heapUsed), externalMb: mb(external), arrayBuffersMb: mb(arrayBuffers) };
    process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level: "info", message: "memory", ...figures })}\n`);
  });
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The refusal pages run no script and load nothing. */
const REFUSAL_HEADERS = {
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
  "cache-control": "no-store",
};

/**
 * A browser still uploading when the refusal arrives may lose the page if the connection is cut under it (the
 * unread upload makes the close a reset): as web servers do, read and discard what is still coming for a short
 * while, holding none of it, then close.
 */
const LINGER = { ms: 5_000, bytes: 32 * 1024 * 1024 };

function lingerThenClose(req: http.IncomingMessage) {
  let discarded = 0;
  const close = () => req.socket.destroy();
  const timer = setTimeout(close, LINGER.ms);
  timer.unref();
  req.on("data", (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > LINGER.bytes) close();
  });
  req.once("end", () => clearTimeout(timer));
  req.once("close", () => clearTimeout(timer));
  req.resume();
}

function decodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The filing form posted without JavaScript by someone not signed in: the commonest write, and Next's routing
 * adds about a tenth to its CPU cost, so it is answered here, by the same code as the route handler. Signed-in
 * citizens (whose session Next resolves) and bodies of unknown or excessive size go through Next.
 */
function isPlainFiling(req: http.IncomingMessage): boolean {
  if (req.method !== "POST" || req.url !== NOSCRIPT_FILING_PATH) return false;
  const length = Number(req.headers["content-length"] ?? NaN);
  return length <= MAX_FILING_BODY_BYTES && !hasSessionCookie(parseCookies(req.headers.cookie).keys());
}

async function fileBeforeNext(req: http.IncomingMessage, res: http.ServerResponse, appUrl: string): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const request = new Request(new URL(NOSCRIPT_FILING_PATH, appUrl), { method: "POST", headers, body: Buffer.concat(chunks) });
  const response = await fileWithoutScript(request, async () => null);
  res.statusCode = response.status;
  for (const [name, value] of response.headers) if (name !== "set-cookie") res.setHeader(name, value);
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader("set-cookie", cookies);
  res.end();
}

main().catch(exitOnStartupError);
