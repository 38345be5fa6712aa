import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { CommitmentCard } from "@/app/cam-ket/commitment-parts";
import { FiguresSection } from "@/components/records/figures-section";
import { MonthChart } from "@/components/records/month-chart";
import { PeriodForm, periodLabel } from "@/components/records/period-form";
import { SeatDuty, SessionList } from "@/components/records/record-lists";
import { localTime, recordPeriod } from "@/components/records/record-query";
import { getDb } from "@/db/client";
import { toLocalDate } from "@/domain/calendar";
import { decodeParam } from "@/lib/route-param";
import { formatDate } from "@/lib/format";
import { getUnitRecord, unitByCode } from "@/server/records/get-unit-record";
import { statisticsHref } from "@/server/statistics/statistics-query";
import { UnitHeader } from "./unit-header";

// Figures move with every case and the period comes from the query: rendered per request (the bare address is
// cached by the server, src/server/http/cached-record-pages.ts).
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [db, { code }, locale, t] = await Promise.all([getDb(), params, getLocale(), getTranslations("records.unit")]);
  const unit = await unitByCode(db, decodeParam(code));
  if (!unit) return {};
  const name = locale === "en" ? unit.nameEn : unit.name;
  return { title: name, description: t("metaDescription", { unit: name }) };
}

export default async function UnitRecordPage({ params, searchParams }: Props) {
  const [db, { code: rawCode }, raw, localeRaw, t] = await Promise.all([getDb(), params, searchParams, getLocale(), getTranslations("records")]);
  const locale = localeRaw === "en" ? "en" : "vi";
  const code = decodeParam(rawCode);
  const now = new Date();
  const { query, period, error } = recordPeriod(raw, now);
  const path = `/thong-ke/don-vi/${encodeURIComponent(code)}`;

  if (!period) {
    const unit = await unitByCode(db, code);
    if (!unit) notFound();
    return (
      <div className="space-y-8">
        <h1 className="text-2xl font-bold sm:text-3xl">{locale === "en" ? unit.nameEn : unit.name}</h1>
        <PeriodForm action={path} query={query} shown={null} error={error} idPrefix="ky" locale={locale} />
      </div>
    );
  }

  const record = await getUnitRecord(db, code, period, now);
  if (!record) notFound();
  const { unit } = record;
  const periodText = await periodLabel(period, locale);

  return (
    <div className="space-y-10">
      <UnitHeader unit={unit} locale={locale} />

      <PeriodForm action={path} query={query} shown={period} error={null} idPrefix="ky" locale={locale} />

      <div className="space-y-2">
        <p className="font-semibold">{t("period.showing", { period: periodText })}</p>
        <p className="text-zinc-700">{t("period.asOf", { time: localTime(now), date: formatDate(toLocalDate(now), locale) })}</p>
        <nav aria-label={t("unit.links")} className="flex flex-wrap gap-x-6 gap-y-2">
          <Link href={statisticsHref("/thong-ke/bao-cao", query, { unitCode: unit.code, subtree: true })} className="underline underline-offset-4">
            {t("unit.reportLink")}
          </Link>
          <Link href={statisticsHref("/thong-ke", query, { unitCode: unit.code })} className="underline underline-offset-4">
            {t("unit.statisticsLink")}
          </Link>
          {record.seats.length > 0 && (
            <Link href={`/tiep-cong-dan/nhiem-vu/don-vi/${unit.id}`} className="underline underline-offset-4">
              {t("unit.dutyLink")}
            </Link>
          )}
        </nav>
      </div>

      {record.withSubtree && (
        <FiguresSection id="so-lieu-ca-cap-duoi" title={t("unit.subtreeTitle")} intro={t("unit.subtreeIntro", { count: record.withSubtree.unitCount })} data={record.withSubtree} locale={locale} />
      )}
      <FiguresSection id="so-lieu-rieng" title={t("unit.aloneTitle")} intro={record.withSubtree ? t("unit.aloneIntro") : undefined} data={record.alone} locale={locale} />

      <MonthChart months={record.byMonth} locale={locale} />

      <section aria-labelledby="doi-thoai" className="space-y-4">
        <h2 id="doi-thoai" className="text-xl font-bold">
          {t("unit.sessionsTitle")}
        </h2>
        <SessionList sessions={record.sessions.items} truncated={record.sessions.truncated} locale={locale} showHost={false} emptyText={t("unit.sessionsEmpty")} />
      </section>

      <section aria-labelledby="cam-ket" className="space-y-4">
        <h2 id="cam-ket" className="text-xl font-bold">
          {t("unit.commitmentsTitle")}
        </h2>
        {record.commitments.items.length === 0 ? (
          <p className="text-zinc-700">{t("unit.commitmentsEmpty")}</p>
        ) : (
          record.commitments.items.map((c) => <CommitmentCard key={c.id} c={c} locale={locale} href={`/cam-ket/${c.id}`} />)
        )}
        {record.commitments.truncated && <p className="text-zinc-700">{t("lists.truncated", { count: record.commitments.items.length })}</p>}
      </section>

      <section aria-labelledby="tiep-cong-dan" className="space-y-4">
        <h2 id="tiep-cong-dan" className="text-xl font-bold">
          {t("unit.seatsTitle")}
        </h2>
        <p className="max-w-prose text-zinc-700">{t("unit.seatsIntro")}</p>
        {record.seats.length === 0 ? <p className="text-zinc-700">{t("unit.seatsEmpty")}</p> : record.seats.map((s) => <SeatDuty key={s.positionId} seat={s} locale={locale} />)}
      </section>
    </div>
  );
}
