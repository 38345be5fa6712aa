import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Pager } from "@/components/pager";
import { getDb } from "@/db/client";
import { listPublicAnswers, publicAnswerFilterOptions } from "@/server/publication/list-public-answers";
import { publicAnswersHref, readPublicAnswerQuery } from "@/server/publication/public-answer-query";
import { siteUrl } from "@/server/publication/public-urls";
import { AnswerCard } from "./answer-card";
import { SearchForm } from "./search-form";

// The same for every visitor; the unfiltered list is kept by the server's page cache (cached-publication-pages.ts).
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The list is for search engines to find the answers (each answer's page is in the sitemap); a search or a
 * filtered page is not indexed itself but its links are followed.
 */
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const [t, params] = await Promise.all([getTranslations("publication"), searchParams]);
  const plain = Object.values(params).every((v) => v === undefined || v === "");
  return {
    title: t("title"),
    description: t("metaDescription"),
    alternates: { canonical: siteUrl("/cong-khai") },
    robots: plain ? { index: true, follow: true } : { index: false, follow: true },
  };
}

export default async function PublicAnswersPage({ searchParams }: Props) {
  const [db, params, rawLocale, t] = await Promise.all([getDb(), searchParams, getLocale(), getTranslations("publication")]);
  const locale = rawLocale === "en" ? "en" : "vi";
  const { query, raw, errors } = readPublicAnswerQuery(params);
  const [list, options] = await Promise.all([listPublicAnswers(db, query), publicAnswerFilterOptions(db)]);
  const allErrors = [...errors, ...list.errors];

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
        <p className="max-w-prose text-zinc-700">{t("intro")}</p>
      </header>

      <SearchForm raw={raw} options={options} errors={allErrors} locale={locale} />

      <section aria-labelledby="ket-qua" className="space-y-4">
        <h2 id="ket-qua" className="text-xl font-bold">
          {t("results.title")} <span className="text-base font-normal text-zinc-700">({t("results.count", { count: list.total })})</span>
        </h2>
        {list.items.length === 0 ? (
          <p className="card">{t("results.empty")}</p>
        ) : (
          <ul className="space-y-4">
            {list.items.map((item) => (
              <AnswerCard key={item.id} item={item} locale={locale} />
            ))}
          </ul>
        )}
        <Pager
          page={list.page}
          pages={list.pages}
          label={t("results.pager", { page: list.page, pages: list.pages })}
          previous={t("results.previous")}
          next={t("results.next")}
          href={(p) => `${publicAnswersHref(query, p)}#ket-qua`}
        />
      </section>
    </div>
  );
}
