import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { ruleInForce } from "@/domain/reception/duty";
import { toLocalDate } from "@/domain/calendar";
import { decodeParam } from "@/lib/route-param";
import { formatDate } from "@/lib/format";
import { getPositionDuty } from "@/server/reception/duty/get-position-duty";
import { methodHref, METHOD_PATH } from "../anchors";
import { MattersTable, MonthTable } from "../duty-parts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ positionId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [db, { positionId }, locale] = await Promise.all([getDb(), params, getLocale()]);
  const duty = await getPositionDuty(db, decodeParam(positionId));
  return { title: duty ? (locale === "en" ? duty.position.titleEn : duty.position.title) : "" };
}

export default async function PositionDutyPage({ params }: Props) {
  const [db, { positionId }, localeRaw, t] = await Promise.all([getDb(), params, getLocale(), getTranslations("duty")]);
  const locale = localeRaw === "en" ? "en" : "vi";
  const duty = await getPositionDuty(db, decodeParam(positionId));
  if (!duty) notFound();
  const { position: p, months, heads, rules } = duty;
  const rule = ruleInForce(rules, p.kind, toLocalDate(new Date()));
  const unconfirmed = new Set(rules.filter((r) => !r.confirmed).map((r) => r.id));
  const unitName = locale === "en" ? p.unit.nameEn : p.unit.name;

  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <p className="text-sm">
          <Link href="/tiep-cong-dan/nhiem-vu" className="underline underline-offset-4">
            {t("title")}
          </Link>
        </p>
        <h1 className="text-2xl font-bold sm:text-3xl">{locale === "en" ? p.titleEn : p.title}</h1>
        <p className="text-zinc-700">
          {t(`kinds.${p.kind}`)} ·{" "}
          <Link href={`/tiep-cong-dan/nhiem-vu/don-vi/${p.unit.id}`} className="underline underline-offset-4">
            {t("position.unitLink", { unit: unitName })}
          </Link>
        </p>
        <p>{p.currentHead ? t("headNow", { name: p.currentHead.name ?? t("unnamed") }) : t("noHead")}</p>
        {!p.active && <p className="font-semibold text-zinc-800">{t("inactive")}</p>}
        <p className="max-w-prose">
          {rule ? (
            <>
              <Link href={methodHref("rules")} className="underline underline-offset-4">
                {t("position.ruleNow", { rule: t(`per.${rule.per}`, { times: rule.times }), basis: rule.legalBasis })}
              </Link>{" "}
              {!rule.confirmed && <span className="text-zinc-700">{t("unconfirmed")}</span>}
            </>
          ) : (
            t("position.noRule")
          )}
        </p>
        <p className="flex flex-wrap gap-4">
          <Link href={METHOD_PATH} className="font-semibold underline underline-offset-4">
            {t("howLink")}
          </Link>
          <Link href={`/tiep-cong-dan?vi-tri=${p.id}`} className="underline underline-offset-4">
            {t("position.calendar")}
          </Link>
        </p>
      </header>

      <section aria-labelledby="tung-thang" className="card space-y-3">
        <h2 id="tung-thang" className="text-lg font-semibold">
          {t("position.monthsTitle")}
        </h2>
        {months.length === 0 ? <p>{t("position.monthsEmpty")}</p> : <MonthTable months={months} locale={locale} unconfirmedRules={unconfirmed} showHeads />}
      </section>

      {heads.length > 0 && (
        <section aria-labelledby="theo-nguoi" className="card space-y-3">
          <h2 id="theo-nguoi" className="text-lg font-semibold">
            <Link href={methodHref("heads")} className="underline underline-offset-4">
              {t("position.headsTitle")}
            </Link>
          </h2>
          <ul className="space-y-2">
            {heads.map((h) => (
              <li key={`${h.holder.userId}-${h.holder.fromDate}`}>
                <span className="font-semibold">{h.holder.name ?? t("unnamed")}</span>{" "}
                <span className="text-zinc-700">
                  ({h.holder.toDate
                    ? t("position.headTermEnded", { from: formatDate(h.holder.fromDate, locale), to: formatDate(h.holder.toDate, locale) })
                    : t("position.headTerm", { from: formatDate(h.holder.fromDate, locale) })}
                  )
                </span>
                : {t("position.headFigures", { met: h.met, missed: h.missed, pending: h.pending })}
              </li>
            ))}
          </ul>
          <p className="text-sm text-zinc-700">{t("position.headsNote")}</p>
        </section>
      )}

      <section aria-labelledby="vu-viec" className="space-y-3">
        <h2 id="vu-viec" className="text-lg font-semibold">
          <Link href={methodHref("matters")} className="underline underline-offset-4">
            {t("position.mattersTitle")}
          </Link>
        </h2>
        <MattersTable months={months} locale={locale} />
      </section>
    </div>
  );
}
