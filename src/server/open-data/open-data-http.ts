import "server-only";
import { createHash } from "node:crypto";
import type { DbOrTx } from "@/db/client";
import { toLocalDate } from "@/domain/calendar";
import { caseListStream, caseListValidator, OPEN_DATA_VERSION } from "./case-list";
import { readCaseListRequest, type CaseListError } from "./open-data-request";
import { readStatisticsExportRequest, statisticsCsv, statisticsExport, statisticsJson, statisticsValidator, type StatisticsExportError } from "./statistics-export";

export type OpenDataFormat = "csv" | "json";
export type OpenDataError = CaseListError | StatisticsExportError;

/** What a route handler gives: the reader's language for messages, and the site's address for links. */
export type OpenDataContext = {
  now: Date;
  siteOrigin: string;
  locale: "vi" | "en";
  /** The message explaining an error, in the reader's language (messages openData.errors.*). */
  message: (error: OpenDataError) => string;
};

/** Five minutes: how old a file may be (max-age), and the window a validator is tied to. */
export const OPEN_DATA_MAX_AGE = 300;

const CONTENT_TYPES: Record<OpenDataFormat, string> = { csv: "text/csv; charset=utf-8", json: "application/json; charset=utf-8" };

function etagOf(parts: unknown[]): string {
  return `W/"${createHash("sha256").update(JSON.stringify(parts)).digest("base64url").slice(0, 27)}"`;
}

function matches(request: Request, etag: string): boolean {
  const header = request.headers.get("if-none-match");
  if (!header) return false;
  return header.split(",").some((v) => v.trim() === etag || v.trim() === "*");
}

function headers(format: OpenDataFormat, fileName: string, etag: string, locale: string): Headers {
  return new Headers({
    "content-type": CONTENT_TYPES[format],
    "content-disposition": `${format === "csv" ? "attachment" : "inline"}; filename="${fileName}"`,
    "cache-control": `public, max-age=${OPEN_DATA_MAX_AGE}`,
    etag,
    "content-language": locale,
    "access-control-allow-origin": "*",
    "x-content-type-options": "nosniff",
  });
}

/** A bad parameter: 400 with the reason in the reader's language (JSON: {"error":{"code","message"}}). */
export function badRequest(format: OpenDataFormat, error: OpenDataError, context: OpenDataContext): Response {
  const message = context.message(error);
  const status = error === "unknown_unit" ? 404 : 400;
  const body = format === "json" ? JSON.stringify({ error: { code: error, message } }) : `${message}\n`;
  return new Response(body, {
    status,
    headers: { "content-type": format === "json" ? CONTENT_TYPES.json : "text/plain; charset=utf-8", "cache-control": "no-store", "content-language": context.locale },
  });
}

const windowOf = (now: Date) => Math.floor(now.getTime() / (OPEN_DATA_MAX_AGE * 1000));
const slug = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, "-");

/** GET /du-lieu-mo/v1/ho-so.{csv,json}: the anonymised case list, streamed. */
export async function respondCaseList(db: DbOrTx, request: Request, format: OpenDataFormat, context: OpenDataContext): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const today = toLocalDate(context.now);
  const req = await readCaseListRequest(db, params, today);
  if (!req.ok) return badRequest(format, req.error, context);
  const validator = await caseListValidator(db, req);
  const etag = etagOf(["cases", OPEN_DATA_VERSION, format, req.from, req.to, req.unitCode, req.subtree, today, windowOf(context.now), validator]);
  const fileName = `ho-so-v${OPEN_DATA_VERSION}-${req.unitCode ? `${slug(req.unitCode)}${req.subtree ? "-cap-duoi" : ""}-` : ""}${req.from}-${req.to}.${format}`;
  const h = headers(format, fileName, etag, context.locale);
  if (matches(request, etag)) return new Response(null, { status: 304, headers: h });
  const body = caseListStream(db, { from: req.from, to: req.to, unitIds: req.unitIds, today, siteOrigin: context.siteOrigin }, format, {
    unit: req.unitCode,
    subtree: req.subtree,
    generated_at: context.now.toISOString(),
    documentation: `${context.siteOrigin}/du-lieu-mo`,
  });
  return new Response(body, { status: 200, headers: h });
}

/** GET /du-lieu-mo/v1/thong-ke.{csv,json}: the figures per month and per unit for a period (the /thong-ke query). */
export async function respondStatistics(db: DbOrTx, request: Request, format: OpenDataFormat, context: OpenDataContext): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const today = toLocalDate(context.now);
  const req = await readStatisticsExportRequest(db, params, today);
  if (!req.ok) return badRequest(format, req.error, context);
  const validator = await statisticsValidator(db);
  const etag = etagOf(["statistics", OPEN_DATA_VERSION, format, req.period.from, req.period.to, req.scope.unit?.code ?? null, req.scope.scope, today, windowOf(context.now), validator]);
  const code = req.scope.unit?.code;
  const fileName = `thong-ke-v${OPEN_DATA_VERSION}-${code ? `${slug(code)}${req.scope.scope.kind === "unit" && req.scope.scope.subtree ? "-cap-duoi" : ""}-` : ""}${req.period.from}-${req.period.to}.${format}`;
  const h = headers(format, fileName, etag, context.locale);
  if (matches(request, etag)) return new Response(null, { status: 304, headers: h });
  const data = await statisticsExport(db, req.scope, req.period, context.now);
  const body = format === "csv" ? statisticsCsv(data) : statisticsJson(data, { siteOrigin: context.siteOrigin, now: context.now });
  return new Response(body, { status: 200, headers: h });
}
