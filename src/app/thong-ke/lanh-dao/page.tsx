import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Pager } from "@/components/pager";
import { getDb } from "@/db/client";
import { toLocalDate } from "@/domain/calendar";
import { listLeaders } from "@/server/records/list-leaders";

// The list changes when a seat, a membership or a session's leaders change: rendered per request (the bare
// address is cached by the server, src/server/http/cached-record-pages.ts).
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("records.leaders");
  return { title: t("title"), description: t("metaDescription") };
}

export default async function LeadersPage({ searchParams }: Props) {
  const [db, raw, localeRaw, t] = await Promise.all([getDb(), searchParams, getLocale(), getTranslations("records.leaders")]);
  const locale = localeRaw === "en" ? "en" : "vi";
  const pageParam = Array.isArray(raw.trang) ? raw.trang[0] : raw.trang;
  const list = await listLeaders(db, toLocalDate(new Date()), Number(pageParam ?? "1"));
  const href = (page: number) => (page > 1 ? `/thong-ke/lanh-dao?trang=${page}` : "/thong-ke/lanh-dao");

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href="/thong-ke" className="underline underline-offset-4">
            {(await getTranslations("statistics.page"))("title")}
          </Link>
        </p>
        <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
        <p className="max-w-prose text-zinc-700">{t("intro")}</p>
        <p className="text-zinc-700">
          {t("notRanked")} {t("count", { count: list.total })}
        </p>
      </header>

      {list.items.length === 0 ? (
        <p className="card">{t("empty")}</p>
      ) : (
        <ul aria-label={t("listLabel")} className="grid gap-3 sm:grid-cols-2">
          {list.items.map((l) => {
            const position = locale === "en" ? l.positionEn : l.position;
            return (
              <li key={l.userId} className="rounded-lg border border-zinc-200 bg-white p-4">
                <Link href={`/thong-ke/lanh-dao/${encodeURIComponent(l.userId)}`} className="font-semibold underline underline-offset-4 break-words">
                  {l.name}
                </Link>
                <p className="mt-1 text-sm text-zinc-700">{position ?? t("noPosition")}</p>
                {l.units.length > 0 && <p className="mt-1 text-sm text-zinc-700">{t("leads", { units: l.units.map((u) => (locale === "en" ? u.nameEn : u.name)).join("; ") })}</p>}
              </li>
            );
          })}
        </ul>
      )}
      <Pager page={list.page} pages={list.pages} label={t("pager", { page: list.page, pages: list.pages })} previous={t("previous")} next={t("next")} href={href} />
    </div>
  );
}
