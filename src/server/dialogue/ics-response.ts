import "server-only";
import type { IcsFile } from "./session-calendar";

/** The reader's language for a calendar file: ?lang=en, else Vietnamese (a subscribed calendar sends no cookie). */
export function icsLocale(request: Request): "vi" | "en" {
  return new URL(request.url).searchParams.get("lang") === "en" ? "en" : "vi";
}

/**
 * A calendar file as an HTTP answer: text/calendar in UTF-8, revalidated by its ETag (a conditional request gets
 * 304 with no body), cacheable by shared caches for a few minutes since it holds nothing personal.
 */
export function icsResponse(request: Request, file: IcsFile | null, maxAgeSeconds: number): Response {
  if (!file) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=60" } });
  const headers = {
    ETag: file.etag,
    "Cache-Control": `public, max-age=${maxAgeSeconds}, must-revalidate`,
    "Content-Type": "text/calendar; charset=utf-8",
    "Content-Disposition": `inline; filename="${file.fileName}"`,
    "X-Content-Type-Options": "nosniff",
  };
  const match = request.headers.get("if-none-match");
  if (match && match.split(",").some((tag) => tag.trim().replace(/^W\//, "") === file.etag)) return new Response(null, { status: 304, headers });
  return new Response(file.body, { status: 200, headers });
}
