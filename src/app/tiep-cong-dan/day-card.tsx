import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReceptionDayListRow } from "@/server/reception/calendar/list-reception-days";
import { sessionRange } from "@/app/doi-thoai/session-time";
import { ReceptionStatusBadge } from "./status-badge";

/** One reception day in the public calendar: when, whose, where, its state, places left. Nothing about who booked. */
export async function ReceptionDayCard({ day, locale }: { day: ReceptionDayListRow; locale: "vi" | "en" }) {
  const [t, tStatus, tWhen] = await Promise.all([getTranslations("reception.calendar"), getTranslations("reception.statuses"), getTranslations("reception.when")]);
  const cancelled = day.status === "cancelled";
  const left = Math.max(0, day.capacity - day.booked);
  return (
    <li className={`card space-y-2 ${cancelled ? "opacity-90" : ""}`}>
      <p className="flex flex-wrap items-center gap-2">
        <ReceptionStatusBadge status={day.status} label={tStatus(day.status)} />
        {day.origin === "added" && <span className="text-sm text-zinc-700">{t("added")}</span>}
        {day.mode === "online" && <span className="rounded bg-zinc-100 px-2 py-0.5 text-sm font-semibold text-zinc-900">{t("online")}</span>}
      </p>
      <h3 className="text-lg font-semibold break-words">
        <Link href={`/tiep-cong-dan/${day.id}`} className="underline underline-offset-4">
          {locale === "en" ? day.titleEn : day.title}
        </Link>
      </h3>
      <p className={cancelled ? "line-through" : "font-semibold"}>{sessionRange(tWhen, day.startsAt, day.endsAt, locale)}</p>
      <p className="text-zinc-800">{day.headName ? t("head", { name: day.headName }) : t("headUnknown")}</p>
      <p className="break-words text-zinc-800">{t("place", { place: day.place })}</p>
      {cancelled && day.statusReason && <p className="break-words font-semibold text-zinc-900">{t("cancelledReason", { reason: day.statusReason })}</p>}
      {!cancelled && day.statusReason && <p className="break-words text-zinc-800">{t("movedReason", { reason: day.statusReason })}</p>}
      {!cancelled && day.status !== "held" && <p className="text-sm text-zinc-700">{day.bookingsOpen && day.capacity > 0 ? t("places", { left, capacity: day.capacity }) : t("bookingsClosed")}</p>}
    </li>
  );
}
