import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { formatDate, formatDateTime } from "@/lib/format";
import { decodeParam } from "@/lib/route-param";
import { getPublicMinutes, type PublicMinutes } from "@/server/dialogue/get-minutes";
import { MinutesFigureList } from "./minutes-figures";
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

type T = Awaited<ReturnType<typeof getTranslations<"outcomes.minutes">>>;
type Position = (p: { position: string; positionEn: string }) => string;

function Answers({ minutes, t, locale, position }: { minutes: PublicMinutes; t: T; locale: string; position: Position }) {
  return (
    <section aria-labelledby="minutes-answers" className="space-y-3">
      <h2 id="minutes-answers" className="text-xl font-bold">
        {t("answersTitle")}
      </h2>
      {minutes.answered.length === 0 ? (
        <p>{t("noAnswers")}</p>
      ) : (
        <ol className="space-y-4">
          {minutes.answered.map((a) => (
            <li key={a.number} className="space-y-1 border-l-4 border-zinc-300 pl-3">
              <h3 className="font-semibold">{t("question", { number: a.number })}</h3>
              <p className="whitespace-pre-line break-words">{a.body}</p>
              <p className="text-sm font-semibold">
                {a.leaderName ? t("answerBy", { name: a.leaderName, position: position(a) }) : t("answerByUnknown")}
                {a.at && <> · {formatDateTime(a.at, locale)}</>}
              </p>
              <p className="whitespace-pre-line break-words">{a.answer}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function PassedOn({ minutes, t }: { minutes: PublicMinutes; t: T }) {
  return (
    <section aria-labelledby="minutes-cases" className="space-y-3">
      <h2 id="minutes-cases" className="text-xl font-bold">
        {t("casesTitle")}
      </h2>
      {minutes.passedOn.length === 0 ? (
        <p>{t("noCases")}</p>
      ) : (
        <ol className="space-y-3">
          {minutes.passedOn.map((c) => (
            <li key={c.code} className="space-y-1 border-l-4 border-zinc-300 pl-3">
              <h3 className="font-semibold">{t("question", { number: c.number })}</h3>
              <p className="whitespace-pre-line break-words">{c.body}</p>
              <p className="text-sm">
                <Link href={`/tra-cuu/${c.code}`} className="font-mono font-semibold underline underline-offset-4">
                  {t("caseCode", { code: c.code })}
                </Link>
                {c.otherBody && <> · {t("otherBody")}</>}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function AgendaAnswers(props: { minutes: PublicMinutes; t: T; locale: string; position: Position; unitName: (u: { name: string; nameEn: string }) => string }) {
  const { minutes, t, locale, position, unitName } = props;
  const { cases, commitments } = minutes.agenda;
  return (
    <section aria-labelledby="minutes-agenda" className="space-y-3">
      <h2 id="minutes-agenda" className="text-xl font-bold">
        {t("agendaTitle")}
      </h2>
      {cases.length === 0 && commitments.length === 0 ? (
        <p>{t("noAgenda")}</p>
      ) : (
        <ol className="space-y-3">
          {cases.map((c) => (
            <li key={c.itemId} className="space-y-1 border-l-4 border-zinc-300 pl-3">
              <p className="font-semibold break-words">
                <Link href={`/tra-cuu/${c.code}`} className="font-mono underline underline-offset-4">
                  {c.code}
                </Link>{" "}
                · {c.title}
              </p>
              <p className="text-sm">{t("handlingUnit", { unit: unitName(c.unit) })}</p>
              {c.answer ? (
                <>
                  <p className="text-sm font-semibold">{t("answerBy", { name: c.answer.leaderName, position: position(c.answer) })}</p>
                  <p className="whitespace-pre-line break-words">{c.answer.text}</p>
                </>
              ) : (
                <p className="text-sm text-zinc-700">{t("notAnswered")}</p>
              )}
            </li>
          ))}
          {commitments.map((k) => (
            <li key={k.itemId} className="space-y-1 border-l-4 border-zinc-300 pl-3">
              <p className="text-sm font-semibold text-zinc-700">{t("carried")}</p>
              <p className="font-semibold break-words">
                <Link href={`/cam-ket/${k.commitmentId}`} className="underline underline-offset-4">
                  {k.body}
                </Link>
              </p>
              <p className="text-sm">
                {t("ownerUnit", { unit: unitName(k.ownerUnit) })} · {t("dueOn", { date: formatDate(k.dueOn, locale) })}
              </p>
              {k.answer ? (
                <>
                  <p className="text-sm font-semibold">{t("answerBy", { name: k.answer.leaderName, position: position(k.answer) })}</p>
                  <p className="whitespace-pre-line break-words">{k.answer.text}</p>
                </>
              ) : (
                <p className="text-sm text-zinc-700">{t("notAnswered")}</p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
