import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { toLocalDate } from "@/domain/calendar";
import { formatDate, formatDateTime } from "@/lib/format";
import { decodeParam } from "@/lib/route-param";
import { getCommitment } from "@/server/commitments/get-commitment";
import { fileSize, leaderLabel, SourceText, StatusBadges, unitName } from "../commitment-parts";

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
        <dl className="grid gap-4 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-zinc-600">{t("item.deadline")}</dt>
            <dd className={c.overdue ? "text-xl font-bold text-red-800" : "text-xl font-bold"}>{formatDate(c.dueOn, locale)}</dd>
          </div>
          <div>
            <dt className="text-sm text-zinc-600">{t("item.owner")}</dt>
            <dd className="font-semibold">{unitName(c.ownerUnit, locale)}</dd>
          </div>
          <div>
            <dt className="text-sm text-zinc-600">{t("item.leader")}</dt>
            <dd>{leaderLabel(c, locale)}</dd>
          </div>
          <div>
            <dt className="text-sm text-zinc-600">{t("item.source")}</dt>
            <dd>
              <SourceText c={c} />
            </dd>
          </div>
          {c.session && (
            <div className="sm:col-span-2">
              <dt className="text-sm text-zinc-600">{t("item.session")}</dt>
              <dd>
                <Link href={`/doi-thoai/${c.session.id}`} className="underline underline-offset-4">
                  {c.session.title}
                </Link>{" "}
                <span className="text-zinc-700">({formatDate(c.session.startsAt, locale)})</span>
              </dd>
            </div>
          )}
        </dl>
      </section>

      <section aria-labelledby="tien-do" className="space-y-4">
        <h2 id="tien-do" className="text-xl font-semibold">
          {t("detail.updates")}
        </h2>
        <ol className="space-y-4 border-l-2 border-zinc-300 pl-4">
          {c.updates.map((u) => (
            <li key={u.id} className="space-y-2">
              <p className="text-sm text-zinc-600">
                <span className="font-semibold text-zinc-900">{t(`detail.kind.${u.kind}`)}</span>
                {" · "}
                <time dateTime={u.at.toISOString()}>{formatDateTime(u.at, locale)}</time>
              </p>
              <p className="break-words whitespace-pre-line">{u.body}</p>
              {u.files.length > 0 && (
                <div>
                  <p className="text-sm font-semibold">{t("detail.files")}</p>
                  <ul className="list-disc pl-5">
                    {u.files.map((f) => (
                      <li key={f.id}>
                        <a href={`/cam-ket/tep/${f.id}`} className="underline underline-offset-4 break-all">
                          {t("detail.download", { name: f.fileName, size: fileSize(f.size, locale) })}
                        </a>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </li>
          ))}
        </ol>
      </section>

      <p className="text-sm">
        <Link href={`/can-bo/cam-ket/${c.id}`} className="underline underline-offset-4">
          {t("detail.staffLink")}
        </Link>
      </p>
    </div>
  );
}
