// A session's date and times as people read them, always in Vietnam time whatever the server's zone.
const TZ = "Asia/Ho_Chi_Minh";
const tag = (locale: string) => (locale === "en" ? "en-GB" : "vi-VN");

export function sessionDay(value: Date, locale: string): string {
  return new Intl.DateTimeFormat(tag(locale), { timeZone: TZ, weekday: "long", day: "2-digit", month: "2-digit", year: "numeric" }).format(value);
}

export function clockTime(value: Date, locale: string): string {
  return new Intl.DateTimeFormat(tag(locale), { timeZone: TZ, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(value);
}

/** "Thứ Năm, 10/12/2026, 08:00 – 11:00" from a template with {date}, {start} and {end}. */
export function sessionRange(t: (key: "range", values: Record<string, string>) => string, startsAt: Date, endsAt: Date, locale: string): string {
  return t("range", { date: sessionDay(startsAt, locale), start: clockTime(startsAt, locale), end: clockTime(endsAt, locale) });
}

/** A moment with its day and time: "10/12/2026 17:00". */
export function dayAndTime(value: Date, locale: string): string {
  return new Intl.DateTimeFormat(tag(locale), { timeZone: TZ, day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(value);
}
