import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { requireStaffPage } from "@/server/auth/require-staff";
import { listStaffSessions } from "@/server/dialogue/list-sessions";
import { schedulingUnits } from "@/server/dialogue/schedule-session";
import { StatusBadge } from "@/app/doi-thoai/status-badge";
import { sessionRange } from "@/app/doi-thoai/session-time";
import { Pager } from "@/components/pager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dialogue.staff"))("title"), robots: { index: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function StaffSessionsPage({ searchParams }: Props) {
  const viewer = await requireStaffPage("/can-bo/doi-thoai");
  const params = await searchParams;
  const page = Number(Array.isArray(params.trang) ? params.trang[0] : params.trang) || 1;
  const db = await getDb();
  const [t, tWhen, tStatus, tKinds, rawLocale, list] = await Promise.all([
    getTranslations("dialogue.staff"),
    getTranslations("dialogue.when"),
    getTranslations("dialogue.statuses"),
    getTranslations("dialogue.kinds"),
    getLocale(),
    listStaffSessions(db, viewer, { page }),
  ]);
  const locale = rawLocale === "en" ? "en" : "vi";
  const maySchedule = schedulingUnits(viewer).length > 0;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      <p className="text-zinc-700">{t("intro")}</p>
      <p className="flex flex-wrap gap-3">
        {maySchedule && (
          <Link href="/can-bo/doi-thoai/moi" className="btn-primary">
            {t("schedule")}
          </Link>
        )}
        <Link href="/doi-thoai" className="btn-secondary">
          {t("publicCalendar")}
        </Link>
      </p>
      {list.rows.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white">
          <table className="min-w-full text-left text-sm">
            <thead className="bg-zinc-100">
              <tr>
                <th scope="col" className="px-3 py-2">{t("colTitle")}</th>
                <th scope="col" className="px-3 py-2">{t("colWhen")}</th>
                <th scope="col" className="px-3 py-2">{t("colStatus")}</th>
                <th scope="col" className="px-3 py-2">{t("colUnit")}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((s) => (
                <tr key={s.id} className="border-t border-zinc-200 align-top">
                  <td className="px-3 py-2">
                    <Link href={`/can-bo/doi-thoai/${s.id}`} className="font-semibold underline underline-offset-4">
                      {s.title}
                    </Link>
                    <span className="block text-zinc-700">
                      {s.kind === "conference" ? `${tKinds("conference")} · ` : ""}
                      {s.areaName}
                    </span>
                    <Link href={`/can-bo/doi-thoai/${s.id}#dieu-hanh`} className="text-sm underline underline-offset-4">
                      {t("manage")}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{sessionRange(tWhen, s.startsAt, s.endsAt, locale)}</td>
                  <td className="px-3 py-2">
                    <StatusBadge status={s.status} label={tStatus(s.status)} />
                  </td>
                  <td className="px-3 py-2">{locale === "en" ? s.unitNameEn : s.unitName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={list.page} pages={list.pages} label={t("pageOf", { page: list.page, pages: list.pages })} previous={t("previous")} next={t("next")} href={(p) => `/can-bo/doi-thoai?trang=${p}`} />
    </div>
  );
}
