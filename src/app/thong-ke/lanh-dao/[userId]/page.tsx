import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { CommitmentCard } from "@/app/cam-ket/commitment-parts";
import { PeriodForm, periodLabel } from "@/components/records/period-form";
import { SeatDuty, SessionList } from "@/components/records/record-lists";
import { localTime, recordPeriod } from "@/components/records/record-query";
import { getDb } from "@/db/client";
import { toLocalDate } from "@/domain/calendar";
import { formatCount } from "@/domain/statistics/number-format";
import { formatDate } from "@/lib/format";
import { decodeParam } from "@/lib/route-param";
import { getLeaderRecord } from "@/server/records/get-leader-record";
import { leaderName } from "@/server/records/list-leaders";
import { LeaderPositions, LedUnits } from "./leader-parts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ userId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [db, { userId }, t] = await Promise.all([getDb(), params, getTranslations("records.leader")]);
  const name = await leaderName(db, decodeParam(userId));
  return name ? { title: name, description: t("metaDescription", { name }) } : {};
}

export default async function LeaderRecordPage({ params, searchParams }: Props) {
  const [db, { userId: rawId }, raw, localeRaw, t] = await Promise.all([getDb(), params, searchParams, getLocale(), getTranslations("records")]);
  const locale = localeRaw === "en" ? "en" : "vi";
  const userId = decodeParam(rawId);
  const now = new Date();
  const { query, period, error } = recordPeriod(raw, now);
  const path = `/thong-ke/lanh-dao/${encodeURIComponent(userId)}`;
  const today = toLocalDate(now);
  const back = (
    <p className="text-sm">
      <Link href="/thong-ke/lanh-dao" className="underline underline-offset-4">
        {t("leader.back")}
      </Link>
    </p>
  );
  if (!period) {
    const name = await leaderName(db, userId);
    if (name === null) notFound();
    return (
      <div className="space-y-8">
        {back}
        <h1 className="text-2xl font-bold sm:text-3xl">{name}</h1>
        <PeriodForm action={path} query={query} shown={null} error={error} idPrefix="ky" locale={locale} />
      </div>
    );
  }
  const record = await getLeaderRecord(db, userId, period, now);
  if (!record) notFound();
  const c = record.commitments.counts;
  const n = (v: number) => formatCount(v, locale);

  return (
    <div className="space-y-10">
      <header className="space-y-3">
        {back}
        <p className="text-sm font-semibold text-zinc-700">{t("leader.eyebrow")}</p>
        <h1 className="text-2xl font-bold break-words sm:text-3xl">{record.leader.name}</h1>
        <LeaderPositions record={record} locale={locale} />
      </header>

      <PeriodForm action={path} query={query} shown={period} error={null} idPrefix="ky" locale={locale} />
      <div className="space-y-1">
        <p className="font-semibold">{t("period.showing", { period: await periodLabel(period, locale) })}</p>
        <p className="text-zinc-700">{t("period.asOf", { time: localTime(now), date: formatDate(today, locale) })}</p>
      </div>

      <section aria-labelledby="cam-ket" className="space-y-4">
        <h2 id="cam-ket" className="text-xl font-bold">
          {t("leader.commitmentsTitle")}
        </h2>
        {c.made === 0 ? (
          <p className="text-zinc-700">{t("leader.commitmentsEmpty")}</p>
        ) : (
          <>
            <p>{t("leader.commitmentsCounts", { made: n(c.made), kept: n(c.kept), missed: n(c.missed), open: n(c.open), overdue: n(c.overdue) })}</p>
            {record.commitments.items.map((item) => (
              <CommitmentCard key={item.id} c={item} locale={locale} href={`/cam-ket/${item.id}`} />
            ))}
            {record.commitments.truncated && <p className="text-zinc-700">{t("lists.truncated", { count: record.commitments.items.length })}</p>}
          </>
        )}
      </section>

      <section aria-labelledby="doi-thoai" className="space-y-4">
        <h2 id="doi-thoai" className="text-xl font-bold">
          {t("leader.sessionsTitle")}
        </h2>
        <SessionList sessions={record.sessions.items} truncated={record.sessions.truncated} locale={locale} showHost emptyText={t("leader.sessionsEmpty")} />
      </section>

      <section aria-labelledby="tiep-cong-dan" className="space-y-4">
        <h2 id="tiep-cong-dan" className="text-xl font-bold">
          {t("leader.dutyTitle")}
        </h2>
        <p className="max-w-prose text-zinc-700">{t("leader.dutyIntro")}</p>
        {record.duty.every((s) => s.months.length === 0) ? (
          <p className="text-zinc-700">{t("leader.dutyEmpty")}</p>
        ) : (
          record.duty
            .filter((s) => s.months.length > 0)
            .map((s) => (
              <div key={s.positionId} className="space-y-1">
                <SeatDuty seat={s} locale={locale} showHead={false} />
                <p className="text-sm text-zinc-700">{t("leader.dutyFigures", { met: s.met, missed: s.missed })}</p>
              </div>
            ))
        )}
      </section>

      <LedUnits record={record} locale={locale} />
    </div>
  );
}
