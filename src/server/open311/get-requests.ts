import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { endOfLocalDay, parseW3cDateTime, toLocalIso } from "@/domain/open311/dates";
import type { Open311Error } from "@/domain/open311/document";
import { listParam, OPEN311_KINDS, open311Status, parseServiceCode, serviceCodeOf, type Open311Kind } from "@/domain/open311/services";
import { normalizeTrackingCode } from "@/domain/tracking-code";
import { serviceName } from "./list-services";
import { STATUS_NOTES } from "./vocabulary";

/** The standard's defaults: the last 90 days, the 1,000 most recent. */
export const MAX_SPAN_DAYS = 90;
export const MAX_ITEMS = 1000;
const DAY_MS = 86_400_000;

/** One request as the standard writes it. Never a filer's words or place: the published (redacted) question, the area. */
export type Open311Request = {
  service_request_id: string;
  status: "open" | "closed";
  status_notes: string | null;
  service_name: string;
  service_code: string;
  description: string | null;
  agency_responsible: string;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string;
  address_id: string;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
};

type Row = {
  code: string;
  kind: Open311Kind;
  status: string;
  received_at: string | Date;
  updated_at: string | Date;
  acceptance_due_on: string;
  resolution_due_on: string | null;
  category_code: string;
  category_name: string;
  unit_name: string;
  area_code: string;
  area_name: string;
  latitude: number | string | null;
  longitude: number | string | null;
  question: string | null;
};

const dateText = (v: string | Date) => (v instanceof Date ? v : new Date(v));
const dayText = (v: string | Date) => (typeof v === "string" ? v.slice(0, 10) : v.toISOString().slice(0, 10));
const num = (v: number | string | null) => (v === null ? null : Number(v));

function noticeOf(row: Row): string | null {
  if (row.status === "received") return `Hạn xem xét thụ lý (nhận giải quyết): ${dayText(row.acceptance_due_on)}.`;
  if ((row.status === "accepted" || row.status === "info_requested") && row.resolution_due_on) return `Hạn giải quyết: ${dayText(row.resolution_due_on)}.`;
  return null;
}

function expectedOf(row: Row): string | null {
  if (open311Status(row.status) === "closed") return null;
  const due = row.status === "received" ? row.acceptance_due_on : (row.resolution_due_on ?? row.acceptance_due_on);
  return endOfLocalDay(dayText(due));
}

function toRequest(row: Row): Open311Request {
  return {
    service_request_id: row.code,
    status: open311Status(row.status),
    status_notes: STATUS_NOTES[row.status] ?? null,
    service_name: serviceName(row.kind, { nameVi: row.category_name }),
    service_code: serviceCodeOf(row.kind, row.category_code),
    description: row.question ?? null,
    agency_responsible: row.unit_name,
    service_notice: noticeOf(row),
    requested_datetime: toLocalIso(dateText(row.received_at)),
    updated_datetime: toLocalIso(dateText(row.updated_at)),
    expected_datetime: expectedOf(row),
    address: row.area_name,
    address_id: row.area_code,
    zipcode: null,
    lat: num(row.latitude),
    long: num(row.longitude),
    media_url: null,
  };
}

const KINDS_SQL = sql.join(
  OPEN311_KINDS.map((k) => sql`${k}`),
  sql`, `,
);
const OPEN_STATUSES = sql`('received', 'accepted', 'info_requested')`;

async function selectRequests(db: DbOrTx, where: SQL, limit: number): Promise<Open311Request[]> {
  const rows = rowsOf<Row>(
    await db.execute(sql`select c.code, c.kind, c.status, c.received_at, c.updated_at, c.acceptance_due_on::text as acceptance_due_on,
        c.resolution_due_on::text as resolution_due_on, cat.code as category_code, cat.name_vi as category_name, u.name as unit_name,
        a.code as area_code, a.name as area_name, a.latitude, a.longitude, pa.question
      from cases c
      join categories cat on cat.id = c.category_id
      join units u on u.id = c.unit_id
      join areas a on a.id = c.area_id
      left join public_answers pa on pa.case_id = c.id
      where c.kind in (${KINDS_SQL}) and ${where}
      order by c.received_at desc, c.code
      limit ${limit}`),
  );
  return rows.map(toRequest);
}

/** One request by its service_request_id (the tracking code, in any case and with or without dashes), or null. */
export async function getRequest(db: DbOrTx, id: string): Promise<Open311Request | null> {
  const code = normalizeTrackingCode(id);
  if (!code) return null;
  return (await selectRequests(db, sql`c.code = ${code}`, 1))[0] ?? null;
}

export type RequestsQuery = {
  service_request_id: string | null;
  service_code: string | null;
  start_date: string | null;
  end_date: string | null;
  status: string | null;
};

export type RequestsResult = { ok: true; requests: Open311Request[] } | { ok: false; status: 400; errors: Open311Error[] };

/**
 * GET requests: by ids (comma-separated; they override every other argument, unknown ones are left out), else by
 * service codes, statuses and a window of requested_datetime of at most 90 days (default: the last 90 days), the
 * 1,000 most recent first. Complaints and denunciations are never listed.
 */
export async function listRequests(db: DbOrTx, q: RequestsQuery, now = new Date()): Promise<RequestsResult> {
  const ids = listParam(q.service_request_id);
  if (ids.length > 0) {
    if (ids.length > MAX_ITEMS) return { ok: false, status: 400, errors: [{ code: 400, description: `At most ${MAX_ITEMS} service_request_id values may be given.` }] };
    const codes = ids.map(normalizeTrackingCode).filter((c): c is string => c !== null);
    if (codes.length === 0) return { ok: true, requests: [] };
    return { ok: true, requests: await selectRequests(db, sql`c.code in (${sql.join(codes.map((c) => sql`${c}`), sql`, `)})`, MAX_ITEMS) };
  }

  const errors: Open311Error[] = [];
  const start = q.start_date?.trim() ? parseW3cDateTime(q.start_date) : null;
  const end = q.end_date?.trim() ? parseW3cDateTime(q.end_date) : null;
  if (q.start_date?.trim() && !start) errors.push({ code: 400, description: "start_date is not a W3C date-time (e.g. 2026-11-01T00:00:00+07:00)." });
  if (q.end_date?.trim() && !end) errors.push({ code: 400, description: "end_date is not a W3C date-time (e.g. 2026-11-30T23:59:59+07:00)." });
  const span = MAX_SPAN_DAYS * DAY_MS;
  const to = end ?? (start ? new Date(Math.min(start.getTime() + span, Math.max(now.getTime(), start.getTime()))) : now);
  const from = start ?? new Date(to.getTime() - span);
  if (start && end && end < start) errors.push({ code: 400, description: "end_date is before start_date." });
  else if (to.getTime() - from.getTime() > span) errors.push({ code: 400, description: `start_date and end_date may not span more than ${MAX_SPAN_DAYS} days.` });

  const pairs: SQL[] = [];
  for (const code of listParam(q.service_code)) {
    const parsed = parseServiceCode(code);
    if (!parsed) errors.push({ code: 400, description: `service_code '${code.slice(0, 100)}' is not a service of this endpoint.` });
    else pairs.push(sql`(c.kind = ${parsed.kind} and cat.code = ${parsed.categoryCode})`);
  }
  const statuses = listParam(q.status);
  for (const s of statuses) if (s !== "open" && s !== "closed") errors.push({ code: 400, description: `status '${s.slice(0, 100)}' is neither open nor closed.` });
  if (errors.length > 0) return { ok: false, status: 400, errors };

  const where: SQL[] = [sql`c.received_at >= ${from.toISOString()}::timestamptz`, sql`c.received_at <= ${to.toISOString()}::timestamptz`];
  if (pairs.length > 0) where.push(sql`(${sql.join(pairs, sql` or `)})`);
  if (statuses.length === 1) where.push(statuses[0] === "open" ? sql`c.status in ${OPEN_STATUSES}` : sql`c.status not in ${OPEN_STATUSES}`);
  return { ok: true, requests: await selectRequests(db, sql.join(where, sql` and `), MAX_ITEMS) };
}

/** tokens/{token}: the request a token became. */
export async function getToken(db: DbOrTx, token: string): Promise<{ service_request_id: string; token: string } | null> {
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(token)) return null;
  const rows = rowsOf<{ code: string }>(await db.execute(sql`select c.code from open311_requests r join cases c on c.id = r.case_id where r.token = ${token} limit 1`));
  return rows[0] ? { service_request_id: rows[0].code, token } : null;
}
