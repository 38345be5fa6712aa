import { randomUUID } from "node:crypto";
import { getTranslations } from "next-intl/server";
import { acceptsQuestions, questionRefusal } from "@/domain/dialogue/session-status";
import { formatDateTime } from "@/lib/format";
import { SUPPORT_RESULT_ANCHOR, supportOutcomeOf } from "@/server/dialogue/questions/support-request";
import { AskForm } from "./ask-form";
import { askCopy } from "./ask-copy";
import { ASK_ANCHOR } from "./ask-form-state";
import type { PublicSectionProps } from "./section-props";

/** Sessions whose page says nothing about asking: it is long over, or it never happens. */
const SILENT = new Set(["minutes_published"]);

/**
 * Asking a question: the form while the session takes questions, else why not; the privacy rule; and the result of
 * a support or a question just sent, which come back in the query string (pages with one are never cached).
 */
export async function AskSection({ session, locale, query }: PublicSectionProps) {
  const t = await getTranslations("questions");
  const now = new Date();
  const open = acceptsQuestions(session, now);
  const refusal = questionRefusal(session, now);
  const supportOutcome = supportOutcomeOf(query["ung-ho"]);
  const number = Number(query.cau ?? query.so);
  const numbered = { number: Number.isInteger(number) && number > 0 ? number : "?" };
  const sent = query["cau-hoi"] === "da-gui";
  if (!open && SILENT.has(session.status) && !supportOutcome) return null;

  return (
    <section id={ASK_ANCHOR} aria-labelledby="ask-title" className="space-y-4">
      <h2 id="ask-title" className="text-xl font-bold">
        {t("ask.title")}
      </h2>
      {supportOutcome ? (
        <p
          id={SUPPORT_RESULT_ANCHOR}
          role="status"
          tabIndex={-1}
          className={`rounded-md border-2 p-3 ${supportOutcome === "supported" ? "border-green-700 bg-green-50 text-green-900" : "border-amber-600 bg-amber-50 text-amber-950"}`}
        >
          {t(`supportResult.${supportOutcome}`, numbered)}
        </p>
      ) : null}
      {sent ? (
        <p role="status" className="rounded-md border-2 border-green-700 bg-green-50 p-3 text-green-900">
          {t("ask.sent", numbered)}
        </p>
      ) : null}
      {open ? (
        <div className="card space-y-4">
          <p>{t("ask.intro")}</p>
          <p className="rounded-md bg-zinc-100 p-3 text-sm text-zinc-800">{t("ask.privacy")}</p>
          {session.status === "open" && session.questionsCloseAt ? (
            <p className="text-sm text-zinc-700">{t("ask.closedUntil", { time: formatDateTime(session.questionsCloseAt, locale) })}</p>
          ) : null}
          {/* A fresh key per form: a resent form (double click, retry on a weak network) sends one question, not two. */}
          <AskForm sessionId={session.id} idempotencyKey={randomUUID()} copy={await askCopy(locale)} />
        </div>
      ) : refusal ? (
        <p className="text-zinc-700">{t(`ask.notTaking.${refusal}`)}</p>
      ) : null}
    </section>
  );
}
