// Open311 service codes: one service per kind that may be posted and field of life, "<kind>-<field code>"
// (e.g. "report-environment"). Clients that know nothing of attributes can still post every kind: a single
// service per field with a required "kind" attribute would not work for them. Pure.
import type { CaseKind } from "../types";

/**
 * The kinds a client may post, and that the requests list shows. Complaints and denunciations need a verified
 * identity (and are a person's own matter, or must protect the denouncer): not in the API; denunciations appear
 * only as counts on the statistics pages.
 */
export const OPEN311_KINDS = ["petition", "report", "contribution"] as const satisfies readonly CaseKind[];
export type Open311Kind = (typeof OPEN311_KINDS)[number];

export function isOpen311Kind(kind: string): kind is Open311Kind {
  return (OPEN311_KINDS as readonly string[]).includes(kind);
}

export function serviceCodeOf(kind: Open311Kind, categoryCode: string): string {
  return `${kind}-${categoryCode}`;
}

/** "report-site_clearance" → { kind: "report", categoryCode: "site_clearance" }, or null. */
export function parseServiceCode(code: string): { kind: Open311Kind; categoryCode: string } | null {
  const dash = code.indexOf("-");
  if (dash <= 0) return null;
  const kind = code.slice(0, dash);
  const categoryCode = code.slice(dash + 1);
  if (!isOpen311Kind(kind) || !/^[a-z0-9_]+$/.test(categoryCode)) return null;
  return { kind, categoryCode };
}

/** Case status → the standard's two: open while a unit still owes an answer, closed otherwise. */
export function open311Status(status: string): "open" | "closed" {
  return status === "received" || status === "accepted" || status === "info_requested" ? "open" : "closed";
}

/** A list parameter ("a,b, c"): its distinct non-empty items. */
export function listParam(value: string | null): string[] {
  if (value === null) return [];
  return [...new Set(value.split(",").map((v) => v.trim()).filter(Boolean))];
}
