import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ScrollRegion } from "@/components/scroll-region";
import { formatMonth } from "@/lib/format";
import { formatDate } from "@/lib/format";
import type { RecordSeat, RecordSession } from "@/server/records/record-parts";

type Locale = "vi" | "en";

const name = (u: { name: string; nameEn: string }, locale: Locale) => (locale === "en" ? u.nameEn : u.name);

/** Sessions as a list of links to their pages, with kind, state and (for a leader) the position they answered in. */
export async function SessionList({ sessions, locale, showHost, emptyText, truncated }: { sessions: (RecordSession & { position?: string; positionEn?: string })[]; locale: Locale; showHost: boolean; emptyText: string; truncated: boolean }) {
  const [t, td, tl] = await Promise.all([getTranslations("records.lists"), getTranslations("dialogue"), getTranslations("records.leader")]);
  if (sessions.length === 0) return <p className="text-zinc-700">{emptyText}</p>;
  return (
    <>
      <ul className="space-y-3">
        {sessions.map((s) => {
          const position = locale === "en" ? s.positionEn : s.position;
          return (
            <li key={s.id} className="rounded-lg border border-zinc-200 bg-white p-4">
              <Link href={`/doi-thoai/${s.id}`} className="font-semibold underline underline-offset-4 break-words">
                {t("sessionLine", { date: formatDate(s.startsAt, locale), title: s.title })}
              </Link>
              <p className="mt-1 text-sm text-zinc-700">
                {td(`kinds.${s.kind}`)} · {td(`statuses.${s.status}`)}
                {showHost && <> · {t("host", { unit: name(s.unit, locale) })}</>}
                {position && <> · {tl("sessionAs", { position })}</>}
              </p>
            </li>
          );
        })}
      </ul>
      {truncated && <p className="text-zinc-700">{t("truncated", { count: sessions.length })}</p>}
    </>
  );
}

/** A seat's reception duty over the period's months: a table (month, required, held in person, by someone else, result). */
export async function SeatDuty({ seat, locale, headingLevel = 3, showHead = true }: { seat: RecordSeat; locale: Locale; headingLevel?: 3 | 4; showHead?: boolean }) {
  const [t, tduty] = await Promise.all([getTranslations("records.lists"), getTranslations("duty")]);
  const title = locale === "en" ? seat.titleEn : seat.title;
  const Heading = `h${headingLevel}` as "h3";
  return (
    <div className="space-y-2">
      <Heading className="font-semibold">{title}</Heading>
      <p className="text-sm text-zinc-700">
        {!seat.active && <>{t("inactive")} · </>}
        {showHead && (seat.currentHead?.name ? t("headNow", { name: seat.currentHead.name }) : t("noHead"))}
        {showHead && " · "}
        <Link href={`/tiep-cong-dan/nhiem-vu/${seat.positionId}`} className="underline underline-offset-4">
          {t("seatLink")}
        </Link>
      </p>
      {seat.months.length === 0 ? (
        <p className="text-zinc-700">{t("monthsEmpty")}</p>
      ) : (
        <ScrollRegion label={t("monthsRegion", { title })}>
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">{t("monthsCaption", { title })}</caption>
            <thead>
              <tr className="border-b border-zinc-300">
                <th scope="col" className="py-1 pr-3 font-semibold">
                  {tduty("columns.month")}
                </th>
                <th scope="col" className="py-1 pr-3 text-right font-semibold">
                  {tduty("columns.required")}
                </th>
                <th scope="col" className="py-1 pr-3 text-right font-semibold">
                  {tduty("columns.heldInPerson")}
                </th>
                <th scope="col" className="py-1 pr-3 text-right font-semibold">
                  {tduty("columns.delegated")}
                </th>
                <th scope="col" className="py-1 font-semibold">
                  {tduty("columns.state")}
                </th>
              </tr>
            </thead>
            <tbody>
              {seat.months.map((m) => (
                <tr key={m.month} className="border-b border-zinc-100">
                  <th scope="row" className="py-1 pr-3 font-normal">
                    {formatMonth(m.month, locale)}
                  </th>
                  <td className="py-1 pr-3 text-right tabular-nums">{m.required}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{m.heldInPerson}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{m.delegated}</td>
                  <td className={`py-1 ${m.state === "missed" ? "font-semibold text-red-800" : ""}`}>{tduty(`states.${m.state}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}
