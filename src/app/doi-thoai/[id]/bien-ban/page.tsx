import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { formatDate, formatDateTime } from "@/lib/format";
import { decodeParam } from "@/lib/route-param";
import { getPublicMinutes } from "@/server/dialogue/get-minutes";
import { MinutesFigureList } from "./minutes-figures";
import { AgendaAnswers, Answers, PassedOn } from "./minutes-parts";
import { PrintButton } from "./print-button";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [minutes, t] = await Promise.all([getPublicMinutes(await getDb(), decodeParam((await params).id)), getTranslations("outcomes.minutes")]);
  return { title: minutes ? t("metaTitle", { title: minutes.session.title }) : "" };
}

// One sheet of A4 per page, with the site's header, footer and links left off; the text black on white.
const PRINT_CSS = `
@page { size: A4; margin: 18mm 16mm 20mm; }
@media print {
  body > header, body > footer, body > a[href="#main"], .minutes-no-print { display: none !important; }
  body { background: #fff; }
  main { max-width: none !important; padding: 0 !important; }
  .minutes { color: #000; font-size: 11pt; line-height: 1.45; }
  .minutes a { color: #000; text-decoration: none; }
  .minutes h1 { font-size: 17pt; }
  .minutes h2 { font-size: 13pt; break-after: avoid; }
  .minutes li, .minutes .minutes-block { break-inside: avoid; }
}`;

export default async function MinutesPage({ params }: Props) {
  const [db, { id }, locale] = await Promise.all([getDb(), params, getLocale()]);
  const minutes = await getPublicMinutes(db, decodeParam(id));
  if (!minutes) notFound();
  const t = await getTranslations("outcomes.minutes");
  const { session } = minutes;
  const en = locale === "en";
  const position = (p: { position: string; positionEn: string }) => (en ? p.positionEn || p.position : p.position);
  const unitName = (u: { name: string; nameEn: string }) => (en ? u.nameEn || u.name : u.name);

  return (
    <article className="minutes space-y-8">
      <style>{PRINT_CSS}</style>
      <nav className="minutes-no-print flex flex-wrap items-center gap-3" aria-label={t("tools")}>
        <Link href={`/doi-thoai/${session.id}`} className="btn-secondary">
          {t("back")}
        </Link>
        <PrintButton label={t("print")} />
        <p className="text-sm text-zinc-700">{t("printHint")}</p>
      </nav>

      <header className="space-y-2">
        <p className="text-sm font-semibold uppercase tracking-wide text-zinc-600">{t("eyebrow")}</p>
        <h1 className="text-2xl font-bold break-words sm:text-3xl">{session.title}</h1>
        <p className="text-zinc-800">{session.topic}</p>
      </header>

      <dl className="minutes-block grid gap-3 sm:grid-cols-2">
        <div>
          <dt className="text-sm text-zinc-600">{t("when")}</dt>
          <dd className="font-semibold">{formatDateTime(session.startedAt ?? session.startsAt, locale)}</dd>
        </div>
        <div>
          <dt className="text-sm text-zinc-600">{t("where")}</dt>
          <dd className="font-semibold break-words">{session.location}</dd>
        </div>
        <div>
          <dt className="text-sm text-zinc-600">{t("host")}</dt>
          <dd>{en ? session.unitNameEn : session.unitName}</dd>
        </div>
        {session.areaName && (
          <div>
            <dt className="text-sm text-zinc-600">{t("area")}</dt>
            <dd>{session.areaName}</dd>
          </div>
        )}
        <div className="sm:col-span-2">
          <dt className="text-sm text-zinc-600">{t("leaders")}</dt>
          <dd>
            <ul>
              {session.leaders.map((l) => (
                <li key={l.userId}>
                  <span className="font-semibold">{l.name}</span>, {position(l)}
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt className="text-sm text-zinc-600">{t("attendance")}</dt>
          <dd className="font-semibold">{session.attendance === null ? t("attendanceUnknown") : t("attendanceValue", { count: session.attendance })}</dd>
        </div>
        <div>
          <dt className="text-sm text-zinc-600">{t("publishedLabel")}</dt>
          <dd>{formatDate(session.minutesPublishedAt!, locale)}</dd>
        </div>
      </dl>

      <section aria-labelledby="minutes-figures" className="minutes-block space-y-3">
        <h2 id="minutes-figures" className="text-xl font-bold">
          {t("figuresTitle")}
        </h2>
        <MinutesFigureList figures={minutes.figures} />
      </section>

      <section aria-labelledby="minutes-text" className="space-y-3">
        <h2 id="minutes-text" className="text-xl font-bold">
          {t("textTitle")}
        </h2>
        <p className="whitespace-pre-line break-words">{session.minutes}</p>
      </section>

      <Answers minutes={minutes} t={t} locale={locale} position={position} />
      <PassedOn minutes={minutes} t={t} />
      <AgendaAnswers minutes={minutes} t={t} locale={locale} position={position} unitName={unitName} />

      <section aria-labelledby="minutes-commitments" className="space-y-3">
        <h2 id="minutes-commitments" className="text-xl font-bold">
          {t("commitmentsTitle")}
        </h2>
        {minutes.commitments.length === 0 ? (
          <p>{t("noCommitments")}</p>
        ) : (
          <ol className="space-y-3">
            {minutes.commitments.map((c) => (
              <li key={c.id} className="rounded-md border border-zinc-300 p-3">
                <p className="font-semibold break-words">
                  <Link href={`/cam-ket/${c.id}`} className="underline underline-offset-4">
                    {c.body}
                  </Link>
                </p>
                <p className="text-sm">
                  {t("commitmentLeader", { name: c.leaderName })} · {t("ownerUnit", { unit: unitName(c.ownerUnit) })} · {t("dueOn", { date: formatDate(c.dueOn, locale) })}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}
