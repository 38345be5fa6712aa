import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/format";
import type { CommuneConference } from "@/server/dialogue/commune-conferences";

const TONE = { held: "text-green-900", scheduled: "text-blue-900", none: "text-red-800" } as const;

/** Per commune and ward: whether this year's dialogue conference (Law 10/2022 art. 32) was held. */
export async function ConferenceTable({ year, rows, locale }: { year: number; rows: CommuneConference[]; locale: "vi" | "en" }) {
  const t = await getTranslations("dialogue.calendar");
  const held = rows.filter((r) => r.state === "held").length;
  const scheduled = rows.filter((r) => r.state === "scheduled").length;
  return (
    <section aria-labelledby="conferences-title" className="space-y-3">
      <h2 id="conferences-title" className="text-2xl font-bold">
        {t("conferencesTitle", { year })}
      </h2>
      <p className="text-zinc-700">{t("conferencesIntro")}</p>
      <p className="font-semibold">{t("conferencesSummary", { held, total: rows.length, scheduled })}</p>
      <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white">
        <table className="min-w-full text-left text-sm">
          <thead className="bg-zinc-100">
            <tr>
              <th scope="col" className="px-3 py-2">
                {t("colArea")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("colState")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.areaId} className="border-t border-zinc-200 align-top">
                <th scope="row" className="px-3 py-2 font-normal">
                  {row.areaName}
                </th>
                <td className={`px-3 py-2 font-semibold ${TONE[row.state]}`}>
                  {row.session ? (
                    <Link href={`/doi-thoai/${row.session.id}`} className="underline underline-offset-4">
                      {t(row.state === "held" ? "held" : "scheduled", { date: formatDate(row.session.startsAt, locale) })}
                    </Link>
                  ) : (
                    t("none")
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
