import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { formatDate, formatDateTime } from "@/lib/format";
import { listAgenda, type AgendaAnswer } from "@/server/dialogue/agenda";
import type { PublicSectionProps } from "./section-props";

/**
 * What the session takes up besides the questions: open or overdue cases of its area (each linking to its public
 * status page) and earlier commitments carried over, with the answers given; and the minutes once published.
 */
export async function AgendaSection({ session, locale }: PublicSectionProps) {
  const [t, tStatus, agenda] = await Promise.all([getTranslations("outcomes.agenda"), getTranslations("status"), listAgenda(await getDb(), session.id)]);
  const minutes = session.status === "minutes_published" && session.minutesPublishedAt !== null;
  if (agenda.cases.length === 0 && agenda.commitments.length === 0 && !minutes) return null;
  const unitName = (u: { name: string; nameEn: string }) => (locale === "en" ? u.nameEn || u.name : u.name);
  return (
    <section aria-labelledby="agenda-title" className="space-y-4">
      <h2 id="agenda-title" className="text-xl font-bold">
        {t("title")}
      </h2>
      {minutes && (
        <p className="card border-brand-100 bg-brand-50">
          <Link href={`/doi-thoai/${session.id}/bien-ban`} className="font-semibold underline underline-offset-4">
            {t("minutesLink")}
          </Link>{" "}
          <span className="text-sm text-zinc-700">{t("minutesPublished", { date: formatDate(session.minutesPublishedAt!, locale) })}</span>
        </p>
      )}
      {(agenda.cases.length > 0 || agenda.commitments.length > 0) && <p className="text-zinc-800">{t("intro")}</p>}
      {agenda.cases.length > 0 && (
        <div className="space-y-2">
          <h3 className="text-lg font-semibold">{t("casesTitle")}</h3>
          <ul className="space-y-3">
            {agenda.cases.map((c) => (
              <li key={c.itemId} className="card space-y-2">
                <p className="flex flex-wrap items-center gap-2">
                  <Link href={`/tra-cuu/${c.code}`} className="font-mono font-semibold underline underline-offset-4" aria-label={t("caseLink", { code: c.code })}>
                    {c.code}
                  </Link>
                  <span className="text-sm text-zinc-700">{tStatus(c.status)}</span>
                  {c.overdue && <span className="rounded bg-red-700 px-2 py-0.5 text-sm font-bold text-white">{tStatus("overdue")}</span>}
                </p>
                <p className="font-semibold break-words">{c.title}</p>
                <p className="text-sm text-zinc-700">{t("unit", { unit: unitName(c.unit) })}</p>
                <Answer answer={c.answer} locale={locale} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {agenda.commitments.length > 0 && (
        <div className="space-y-2">
          <h3 className="text-lg font-semibold">{t("commitmentsTitle")}</h3>
          <ul className="space-y-3">
            {agenda.commitments.map((k) => (
              <li key={k.itemId} className="card space-y-2">
                <p className="font-semibold break-words">
                  <Link href={`/cam-ket/${k.commitmentId}`} className="underline underline-offset-4">
                    {k.body}
                  </Link>
                </p>
                <p className="text-sm text-zinc-700">
                  {t("ownerUnit", { unit: unitName(k.ownerUnit) })} · {t("dueOn", { date: formatDate(k.dueOn, locale) })} ·{" "}
                  {t(`commitmentStatus.${k.status === "kept" || k.status === "missed" ? k.status : "open"}`)}
                </p>
                <Answer answer={k.answer} locale={locale} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

async function Answer({ answer, locale }: { answer: AgendaAnswer | null; locale: "vi" | "en" }) {
  const t = await getTranslations("outcomes.agenda");
  if (!answer) return <p className="text-sm text-zinc-700">{t("notAnswered")}</p>;
  return (
    <div className="rounded-md border-l-4 border-green-700 bg-green-50 p-3">
      <p className="text-sm font-semibold">
        {t("answeredBy", { name: answer.leaderName, position: locale === "en" ? answer.positionEn || answer.position : answer.position })} ·{" "}
        <time dateTime={answer.at.toISOString()}>{formatDateTime(answer.at, locale)}</time>
      </p>
      <p className="mt-1 whitespace-pre-line break-words">{answer.text}</p>
    </div>
  );
}
