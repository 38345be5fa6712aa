import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { getDb } from "@/db/client";
import { parseCookies } from "@/lib/cookies";
import { logger } from "@/lib/logger";
import { handleSupportRequest, hasSessionCookie } from "./support-request";

const SUPPORT_PATH = /^\/doi-thoai\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/ung-ho$/i;
/** A support's form is one field: anything larger goes through Next, which applies the usual limits. */
const MAX_SUPPORT_BODY_BYTES = 4096;

/**
 * A support from someone not signed in (nearly all of them, in a hall during a live session): answered by the
 * custom server with the route's own code (src/server/dialogue/questions/support-request.ts), without Next's
 * routing, as the filing form without JavaScript is. Signed-in supporters, whose session Next resolves, and
 * bodies of unknown or excessive size go through Next.
 */
export function handleSupportBeforeNext(req: IncomingMessage, res: ServerResponse, appUrl: string): boolean {
  if (req.method !== "POST") return false;
  const match = SUPPORT_PATH.exec(req.url ?? "");
  if (!match) return false;
  const length = Number(req.headers["content-length"] ?? NaN);
  if (!(length <= MAX_SUPPORT_BODY_BYTES) || hasSessionCookie(parseCookies(req.headers.cookie).keys())) return false;
  void respond(req, res, match[1]!, appUrl).catch((error: unknown) => {
    logger.error("request failed", { error, url: req.url });
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
  return true;
}

async function respond(req: IncomingMessage, res: ServerResponse, sessionId: string, appUrl: string) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  const request = new Request(new URL(req.url!, appUrl), { method: "POST", headers, body: Buffer.concat(chunks) });
  const response = await handleSupportRequest(request, sessionId, { db: await getDb(), signedInUserId: async () => null });
  res.statusCode = response.status;
  for (const [name, value] of response.headers) if (name !== "set-cookie") res.setHeader(name, value);
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader("set-cookie", cookies);
  res.end(Buffer.from(await response.arrayBuffer()));
}
