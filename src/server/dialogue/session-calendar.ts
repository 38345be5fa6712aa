import "server-only";
import { createHash } from "node:crypto";
import type { DbOrTx } from "@/db/client";
import { renderCalendar, type IcsLabels, type IcsSession } from "@/domain/dialogue/ics";
import { translator } from "@/i18n/messages";
import { getPublicSession } from "./get-public-session";
import { findAreaByCode, listFeedSessions, type FeedSession } from "./list-sessions";

// The .ics files: one session's ("Thêm vào lịch"), and the feeds a phone subscribes to (one per area and the whole
// province's). Links are absolute from the configured site address, passed in by the route.

export type IcsFile = { body: string; etag: string; fileName: string };
export type IcsOptions = { origin: string; locale: "vi" | "en" };

/** The feed of the whole province's sessions. */
export const ALL_FEED = "tat-ca";

function labelsFor(locale: "vi" | "en"): IcsLabels & { name: string; nameArea: (area: string) => string } {
  const t = translator(locale);
  return {
    topic: t("dialogue.ics.topic"),
    leaders: t("dialogue.ics.leaders"),
    host: t("dialogue.ics.host"),
    livestream: t("dialogue.ics.livestream"),
    page: t("dialogue.ics.page"),
    postponed: t("dialogue.ics.postponed"),
    cancelled: t("dialogue.ics.cancelled"),
    name: t("dialogue.ics.calendarName"),
    nameArea: (area: string) => t("dialogue.ics.calendarNameArea", { area }),
  };
}

const position = (locale: "vi" | "en", l: { position: string; positionEn: string }) => (locale === "en" ? l.positionEn || l.position : l.position);

function fromFeed(row: FeedSession, locale: "vi" | "en"): IcsSession {
  return {
    ...row,
    unitName: locale === "en" ? row.unitNameEn : row.unitName,
    leaders: row.leaders.map((l) => ({ name: l.name, position: position(locale, l) })),
  };
}

/** One session's calendar file; null when there is no such session. Its ETag is its version. */
export async function sessionIcs(db: DbOrTx, id: string, options: IcsOptions): Promise<IcsFile | null> {
  const session = await getPublicSession(db, id);
  if (!session) return null;
  const labels = labelsFor(options.locale);
  const body = renderCalendar({
    origin: options.origin,
    name: labels.name,
    labels,
    language: options.locale,
    sessions: [
      {
        ...session,
        unitName: options.locale === "en" ? session.unitNameEn : session.unitName,
        leaders: session.leaders.map((l) => ({ name: l.name, position: position(options.locale, l) })),
      },
    ],
  });
  return { body, etag: `"s-${session.id}-v${session.version}-${options.locale}"`, fileName: `doi-thoai-${session.id}.ics` };
}

/**
 * A calendar feed: `tat-ca` for the whole province, or an area's code. What is coming and the last 90 days,
 * cancelled sessions included so that subscribed calendars drop them. Null for an unknown area.
 */
export async function feedIcs(db: DbOrTx, feed: string, options: IcsOptions & { now?: Date }): Promise<IcsFile | null> {
  const labels = labelsFor(options.locale);
  let areaId: string | null = null;
  let name = labels.name;
  if (feed !== ALL_FEED) {
    const area = await findAreaByCode(db, feed);
    if (!area) return null;
    areaId = area.id;
    name = labels.nameArea(area.name);
  }
  const rows = await listFeedSessions(db, areaId, options.now);
  const body = renderCalendar({ origin: options.origin, name, labels, language: options.locale, sessions: rows.map((r) => fromFeed(r, options.locale)) });
  const etag = `"f-${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  return { body, etag, fileName: `lich-doi-thoai-${feed}.ics` };
}
