// The web server (custom, so it can tell requests from this machine), with the worker inside in local mode.
import http from "node:http";
import { cookiesOf, fileWithoutScript, hasSessionCookie, MAX_FILING_BODY_BYTES, NOSCRIPT_FILING_PATH } from "@/app/gui-y-kien/gui/file-without-script";
import { closeDb } from "@/db/client";
import { isDatabaseEmpty, seedDemoData } from "@/db/seed/seed-demo";
import { logger } from "@/lib/logger";
import { createStatusPageCache } from "@/server/http/status-page-cache";
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
  }

  // Local mode has one process per data folder, so the worker must live here; in server mode it may run apart.
  const worker = env.WORKER === "inline" ? startWorker(db) : null;

  const { default: next } = await import("next");
  const app = next({ dev, dir: process.cwd(), hostname: env.HOST ?? "localhost", port: env.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const statusPages = createStatusPageCache(db);

  const server = http.createServer((req, res) => {
    // Next answers a malformed escape in a dynamic segment with a 500; it is the client's error.
    try {
      decodeURIComponent((req.url ?? "/").split("?")[0]!);
    } catch {
      res.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end("Đường dẫn không hợp lệ / Malformed address\n");
      return;
    }
    // Never trust this header from outside; set it only for direct connections from this machine.
    delete req.headers[LOOPBACK_HEADER];
    // Behind a reverse proxy every client would share the proxy's address: TRUST_PROXY takes the
    // proxy's X-Forwarded-For instead (only set it when a proxy you run always sets that header).
    const forwarded = env.TRUST_PROXY ? req.headers["x-forwarded-for"]?.toString().split(",")[0]?.trim() : undefined;
    req.headers[CLIENT_IP_HEADER] = forwarded || req.socket.remoteAddress || "unknown";
    const proxied = req.headers["x-forwarded-for"] !== undefined || req.headers.forwarded !== undefined;
    if (!proxied && isLoopbackAddress(req.socket.remoteAddress)) req.headers[LOOPBACK_HEADER] = loopbackToken();
    if (isPlainFiling(req)) {
      fileBeforeNext(req, res, env.APP_URL).catch((error: unknown) => {
        logger.error("request failed", { error, url: req.url });
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
      return;
    }
    statusPages.handle(req, res, () => handle(req, res)).catch((error: unknown) => {
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
  logger.info("ready", { url: env.APP_URL, mode: env.mode, worker: env.WORKER, dev });
  process.stdout.write(`\n  Đối thoại: ${env.APP_URL}\n\n`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info("stopping", { signal });
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await closed;
    await worker?.stop();
    await app.close();
    await closeDb();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

/**
 * The filing form posted without JavaScript by someone not signed in: the commonest write, and Next's routing
 * adds about a tenth to its CPU cost, so it is answered here, by the same code as the route handler. Signed-in
 * citizens (whose session Next resolves) and bodies of unknown or excessive size go through Next.
 */
function isPlainFiling(req: http.IncomingMessage): boolean {
  if (req.method !== "POST" || req.url !== NOSCRIPT_FILING_PATH) return false;
  const length = Number(req.headers["content-length"] ?? NaN);
  return length <= MAX_FILING_BODY_BYTES && !hasSessionCookie(cookiesOf(req.headers.cookie).keys());
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
