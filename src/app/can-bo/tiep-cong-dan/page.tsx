import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { requireStaffPage } from "@/server/auth/require-staff";
import { plannablePositions } from "@/server/reception/calendar/add-reception-day";
import { listStaffReceptionDays } from "@/server/reception/calendar/list-reception-days";
import { sessionRange } from "@/app/doi-thoai/session-time";
import { ReceptionStatusBadge } from "@/app/tiep-cong-dan/status-badge";
import { ScrollRegion } from "@/components/scroll-region";
import { Pager } from "@/components/pager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reception.staff"))("title"), robots: { index: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function StaffReceptionDaysPage({ searchParams }: Props) {
  const viewer = await requireStaffPage("/can-bo/tiep-cong-dan");
  const params = await searchParams;
  const page = Number(Array.isArray(params.trang) ? params.trang[0] : params.trang) || 1;
  const db = await getDb();
  const [t, tStatus, tWhen, rawLocale, list, positions] = await Promise.all([
    getTranslations("reception.staff"),
    getTranslations("reception.statuses"),
    getTranslations("reception.when"),
    getLocale(),
    listStaffReceptionDays(db, viewer, { page }),
    plannablePositions(db, viewer),
  ]);
  const locale = rawLocale === "en" ? "en" : "vi";
  const now = new Date();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      <p className="text-zinc-700">{t("intro")}</p>
      <p className="flex flex-wrap gap-3">
        {positions.length > 0 && (
          <Link href="/can-bo/tiep-cong-dan/them" className="btn-primary">
            {t("add")}
          </Link>
        )}
        <Link href="/tiep-cong-dan" className="btn-secondary">
          {t("publicCalendar")}
        </Link>
      </p>
      {list.rows.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ScrollRegion label={t("title")} className="rounded-lg border border-zinc-200 bg-white">
          <table className="min-w-full text-left text-sm">
            <thead className="bg-zinc-100">
              <tr>
                <th scope="col" className="px-3 py-2">{t("colWhen")}</th>
                <th scope="col" className="px-3 py-2">{t("colWho")}</th>
                <th scope="col" className="px-3 py-2">{t("colStatus")}</th>
                <th scope="col" className="px-3 py-2">{t("colBooked")}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((d) => (
                <tr key={d.id} className="border-t border-zinc-200 align-top">
                  <td className="px-3 py-2">
                    <Link href={`/can-bo/tiep-cong-dan/${d.id}`} className="font-semibold underline underline-offset-4">
                      {sessionRange(tWhen, d.startsAt, d.endsAt, locale)}
                    </Link>
                    <span className="block text-zinc-700">{d.place}</span>
                  </td>
                  <td className="px-3 py-2">
                    {locale === "en" ? d.titleEn : d.title}
                    {d.headName && <span className="block text-zinc-700">{d.headName}</span>}
                  </td>
                  <td className="px-3 py-2">
                    <ReceptionStatusBadge status={d.status} label={tStatus(d.status)} />
                    {d.endsAt < now && (d.status === "planned" || d.status === "confirmed") && (
                      <span className="mt-1 block font-semibold text-red-800">{t("toRecord")}</span>
                    )}
                  </td>
                  <td className="px-3 py-2">
                    {t("booked", { booked: d.booked, capacity: d.capacity })}
                    {!d.bookingsOpen && <span className="block text-zinc-700">{t("closed")}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <Pager page={list.page} pages={list.pages} label={t("pageOf", { page: list.page, pages: list.pages })} previous={t("previous")} next={t("next")} href={(p) => `/can-bo/tiep-cong-dan?trang=${p}`} />
    </div>
  );
}
