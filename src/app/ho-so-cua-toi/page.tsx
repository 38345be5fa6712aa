import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { formatDate } from "@/lib/format";
import { getViewer } from "@/server/auth/viewer";
import { listMyCases } from "@/server/tracking/list-my-cases";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("track"))("mine.title"), robots: { index: false } };
}

export default async function MyCasesPage() {
  const viewer = await getViewer();
  if (!viewer) redirect(`/dang-nhap?callbackUrl=${encodeURIComponent("/ho-so-cua-toi")}`);
  const [t, tKinds, tStatus, locale, db] = await Promise.all([
    getTranslations("track"),
    getTranslations("kinds"),
    getTranslations("status"),
    getLocale(),
    getDb(),
  ]);
  const rows = await listMyCases(db, viewer);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("mine.title")}</h1>
      <p className="text-zinc-700">
        {t("mine.intro", { email: viewer.email })} <span className="font-semibold">{t("mine.count", { count: rows.length })}</span>
      </p>
      {rows.length === 0 ? (
        <p className="card">{t("mine.empty")}</p>
      ) : (
        <ul className="space-y-3">
          {rows.map((row) => (
            <li key={row.code} className={`card space-y-2 ${row.overdue ? "border-red-300" : ""}`}>
              <h2 className="text-lg font-semibold break-words">
                <Link
                  href={`/tra-cuu/${row.code}`}
                  className="underline underline-offset-4"
                  aria-label={`${row.title}. ${t("mine.open", { code: row.code })}`}
                >
                  {row.title}
                </Link>
              </h2>
              <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
                <dt className="text-zinc-600">{t("mine.code")}</dt>
                <dd className="font-mono font-semibold">{row.code}</dd>
                <dt className="text-zinc-600">{t("mine.kind")}</dt>
                <dd>{tKinds(`${row.kind}.name`)}</dd>
                <dt className="text-zinc-600">{t("mine.status")}</dt>
                <dd>
                  <span className="font-semibold">{tStatus(row.status)}</span>
                  {row.overdue && (
                    <span className="ml-2 rounded bg-red-700 px-2 py-0.5 text-xs font-bold text-white">{tStatus("overdue")}</span>
                  )}
                </dd>
                <dt className="text-zinc-600">{t("mine.unit")}</dt>
                <dd>{locale === "en" ? row.unitNameEn : row.unitName}</dd>
                <dt className="text-zinc-600">{t("mine.received")}</dt>
                <dd>{formatDate(row.receivedAt, locale)}</dd>
                <dt className="text-zinc-600">{t("mine.due")}</dt>
                <dd className={row.overdue ? "font-semibold text-red-800" : ""}>
                  {row.dueOn ? formatDate(row.dueOn, locale) : t("mine.noDue")}
                </dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link href="/tra-cuu" className="btn-secondary">
          {t("mine.lookup")}
        </Link>
      </p>
    </div>
  );
}
