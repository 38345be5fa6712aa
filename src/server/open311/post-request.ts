import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { cases, open311ApiKeys, open311Requests } from "@/db/schema";
import { runInTransaction } from "@/db/transaction";
import { toLocalDate } from "@/domain/calendar";
import type { Open311Error } from "@/domain/open311/document";
import { nearestArea, parseCoordinate } from "@/domain/open311/geo";
import { FIELD_LIMITS } from "@/domain/intake-limits";
import { env } from "@/env";
import { getReferenceData } from "@/server/intake/reference-data";
import { insertCaseInTransaction } from "@/server/intake/submit-case";
import { fieldErrors, submitCaseSchema, type FieldError } from "@/server/intake/submit-case-input";
import { authenticateApiKey } from "./api-keys";
import { findService } from "./list-services";

/** The POST arguments, read from the form body (and the query string, for jurisdiction_id). */
export type PostParams = { get(name: string): string | null };

export type PostResult =
  | { ok: true; response: { service_request_id: string; token: string; service_notice: string; account_id: string | null }; caseId: string }
  | { ok: false; status: 400 | 403; errors: Open311Error[]; retryAfterSeconds?: number };

const KEY_ERRORS = {
  missing: "api_key is required to post a service request.",
  invalid: "api_key is not valid.",
  revoked: "api_key has been revoked.",
  limited: "api_key has posted as many requests as it may this hour; try again later.",
} as const;

const FIELD_DESCRIPTIONS: Record<string, Partial<Record<FieldError, string>> & { default: string }> = {
  body: { tooShort: `description must be at least ${FIELD_LIMITS.body.min} characters.`, tooLong: `description may be at most ${FIELD_LIMITS.body.max} characters.`, default: "description is required." },
  title: { tooShort: `attribute[title] must be at least ${FIELD_LIMITS.title.min} characters.`, tooLong: `attribute[title] may be at most ${FIELD_LIMITS.title.max} characters.`, default: "attribute[title] is not valid." },
  name: { nameRequired: "first_name or last_name is required for this service.", tooLong: `first_name and last_name together may be at most ${FIELD_LIMITS.name.max} characters.`, default: "first_name and last_name are not valid." },
  phone: {
    contactRequired: "email or phone is required for this service, so that the answer reaches the person who asked.",
    invalidPhone: "phone is not a valid phone number.",
    tooLong: "phone is too long.",
    default: "phone is not valid.",
  },
  email: { invalidEmail: "email is not a valid email address.", tooLong: "email is too long.", default: "email is not valid." },
  address: { tooLong: `address_string may be at most ${FIELD_LIMITS.address.max} characters.`, default: "address_string is not valid." },
};

function describeField(field: string, error: FieldError): string {
  const known = FIELD_DESCRIPTIONS[field];
  return known ? (known[error] ?? known.default) : `${field} is not valid.`;
}

/** A title when the client sent none: the description's first words. */
function titleFrom(description: string, fallback: string): string {
  const oneLine = description.replace(/\s+/g, " ").trim();
  if (oneLine.length < FIELD_LIMITS.title.min) return fallback;
  if (oneLine.length <= 100) return oneLine;
  const cut = oneLine.slice(0, 100);
  const space = cut.lastIndexOf(" ");
  return `${(space > 40 ? cut.slice(0, space) : cut).trim()}…`;
}

function validMediaUrl(text: string): boolean {
  if (text.length > 1000) return false;
  try {
    const url = new URL(text);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

/**
 * POST requests: a client with a valid key files a petition, report or contribution for a citizen. The location
 * is a point (placed in the nearest area, and kept on the case for staff), an area code (address_id), or an
 * address alone (kept as the case's address; routed by the fallback rules). The case is stored through intake
 * (routing, deadline, parties sealed, timeline, receipt email) with the token that finds it again, in one
 * transaction. Complaints and denunciations need a verified identity: they are not services of the API.
 */
export async function postRequest(db: Database, p: PostParams, now = new Date()): Promise<PostResult> {
  const get = (name: string) => {
    const v = p.get(name);
    return v === null ? "" : v.trim();
  };
  const key = await authenticateApiKey(db, p.get("api_key"), now);
  if (!key.ok) return { ok: false, status: 403, errors: [{ code: 403, description: KEY_ERRORS[key.reason] }], retryAfterSeconds: key.retryAfterSeconds };

  const errors: Open311Error[] = [];
  const fail = (description: string) => errors.push({ code: 400, description });
  const serviceCode = get("service_code");
  const service = serviceCode ? await findService(db, serviceCode) : null;
  if (!serviceCode) fail("service_code is required.");
  else if (!service) fail(`service_code '${serviceCode.slice(0, 100)}' is not a service of this endpoint.`);

  // Location: a point, an area code, or an address.
  const ref = await getReferenceData(db);
  const today = toLocalDate(now);
  const validAreas = ref.areas.filter((a) => a.validTo === null || a.validTo >= today);
  const latText = p.get("lat"), longText = p.get("long");
  const hasPoint = !!latText?.trim() || !!longText?.trim();
  const lat = parseCoordinate(latText, "lat"), long = parseCoordinate(longText, "long");
  const addressId = get("address_id");
  const addressString = get("address_string");
  let areaId: string | null = null;
  let point: { lat: number; long: number } | null = null;
  if (hasPoint) {
    if (lat === null || long === null) fail("lat and long must both be given, as decimal degrees (WGS84): lat between -90 and 90, long between -180 and 180.");
    else point = { lat, long };
  }
  if (addressId) {
    const area = validAreas.find((a) => a.code === addressId);
    if (!area) fail(`address_id '${addressId.slice(0, 100)}' is not an area code of this endpoint.`);
    else areaId = area.id;
  } else if (point) {
    const placed = nearestArea(point, validAreas.filter((a) => a.kind !== "province"));
    if (!placed.ok) {
      fail(
        placed.reason === "outside"
          ? `The point (${point.lat}, ${point.long}) is outside the province: the nearest area's centre is ${Math.round(placed.distanceKm!)} km away.`
          : "This endpoint cannot place a point yet: give address_id (an area code) or address_string.",
      );
    } else areaId = placed.area.id;
  } else if (addressString) {
    // No area: the province's own, so the fallback rules route it (the citizen reception board).
    const roots = validAreas.filter((a) => a.parentId === null);
    if (roots.length === 1) areaId = roots[0]!.id;
    else fail("address_string alone is not enough here: give lat and long, or address_id.");
  } else if (!hasPoint) {
    fail("A location is required: lat and long, address_string or address_id.");
  }

  const description = get("description");
  if (!description) fail("description is required.");
  const mediaUrl = get("media_url");
  if (mediaUrl && !validMediaUrl(mediaUrl)) fail("media_url must be an http or https address.");
  const consentText = get("attribute[consent_publish]").toLowerCase();
  if (consentText && consentText !== "true" && consentText !== "false") fail("attribute[consent_publish] must be true or false.");
  if (errors.length > 0 || !service || !areaId) return { ok: false, status: 400, errors };

  const name = [get("first_name"), get("last_name")].filter(Boolean).join(" ");
  const anonymous = service.kind === "contribution" && !name && !get("email") && !get("phone");
  const token = randomBytes(18).toString("base64url");
  const body = mediaUrl ? `${description}\n\nTệp đính kèm do người gửi cung cấp (Open311 media_url): ${mediaUrl}` : description;
  const parsed = submitCaseSchema.safeParse({
    kind: service.kind,
    categoryId: service.category.id,
    areaId,
    address: addressString,
    title: get("attribute[title]") || titleFrom(description, service.service.service_name),
    body,
    anonymous,
    name,
    phone: get("phone"),
    email: get("email"),
    consentPublish: consentText === "true",
    language: "vi",
    channel: "web",
    idempotencyKey: `open311:${token}`,
  });
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    return { ok: false, status: 400, errors: Object.entries(fields).map(([field, error]) => ({ code: 400, description: describeField(field, error) })) };
  }
  const fingerprint = createHash("sha256").update(`open311:${token}`).digest("hex");
  const fullRef = await getReferenceData(db, { mustContain: { areaId, categoryId: service.category.id } });

  const receipt = await runInTransaction(db, async (tx) => {
    const r = await insertCaseInTransaction(tx, fullRef, { userId: null }, parsed.data, fingerprint, [], now);
    if (point) await tx.update(cases).set({ latitude: point.lat, longitude: point.long }).where(eq(cases.id, r.caseId));
    await tx.insert(open311Requests).values({ token, caseId: r.caseId, apiKeyId: key.keyId, serviceCode: service.service.service_code, createdAt: now });
    await tx.update(open311ApiKeys).set({ lastUsedAt: now }).where(eq(open311ApiKeys.id, key.keyId));
    return r;
  });
  const notice = `Đã tiếp nhận. Đơn vị xử lý: ${receipt.unitName}. Hạn xem xét thụ lý (nhận giải quyết): ${receipt.acceptanceDueOn}. Tra cứu: ${env().APP_URL}/tra-cuu/${receipt.code}`;
  return { ok: true, caseId: receipt.caseId, response: { service_request_id: receipt.code, token, service_notice: notice, account_id: null } };
}
