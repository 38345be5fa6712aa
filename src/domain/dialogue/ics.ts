// iCalendar (RFC 5545) for dialogue sessions: one session's .ics file and the calendar feeds. Pure: the caller
// passes the site's configured address (never a request header), the labels in the reader's language and the
// sessions; the same input always gives the same bytes, so the version can serve as the ETag.
import type { SessionStatus } from "./vocabulary";

export type IcsSession = {
  id: string;
  title: string;
  topic: string;
  description: string | null;
  location: string;
  startsAt: Date;
  endsAt: Date;
  status: SessionStatus;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  livestreamUrl: string | null;
  unitName: string;
  leaders: { name: string; position: string }[];
  /** The status reason (postponement or cancellation), public. */
  statusReason: string | null;
};

export type IcsLabels = {
  topic: string;
  leaders: string;
  host: string;
  livestream: string;
  page: string;
  postponed: string;
  cancelled: string;
};

export type IcsCalendar = {
  /** The site's origin from the configuration, e.g. https://doithoai.gialai.gov.vn */
  origin: string;
  name: string;
  labels: IcsLabels;
  sessions: readonly IcsSession[];
  language: "vi" | "en";
};

const CRLF = "\r\n";
const MAX_OCTETS = 75;

/** Control characters TEXT may not hold (RFC 5545 3.3.11 allows HTAB; line breaks are escaped). */
const FORBIDDEN_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** The text as it can be carried: line breaks as \n, other control characters dropped. */
export function canonicalText(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(FORBIDDEN_CONTROLS, "");
}

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks (RFC 5545 3.3.11). */
export function escapeText(text: string): string {
  return canonicalText(text).replace(/[\\;,\n]/g, (ch) => (ch === "\n" ? "\\n" : `\\${ch}`));
}

/** The inverse of escapeText. */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, ch: string) => (ch === "n" || ch === "N" ? "\n" : ch));
}

const utf8 = new TextEncoder();

/**
 * Folds one content line into lines of at most 75 octets (the continuation's leading space counts), never
 * inside a UTF-8 character (RFC 5545 3.1). Joined with CRLF, without a final one.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = utf8.encode(ch).length;
    if (octets + size > MAX_OCTETS) {
      out.push(current);
      current = " ";
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

/** Undoes folding: a CRLF followed by a space or a tab joins the lines (RFC 5545 3.1). */
export function unfold(text: string): string {
  return text.replace(/\r\n[ \t]/g, "");
}

/** 20261202T013000Z */
export function icsDateTime(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

function icsStatus(status: SessionStatus): "CONFIRMED" | "CANCELLED" | "TENTATIVE" {
  if (status === "cancelled") return "CANCELLED";
  if (status === "postponed") return "TENTATIVE";
  return "CONFIRMED";
}

export function sessionUrl(origin: string, id: string): string {
  return `${origin.replace(/\/+$/, "")}/doi-thoai/${encodeURIComponent(id)}`;
}

function describe(session: IcsSession, origin: string, labels: IcsLabels): string {
  const lines: string[] = [];
  if (session.status === "cancelled" && session.statusReason) lines.push(`${labels.cancelled}: ${session.statusReason}`);
  if (session.status === "postponed" && session.statusReason) lines.push(`${labels.postponed}: ${session.statusReason}`);
  lines.push(`${labels.topic}: ${session.topic}`);
  if (session.description) lines.push(session.description);
  lines.push(`${labels.host}: ${session.unitName}`);
  if (session.leaders.length > 0) {
    lines.push(`${labels.leaders}:`);
    for (const leader of session.leaders) lines.push(`- ${leader.name}, ${leader.position}`);
  }
  if (session.livestreamUrl) lines.push(`${labels.livestream}: ${session.livestreamUrl}`);
  lines.push(`${labels.page}: ${sessionUrl(origin, session.id)}`);
  return lines.join("\n");
}

function event(session: IcsSession, calendar: IcsCalendar, host: string): string[] {
  const { origin, labels } = calendar;
  return [
    "BEGIN:VEVENT",
    `UID:${session.id}@${host}`,
    // The time this version of the event was written: stable while the session does not change.
    `DTSTAMP:${icsDateTime(session.updatedAt)}`,
    `CREATED:${icsDateTime(session.createdAt)}`,
    `LAST-MODIFIED:${icsDateTime(session.updatedAt)}`,
    `DTSTART:${icsDateTime(session.startsAt)}`,
    `DTEND:${icsDateTime(session.endsAt)}`,
    `SUMMARY;LANGUAGE=${calendar.language}:${escapeText(session.title)}`,
    `LOCATION;LANGUAGE=${calendar.language}:${escapeText(session.location)}`,
    `DESCRIPTION;LANGUAGE=${calendar.language}:${escapeText(describe(session, origin, labels))}`,
    `URL:${sessionUrl(origin, session.id)}`,
    `STATUS:${icsStatus(session.status)}`,
    `SEQUENCE:${session.version}`,
    "TRANSP:OPAQUE",
    "END:VEVENT",
  ];
}

/** A whole VCALENDAR with one VEVENT per session, folded, CRLF-terminated. */
export function renderCalendar(calendar: IcsCalendar): string {
  const host = new URL(calendar.origin).host;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Doi thoai Gia Lai//Lich doi thoai//VI",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    "X-WR-TIMEZONE:Asia/Ho_Chi_Minh",
    ...calendar.sessions.flatMap((s) => event(s, calendar, host)),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** Reads content lines back (for tests and checks): unfolded, split into name, parameters and value. */
export function parseContentLines(ics: string): { name: string; params: string; value: string }[] {
  return unfold(ics)
    .split(CRLF)
    .filter((line) => line !== "")
    .map((line) => {
      const colon = line.indexOf(":");
      const head = line.slice(0, colon);
      const semi = head.indexOf(";");
      return {
        name: semi === -1 ? head : head.slice(0, semi),
        params: semi === -1 ? "" : head.slice(semi + 1),
        value: line.slice(colon + 1),
      };
    });
}
