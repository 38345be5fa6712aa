import { getTranslations } from "next-intl/server";
import { dayAndTime } from "@/app/doi-thoai/session-time";
import type { ReceptionDayView } from "@/server/reception/reception-day-view";

const KNOWN = [
  "generated",
  "added",
  "confirmed",
  "content_updated",
  "moved",
  "cancelled",
  "mode_online",
  "mode_in_person",
  "online_link_changed",
  "bookings_changed",
  "held",
  "withdrawn",
  "rescheduled",
  "head_changed",
] as const;
type Known = (typeof KNOWN)[number];
/** What the record's verbs write (src/server/reception/record), labelled in their own messages. */
const RECORD = ["record_updated", "matter_added", "refusal_notified", "conclusion_published", "conclusion_items_added"] as const;
type RecordEvent = (typeof RECORD)[number];

/** The day's public history, newest last: each change with its public reason (never a citizen's name). */
export async function DayHistory({ events, locale }: { events: ReceptionDayView["events"]; locale: "vi" | "en" }) {
  const [t, tRecord] = await Promise.all([getTranslations("reception"), getTranslations("receptionRecord")]);
  const label = (e: ReceptionDayView["events"][number]) => {
    const record = RECORD.find((k) => k === e.type) as RecordEvent | undefined;
    if (record) return tRecord(`events.${record}`, { number: Number(e.data?.number ?? 0) });
    const type = KNOWN.find((k) => k === e.type) as Known | undefined;
    if (!type) return t("events.other");
    if (type === "moved") {
      const old = typeof e.data?.oldStartsAt === "string" ? dayAndTime(new Date(e.data.oldStartsAt), locale) : "";
      return t("events.moved", { old });
    }
    if (type === "bookings_changed") return t(e.data?.bookingsOpen === true ? "events.bookings_changed_open" : "events.bookings_changed_closed", { capacity: Number(e.data?.capacity ?? 0) });
    return t(`events.${type}`);
  };
  return (
    <section aria-labelledby="history-title" className="space-y-2">
      <h2 id="history-title" className="text-xl font-semibold">
        {t("day.historyTitle")}
      </h2>
      {events.length === 0 ? (
        <p>{t("day.historyNone")}</p>
      ) : (
        <ol className="space-y-2 border-l-2 border-zinc-300 pl-4">
          {events.map((e) => (
            <li key={e.id}>
              <p>
                <span className="font-semibold">{label(e)}</span> <span className="text-sm text-zinc-700">· {dayAndTime(e.createdAt, locale)}</span>
              </p>
              {e.reason && <p className="break-words text-zinc-800">{t("events.reason", { reason: e.reason })}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
