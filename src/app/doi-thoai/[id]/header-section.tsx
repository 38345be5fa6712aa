import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { PublicSessionEvent } from "@/server/dialogue/get-public-session";
import { StatusBadge } from "../status-badge";
import { dayAndTime, sessionRange } from "../session-time";
import type { PublicSectionProps } from "./section-props";

const FIELD_KEYS = ["kind", "title", "topic", "description", "areaId", "location", "livestreamUrl", "questionsInAdvance", "questionsCloseAt", "time", "leaders"] as const;

const asDate = (v: unknown) => (typeof v === "string" && !Number.isNaN(Date.parse(v)) ? new Date(v) : null);

/** What one entry of the public history says beyond its name: the old and new dates, the fields changed, the reason. */
async function eventDetails(event: PublicSessionEvent, locale: "vi" | "en"): Promise<string[]> {
  const [t, tFields] = await Promise.all([getTranslations("dialogue.header"), getTranslations("dialogue.fields")]);
  const out: string[] = [];
  const data = event.data ?? {};
  const oldStart = asDate(data.oldStartsAt);
  const newStart = asDate(data.startsAt);
  if (oldStart && newStart && event.type !== "announced") out.push(t("moved", { old: dayAndTime(oldStart, locale), new: dayAndTime(newStart, locale) }));
  if (event.type === "updated" && Array.isArray(data.fields)) {
    const names = data.fields.filter((f): f is (typeof FIELD_KEYS)[number] => FIELD_KEYS.includes(f as never)).map((f) => tFields(f));
    if (names.length > 0) out.push(t("changedFields", { fields: names.join(", ") }));
    if (typeof data.location === "string") out.push(t("movedPlace", { location: data.location }));
  }
  if (event.reason) out.push(event.reason);
  return out;
}

/** The session's header: what, when, where, who, its status explained, its public history and its links. */
export async function SessionHeader({ session, locale }: PublicSectionProps) {
  const [t, tWhen, tStatus, tHelp, tKinds, tEvents] = await Promise.all([
    getTranslations("dialogue.header"),
    getTranslations("dialogue.when"),
    getTranslations("dialogue.statuses"),
    getTranslations("dialogue.statusHelp"),
    getTranslations("dialogue.kinds"),
    getTranslations("dialogue.events"),
  ]);
  const now = new Date();
  const history = await Promise.all(session.history.map(async (e) => ({ ...e, details: await eventDetails(e, locale) })));
  let questions: string;
  if (!session.questionsInAdvance) questions = t("questionsNone");
  else if (session.questionsCloseAt && session.questionsCloseAt <= now) questions = t("questionsClosed", { time: dayAndTime(session.questionsCloseAt, locale) });
  else if (session.questionsCloseAt) questions = t("questionsUntil", { time: dayAndTime(session.questionsCloseAt, locale) });
  else questions = t("questionsUntilStart");
  const reasonLabel = session.status === "cancelled" ? t("cancelledReason") : session.status === "postponed" ? t("postponedReason") : null;

  return (
    <section aria-labelledby="session-title" className="space-y-5">
      <p>
        <Link href="/doi-thoai" className="underline underline-offset-4">
          ← {t("backToCalendar")}
        </Link>
      </p>
      <div className="space-y-2">
        <p className="flex flex-wrap items-center gap-2">
          <StatusBadge status={session.status} label={tStatus(session.status)} />
          <span className="text-sm text-zinc-700">{tKinds(session.kind)}</span>
        </p>
        <h1 id="session-title" className="text-3xl font-bold leading-tight break-words">
          {session.title}
        </h1>
        <p className="text-lg text-zinc-700 break-words">{session.topic}</p>
      </div>

      <p role="status" className={`rounded-md border-2 p-3 ${session.status === "cancelled" || session.status === "postponed" ? "border-amber-700 bg-amber-50 text-amber-950" : "border-zinc-300 bg-white"}`}>
        {tHelp(session.status)}
        {reasonLabel && session.statusReason && (
          <>
            <br />
            <span className="font-semibold">{reasonLabel}:</span> <span className="break-words">{session.statusReason}</span>
          </>
        )}
      </p>

      <dl className="card grid gap-2 sm:grid-cols-[max-content_1fr] sm:gap-x-6">
        <dt className="font-semibold">{t("when")}</dt>
        <dd>
          <time dateTime={session.startsAt.toISOString()}>{sessionRange(tWhen, session.startsAt, session.endsAt, locale)}</time> <span className="text-sm text-zinc-600">({tWhen("timeZone")})</span>
        </dd>
        <dt className="font-semibold">{t("venue")}</dt>
        <dd className="break-words">{session.location}</dd>
        {session.livestreamUrl && (
          <>
            <dt className="font-semibold">{t("livestream")}</dt>
            <dd className="break-all">
              <a href={session.livestreamUrl} rel="noopener noreferrer nofollow" className="text-brand-700 underline underline-offset-4">
                {session.livestreamUrl}
              </a>
            </dd>
          </>
        )}
        <dt className="font-semibold">{t("host")}</dt>
        <dd>{locale === "en" ? session.unitNameEn : session.unitName}</dd>
        {session.areaName && (
          <>
            <dt className="font-semibold">{t("area")}</dt>
            <dd>
              <Link href={`/doi-thoai?dia-ban=${encodeURIComponent(session.areaCode ?? "")}`} className="underline underline-offset-4">
                {session.areaName}
              </Link>
            </dd>
          </>
        )}
        {session.leaders.length > 0 && (
          <>
            <dt className="font-semibold">{t("leaders")}</dt>
            <dd>
              <ul>
                {session.leaders.map((l) => (
                  <li key={l.userId}>
                    <span className="font-semibold">{l.name}</span>, {locale === "en" ? l.positionEn || l.position : l.position}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <dt className="font-semibold">{t("questions")}</dt>
        <dd>{questions}</dd>
      </dl>

      {session.description && <p className="max-w-3xl whitespace-pre-line break-words text-zinc-800">{session.description}</p>}

      <p className="flex flex-wrap gap-3">
        <a href={`/doi-thoai/${session.id}/lich.ics${locale === "en" ? "?lang=en" : ""}`} className="btn-secondary" type="text/calendar">
          {t("addToCalendar")}
        </a>
        <Link href={`/doi-thoai/${session.id}/trinh-chieu`} className="btn-secondary">
          {t("projector")}
        </Link>
        {session.status === "minutes_published" && (
          <Link href={`/doi-thoai/${session.id}/bien-ban`} className="btn-secondary">
            {t("minutes")}
          </Link>
        )}
      </p>

      {history.length > 0 && (
        <details className="card" open={history.length > 1 || undefined}>
          <summary className="cursor-pointer text-lg font-semibold">{t("historyTitle")}</summary>
          <ol className="mt-3 space-y-2">
            {history.map((e, i) => (
              <li key={i} className="border-l-4 border-zinc-300 pl-3">
                <p>
                  <time dateTime={e.at.toISOString()} className="text-sm text-zinc-600">
                    {dayAndTime(e.at, locale)}
                  </time>{" "}
                  <span className="font-semibold">{tEvents.has(e.type as "announced") ? tEvents(e.type as "announced") : tEvents("other")}</span>
                </p>
                {e.details.map((d, j) => (
                  <p key={j} className="break-words text-zinc-800">
                    {d}
                  </p>
                ))}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
