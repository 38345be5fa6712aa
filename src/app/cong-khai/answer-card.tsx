import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/format";
import type { PublicAnswerItem } from "@/server/publication/list-public-answers";

/** The kind's label key: a second-instance complaint says so. */
export function kindKey(kind: string, instance: number): "petition" | "report" | "complaint" | "complaint2" | "contribution" {
  if (kind === "complaint" && instance === 2) return "complaint2";
  return kind as "petition" | "report" | "complaint" | "contribution";
}

/** One published answer in the list: title, where it belongs, dates, the start of the question, a link. */
export async function AnswerCard({ item, locale }: { item: PublicAnswerItem; locale: "vi" | "en" }) {
  const t = await getTranslations("publication");
  const headingId = `tl-${item.id}`;
  return (
    <li>
      <article aria-labelledby={headingId} className="card space-y-2">
        <h3 id={headingId} className="text-lg font-semibold leading-snug">
          <Link href={`/cong-khai/${item.id}`} className="underline-offset-4 hover:underline">
            {item.title}
          </Link>
        </h3>
        <p className="flex flex-wrap gap-x-3 gap-y-1 text-sm text-zinc-700">
          <span className="rounded bg-zinc-100 px-2 py-0.5 font-semibold text-zinc-800">{t(`kinds.${kindKey(item.kind, item.instance)}`)}</span>
          <span>{locale === "en" ? item.fieldNameEn : item.fieldName}</span>
          <span>{item.areaName}</span>
          <span>{locale === "en" ? item.unitNameEn : item.unitName}</span>
        </p>
        <p className="text-zinc-800">{item.excerpt}</p>
        <p className="flex flex-wrap items-center justify-between gap-2 text-sm text-zinc-700">
          <span>
            {t("results.received", { date: formatDate(item.receivedOn, locale) })} · {t("results.answered", { date: formatDate(item.answeredOn, locale) })}
          </span>
          <Link href={`/cong-khai/${item.id}`} className="font-semibold text-brand-800 underline underline-offset-4" aria-describedby={headingId}>
            {t("results.read")}
          </Link>
        </p>
      </article>
    </li>
  );
}
