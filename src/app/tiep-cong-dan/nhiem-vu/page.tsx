import type { Metadata } from "next";
import { ScrollRegion } from "@/components/scroll-region";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { dutyFilterOptions, listDutyOverview, parseDutyFilters } from "@/server/reception/duty/list-duty-overview";
import { methodHref, METHOD_PATH } from "./anchors";
import { MonthSummary, monthText } from "./duty-parts";
import { FilterSelect } from "@/components/filter-select";

// "Pending" becomes "missed" when a month ends and every recorded reception changes it: rendered per request
// (the unfiltered page is answered from the validated cache, src/server/http/cached-duty-pages.ts).
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("duty");
  return { title: t("title") };
}

export default async function DutyIndexPage({ searchParams }: Props) {
  const [db, raw, localeRaw, t] = await Promise.all([getDb(), searchParams, getLocale(), getTranslations("duty")]);
  const locale = localeRaw === "en" ? "en" : "vi";
  const query = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const filters = parseDutyFilters(query);
  const [overview, options] = await Promise.all([listDutyOverview(db, filters), dutyFilterOptions(db)]);
  const filtered = Boolean(filters.unitId || filters.areaId);

  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
        <p className="max-w-prose text-zinc-700">{t("intro")}</p>
        <p className="flex flex-wrap gap-4">
          <Link href={METHOD_PATH} className="font-semibold underline underline-offset-4">
            {t("howLink")}
          </Link>
          <Link href="/tiep-cong-dan" className="underline underline-offset-4">
            {t("calendarLink")}
          </Link>
        </p>
      </header>

      <section aria-labelledby="loc-nhiem-vu" className="card">
        <h2 id="loc-nhiem-vu" className="mb-3 text-lg font-semibold">
          {t("filters.title")}
        </h2>
        <form method="get" action="/tiep-cong-dan/nhiem-vu" className="grid gap-4 sm:grid-cols-2">
          <FilterSelect id="f-don-vi" name="don-vi" label={t("filters.unit")} anyLabel={t("filters.all")} value={filters.unitId} options={options.units.map((u) => ({ value: u.id, label: locale === "en" ? u.nameEn : u.name }))} />
          <FilterSelect id="f-dia-ban" name="dia-ban" label={t("filters.area")} anyLabel={t("filters.all")} value={filters.areaId} options={options.areas.map((a) => ({ value: a.id, label: a.name }))} />
          <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
            <button type="submit" className="btn-primary">
              {t("filters.apply")}
            </button>
            {filtered && (
              <Link href="/tiep-cong-dan/nhiem-vu" className="underline underline-offset-4">
                {t("filters.reset")}
              </Link>
            )}
          </div>
        </form>
      </section>

      <section aria-labelledby="ds-nhiem-vu" className="space-y-3">
        <h2 id="ds-nhiem-vu" className="sr-only">
          {t("title")}
        </h2>
        <p className="text-sm text-zinc-700">
          <Link href={methodHref("rank")} className="underline underline-offset-4">
            {t("notRanked")}
          </Link>
        </p>
        {overview.rows.length === 0 ? (
          <p className="card">{t("empty")}</p>
        ) : (
          <ScrollRegion label={t("tableLabel")} className="card p-0 sm:p-0">
            <table className="w-full min-w-[36rem] border-collapse text-base">
              <thead className="border-b-2 border-zinc-300">
                <tr>
                  <th scope="col" className="px-3 py-2 text-left">
                    {t("columns.seat")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-left">
                    {t("columns.lastMonth", { month: monthText(overview.lastMonth) })}
                  </th>
                  <th scope="col" className="px-3 py-2 text-left">
                    {t("columns.thisMonth", { month: monthText(overview.thisMonth) })}
                  </th>
                </tr>
              </thead>
              <tbody>
                {overview.rows.map(({ position: p, lastMonth, thisMonth }) => (
                  <tr key={p.id} className="border-b border-zinc-200 align-top">
                    <th scope="row" className="px-3 py-3 text-left font-normal">
                      <Link href={`/tiep-cong-dan/nhiem-vu/${p.id}`} className="font-semibold underline underline-offset-4">
                        {locale === "en" ? p.titleEn : p.title}
                      </Link>
                      <span className="block text-sm">
                        <Link href={`/tiep-cong-dan/nhiem-vu/don-vi/${p.unit.id}`} className="underline underline-offset-4">
                          {locale === "en" ? p.unit.nameEn : p.unit.name}
                        </Link>
                      </span>
                      <span className="block text-sm text-zinc-700">{p.currentHead ? (p.currentHead.name ?? t("unnamed")) : t("noHead")}</span>
                    </th>
                    <td className="px-3 py-3">
                      <MonthSummary month={lastMonth} />
                    </td>
                    <td className="px-3 py-3">
                      <MonthSummary month={thisMonth} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>
    </div>
  );
}
