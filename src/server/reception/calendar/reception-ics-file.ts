import "server-only";
import { createHash } from "node:crypto";
import type { DbOrTx } from "@/db/client";
import { renderReceptionCalendar, type IcsReceptionDay, type ReceptionIcsLabels } from "@/domain/reception/reception-ics";
import { translator } from "@/i18n/messages";
import type { IcsFile } from "@/server/dialogue/session-calendar";
import { findReceptionDayRow, listFeedDays, type ReceptionDayListRow, type ReceptionFilters } from "./list-reception-days";

export type ReceptionIcsOptions = { origin: string; locale: "vi" | "en"; now?: Date };

function labelsFor(locale: "vi" | "en"): ReceptionIcsLabels & { name: string } {
  const t = translator(locale);
  return {
    summary: (title: string) => t("reception.ics.summary", { title }),
    head: t("reception.ics.head"),
    unit: t("reception.ics.unit"),
    content: t("reception.ics.content"),
    online: t("reception.ics.online"),
    cancelled: t("reception.ics.cancelled"),
    moved: t("reception.ics.moved"),
    page: t("reception.ics.page"),
    name: t("reception.ics.calendarName"),
  };
}

function toIcs(row: ReceptionDayListRow, locale: "vi" | "en"): IcsReceptionDay {
  return { ...row, title: locale === "en" ? row.titleEn : row.title, unitName: locale === "en" ? row.unitNameEn : row.unitName };
}

/** One reception day's calendar file; its ETag is its version. Null when there is no such day. */
export async function receptionDayIcs(db: DbOrTx, id: string, options: ReceptionIcsOptions): Promise<IcsFile | null> {
  const row = await findReceptionDayRow(db, id);
  if (!row) return null;
  const labels = labelsFor(options.locale);
  const body = renderReceptionCalendar({ origin: options.origin, name: labels.name, labels, language: options.locale, days: [toIcs(row, options.locale)] });
  return { body, etag: `"r-${row.id}-v${row.version}-${options.locale}"`, fileName: `tiep-cong-dan-${row.id}.ics` };
}

/** The feed of reception days, filtered like the calendar (unit, position, area): coming and the last 90 days. */
export async function receptionFeedIcs(db: DbOrTx, filters: Omit<ReceptionFilters, "page" | "month">, options: ReceptionIcsOptions): Promise<IcsFile> {
  const labels = labelsFor(options.locale);
  const rows = await listFeedDays(db, filters, options.now);
  const body = renderReceptionCalendar({ origin: options.origin, name: labels.name, labels, language: options.locale, days: rows.map((r) => toIcs(r, options.locale)) });
  const etag = `"rf-${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  return { body, etag, fileName: "lich-tiep-cong-dan.ics" };
}
