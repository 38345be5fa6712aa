// iCalendar (RFC 5545) for reception days: one day's .ics file and the calendar feed. Pure, built on the
// dialogue's escaping and folding (src/domain/dialogue/ics.ts): the caller passes the site's configured address
// and the labels in the reader's language. SEQUENCE is the day's version; a cancelled day is STATUS:CANCELLED so
// subscribed calendars drop it. Nothing about who booked.
import { escapeText, foldLine, icsDateTime } from "../dialogue/ics";
import type { ReceptionDayStatus, ReceptionMode } from "./vocabulary";

export type IcsReceptionDay = {
  id: string;
  title: string;
  unitName: string;
  headName: string | null;
  startsAt: Date;
  endsAt: Date;
  place: string;
  mode: ReceptionMode;
  onlineUrl: string | null;
  plannedContent: string | null;
  status: ReceptionDayStatus;
  statusReason: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

export type ReceptionIcsLabels = { summary: (title: string) => string; head: string; unit: string; content: string; online: string; cancelled: string; moved: string; page: string };

export type ReceptionIcsCalendar = { origin: string; name: string; language: "vi" | "en"; labels: ReceptionIcsLabels; days: readonly IcsReceptionDay[] };

const CRLF = "\r\n";

export function receptionDayUrl(origin: string, id: string): string {
  return `${origin.replace(/\/+$/, "")}/tiep-cong-dan/${encodeURIComponent(id)}`;
}

function describe(day: IcsReceptionDay, origin: string, labels: ReceptionIcsLabels): string {
  const lines: string[] = [];
  if (day.status === "cancelled" && day.statusReason) lines.push(`${labels.cancelled}: ${day.statusReason}`);
  else if (day.statusReason) lines.push(`${labels.moved}: ${day.statusReason}`);
  if (day.headName) lines.push(`${labels.head}: ${day.headName}`);
  lines.push(`${labels.unit}: ${day.unitName}`);
  if (day.plannedContent) lines.push(`${labels.content}: ${day.plannedContent}`);
  if (day.mode === "online" && day.onlineUrl) lines.push(`${labels.online}: ${day.onlineUrl}`);
  lines.push(`${labels.page}: ${receptionDayUrl(origin, day.id)}`);
  return lines.join("\n");
}

function event(day: IcsReceptionDay, calendar: ReceptionIcsCalendar, host: string): string[] {
  const { origin, labels, language } = calendar;
  const location = day.mode === "online" && day.onlineUrl ? day.onlineUrl : day.place;
  return [
    "BEGIN:VEVENT",
    `UID:reception-${day.id}@${host}`,
    `DTSTAMP:${icsDateTime(day.updatedAt)}`,
    `CREATED:${icsDateTime(day.createdAt)}`,
    `LAST-MODIFIED:${icsDateTime(day.updatedAt)}`,
    `DTSTART:${icsDateTime(day.startsAt)}`,
    `DTEND:${icsDateTime(day.endsAt)}`,
    `SUMMARY;LANGUAGE=${language}:${escapeText(labels.summary(day.title))}`,
    `LOCATION;LANGUAGE=${language}:${escapeText(location)}`,
    `DESCRIPTION;LANGUAGE=${language}:${escapeText(describe(day, origin, labels))}`,
    `URL:${receptionDayUrl(origin, day.id)}`,
    `STATUS:${day.status === "cancelled" ? "CANCELLED" : day.status === "planned" ? "TENTATIVE" : "CONFIRMED"}`,
    `SEQUENCE:${day.version}`,
    "TRANSP:OPAQUE",
    "END:VEVENT",
  ];
}

/** A whole VCALENDAR with one VEVENT per reception day, folded, CRLF-terminated. */
export function renderReceptionCalendar(calendar: ReceptionIcsCalendar): string {
  const host = new URL(calendar.origin).host;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Doi thoai Gia Lai//Lich tiep cong dan//VI",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    "X-WR-TIMEZONE:Asia/Ho_Chi_Minh",
    ...calendar.days.flatMap((d) => event(d, calendar, host)),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
