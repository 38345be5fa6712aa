import "server-only";
import type { Database } from "@/db/client";
import { CONTENT_TYPES, renderDocument, renderErrors, splitFormat, type Open311Error, type Open311Format, type Open311Value } from "@/domain/open311/document";
import { logger } from "@/lib/logger";
import { listServices, findService, SERVICE_ATTRIBUTES } from "./list-services";
import { getRequest, getToken, listRequests } from "./get-requests";
import { postRequest } from "./post-request";
import { isOurJurisdiction, jurisdictionId, open311BaseUrl } from "./site";

/** When the endpoint's shape last changed (the discovery document's changeset). */
const CHANGESET = "2026-12-02T00:00:00+07:00";

function respond(format: Open311Format, status: number, body: string, extra: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: {
      "content-type": CONTENT_TYPES[format],
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      // Aggregators and browser clients read the API from other sites; it carries no cookies or credentials.
      "access-control-allow-origin": "*",
      ...extra,
    },
  });
}

const document = (format: Open311Format, root: string, value: Open311Value) => respond(format, 200, renderDocument(format, root, value));
const errors = (format: Open311Format, status: number, list: Open311Error[], extra?: Record<string, string>) => respond(format, status, renderErrors(format, list), extra);
const notFound = (format: Open311Format, what: string) => errors(format, 404, [{ code: 404, description: what }]);

function discovery(): Open311Value {
  return {
    changeset: CHANGESET,
    contact: `Đối thoại — API Open311 GeoReport v2. Tài liệu và cách xin khóa API: ${open311BaseUrl().replace(/\/open311\/v2$/, "")}/du-lieu-mo/open311`,
    key_service: `${open311BaseUrl().replace(/\/open311\/v2$/, "")}/du-lieu-mo/open311#khoa-api`,
    endpoints: [
      {
        specification: "http://wiki.open311.org/GeoReport_v2",
        url: open311BaseUrl(),
        changeset: CHANGESET,
        type: "production",
        formats: ["text/xml", "application/json"],
      },
    ],
  };
}

/** Form fields of a POST body (urlencoded, or multipart without files), then the query string. */
async function postParams(request: Request, query: URLSearchParams): Promise<URLSearchParams> {
  const type = request.headers.get("content-type") ?? "";
  const params = new URLSearchParams();
  if (type.startsWith("multipart/form-data")) {
    const form = await request.formData();
    for (const [k, v] of form) if (typeof v === "string") params.append(k, v);
  } else {
    for (const [k, v] of new URLSearchParams(await request.text())) params.append(k, v);
  }
  for (const [k, v] of query) if (!params.has(k)) params.append(k, v);
  return params;
}

/**
 * The whole Open311 GeoReport v2 endpoint under /open311/v2/: `path` is what follows it, e.g. ["requests.json"].
 * Every problem is answered in the standard's error format with 400, 403 or 404 (405 for a wrong method), in the
 * format asked for (XML when none could be read).
 */
export async function handleOpen311(db: Database, request: Request, path: string[], now = new Date()): Promise<Response> {
  const url = new URL(request.url);
  const last = path[path.length - 1] ?? "";
  const { name, format } = splitFormat(last);
  const shape = [...path.slice(0, -1), name];
  const f: Open311Format = format ?? "xml";
  const known = (shape.length === 1 && ["discovery", "services", "requests"].includes(shape[0]!)) || (shape.length === 2 && ["services", "requests", "tokens"].includes(shape[0]!) && shape[1] !== "");
  if (!known) return notFound(f, "No such resource. See discovery.xml.");
  if (!format) return errors("xml", 400, [{ code: 400, description: "The format is required as the extension: .xml or .json." }]);

  try {
    const method = request.method.toUpperCase();
    const isPost = method === "POST" && shape.length === 1 && shape[0] === "requests";
    if (method !== "GET" && method !== "HEAD" && !isPost) {
      return errors(f, 405, [{ code: 405, description: `${method} is not allowed here.` }], { allow: shape.length === 1 && shape[0] === "requests" ? "GET, POST" : "GET" });
    }
    let params = url.searchParams;
    if (isPost) {
      try {
        params = await postParams(request, url.searchParams);
      } catch {
        return errors(f, 400, [{ code: 400, description: "The body could not be read: send the arguments as application/x-www-form-urlencoded." }]);
      }
    }
    const jurisdiction = params.get("jurisdiction_id");
    if (!isOurJurisdiction(jurisdiction)) return notFound(f, `jurisdiction_id '${(jurisdiction ?? "").slice(0, 100)}' is not served here; this endpoint's jurisdiction_id is '${jurisdictionId()}'.`);

    if (isPost) {
      const result = await postRequest(db, params, now);
      if (!result.ok) return errors(f, result.status, result.errors, result.retryAfterSeconds ? { "retry-after": String(result.retryAfterSeconds) } : {});
      return document(f, "service_requests", [result.response]);
    }
    const [first, second] = shape as [string, string | undefined];
    if (first === "discovery") return document(f, "discovery", discovery());
    if (first === "services" && second === undefined) return document(f, "services", await listServices(db));
    if (first === "services") {
      const service = await findService(db, second!);
      if (!service) return notFound(f, `service_code '${second!.slice(0, 100)}' is not a service of this endpoint.`);
      return document(f, "service_definition", { service_code: service.service.service_code, attributes: SERVICE_ATTRIBUTES });
    }
    if (first === "requests" && second === undefined) {
      const result = await listRequests(
        db,
        {
          service_request_id: params.get("service_request_id"),
          service_code: params.get("service_code"),
          start_date: params.get("start_date"),
          end_date: params.get("end_date"),
          status: params.get("status"),
        },
        now,
      );
      if (!result.ok) return errors(f, result.status, result.errors);
      return document(f, "service_requests", result.requests);
    }
    if (first === "requests") {
      const found = await getRequest(db, second!);
      if (!found) return notFound(f, `service_request_id '${second!.slice(0, 100)}' was not found.`);
      return document(f, "service_requests", [found]);
    }
    const token = await getToken(db, second!);
    if (!token) return notFound(f, `token '${second!.slice(0, 100)}' was not found.`);
    return document(f, "service_requests", [token]);
  } catch (error) {
    logger.error("open311 request failed", { error, path: url.pathname });
    return errors(f, 500, [{ code: 500, description: "The request could not be handled; please try again later." }]);
  }
}
