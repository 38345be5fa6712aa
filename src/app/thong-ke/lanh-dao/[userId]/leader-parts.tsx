import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FiguresSection } from "@/components/records/figures-section";
import { formatDate } from "@/lib/format";
import type { LeaderRecord } from "@/server/records/get-leader-record";

type Locale = "vi" | "en";
const name = (u: { name: string; nameEn: string }, locale: Locale) => (locale === "en" ? u.nameEn : u.name);

/** Seats held (with dates) and the positions they answered sessions in. */
export async function LeaderPositions({ record, locale }: { record: LeaderRecord; locale: Locale }) {
  const t = await getTranslations("records.leader");
  const none = record.seats.length === 0 && record.sessionPositions.length === 0 && record.units.length === 0;
  return (
    <div className="space-y-2">
      <h2 className="text-lg font-semibold">{t("positionsTitle")}</h2>
      {none ? (
        <p className="text-zinc-700">{t("noPositions")}</p>
      ) : (
        <ul className="list-disc space-y-1 pl-6">
          {record.seats.map((s) => (
            <li key={`${s.positionId}-${s.fromDate}`}>
              {t("seat", { title: locale === "en" ? s.titleEn : s.title, unit: name(s.unit, locale) })} (
              {s.toDate ? t("seatFromTo", { from: formatDate(s.fromDate, locale), to: formatDate(s.toDate, locale) }) : t("seatFrom", { from: formatDate(s.fromDate, locale) })})
            </li>
          ))}
          {record.sessionPositions.map((p) => (
            <li key={p.position}>{t("sessionPosition", { position: locale === "en" ? p.positionEn : p.position })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The units they lead, each with its figures (with the units below it) over the period. */
export async function LedUnits({ record, locale }: { record: LeaderRecord; locale: Locale }) {
  const t = await getTranslations("records.leader");
  return (
    <section aria-labelledby="don-vi-phu-trach" className="space-y-6">
      <h2 id="don-vi-phu-trach" className="text-xl font-bold">
        {t("unitsTitle")}
      </h2>
      {record.units.length === 0 ? (
        <p className="text-zinc-700">{t("unitsEmpty")}</p>
      ) : (
        <>
          <p className="max-w-prose text-zinc-700">{t("unitsIntro")}</p>
          {record.units.map((u) => (
            <div key={u.unit.id} className="space-y-3 border-t border-zinc-200 pt-4">
              <p className="text-zinc-700">
                {u.toDate ? t("unitSinceTo", { from: formatDate(u.fromDate, locale), to: formatDate(u.toDate, locale) }) : t("unitSince", { from: formatDate(u.fromDate, locale) })}
                {" · "}
                <Link href={`/thong-ke/don-vi/${encodeURIComponent(u.unit.code)}`} className="underline underline-offset-4">
                  {t("unitLink", { unit: name(u.unit, locale) })}
                </Link>
              </p>
              <FiguresSection id={`don-vi-${u.unit.code}`} title={name(u.unit, locale)} data={u} locale={locale} level={3} />
            </div>
          ))}
        </>
      )}
    </section>
  );
}
