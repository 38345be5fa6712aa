import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/format";
import type { StaffMatter } from "@/server/reception/record/get-reception-record";
import { NotifiedForm } from "./record-forms";

/** The matters recorded at a reception, for the office: summary, outcome, response, case, due dates. */
export async function RecordMatters({ dayId, matters, locale, mayRecord, today }: { dayId: string; matters: StaffMatter[]; locale: "vi" | "en"; mayRecord: boolean; today: string }) {
  const t = await getTranslations("receptionRecord.staff");
  if (matters.length === 0) return <p>{t("noMatters")}</p>;
  return (
    <ol className="space-y-3">
      {matters.map((m) => (
        <li key={m.id} className="card space-y-2">
          <p className="flex flex-wrap items-baseline gap-x-3">
            <span className="font-semibold">{t("matterNumber", { number: m.number })}</span>
            <span className="rounded border border-zinc-600 px-2 py-0.5 text-sm">{t(`outcomes.${m.outcome}`)}</span>
            {m.category && <span className="text-sm text-zinc-700">{locale === "en" ? m.category.nameEn : m.category.nameVi}</span>}
            {m.bookingId && <span className="text-sm text-zinc-700">{t("attended")}</span>}
          </p>
          <p className="break-words whitespace-pre-line">{m.summary}</p>
          {m.response && <p className="break-words whitespace-pre-line text-zinc-800">{m.response}</p>}
          {m.case && (
            <p className="text-sm">
              <Link href={`/can-bo/ho-so/${m.case.code}`} className="font-mono underline underline-offset-4">
                {t("caseCode", { code: m.case.code })}
              </Link>
            </p>
          )}
          {m.answerDueOn && <p className="text-sm text-zinc-700">{t("answerDue", { date: formatDate(m.answerDueOn, locale) })}</p>}
          {m.outcome === "refused" && m.refusalNoticeDueOn && <p className="text-sm text-zinc-700">{t("refusalDue", { date: formatDate(m.refusalNoticeDueOn, locale) })}</p>}
          {m.refusalNotifiedOn && <p className="text-sm text-green-900">{t("refusalNotified", { date: formatDate(m.refusalNotifiedOn, locale) })}</p>}
          {m.outcome === "refused" && !m.refusalNotifiedOn && mayRecord && <NotifiedForm dayId={dayId} matterId={m.id} today={today} />}
        </li>
      ))}
    </ol>
  );
}
