import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { toLocalDate } from "@/domain/calendar";
import { formatDate, formatNumber } from "@/lib/format";
import { listStaffCases } from "@/server/cases/list-staff-cases";
import { requireStaffPage } from "@/server/auth/require-staff";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff"))("title") };
}

export default async function StaffHomePage() {
  const viewer = await requireStaffPage("/can-bo");
  const [t, tKinds, tStatus, locale, db] = await Promise.all([
    getTranslations("staff"),
    getTranslations("kinds"),
    getTranslations("status"),
    getLocale(),
    getDb(),
  ]);
  const { rows, totals } = await listStaffCases(db, viewer);
  const today = toLocalDate(new Date());
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      <section aria-labelledby="units-title" className="card space-y-2">
        <h2 id="units-title" className="text-lg font-semibold">
          {t("yourUnits")}
        </h2>
        <ul className="list-inside list-disc">
          {viewer.memberships.map((m) => (
            <li key={`${m.unitId}-${m.role}`}>
              {locale === "en" ? m.unitNameEn : m.unitName}: {t(`roles.${m.role}`)}
            </li>
          ))}
        </ul>
      </section>
      <dl className="grid grid-cols-3 gap-3">
        <div className="card">
          <dt className="text-sm text-zinc-700">{t("openCases")}</dt>
          <dd className="text-2xl font-bold">{formatNumber(totals.open, locale)}</dd>
        </div>
        <div className={`card ${totals.overdue > 0 ? "border-red-300 bg-red-50" : ""}`}>
          <dt className="text-sm text-zinc-700">{t("overdue")}</dt>
          <dd className="text-2xl font-bold text-red-800">{formatNumber(totals.overdue, locale)}</dd>
        </div>
        <div className="card">
          <dt className="text-sm text-zinc-700">{t("dueSoon")}</dt>
          <dd className="text-2xl font-bold">{formatNumber(totals.dueSoon, locale)}</dd>
        </div>
      </dl>
      <section aria-labelledby="cases-title" className="space-y-3">
        <h2 id="cases-title" className="text-xl font-semibold">
          {t("casesTitle")}
        </h2>
        {rows.length === 0 ? (
          <p>{t("noCases")}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white">
            <table className="min-w-full text-left text-sm">
              <thead className="bg-zinc-100">
                <tr>
                  <th scope="col" className="px-3 py-2">{t("colCode")}</th>
                  <th scope="col" className="px-3 py-2">{t("colTitle")}</th>
                  <th scope="col" className="px-3 py-2">{t("colKind")}</th>
                  <th scope="col" className="px-3 py-2">{t("colStatus")}</th>
                  <th scope="col" className="px-3 py-2">{t("colUnit")}</th>
                  <th scope="col" className="px-3 py-2">{t("colDue")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const overdue = !!row.dueOn && row.dueOn < today;
                  return (
                    <tr key={row.id} className="border-t border-zinc-200">
                      <td className="px-3 py-2 font-mono whitespace-nowrap">
                        <Link className="underline" href={`/tra-cuu?ma=${row.code}`}>
                          {row.code}
                        </Link>
                      </td>
                      <td className="px-3 py-2">{row.title}</td>
                      <td className="px-3 py-2">{tKinds(`${row.kind}.name`)}</td>
                      <td className="px-3 py-2">{tStatus(row.status)}</td>
                      <td className="px-3 py-2">{locale === "en" ? row.unitNameEn : row.unitName}</td>
                      <td className={`px-3 py-2 whitespace-nowrap ${overdue ? "font-semibold text-red-800" : ""}`}>
                        {row.dueOn ? formatDate(row.dueOn, locale) : "–"}
                        {overdue && ` · ${tStatus("overdue")}`}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
