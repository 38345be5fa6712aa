// Open311 GeoReport v2 documents (https://wiki.open311.org/GeoReport_v2), written once as plain values and
// rendered as XML (which the standard requires) or JSON. Pure: no Next.js, no database.

export type Open311Format = "xml" | "json";
export type Scalar = string | number | boolean | null;
export type Open311Value = Scalar | Open311Value[] | { [key: string]: Open311Value };

/** The element each list's items are written as in XML (the standard's examples). */
const ITEM_ELEMENT: Record<string, string> = {
  services: "service",
  service_requests: "request",
  errors: "error",
  attributes: "attribute",
  values: "value",
  endpoints: "endpoint",
  formats: "format",
};

export const CONTENT_TYPES: Record<Open311Format, string> = {
  xml: "text/xml; charset=utf-8",
  json: "application/json; charset=utf-8",
};

// XML 1.0 refuses most control characters, even escaped: they are dropped (a text never needs them).
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text.replace(NOT_XML, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

function scalarText(value: Scalar): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return String(value);
}

function element(name: string, value: Open311Value): string {
  if (Array.isArray(value)) {
    const item = ITEM_ELEMENT[name] ?? "item";
    return value.length === 0 ? `<${name}/>` : `<${name}>${value.map((v) => element(item, v)).join("")}</${name}>`;
  }
  if (value !== null && typeof value === "object") {
    const children = Object.entries(value).map(([k, v]) => element(k, v));
    return children.length === 0 ? `<${name}/>` : `<${name}>${children.join("")}</${name}>`;
  }
  const text = scalarText(value);
  return text === "" ? `<${name}/>` : `<${name}>${escapeXml(text)}</${name}>`;
}

/** `root` names the XML document element; in JSON the value is written as it is (lists are top-level arrays). */
export function renderDocument(format: Open311Format, root: string, value: Open311Value): string {
  if (format === "json") return JSON.stringify(value);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element(root, value)}\n`;
}

export type Open311Error = { code: number; description: string };

/** The standard's error document: a list of { code, description }, in XML `<errors><error>…`. */
export function renderErrors(format: Open311Format, errors: Open311Error[]): string {
  return renderDocument(format, "errors", errors);
}

/** "requests.json" → { name: "requests", format: "json" }; an unknown or missing extension → format null. */
export function splitFormat(segment: string): { name: string; format: Open311Format | null } {
  const match = /^(.*)\.([A-Za-z0-9]+)$/.exec(segment);
  if (!match) return { name: segment, format: null };
  const ext = match[2]!.toLowerCase();
  return { name: match[1]!, format: ext === "xml" || ext === "json" ? ext : null };
}
