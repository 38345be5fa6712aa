import Link from "next/link";
import { ScrollRegion } from "@/components/scroll-region";
import { getTranslations } from "next-intl/server";
import { formatDate, formatNumber } from "@/lib/format";
import type { Briefing } from "@/server/briefing/build-briefing";

type PartProps = { briefing: Briefing; locale: "vi" | "en" };
const name = (u: { name: string; nameEn: string }, locale: "vi" | "en") => (locale === "en" ? u.nameEn || u.name : u.name);

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-tieu-de`} className="space-y-3">
      <h2 id={`${id}-tieu-de`} className="text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Figures({ items, locale }: { items: { key: string; label: string; value: number; strong?: boolean }[]; locale: "vi" | "en" }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 print:grid-cols-4 print:gap-2">
      {items.map((f) => (
        <div key={f.key} className="rounded-md border border-zinc-300 bg-white p-3 print:border-zinc-500 print:p-2">
          <dt className="text-sm text-zinc-700">{f.label}</dt>
          <dd className={`text-2xl font-bold print:text-base ${f.strong && f.value > 0 ? "text-red-800" : ""}`}>{formatNumber(f.value, locale)}</dd>
        </div>
      ))}
    </dl>
  );
}

const th = "border-b border-zinc-300 px-2 py-1 text-left font-semibold";
const td = "border-b border-zinc-200 px-2 py-1 align-top";

/** The area's and the unit's open and overdue cases, and the overdue ones listed. */
export async function CaseFigures({ briefing, locale }: PartProps) {
  const [t, tk] = await Promise.all([getTranslations("briefing.cases"), getTranslations("kinds")]);
  const { cases, subject } = briefing;
  const figures = [
    ...(cases.area && subject.area
      ? [
          { key: "area-open", label: `${t("area", { area: subject.area.name })}: ${t("open")}`, value: cases.area.open },
          { key: "area-overdue", label: `${t("area", { area: subject.area.name })}: ${t("overdue")}`, value: cases.area.overdue, strong: true },
        ]
      : []),
    { key: "unit-open", label: `${t("unit", { unit: name(subject.unit, locale) })}: ${t("open")}`, value: cases.unit.open },
    { key: "unit-overdue", label: `${t("unit", { unit: name(subject.unit, locale) })}: ${t("overdue")}`, value: cases.unit.overdue, strong: true },
  ];
  return (
    <Section id="ho-so" title={t("title")}>
      <p className="text-sm text-zinc-700">{t("explain")}</p>
      <Figures items={figures} locale={locale} />
      <h3 className="font-semibold">{t("overdueList")}</h3>
      {cases.overdue.length === 0 ? (
        <p>{t("overdueNone")}</p>
      ) : (
        <ScrollRegion label={t("overdueList")}>
          <table className="w-full min-w-[36rem] border-collapse text-sm print:min-w-0">
            <thead>
              <tr>
                <th scope="col" className={th}>{t("code")}</th>
                <th scope="col" className={th}>{t("subject")}</th>
                <th scope="col" className={th}>{t("handledBy")}</th>
                <th scope="col" className={th}>{t("due")}</th>
                <th scope="col" className={th}>{t("late")}</th>
              </tr>
            </thead>
            <tbody>
              {cases.overdue.map((c) => (
                <tr key={c.code}>
                  <td className={`${td} font-mono whitespace-nowrap`}>
                    <Link href={`/can-bo/ho-so/${c.code}`} className="underline">
                      {c.code}
                    </Link>
                  </td>
                  <td className={`${td} break-words`}>{c.title ?? t("sealed", { kind: tk(`${c.kind}.name`) })}</td>
                  <td className={td}>{name(c.unit, locale)}</td>
                  <td className={`${td} whitespace-nowrap`}>{formatDate(c.dueOn, locale)}</td>
                  <td className={`${td} whitespace-nowrap font-semibold text-red-800`}>{t("daysLate", { days: c.daysOverdue })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {cases.overdueTotal > cases.overdue.length && <p className="text-sm text-zinc-700">{t("shown", { shown: cases.overdue.length, total: cases.overdueTotal })}</p>}
    </Section>
  );
}

/** Earlier commitments of the unit, the area and the head(s): counts by state, and the unfulfilled ones. */
export async function CommitmentList({ briefing, locale }: PartProps) {
  const t = await getTranslations("briefing.commitments");
  const { counts, items } = briefing.commitments;
  return (
    <Section id="cam-ket" title={t("title")}>
      <p className="text-sm text-zinc-700">{t("explain")}</p>
      <Figures
        locale={locale}
        items={[
          { key: "open", label: t("open"), value: counts.open },
          { key: "overdue", label: t("overdue"), value: counts.overdue, strong: true },
          { key: "kept", label: t("kept"), value: counts.kept },
          { key: "missed", label: t("missed"), value: counts.missed, strong: true },
        ]}
      />
      <h3 className="font-semibold">{t("listTitle")}</h3>
      {items.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ul className="space-y-2">
          {items.map((c) => (
            <li key={c.id} className="rounded-md border border-zinc-200 bg-white p-3 print:border-0 print:border-b print:p-1">
              <p className="font-semibold break-words">
                <Link href={`/can-bo/cam-ket/${c.id}`} className="underline">
                  {c.body}
                </Link>{" "}
                <span className={c.overdue || c.status === "missed" ? "text-red-800" : "text-zinc-700"}>({t(`state.${c.overdue ? "overdue" : c.status}`)})</span>
              </p>
              <p className="text-sm text-zinc-700">
                {[t("owner", { unit: name(c.ownerUnit, locale) }), t("leader", { name: c.leaderName }), t("due", { date: formatDate(c.dueOn, locale) })].join(" · ")}
              </p>
              {c.source && (
                <p className="text-sm text-zinc-700">
                  {c.source.kind === "session"
                    ? t("fromSession", { title: c.source.title, date: formatDate(c.source.on, locale) })
                    : t("fromReception", { date: formatDate(c.source.on, locale) })}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** The most supported questions of the coming session (for a reception: of the next one in its area). */
export async function QuestionList({ briefing, locale }: PartProps) {
  const t = await getTranslations("briefing.questions");
  const { session, items, total } = briefing.questions;
  const own = briefing.subject.kind === "session";
  return (
    <Section id="cau-hoi" title={t("title")}>
      {!session ? (
        <p>{t("noSession")}</p>
      ) : (
        <>
          <p className="text-sm text-zinc-700">
            {own ? t("session", { title: session.title, date: formatDate(session.startsAt, locale) }) : t("nextSession", { title: session.title, date: formatDate(session.startsAt, locale) })}
          </p>
          {items.length === 0 ? (
            <p>{t("none")}</p>
          ) : (
            <ol className="space-y-2">
              {items.map((q) => (
                <li key={q.id} className="break-words">
                  <span className="font-semibold">{t("number", { number: q.number })}:</span> {q.body}{" "}
                  <span className="text-sm whitespace-nowrap text-zinc-700">({t("supports", { count: q.supportCount })})</span>
                </li>
              ))}
            </ol>
          )}
          {total > items.length && <p className="text-sm text-zinc-700">{t("shown", { shown: items.length, total })}</p>}
        </>
      )}
    </Section>
  );
}

/** How satisfied those who rated an answer were. */
export async function SatisfactionFigures({ briefing, locale }: PartProps) {
  const t = await getTranslations("briefing.satisfaction");
  const s = briefing.satisfaction;
  return (
    <Section id="hai-long" title={t("title")}>
      <p className="text-sm text-zinc-700">{t("explain", { since: formatDate(s.since, locale) })}</p>
      <Figures
        locale={locale}
        items={[
          { key: "answered", label: t("answered"), value: s.answered },
          { key: "rated", label: t("rated"), value: s.rated },
          { key: "satisfied", label: t("satisfied"), value: s.satisfied },
          { key: "unsatisfied", label: t("unsatisfied"), value: s.unsatisfied },
        ]}
      />
      <p className="font-semibold">{s.rated === 0 ? t("noRatings") : t("share", { percent: Math.round((s.satisfied / s.rated) * 100) })}</p>
    </Section>
  );
}

/** The citizens booked for a reception: names and matters for the office and the head, else how many. */
export async function BookedCitizens({ bookings }: { bookings: NonNullable<Briefing["bookings"]> }) {
  const t = await getTranslations("briefing.bookings");
  return (
    <Section id="dat-lich" title={t("title")}>
      {bookings.count === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <>
          <p>{t("count", { count: bookings.count })}</p>
          {bookings.citizens === null ? (
            <p className="text-sm text-zinc-700">{t("hidden")}</p>
          ) : (
            <ScrollRegion label={t("tableLabel")}>
              <table className="w-full min-w-[30rem] border-collapse text-sm print:min-w-0">
                <thead>
                  <tr>
                    <th scope="col" className={th}>{t("number")}</th>
                    <th scope="col" className={th}>{t("name")}</th>
                    <th scope="col" className={th}>{t("summary")}</th>
                    <th scope="col" className={th}>{t("status")}</th>
                  </tr>
                </thead>
                <tbody>
                  {bookings.citizens.map((b, i) => (
                    <tr key={b.id}>
                      <td className={td}>{i + 1}</td>
                      <td className={`${td} font-semibold break-words`}>{b.name ?? t("unreadable")}</td>
                      <td className={`${td} break-words whitespace-pre-line`}>{b.summary ?? t("unreadable")}</td>
                      <td className={`${td} whitespace-nowrap`}>{t(`state.${b.status}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
        </>
      )}
    </Section>
  );
}
