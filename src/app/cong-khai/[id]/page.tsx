import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { formatDate } from "@/lib/format";
import { getPublicAnswer } from "@/server/publication/get-public-answer";
import { excerptOf } from "@/server/publication/list-public-answers";
import { siteUrl } from "@/server/publication/public-urls";
import { kindKey } from "../answer-card";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ id }, db, t] = await Promise.all([params, getDb(), getTranslations("publication")]);
  const answer = await getPublicAnswer(db, id);
  if (!answer) return { title: t("title"), robots: { index: false, follow: false } };
  return {
    title: t("detail.metaTitle", { title: answer.title }),
    description: excerptOf(answer.question, 160),
    alternates: { canonical: siteUrl(`/cong-khai/${answer.id}`) },
    robots: { index: true, follow: true },
  };
}

/** Paragraphs as the official wrote them (blank lines), single line breaks kept. */
function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <p key={i} className="whitespace-pre-line">
            {p}
          </p>
        ))}
    </>
  );
}

export default async function PublicAnswerPage({ params }: Props) {
  const [{ id }, db, rawLocale, t] = await Promise.all([params, getDb(), getLocale(), getTranslations("publication")]);
  const locale = rawLocale === "en" ? "en" : "vi";
  const answer = await getPublicAnswer(db, id);
  if (!answer) notFound();
  const unit = locale === "en" ? answer.unitNameEn : answer.unitName;
  const kind = kindKey(answer.kind, answer.instance);
  const facts: [string, string][] = [
    [t("detail.kind"), t(`kinds.${kind}`)],
    [t("detail.field"), locale === "en" ? answer.fieldNameEn : answer.fieldName],
    [t("detail.area"), answer.areaName],
    [t("detail.unit"), unit],
    [t("detail.received"), formatDate(answer.receivedOn, locale)],
    [t("detail.answered"), formatDate(answer.answeredOn, locale)],
    [t("detail.published"), formatDate(answer.publishedAt, locale)],
  ];

  return (
    <article aria-labelledby="tieu-de" className="space-y-8">
      <p>
        <Link href="/cong-khai" className="underline underline-offset-4">
          ← {t("detail.back")}
        </Link>
      </p>
      <header className="space-y-2">
        <h1 id="tieu-de" className="text-2xl font-bold leading-tight sm:text-3xl">
          {answer.title}
        </h1>
        <p className="text-sm text-zinc-700">{t("detail.redactionNote")}</p>
      </header>

      <section aria-labelledby="thong-tin" className="card">
        <h2 id="thong-tin" className="mb-3 text-lg font-semibold">
          {t("detail.facts")}
        </h2>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          {facts.map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="font-semibold">{term}</dt>
              <dd className="text-zinc-800">{value}</dd>
            </div>
          ))}
        </dl>
        {kind === "complaint" || kind === "complaint2" ? <p className="mt-3 text-sm text-zinc-700">{t("kindHints.complaint")}</p> : null}
      </section>

      <section aria-labelledby="cau-hoi" className="space-y-3">
        <h2 id="cau-hoi" className="text-xl font-bold">
          {t("detail.question")}
        </h2>
        <div className="space-y-3 text-zinc-900">
          <Paragraphs text={answer.question} />
        </div>
      </section>

      <section aria-labelledby="tra-loi" className="space-y-3">
        <h2 id="tra-loi" className="text-xl font-bold">
          {t("detail.answer", { unit })}
        </h2>
        <div className="space-y-3 border-l-4 border-brand-700 pl-4 text-zinc-900">
          <Paragraphs text={answer.answer} />
        </div>
      </section>

      <section aria-labelledby="tra-cuu" className="card space-y-2">
        <h2 id="tra-cuu" className="text-lg font-semibold">
          <Link href={`/tra-cuu/${answer.code}`} className="underline underline-offset-4">
            {t("detail.status", { code: answer.code })}
          </Link>
        </h2>
        <p className="text-zinc-700">{t("detail.statusHint")}</p>
      </section>
    </article>
  );
}
