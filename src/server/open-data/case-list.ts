import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { csvLine, CSV_BOM } from "@/lib/csv";
import type { IsoDate } from "@/domain/types";
import { inScope } from "@/server/statistics/scope";

/**
 * Open data, format v1: the anonymised list of cases. Every column, in this order (the docs page /du-lieu-mo
 * describes each; a change of column is a new version, never an edit of v1). Denunciations (tố cáo) are never
 * listed, only counted in the statistics; no title, body, address or party of a case is ever read here.
 */
export const CASE_COLUMNS_V1 = [
  "tracking_code",
  "kind",
  "instance",
  "field_code",
  "field_name",
  "area_code",
  "area_name",
  "unit_code",
  "unit_name",
  "channel",
  "received_on",
  "status",
  "accepted_on",
  "due_on",
  "answered_on",
  "on_time",
  "overdue_now",
  "extended",
  "published_answer_url",
] as const;

export type CaseColumn = (typeof CASE_COLUMNS_V1)[number];
export type OpenCaseRow = {
  tracking_code: string;
  kind: string;
  instance: number;
  field_code: string;
  field_name: string;
  area_code: string;
  area_name: string;
  unit_code: string;
  unit_name: string;
  channel: string;
  received_on: IsoDate;
  status: string;
  accepted_on: IsoDate | null;
  due_on: IsoDate | null;
  answered_on: IsoDate | null;
  on_time: boolean | null;
  overdue_now: boolean;
  extended: boolean;
  published_answer_url: string | null;
};

export const OPEN_DATA_VERSION = "1";
export const OPEN_DATA_LICENCE = "CC BY 4.0";
export const OPEN_DATA_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/";

/** Rows per page read from the database and written to the response: a million rows never sit in memory. */
export const CASE_PAGE_SIZE = 2000;

export type CaseListScope = { from: IsoDate; to: IsoDate; unitIds: string[] | null; today: IsoDate; siteOrigin: string };

type Cursor = { at: string; id: string };
type DbRow = Omit<OpenCaseRow, "published_answer_url" | "instance"> & { instance: number | string; k_at: string; id: string; published_id: string | null };

/** One page of the list after `cursor` (cases in order of receipt, then id), over cases_received_at_idx. */
export async function readCasePage(db: DbOrTx, scope: CaseListScope, cursor: Cursor | null, limit = CASE_PAGE_SIZE): Promise<{ rows: OpenCaseRow[]; next: Cursor | null }> {
  const range = sql`c.received_at >= (${scope.from}::date::timestamp - interval '7 hours') at time zone 'UTC'
    and c.received_at < ((${scope.to}::date + 1)::timestamp - interval '7 hours') at time zone 'UTC'`;
  const after = cursor ? sql`and (c.received_at, c.id) > (${cursor.at}::timestamptz, ${cursor.id}::uuid)` : sql``;
  const result = await db.execute(sql`select c.id, c.received_at::text as k_at, c.code as tracking_code, c.kind, c.instance,
      cat.code as field_code, cat.name_vi as field_name, a.code as area_code, a.name as area_name, u.code as unit_code, u.name as unit_name,
      c.channel, vn_local_date(c.received_at)::text as received_on, c.status,
      vn_local_date(c.accepted_at)::text as accepted_on,
      (case when c.status in ('received', 'not_accepted') or c.accepted_at is null then c.acceptance_due_on else coalesce(c.resolution_due_on, c.acceptance_due_on) end)::text as due_on,
      vn_local_date(c.answered_at)::text as answered_on,
      case when c.answered_at is null then null else vn_local_date(c.answered_at) <= coalesce(c.resolution_due_on, c.acceptance_due_on) end as on_time,
      coalesce(case_running_due(c.status, c.acceptance_due_on, c.resolution_due_on) < ${scope.today}::date, false) as overdue_now,
      c.extensions_count > 0 as extended,
      pa.id as published_id
    from cases c
    join categories cat on cat.id = c.category_id
    join areas a on a.id = c.area_id
    join units u on u.id = c.unit_id
    left join public_answers pa on pa.case_id = c.id
    where c.kind <> 'denunciation' and ${range} and ${inScope(sql.raw("c.unit_id"), scope.unitIds)} ${after}
    order by c.received_at, c.id
    limit ${limit}`);
  const raw = rowsOf<DbRow>(result);
  const rows = raw.map(({ k_at: _k, id: _id, published_id, ...r }) => ({
    ...r,
    instance: Number(r.instance),
    on_time: r.on_time === null ? null : Boolean(r.on_time),
    overdue_now: Boolean(r.overdue_now),
    extended: Boolean(r.extended),
    published_answer_url: published_id ? `${scope.siteOrigin}/cong-khai/${published_id}` : null,
  }));
  const last = raw[raw.length - 1];
  return { rows, next: raw.length === limit && last ? { at: last.k_at, id: last.id } : null };
}

const flag = (v: boolean | null) => (v === null ? null : v ? "true" : "false");

export function caseCsvLine(r: OpenCaseRow): string {
  return csvLine(CASE_COLUMNS_V1.map((c) => {
    const v = r[c];
    return typeof v === "boolean" ? flag(v) : v;
  }));
}

/** The header of the CSV file: the column names of v1. */
export const CASE_CSV_HEADER = CSV_BOM + csvLine([...CASE_COLUMNS_V1]);

function caseJson(r: OpenCaseRow): string {
  const o: Record<string, unknown> = {};
  for (const c of CASE_COLUMNS_V1) o[c] = r[c];
  return JSON.stringify(o);
}

/**
 * The list as a stream of text: each page is read when the reader asks for more (backpressure), written, and
 * dropped. CSV: the header then a line per case. JSON: `{"version":"1","licence":…,"cases":[…]}`.
 */
export function caseListStream(
  db: DbOrTx,
  scope: CaseListScope,
  format: "csv" | "json",
  meta: Record<string, unknown> = {},
  pageSize = CASE_PAGE_SIZE,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: Cursor | null = null;
  let started = false;
  let done = false;
  let count = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started) {
          started = true;
          const head =
            format === "csv"
              ? CASE_CSV_HEADER
              : `{"version":${JSON.stringify(OPEN_DATA_VERSION)},"licence":${JSON.stringify(OPEN_DATA_LICENCE)},"licence_url":${JSON.stringify(OPEN_DATA_LICENCE_URL)},` +
                `"period":${JSON.stringify({ from: scope.from, to: scope.to })},"excluded":"denunciation",` +
                Object.entries(meta).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)},`).join("") +
                `"columns":${JSON.stringify(CASE_COLUMNS_V1)},"cases":[`;
          controller.enqueue(encoder.encode(head));
          return;
        }
        if (done) return;
        const page = await readCasePage(db, scope, cursor, pageSize);
        let chunk = "";
        for (const r of page.rows) {
          chunk += format === "csv" ? caseCsvLine(r) : `${count === 0 ? "" : ","}\n${caseJson(r)}`;
          count++;
        }
        cursor = page.next;
        if (!cursor) {
          done = true;
          if (format === "json") chunk += "\n]}\n";
        }
        if (chunk) controller.enqueue(encoder.encode(chunk));
        if (done) controller.close();
      } catch (error) {
        controller.error(error);
      }
    },
  });
}

/**
 * A cheap validator of a case-list file (no scan of `cases`): the rollup counters of the months it covers, the
 * open deadlines and the published answers of its scope. Every change that moves a column of the list moves one
 * of these, except a second extension of a case already extended (its due date): the files are also served with
 * max-age=300, and the caller adds the five-minute window to the ETag, so a file is at most five minutes old.
 */
export async function caseListValidator(db: DbOrTx, scope: { from: IsoDate; to: IsoDate; unitIds: string[] | null }): Promise<string> {
  const unitCond = inScope(sql.raw("unit_id"), scope.unitIds);
  const [row] = rowsOf<{ v: string | null }>(
    await db.execute(sql`select concat_ws('|',
        (select concat_ws(',', sum(received), sum(refused), sum(withdrawn_before_acceptance), sum(accepted), sum(answered), sum(answered_on_time), sum(extended), count(*))
          from case_figures_monthly where month between date_trunc('month', ${scope.from}::date) and ${scope.to}::date and kind <> 'denunciation' and ${unitCond}),
        (select concat_ws(',', sum(open), count(*)) from case_open_due where ${unitCond}),
        (select concat_ws(',', count(*), max(updated_at)) from public_answers where ${unitCond})) as v`),
  );
  return row?.v ?? "";
}
