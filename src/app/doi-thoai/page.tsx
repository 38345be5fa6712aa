import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { communeConferences } from "@/server/dialogue/commune-conferences";
import { calendarFilterOptions, calendarQuery, listCalendar, parseCalendarFilters } from "@/server/dialogue/list-sessions";
import { CalendarFeeds } from "./calendar-feeds";
import { ConferenceTable } from "./conference-table";
import { SessionCard } from "./session-card";
import { FilterSelect } from "@/components/filter-select";
import { Pager } from "@/components/pager";

// The same for every visitor (no personal state): filters come in the query string.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dialogue.calendar"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CalendarPage({ searchParams }: Props) {
  const [db, params, rawLocale, t] = await Promise.all([getDb(), searchParams, getLocale(), getTranslations("dialogue.calendar")]);
  const locale = rawLocale === "en" ? "en" : "vi";
  const filters = parseCalendarFilters(params);
  const now = new Date();
  const [calendar, options, conferences] = await Promise.all([listCalendar(db, filters, now), calendarFilterOptions(db), communeConferences(db, now)]);
  const chosenArea = options.areas.find((a) => a.code === filters.areaCode) ?? null;
  return (
    <div className="space-y-10">
      <section className="space-y-3">
        <h1 className="text-3xl font-bold leading-tight">{t("title")}</h1>
        <p className="max-w-3xl text-lg text-zinc-700">{t("intro")}</p>
      </section>

      <form method="get" action="/doi-thoai" role="search" aria-labelledby="filters-title" className="card space-y-3">
        <h2 id="filters-title" className="text-lg font-semibold">
          {t("filtersTitle")}
        </h2>
        <div className="grid gap-3 sm:grid-cols-2">
          <FilterSelect id="f-area" name="dia-ban" label={t("area")} anyLabel={t("anyArea")} value={filters.areaCode} options={options.areas.map((a) => ({ value: a.code, label: a.name }))} />
          <FilterSelect id="f-unit" name="don-vi" label={t("unit")} anyLabel={t("anyUnit")} value={filters.unitCode} options={options.units.map((u) => ({ value: u.code, label: locale === "en" ? u.nameEn : u.name }))} />
        </div>
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className="btn-primary">
            {t("apply")}
          </button>
          {(filters.areaCode || filters.unitCode) && (
            <Link href="/doi-thoai" className="underline underline-offset-4">
              {t("reset")}
            </Link>
          )}
        </div>
      </form>

      <section aria-labelledby="upcoming-title" className="space-y-3">
        <h2 id="upcoming-title" className="text-2xl font-bold">
          {t("upcoming")}
        </h2>
        {calendar.upcoming.length === 0 ? (
          <p>{t("noUpcoming")}</p>
        ) : (
          <ul className="space-y-3">
            {calendar.upcoming.map((s) => (
              <SessionCard key={s.id} session={s} locale={locale} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="past-title" className="space-y-3">
        <h2 id="past-title" className="text-2xl font-bold">
          {t("past")} <span className="text-base font-normal text-zinc-700">({t("pastCount", { count: calendar.pastTotal })})</span>
        </h2>
        {calendar.past.length === 0 ? (
          <p>{t("noPast")}</p>
        ) : (
          <ul className="space-y-3">
            {calendar.past.map((s) => (
              <SessionCard key={s.id} session={s} locale={locale} />
            ))}
          </ul>
        )}
        <Pager page={calendar.page} pages={calendar.pages} label={t("pageOf", { page: calendar.page, pages: calendar.pages })} previous={t("previous")} next={t("next")} href={(p) => `/doi-thoai${calendarQuery(filters, p)}#past-title`} />
      </section>

      <CalendarFeeds areas={options.areas} chosen={chosenArea} />

      <ConferenceTable year={conferences.year} rows={conferences.rows} locale={locale} />
    </div>
  );
}
