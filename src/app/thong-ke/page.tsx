import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { toLocalDate } from "@/domain/calendar";
import { Pager } from "@/components/pager";
import { FigureList } from "@/components/statistics/figure-list";
import { formatDate } from "@/lib/format";
import { getStatisticsPage, listStatisticsUnits } from "@/server/statistics/get-statistics-page";
import { resolveStatisticsRequest, statisticsHref } from "@/server/statistics/statistics-query";
import { KindTable } from "./kind-table";
import { periodLabel } from "@/components/statistics/period-label";
import { StatisticsCharts } from "./statistics-charts";
import { StatisticsForm } from "@/components/statistics/statistics-form";
import { PeriodRefusal, StatisticsHeader } from "@/components/statistics/statistics-header";
import { UnitTable } from "./unit-table";

// Figures move with every case; the unfiltered page is served from a cache at most a minute old
// (src/server/http/cached-statistics-pages.ts), which is why it says when its figures were read.
export const dynamic = "force-dynamic";

/** A province has a few hundred units: their table comes in pages, so the page stays light on a phone. */
const UNITS_PER_PAGE = 25;
const withPage = (href: string, page: number) => (page > 1 ? `${href}${href.includes("?") ? "&" : "?"}trang=${page}` : href);

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("statistics.page");
  return { title: t("title"), description: t("metaDescription") };
}

const timeOf = (now: Date, locale: "vi" | "en") => new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "vi-VN", { timeZone: "Asia/Ho_Chi_Minh", hour: "2-digit", minute: "2-digit" }).format(now);

export default async function StatisticsPage({ searchParams }: Props) {
  const [db, params, rawLocale, t] = await Promise.all([getDb(), searchParams, getLocale(), getTranslations("statistics.page")]);
  const locale = rawLocale === "en" ? "en" : "vi";
  const now = new Date();
  const [request, units] = await Promise.all([resolveStatisticsRequest(db, params, toLocalDate(now), { defaultKind: "year" }), listStatisticsUnits(db, locale)]);
  if (!request.ok && request.error === "unknown_unit") notFound();

  const header = <StatisticsHeader words="statistics.page" />;
  if (!request.ok) return <PeriodRefusal header={header} words="statistics.page" error={request.error} errorId="thong-ke-loi" query={request.query} units={units} locale={locale} />;

  const { scope, period, query } = request;
  const data = await getStatisticsPage(db, scope, period, now, locale);
  const unitName = scope.unit ? (locale === "en" ? scope.unit.nameEn : scope.unit.name) : null;
  const scopeText = unitName === null ? t("scopeProvince") : t(scope.scope.kind === "unit" && scope.scope.subtree ? "scopeUnitSubtree" : "scopeUnit", { unit: unitName });
  const unitPages = Math.max(1, Math.ceil(data.units.length / UNITS_PER_PAGE));
  const asked = Number(Array.isArray(params.trang) ? params.trang[0] : params.trang);
  const unitPage = Number.isInteger(asked) && asked >= 1 && asked <= unitPages ? asked : 1;
  const shown = { kind: period.kind, year: String(period.year), index: String(period.index), from: period.from, to: period.to };

  return (
    <div className="space-y-10">
      {header}
      <div className="space-y-1">
        <p className="text-lg font-semibold">{t("showing", { scope: scopeText, period: periodLabel(period, t, locale) })}</p>
        <p className="text-zinc-700">{t("updatedAt", { time: timeOf(now, locale), date: formatDate(now, locale) })}</p>
        {scope.unit && (
          <p>
            <Link href={statisticsHref(`/thong-ke/don-vi/${encodeURIComponent(scope.unit.code)}`, query, { unitCode: null, subtree: false })} className="underline underline-offset-4">
              {t("unitRecord", { unit: unitName! })}
            </Link>
          </p>
        )}
      </div>

      <StatisticsForm query={query} shown={shown} units={units} locale={locale} />

      <section aria-labelledby="thong-ke-so-lieu" className="space-y-4">
        <h2 id="thong-ke-so-lieu" className="text-2xl font-bold">
          {t("figuresTitle")}
        </h2>
        <FigureList figures={data.statistics.figures} participation={data.participation} locale={locale} level={3} />
      </section>

      <section aria-labelledby="thong-ke-loai" className="space-y-3">
        <h2 id="thong-ke-loai" className="text-2xl font-bold">
          {t("kindsTitle")}
        </h2>
        <p className="text-zinc-700">{t("kindsIntro")}</p>
        <KindTable byKind={data.statistics.byKind} locale={locale} />
      </section>

      <section aria-labelledby="thong-ke-bieu-do" className="space-y-4">
        <h2 id="thong-ke-bieu-do" className="text-2xl font-bold">
          {t("chartsTitle")}
        </h2>
        <StatisticsCharts data={data} locale={locale} />
      </section>

      <section aria-labelledby="thong-ke-don-vi" className="space-y-3">
        <h2 id="thong-ke-don-vi" className="text-2xl font-bold">
          {t("unitsTitle")}
        </h2>
        <p className="max-w-3xl text-zinc-700">{t("unitsIntro")}</p>
        <UnitTable rows={data.units.slice((unitPage - 1) * UNITS_PER_PAGE, unitPage * UNITS_PER_PAGE)} query={query} locale={locale} />
        <Pager
          page={unitPage}
          pages={unitPages}
          label={t("unitsPageOf", { page: unitPage, pages: unitPages, count: data.units.length })}
          previous={t("unitsPrevious")}
          next={t("unitsNext")}
          href={(p) => `${withPage(statisticsHref("/thong-ke", query), p)}#thong-ke-don-vi`}
        />
      </section>

      <section aria-labelledby="thong-ke-giai-thich" className="card space-y-2">
        <h2 id="thong-ke-giai-thich" className="text-xl font-bold">
          {t("glossaryTitle")}
        </h2>
        <ul className="list-disc space-y-1 pl-5 text-zinc-800">
          {(["accepted", "complaint", "denunciation"] as const).map((k) => (
            <li key={k}>{t(`glossary.${k}`)}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
