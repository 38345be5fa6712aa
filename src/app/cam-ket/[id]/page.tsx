import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { toLocalDate } from "@/domain/calendar";
import { decodeParam } from "@/lib/route-param";
import { getCommitment } from "@/server/commitments/get-commitment";
import { CommitmentFacts, CommitmentUpdates, StatusBadges } from "../commitment-parts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [db, { id }, t] = await Promise.all([getDb(), params, getTranslations("commitments.detail")]);
  const c = await getCommitment(db, decodeParam(id), toLocalDate(new Date()));
  if (!c) return {};
  return { title: t("metaTitle", { body: c.body.length > 80 ? `${c.body.slice(0, 79)}…` : c.body }) };
}

export default async function CommitmentPage({ params }: Props) {
  const [db, { id }, localeRaw, t] = await Promise.all([getDb(), params, getLocale(), getTranslations("commitments")]);
  const locale = localeRaw === "en" ? "en" : "vi";
  const c = await getCommitment(db, decodeParam(id), toLocalDate(new Date()));
  if (!c) notFound();
  const statusKey = c.overdue ? "overdue" : c.status;

  return (
    <div className="space-y-8">
      <p>
        <Link href="/cam-ket" className="underline underline-offset-4">
          ← {t("detail.back")}
        </Link>
      </p>
      <header className="space-y-3">
        <p className="text-sm font-semibold uppercase tracking-wide text-zinc-600">{t("title")}</p>
        <StatusBadges c={c} />
        <h1 className="text-2xl font-bold break-words whitespace-pre-line sm:text-3xl">{c.body}</h1>
        <p className="text-zinc-700">{t(`statusExplain.${statusKey}`)}</p>
      </header>

      <section aria-labelledby="tom-tat" className="card">
        <h2 id="tom-tat" className="sr-only">
          {t("detail.promise")}
        </h2>
        <CommitmentFacts c={c} locale={locale} />
      </section>

      <section aria-labelledby="tien-do" className="space-y-4">
        <h2 id="tien-do" className="text-xl font-semibold">
          {t("detail.updates")}
        </h2>
        <CommitmentUpdates c={c} locale={locale} />
      </section>

      <p className="text-sm">
        <Link href={`/can-bo/cam-ket/${c.id}`} className="underline underline-offset-4">
          {t("detail.staffLink")}
        </Link>
      </p>
    </div>
  );
}
