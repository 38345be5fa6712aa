import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { decodeParam } from "@/lib/route-param";
import { getUnitDuty, UNIT_PAGE_MONTHS } from "@/server/reception/duty/get-unit-duty";
import { methodHref, METHOD_PATH } from "../../anchors";
import { MonthTable } from "../../duty-parts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ unitId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [db, { unitId }, locale, t] = await Promise.all([getDb(), params, getLocale(), getTranslations("duty")]);
  const duty = await getUnitDuty(db, decodeParam(unitId));
  return { title: duty ? t("unit.title", { unit: locale === "en" ? duty.unit.nameEn : duty.unit.name }) : "" };
}

export default async function UnitDutyPage({ params }: Props) {
  const [db, { unitId }, localeRaw, t] = await Promise.all([getDb(), params, getLocale(), getTranslations("duty")]);
  const locale = localeRaw === "en" ? "en" : "vi";
  const duty = await getUnitDuty(db, decodeParam(unitId));
  if (!duty) notFound();
  const { unit, positions, totals } = duty;

  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <p className="text-sm">
          <Link href="/tiep-cong-dan/nhiem-vu" className="underline underline-offset-4">
            {t("title")}
          </Link>
        </p>
        <h1 className="text-2xl font-bold sm:text-3xl">{t("unit.title", { unit: locale === "en" ? unit.nameEn : unit.name })}</h1>
        <p className="max-w-prose text-zinc-700">{t("unit.intro", { months: UNIT_PAGE_MONTHS })}</p>
        {positions.length > 0 && (
          <>
            <p>
              <Link href={methodHref("state")} className="underline underline-offset-4">
                {t("unit.totals", { months: UNIT_PAGE_MONTHS, met: totals.met, missed: totals.missed, pending: totals.pending })}
              </Link>
            </p>
            <p>
              <Link href={methodHref("cases")} className="underline underline-offset-4">
                {t("unit.mattersTotals", { total: totals.matters.total, cases: totals.matters.cases, onTime: totals.matters.casesOnTime, overdue: totals.matters.casesOverdue })}
              </Link>
            </p>
          </>
        )}
        <p>
          <Link href={METHOD_PATH} className="font-semibold underline underline-offset-4">
            {t("howLink")}
          </Link>
        </p>
      </header>

      {positions.length === 0 ? (
        <p className="card">{t("unit.empty")}</p>
      ) : (
        positions.map(({ position: p, months, rules }) => (
          <section key={p.id} aria-labelledby={`vt-${p.id}`} className="card space-y-3">
            <h2 id={`vt-${p.id}`} className="text-lg font-semibold">
              {locale === "en" ? p.titleEn : p.title}
            </h2>
            <p className="text-zinc-700">
              {p.currentHead ? t("headNow", { name: p.currentHead.name ?? t("unnamed") }) : t("noHead")}
              {!p.active && ` · ${t("inactive")}`}
            </p>
            <MonthTable months={months} locale={locale} unconfirmedRules={new Set(rules.filter((r) => !r.confirmed).map((r) => r.id))} showHeads />
            <p>
              <Link href={`/tiep-cong-dan/nhiem-vu/${p.id}`} className="font-semibold underline underline-offset-4">
                {t("unit.positionLink")}
              </Link>
            </p>
          </section>
        ))
      )}
    </div>
  );
}
