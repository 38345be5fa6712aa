import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { listReceptionDays, parseReceptionFilters, receptionFilterOptions, receptionQuery } from "@/server/reception/calendar/list-reception-days";
import { ReceptionFeeds } from "./calendar-feeds";
import { CalendarFilters } from "./calendar-filters";
import { formatMonth } from "@/lib/format";
import { ReceptionDayCard } from "./day-card";
import { Pager } from "@/components/pager";

// The same for every visitor (no personal state): filters come in the query string.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reception.calendar"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReceptionCalendarPage({ searchParams }: Props) {
  const [db, params, rawLocale, t] = await Promise.all([getDb(), searchParams, getLocale(), getTranslations("reception.calendar")]);
  const locale = rawLocale === "en" ? "en" : "vi";
  const filters = parseReceptionFilters(params);
  const [list, options] = await Promise.all([listReceptionDays(db, filters, new Date()), receptionFilterOptions(db)]);
  const heading = list.mode === "month" && filters.month ? t("monthTitle", { month: formatMonth(filters.month, locale) }) : t("upcoming");
  return (
    <div className="space-y-10">
      <section className="space-y-3">
        <h1 className="text-3xl font-bold leading-tight">{t("title")}</h1>
        <p className="max-w-3xl text-lg text-zinc-700">{t("intro")}</p>
      </section>

      <CalendarFilters filters={filters} options={options} locale={locale} />

      <section aria-labelledby="days-title" className="space-y-3">
        <h2 id="days-title" className="text-2xl font-bold">
          {heading} <span className="text-base font-normal text-zinc-700">({t("count", { count: list.total })})</span>
        </h2>
        {list.rows.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <ul className="grid gap-3 md:grid-cols-2">
            {list.rows.map((day) => (
              <ReceptionDayCard key={day.id} day={day} locale={locale} />
            ))}
          </ul>
        )}
        <Pager page={list.page} pages={list.pages} label={t("pageOf", { page: list.page, pages: list.pages })} previous={t("previous")} next={t("next")} href={(p) => `/tiep-cong-dan${receptionQuery(filters, p)}#days-title`} />
      </section>

      <section aria-labelledby="duty-title" className="card space-y-2">
        <h2 id="duty-title" className="text-xl font-bold">
          {t("dutyTitle")}
        </h2>
        <p className="text-zinc-700">{t("dutyIntro")}</p>
        <p>
          <Link href="/tiep-cong-dan/nhiem-vu" className="btn-secondary inline-block">
            {t("dutyLink")}
          </Link>
        </p>
      </section>

      <ReceptionFeeds filters={filters} />
    </div>
  );
}
