import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { toLocalDate } from "@/domain/calendar";
import { ONLINE_NOTICE_WORKING_DAYS } from "@/domain/reception/vocabulary";
import { formatDate } from "@/lib/format";
import { sessionRange } from "@/app/doi-thoai/session-time";
import { ReceptionStatusBadge } from "../status-badge";
import { DayHistory } from "./day-history";
import type { DaySectionProps } from "./section-props";

/** When, where, whose, in person or online, planned content, moved or cancelled with the reason, the public history. */
export async function DayHeader({ day, locale }: DaySectionProps) {
  const [t, tStatus, tMode, tWhen] = await Promise.all([getTranslations("reception.day"), getTranslations("reception.statuses"), getTranslations("reception.modes"), getTranslations("reception.when")]);
  const en = locale === "en";
  const title = en ? day.titleEn : day.title;
  const cancelled = day.status === "cancelled";
  const moved = (day.status === "planned" || day.status === "confirmed") && day.events.some((e) => e.type === "moved");
  const heldOn = toLocalDate(day.startsAt);
  const fromHoliday = day.origin === "duty" && day.nominalOn && day.nominalOn !== heldOn && !day.events.some((e) => e.type === "moved");
  const fact = (label: string, value: ReactNode) => (
    <div className="sm:grid sm:grid-cols-[12rem_1fr] sm:gap-3">
      <dt className="font-semibold text-zinc-700">{label}</dt>
      <dd className="break-words">{value}</dd>
    </div>
  );
  return (
    <section aria-labelledby="day-title" className="space-y-4">
      <p>
        <Link href="/tiep-cong-dan" className="underline underline-offset-4">
          {t("back")}
        </Link>
      </p>
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">{t("kicker")}</p>
      <h1 id="day-title" className="text-2xl font-bold break-words sm:text-3xl">
        {title}
      </h1>
      <p className="flex flex-wrap items-center gap-2">
        <ReceptionStatusBadge status={day.status} label={tStatus(day.status)} />
        <span className={cancelled ? "line-through" : "font-semibold"}>{sessionRange(tWhen, day.startsAt, day.endsAt, locale)}</span>
      </p>
      {cancelled && (
        <div role="note" className="rounded-md border-2 border-zinc-800 bg-zinc-50 p-3">
          <p className="font-semibold">{t("cancelled")}</p>
          {day.statusReason && <p className="break-words">{t("cancelledReason", { reason: day.statusReason })}</p>}
        </div>
      )}
      {moved && (
        <div role="note" className="rounded-md border-2 border-amber-700 bg-amber-50 p-3 text-amber-950">
          <p className="font-semibold">{t("moved")}</p>
          {day.statusReason && <p className="break-words">{t("movedReason", { reason: day.statusReason })}</p>}
        </div>
      )}
      {day.status === "planned" && <p className="text-zinc-700">{t("plannedNote")}</p>}
      {fromHoliday && <p className="text-zinc-700">{t("movedFromHoliday", { date: formatDate(day.nominalOn!, locale) })}</p>}
      <dl className="card space-y-2">
        {fact(t("when"), sessionRange(tWhen, day.startsAt, day.endsAt, locale))}
        {fact(t("head"), day.head?.name ? `${day.head.name} (${title})` : `${t("headNone")} (${title})`)}
        {fact(t("unit"), en ? day.unit.nameEn : day.unit.name)}
        {fact(t("office"), en ? day.office.nameEn : day.office.name)}
        {day.area && fact(t("area"), day.area.name)}
        {fact(t("mode"), tMode(day.mode))}
        {day.mode === "online" && day.onlineUrl
          ? fact(
              t("onlineLink"),
              <a href={day.onlineUrl} className="break-all text-brand-700 underline underline-offset-4" rel="noopener noreferrer">
                {day.onlineUrl}
              </a>,
            )
          : fact(t("where"), day.place)}
        {fact(t("content"), day.plannedContent ? <span className="whitespace-pre-line">{day.plannedContent}</span> : <span className="text-zinc-700">{t("contentNone")}</span>)}
      </dl>
      {day.mode === "online" && <p className="text-sm text-zinc-700">{t("onlineNote", { days: ONLINE_NOTICE_WORKING_DAYS })}</p>}
      <p className="flex flex-wrap gap-3">
        <a href={`/tiep-cong-dan/${day.id}/lich.ics${en ? "?lang=en" : ""}`} className="btn-secondary" type="text/calendar">
          {t("addToCalendar")}
        </a>
        <Link href={`/tiep-cong-dan/nhiem-vu/${day.positionId}`} className="btn-secondary">
          {t("dutyLink")}
        </Link>
      </p>
      <DayHistory events={day.events} locale={locale} />
    </section>
  );
}
