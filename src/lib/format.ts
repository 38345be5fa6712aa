// Dates are shown in Vietnam's time zone whatever the server's.
const TZ = "Asia/Ho_Chi_Minh";

export function formatDate(value: Date | string, locale: string): string {
  const date = typeof value === "string" ? new Date(`${value.length === 10 ? `${value}T12:00:00+07:00` : value}`) : value;
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "vi-VN", { timeZone: TZ, day: "2-digit", month: "2-digit", year: "numeric" }).format(date);
}

export function formatDateTime(value: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "vi-VN", {
    timeZone: TZ,
    weekday: "long",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(value);
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale === "en" ? "en-GB" : "vi-VN").format(value);
}

/** "12/2026" or "December 2026" for a YYYY-MM month. */
export function formatMonth(month: string, locale: "vi" | "en"): string {
  const date = new Date(`${month}-15T12:00:00+07:00`);
  if (locale === "vi") return `${month.slice(5, 7)}/${month.slice(0, 4)}`;
  return new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", month: "long", year: "numeric" }).format(date);
}
