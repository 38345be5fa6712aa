import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { gunzipSync } from "node:zlib";

/** A fresh nonce for each response: Next puts it on every script it renders (it reads the request's policy). */
export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

export type ScriptSources = { nonce: string } | { hashes: string[] };

/**
 * No inline script runs unless this response allowed it (a nonce, or the hash of a script already rendered);
 * scripts load from this site only. Styles may be inline: React's style attributes need it, and they run nothing.
 */
export function contentSecurityPolicy(scripts: ScriptSources, options: { dev: boolean; https: boolean }): string {
  const allowed = "nonce" in scripts ? [`'nonce-${scripts.nonce}'`] : scripts.hashes.map((h) => `'sha256-${h}'`);
  return [
    "default-src 'self'",
    // The development server evaluates its modules (React's dev build); production never does.
    `script-src 'self' ${allowed.join(" ")}${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${options.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Headers every response carries besides the policy (next.config.ts adds the frame, sniffing and referrer ones). */
export function staticSecurityHeaders(options: { https: boolean }): Record<string, string> {
  return {
    "cross-origin-opener-policy": "same-origin",
    ...(options.https ? { "strict-transport-security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/**
 * The hashes of a rendered page's inline scripts, so that a page kept in a cache can be served again under a
 * policy of its own: the nonce it was rendered with must never be valid again.
 */
export function inlineScriptHashes(body: Buffer, contentEncoding: string | undefined): string[] {
  const html = (contentEncoding === "gzip" ? gunzipSync(body) : body).toString("utf8");
  const hashes = new Set<string>();
  for (const match of html.matchAll(INLINE_SCRIPT)) hashes.add(createHash("sha256").update(match[1] ?? "", "utf8").digest("base64"));
  return [...hashes];
}
