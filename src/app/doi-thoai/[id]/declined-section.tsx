import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { DECLINE_REASONS } from "@/domain/dialogue/vocabulary";
import { listDeclinedQuestions } from "@/server/dialogue/questions/list-questions";
import type { PublicSectionProps } from "./section-props";

/**
 * Moderation in the open: how many questions were declined for each reason, each one with its reason (its text too,
 * unless it was declined for abuse or personal data), and the whole moderation log to download.
 */
export async function DeclinedSection({ session }: PublicSectionProps) {
  const [db, t] = await Promise.all([getDb(), getTranslations("questions")]);
  const declined = await listDeclinedQuestions(db, session.id);
  if (session.status === "announced" && declined.total === 0) return null;
  const csv = `/doi-thoai/${session.id}/kiem-duyet.csv`;
  return (
    <section aria-labelledby="declined-title" className="space-y-3">
      <h2 id="declined-title" className="text-xl font-bold">
        {t("declined.title")}
      </h2>
      <p className="text-zinc-700">{t("declined.intro")}</p>
      {declined.total === 0 ? (
        <p className="text-zinc-700">{t("declined.none")}</p>
      ) : (
        <>
          <p className="font-semibold">{t("declined.total", { count: declined.total })}</p>
          <ul className="flex flex-wrap gap-2">
            {DECLINE_REASONS.filter((r) => declined.counts[r] > 0).map((r) => (
              <li key={r} className="rounded-full border border-zinc-300 bg-white px-3 py-1 text-sm">
                {t(`reasons.${r}`)}: <span className="font-semibold">{declined.counts[r]}</span>
              </li>
            ))}
          </ul>
          <ol className="space-y-2">
            {declined.questions.map((q) => (
              <li key={q.number} className="card space-y-1">
                <p className="text-sm font-semibold text-zinc-700">
                  {t("ask.questionNumber", { number: q.number })} · {t("declined.reasonLabel")}: {q.reason ? t(`reasons.${q.reason}`) : "—"}
                </p>
                {q.body === null ? (
                  <p className="text-sm italic text-zinc-600">{t("declined.hidden")}</p>
                ) : (
                  <p className="whitespace-pre-line break-words text-zinc-800">{q.body}</p>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
      <p>
        <a href={csv} download className="font-semibold underline underline-offset-4">
          {t("declined.csv")}
        </a>
        <span className="block text-sm text-zinc-600">{t("declined.csvHint")}</span>
      </p>
    </section>
  );
}
