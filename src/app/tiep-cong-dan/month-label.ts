/** "12/2026" or "December 2026" for a YYYY-MM month. */
export function formatMonth(month: string, locale: "vi" | "en"): string {
  const date = new Date(`${month}-15T12:00:00+07:00`);
  if (locale === "vi") return `${month.slice(5, 7)}/${month.slice(0, 4)}`;
  return new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", month: "long", year: "numeric" }).format(date);
}
