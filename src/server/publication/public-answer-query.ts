import "server-only";

/** The kinds a published answer may be of (never a denunciation). */
export const PUBLIC_KINDS = ["petition", "report", "complaint", "contribution"] as const;
export type PublicKind = (typeof PUBLIC_KINDS)[number];

export const PUBLIC_ANSWERS_PAGE_SIZE = 20;
export const SEARCH_MAX = 200;
const PAGE_MAX = 10_000;

/** The query string of "Công khai": what a citizen typed or chose, as typed (the form shows it back). */
export type PublicAnswerQuery = {
  q?: string;
  /** Codes: field of life (lĩnh vực), area (địa bàn), unit (đơn vị). */
  field?: string;
  area?: string;
  unit?: string;
  kind?: PublicKind;
  /** Months "YYYY-MM", answered from the first day of `from` to the last day of `to`. */
  from?: string;
  to?: string;
  page: number;
};

export type PublicAnswerQueryError = "search_too_long" | "bad_kind" | "bad_from" | "bad_to" | "bad_range" | "bad_page" | "unknown_field" | "unknown_area" | "unknown_unit";

export const PUBLIC_ANSWER_PARAMS = { q: "q", field: "linh-vuc", area: "dia-ban", unit: "don-vi", kind: "loai", from: "tu", to: "den", page: "trang" } as const;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const CODE = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * Reads the query string. A bad value is reported (and left out of the search) rather than refused, so the citizen
 * sees what was wrong next to what they typed; the form shows back `raw`.
 */
export function readPublicAnswerQuery(params: Record<string, string | string[] | undefined>): {
  query: PublicAnswerQuery;
  raw: Record<keyof typeof PUBLIC_ANSWER_PARAMS, string>;
  errors: PublicAnswerQueryError[];
} {
  const one = (name: string) => {
    const v = params[name];
    return (Array.isArray(v) ? v[0] : v)?.trim() ?? "";
  };
  const raw = Object.fromEntries(Object.entries(PUBLIC_ANSWER_PARAMS).map(([key, name]) => [key, one(name)])) as Record<keyof typeof PUBLIC_ANSWER_PARAMS, string>;
  const errors: PublicAnswerQueryError[] = [];
  const query: PublicAnswerQuery = { page: 1 };

  if (raw.q) {
    if (raw.q.length > SEARCH_MAX) errors.push("search_too_long");
    else query.q = raw.q;
  }
  if (raw.kind) {
    if ((PUBLIC_KINDS as readonly string[]).includes(raw.kind)) query.kind = raw.kind as PublicKind;
    else errors.push("bad_kind");
  }
  for (const key of ["field", "area", "unit"] as const) {
    if (!raw[key]) continue;
    if (CODE.test(raw[key])) query[key] = raw[key];
    else errors.push(`unknown_${key}`);
  }
  for (const key of ["from", "to"] as const) {
    if (!raw[key]) continue;
    if (MONTH.test(raw[key])) query[key] = raw[key];
    else errors.push(`bad_${key}`);
  }
  if (query.from && query.to && query.from > query.to) {
    errors.push("bad_range");
    delete query.from;
    delete query.to;
  }
  if (raw.page) {
    const n = /^\d{1,6}$/.test(raw.page) ? Number(raw.page) : NaN;
    if (Number.isInteger(n) && n >= 1 && n <= PAGE_MAX) query.page = n;
    else errors.push("bad_page");
  }
  return { query, raw, errors };
}

/** The address of a list page with these filters (and page), for the pager and links. */
export function publicAnswersHref(query: PublicAnswerQuery, page = query.page): string {
  const search = new URLSearchParams();
  for (const [key, name] of Object.entries(PUBLIC_ANSWER_PARAMS)) {
    if (key === "page") continue;
    const value = query[key as keyof PublicAnswerQuery];
    if (value !== undefined && value !== "") search.set(name, String(value));
  }
  if (page > 1) search.set(PUBLIC_ANSWER_PARAMS.page, String(page));
  const s = search.toString();
  return s ? `/cong-khai?${s}` : "/cong-khai";
}

/** The last day of a month "YYYY-MM". */
export function monthEnd(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, "0")}`;
}
