import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatDate, formatDateTime } from "@/lib/format";
import type { Briefing } from "@/server/briefing/build-briefing";
import { BookedCitizens, CaseFigures, CommitmentList, QuestionList, SatisfactionFigures } from "./briefing-parts";
import { PrintButton } from "./print-button";

// One A4 sheet per page, the site's header, footer and tools left off, black on white at 11pt.
const PRINT_CSS = `
@page { size: A4; margin: 15mm 14mm 16mm; }
@media print {
  body > header, body > footer, body > a[href="#main"], .briefing-no-print { display: none !important; }
  body { background: #fff !important; }
  main { max-width: none !important; padding: 0 !important; }
  .briefing { color: #000; font-size: 11pt; line-height: 1.4; }
  .briefing a { color: #000; text-decoration: none; }
  .briefing h1 { font-size: 16pt; }
  .briefing h2 { font-size: 13pt; break-after: avoid; }
  .briefing section, .briefing tr, .briefing li { break-inside: avoid; }
  .briefing table { width: 100%; border-collapse: collapse; }
  .briefing thead { display: table-header-group; }
  .briefing th, .briefing td { border: 1px solid #777; padding: 2pt 4pt; }
}`;
// The print version on screen: the same, without the site around it.
const PRINT_VIEW_CSS = `body > header, body > footer, .briefing-no-print { display: none !important; }`;

export type BriefingViewProps = {
  briefing: Briefing;
  locale: "vi" | "en";
  /** Where "back" goes and where the print version is. */
  backHref: string;
  printHref: string;
  /** The print version (?in=1): no tools, a note to use the browser's Print command. */
  printView: boolean;
};

/** The leader's briefing before a reception or a dialogue session, on screen and on A4. */
export async function BriefingView({ briefing, locale, backHref, printHref, printView }: BriefingViewProps) {
  const t = await getTranslations("briefing");
  const s = briefing.subject;
  const en = locale === "en";
  const unit = en ? s.unit.nameEn || s.unit.name : s.unit.name;
  const personal = !!briefing.bookings?.citizens?.length;
  return (
    <article className="briefing space-y-8" aria-labelledby="ban-tin-tieu-de">
      <style>{PRINT_CSS}</style>
      {printView && <style>{PRINT_VIEW_CSS}</style>}
      {printView ? (
        <p className="rounded-md border border-zinc-400 bg-white p-3 text-sm print:hidden">{t("printView")}</p>
      ) : (
        <nav className="briefing-no-print flex flex-wrap items-center gap-3" aria-label={t("tools")}>
          <Link href={backHref} className="btn-secondary">
            {t(`back.${s.kind}`)}
          </Link>
          <PrintButton label={t("print")} href={printHref} />
          <p className="text-sm text-zinc-700">{t("printHint")}</p>
        </nav>
      )}

      <header className="space-y-2">
        <p className="text-sm font-semibold uppercase tracking-wide text-zinc-600">{t(`eyebrow.${s.kind}`)}</p>
        <h1 id="ban-tin-tieu-de" className="text-2xl font-bold break-words sm:text-3xl">
          {en ? s.titleEn || s.title : s.title}
        </h1>
        <p className="text-zinc-800">{t(`intro.${s.kind}`)}</p>
        <p className={personal ? "font-semibold text-red-800" : "text-sm text-zinc-700"}>{personal ? t("internalPersonal") : t("internal")}</p>
      </header>

      <dl className="grid gap-3 sm:grid-cols-2 print:grid-cols-2 print:gap-1">
        <Fact label={t("facts.when")} value={formatDateTime(s.startsAt, locale)} />
        <Fact label={t("facts.where")} value={s.place} />
        <Fact label={t("facts.unit")} value={unit} />
        <Fact label={t("facts.area")} value={s.area?.name ?? t("facts.none")} />
        <Fact
          label={s.kind === "reception" ? t("facts.head") : t("facts.leaders")}
          value={
            s.heads.length === 0
              ? t("facts.none")
              : s.heads.map((h) => [h.name, en ? h.positionEn || h.position : h.position].filter(Boolean).join(", ")).join("; ")
          }
        />
        <Fact label={t("facts.asOf")} value={formatDate(briefing.today, locale)} />
      </dl>

      {briefing.bookings && <BookedCitizens bookings={briefing.bookings} />}
      <CaseFigures briefing={briefing} locale={locale} />
      <CommitmentList briefing={briefing} locale={locale} />
      <QuestionList briefing={briefing} locale={locale} />
      <SatisfactionFigures briefing={briefing} locale={locale} />
    </article>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-sm text-zinc-600">{label}</dt>
      <dd className="font-semibold break-words">{value}</dd>
    </div>
  );
}
