// W3C date and time formats (https://www.w3.org/TR/NOTE-datetime), as Open311 GeoReport v2 takes them, and the
// ISO 8601 times with the province's offset (+07:00) it gives back. Pure.

const W3C = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;
const LOCAL_OFFSET_MINUTES = 7 * 60;

/**
 * A W3C date-time ("2026", "2026-11", "2026-11-27", "2026-11-27T08:30+07:00", "2026-11-27T01:30:00.5Z") as an
 * instant, or null if malformed. Without a zone (a date alone, or a time a client wrote without one) it is read
 * as Vietnam time. A partial date stands for its first instant.
 */
export function parseW3cDateTime(input: string): Date | null {
  const m = W3C.exec(input.trim());
  if (!m) return null;
  const [, y, mo = "01", d = "01", h = "00", mi = "00", s = "00", frac = "", zone] = m;
  const year = Number(y), month = Number(mo), day = Number(d), hour = Number(h), minute = Number(mi), second = Number(s);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  let offset = LOCAL_OFFSET_MINUTES;
  if (zone === "Z") offset = 0;
  else if (zone) {
    const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
    const zh = Number(z[2]), zm = Number(z[3]);
    if (zh > 14 || zm > 59) return null;
    offset = (z[1] === "-" ? -1 : 1) * (zh * 60 + zm);
  }
  const ms = Math.round(Number(`0.${frac || "0"}`) * 1000);
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset * 60_000);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "2026-11-27T10:00:00+07:00": the instant in Vietnam time, with its offset, to the second. */
export function toLocalIso(at: Date): string {
  const local = new Date(at.getTime() + LOCAL_OFFSET_MINUTES * 60_000);
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}+07:00`;
}

/** A due date ("2026-12-04") as the end of that day in Vietnam: "2026-12-04T23:59:59+07:00". */
export function endOfLocalDay(date: string): string {
  return `${date}T23:59:59+07:00`;
}
