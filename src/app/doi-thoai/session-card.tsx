import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { SessionListRow } from "@/server/dialogue/list-sessions";
import { sessionRange } from "./session-time";
import { StatusBadge } from "./status-badge";

/** One session in the calendar: what, when, where, who; its title links to its page. */
export async function SessionCard({ session, locale, headingLevel = 3 }: { session: SessionListRow; locale: "vi" | "en"; headingLevel?: 3 | 4 }) {
  const [t, tWhen, tStatus, tKinds] = await Promise.all([
    getTranslations("dialogue.calendar"),
    getTranslations("dialogue.when"),
    getTranslations("dialogue.statuses"),
    getTranslations("dialogue.kinds"),
  ]);
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const struck = session.status === "cancelled";
  return (
    <li className="card space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <StatusBadge status={session.status} label={tStatus(session.status)} />
        {session.kind === "conference" && <span className="inline-block rounded border border-zinc-400 px-2 py-0.5 text-sm">{tKinds("conference")}</span>}
      </div>
      <Heading className={`text-lg font-semibold ${struck ? "line-through decoration-1" : ""}`}>
        <Link href={`/doi-thoai/${session.id}`} className="text-brand-700 underline underline-offset-4 hover:text-brand-800">
          {session.title}
        </Link>
      </Heading>
      <p className="text-zinc-700">{session.topic}</p>
      <dl className="grid gap-1 text-sm sm:grid-cols-[max-content_1fr] sm:gap-x-4">
        <dt className="font-semibold">{t("when")}</dt>
        <dd>
          <time dateTime={session.startsAt.toISOString()}>{sessionRange(tWhen, session.startsAt, session.endsAt, locale)}</time>
        </dd>
        <dt className="font-semibold">{t("where")}</dt>
        <dd className="break-words">{session.location}</dd>
        <dt className="font-semibold">{t("host")}</dt>
        <dd>{locale === "en" ? session.unitNameEn : session.unitName}</dd>
        {session.areaName && (
          <>
            <dt className="font-semibold">{t("areaLabel")}</dt>
            <dd>{session.areaName}</dd>
          </>
        )}
        {session.leaders.length > 0 && (
          <>
            <dt className="font-semibold">{t("leaders")}</dt>
            <dd>{session.leaders.map((l) => `${l.name} (${locale === "en" ? l.positionEn : l.position})`).join("; ")}</dd>
          </>
        )}
        {(session.status === "postponed" || session.status === "cancelled") && session.statusReason && (
          <>
            <dt className="font-semibold">{t("reason")}</dt>
            <dd className="break-words">{session.statusReason}</dd>
          </>
        )}
      </dl>
    </li>
  );
}
