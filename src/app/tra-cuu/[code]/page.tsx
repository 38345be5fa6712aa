import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import type { Period } from "@/domain/deadlines";
import { normalizeTrackingCode } from "@/domain/tracking-code";
import { formatDate, formatDateTime } from "@/lib/format";
import { clientIp } from "@/server/net/loopback";
import {
  getPublicCase,
  type DeadlineState,
  type PublicCase,
  type PublicDialogueRef,
  type PublicEvent,
  type PublicUnit,
} from "@/server/tracking/get-public-case";
import { checkLookupAllowed, recordLookupMiss } from "@/server/tracking/record-lookup-miss";
import { decodeParam } from "@/lib/route-param";

// Rendered per request: "days left" changes at midnight, status at any time. The custom server may replay a
// render only after checking that nothing about the case changed (src/server/http/public-page-cache.ts).
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ code: string }> };
type Translator = Awaited<ReturnType<typeof getTranslations>>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const code = normalizeTrackingCode(decodeParam((await params).code));
  const t = await getTranslations("track");
  // Codes are not secret, but nobody's case should turn up in a search engine.
  return { title: code ? t("case.metaTitle", { code }) : t("lookup.title"), robots: { index: false, follow: false } };
}

export default async function CaseStatusPage({ params }: Props) {
  const typed = decodeParam((await params).code);
  const code = normalizeTrackingCode(typed);
  // One address per case: /tra-cuu/abcd efgh jkm goes to /tra-cuu/ABCD-EFGH-JKM.
  if (code !== null && code !== typed) redirect(`/tra-cuu/${code}`);

  const [db, requestHeaders] = await Promise.all([getDb(), headers()]);
  const ip = clientIp(requestHeaders);
  const now = new Date();
  const [gate, found] = await Promise.all([checkLookupAllowed(db, ip, now), code === null ? null : getPublicCase(db, code, now)]);
  // The block stops guessing; it never hides a case whose code the visitor has. The page must not depend on
  // who asks: the server caches it per case (src/server/http/public-page-cache.ts).
  if (found === null) {
    if (gate.refused) return <Refused minutes={Math.ceil(gate.retryAfterSeconds / 60)} />;
    await recordLookupMiss(db, ip, now);
    notFound();
  }

  const [t, tKinds, tStatus, locale] = await Promise.all([
    getTranslations("track"),
    getTranslations("kinds"),
    getTranslations("status"),
    getLocale(),
  ]);
  const c = found;
  const sealed = c.kind === "denunciation";
  const unitName = (u: PublicUnit) => (locale === "en" ? u.nameEn : u.name);
  const kindName = c.instance === 2 ? t("case.secondInstance", { kind: tKinds(`${c.kind}.name`) }) : tKinds(`${c.kind}.name`);
  const statusHelp = c.status === "not_accepted" && sealed ? t("statusExplain.not_accepted_sealed") : t(`statusExplain.${c.status}`);

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm font-semibold uppercase tracking-wide text-zinc-600">{t("lookup.title")}</p>
        <h1 className="text-2xl font-bold break-words sm:text-3xl">
          {t("case.heading", { code: c.code })}
        </h1>
      </header>

      {c.overdue && <OverdueBanner c={c} t={t} locale={locale} />}

      <section aria-labelledby="summary-title" className="card space-y-4">
        <h2 id="summary-title" className="sr-only">
          {t("case.summaryTitle")}
        </h2>
        <dl className="grid gap-4 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-zinc-600">{t("case.status")}</dt>
            <dd className="space-y-1">
              <span className="flex flex-wrap items-center gap-2">
                <span className="text-xl font-bold">{tStatus(c.status)}</span>
                {c.overdue && (
                  <span className="rounded bg-red-700 px-2 py-0.5 text-sm font-bold text-white">{tStatus("overdue")}</span>
                )}
              </span>
              <span className="block text-sm text-zinc-700">{statusHelp}</span>
            </dd>
          </div>
          <div>
            <dt className="text-sm text-zinc-600">{t("case.kind")}</dt>
            <dd className="space-y-1">
              <span className="block text-xl font-bold">{kindName}</span>
              <span className="block text-sm text-zinc-700">{t(`kindExplain.${c.kind}`)}</span>
            </dd>
          </div>
          <div>
            <dt className="text-sm text-zinc-600">{t("case.unit")}</dt>
            <dd className="font-semibold">{unitName(c.unit)}</dd>
          </div>
          <div>
            <dt className="text-sm text-zinc-600">{t("case.received")}</dt>
            <dd className="font-semibold">{formatDate(c.receivedAt, locale)}</dd>
          </div>
          {c.category && (
            <div>
              <dt className="text-sm text-zinc-600">{t("case.category")}</dt>
              <dd>{unitName(c.category)}</dd>
            </div>
          )}
          {c.areaName && (
            <div>
              <dt className="text-sm text-zinc-600">{t("case.area")}</dt>
              <dd>{c.areaName}</dd>
            </div>
          )}
          {c.title !== null && (
            <div className="sm:col-span-2">
              <dt className="text-sm text-zinc-600">{t("case.titleLabel")}</dt>
              <dd className="text-lg font-semibold break-words">{c.title}</dd>
            </div>
          )}
        </dl>
        {sealed && <p className="rounded-md border border-zinc-300 bg-zinc-50 p-3 text-sm text-zinc-800">{t("case.sealed")}</p>}
        {c.body !== null && (
          <div className="space-y-1">
            <h3 className="text-sm text-zinc-600">{t("case.bodyTitle")}</h3>
            <p className="whitespace-pre-line break-words">{c.body}</p>
          </div>
        )}
      </section>

      <DialogueLinks c={c} t={t} locale={locale} />

      <Deadlines c={c} t={t} locale={locale} />

      {(c.status === "answered" || c.status === "closed") && c.answeredAt !== null && (
        <section aria-labelledby="answer-title" className="card space-y-2">
          <h2 id="answer-title" className="text-xl font-bold">
            {t("answer.title")}
          </h2>
          <p className="text-sm text-zinc-600">{t("answer.answeredOn", { date: formatDate(c.answeredAt, locale) })}</p>
          {c.answer !== null ? (
            <p className="whitespace-pre-line break-words">{c.answer}</p>
          ) : (
            <p className="text-zinc-700">{sealed ? t("answer.sealed") : t("answer.notPublic")}</p>
          )}
        </section>
      )}

      <section aria-labelledby="timeline-title" className="space-y-3">
        <h2 id="timeline-title" className="text-xl font-bold">
          {t("timeline.title")}
        </h2>
        {c.events.length === 0 ? (
          <p>{t("timeline.empty")}</p>
        ) : (
          <ol className="space-y-0 border-l-2 border-zinc-300 pl-4">
            {c.events.map((event) => (
              <TimelineItem key={event.id} event={event} t={t} locale={locale} unitName={unitName} />
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="filer-title" className="card space-y-2 border-brand-100 bg-brand-50">
        <h2 id="filer-title" className="text-lg font-semibold">
          {t("filer.title")}
        </h2>
        <p className="text-zinc-800">{t("filer.body")}</p>
        <Link href={`/tra-cuu/${c.code}/rieng`} className="btn-primary">
          {t("filer.link")}
        </Link>
      </section>

      <footer className="space-y-2 text-sm text-zinc-600">
        <p>{t("case.updatedAt", { time: formatDateTime(c.events.at(-1)?.at ?? c.receivedAt, locale) })}</p>
        <p>{t("case.privacy")}</p>
        <p>
          <Link href="/tra-cuu" className="font-semibold text-zinc-900 underline underline-offset-4">
            {t("case.another")}
          </Link>
        </p>
      </footer>
    </div>
  );
}

async function Refused({ minutes }: { minutes: number }) {
  const t = await getTranslations("track");
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("refused.title")}</h1>
      <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
        {t("lookup.errorRefused", { minutes })}
      </p>
      <Link href="/tra-cuu" className="btn-secondary">
        {t("refused.back")}
      </Link>
    </div>
  );
}

function OverdueBanner({ c, t, locale }: { c: PublicCase; t: Translator; locale: string }) {
  const late = c.acceptance.state === "overdue" ? c.acceptance : c.resolution.state === "overdue" ? c.resolution : null;
  if (late === null || late.state !== "overdue") return null;
  const key = late === c.acceptance ? "case.overdueAcceptance" : "case.overdueResolution";
  return (
    <section aria-labelledby="overdue-title" className="rounded-lg border-2 border-red-700 bg-red-50 p-4 text-red-950 sm:p-6">
      <h2 id="overdue-title" className="text-xl font-bold text-red-800">
        <span aria-hidden="true">⚠ </span>
        {t("case.overdueTitle")}
      </h2>
      <p className="mt-1 font-semibold">{t(key, { date: formatDate(late.dueOn, locale), days: late.daysOverdue })}</p>
      {c.escalation && (
        <p className="mt-1 font-semibold">
          {c.escalation.to
            ? t("case.escalatedTo", { unit: locale === "en" ? c.escalation.to.nameEn : c.escalation.to.name, date: formatDate(c.escalation.at, locale) })
            : t("case.escalated", { date: formatDate(c.escalation.at, locale) })}
        </p>
      )}
      <p className="mt-1 text-sm">{t("case.overdueNote")}</p>
    </section>
  );
}

function periodText(t: Translator, period: Period): string {
  return period.unit === "working_days" ? t("deadlines.workingDays", { amount: period.amount }) : t("deadlines.days", { amount: period.amount });
}

function stateText(t: Translator, state: DeadlineState, locale: string): string {
  switch (state.state) {
    case "running":
      return t("deadlines.running", { days: state.daysLeft });
    case "overdue":
      return t("deadlines.overdue", { days: state.daysOverdue });
    case "paused":
      return t("deadlines.paused");
    case "met":
      return t("deadlines.met", { date: formatDate(state.on, locale) });
    case "late":
      return t("deadlines.late", { date: formatDate(state.on, locale), days: state.daysLate });
    case "done":
      return t("deadlines.done", { date: formatDate(state.on, locale) });
    case "stopped":
      return t("deadlines.stopped");
    case "not_started":
      return t("deadlines.notStarted");
    case "none":
      return t("deadlines.none");
  }
}

function stateTone(state: DeadlineState): string {
  switch (state.state) {
    case "overdue":
    case "late":
      return "border-red-700 bg-red-50 text-red-900";
    case "met":
      return "border-green-700 bg-green-50 text-green-900";
    case "running":
      return state.daysLeft <= 3 ? "border-amber-600 bg-amber-50 text-amber-950" : "border-blue-700 bg-blue-50 text-blue-950";
    case "paused":
      return "border-amber-600 bg-amber-50 text-amber-950";
    default:
      return "border-zinc-400 bg-zinc-50 text-zinc-800";
  }
}

function DeadlineItem(props: { title: string; help: string; period: Period | null; state: DeadlineState; t: Translator; locale: string }) {
  const { title, help, period, state, t, locale } = props;
  const dueOn = "dueOn" in state ? state.dueOn : null;
  return (
    <li className="card space-y-2">
      <h3 className="text-lg font-semibold">{title}</h3>
      <p className={`inline-block rounded-md border-l-4 px-3 py-1 font-bold ${stateTone(state)}`}>{stateText(t, state, locale)}</p>
      {(dueOn !== null || period !== null) && (
        <ul className="text-sm">
          {dueOn !== null && <li className="font-semibold">{t("deadlines.due", { date: formatDate(dueOn, locale) })}</li>}
          {period !== null && <li>{t("deadlines.period", { period: periodText(t, period) })}</li>}
        </ul>
      )}
      <p className="text-sm text-zinc-700">{help}</p>
    </li>
  );
}

function Deadlines({ c, t, locale }: { c: PublicCase; t: Translator; locale: string }) {
  const rules = c.rules;
  const resolutionPeriod = rules ? (c.remoteArea && rules.remoteResolution ? rules.remoteResolution : rules.resolution) : null;
  const usesWorkingDays = rules?.acceptance.unit === "working_days" || resolutionPeriod?.unit === "working_days";
  const extensionsAllowed = rules !== null && rules.extensionMaxCount !== null && rules.extensionMaxCount > 0;
  const hasTerms = c.remoteArea || extensionsAllowed || c.extensionsCount > 0;
  return (
    <section aria-labelledby="deadlines-title" className="space-y-3">
      <h2 id="deadlines-title" className="text-xl font-bold">
        {t("deadlines.title")}
      </h2>
      <ul className="grid gap-3 sm:grid-cols-2">
        <DeadlineItem
          title={t("deadlines.acceptanceTitle")}
          help={t("deadlines.acceptanceHelp")}
          period={rules?.acceptance ?? null}
          state={c.acceptance}
          t={t}
          locale={locale}
        />
        <DeadlineItem
          title={t("deadlines.resolutionTitle")}
          help={t("deadlines.resolutionHelp")}
          period={resolutionPeriod}
          state={c.resolution}
          t={t}
          locale={locale}
        />
      </ul>
      {c.status === "info_requested" && (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950">
          {c.pausedSince && <p className="font-semibold">{t("deadlines.pausedSince", { date: formatDate(c.pausedSince, locale) })}</p>}
          <p>{rules?.pausesOnInfoRequest === false ? t("deadlines.noPauseRule") : t("deadlines.pauseRule")}</p>
        </div>
      )}
      {hasTerms && (
        <dl className="space-y-3 text-sm">
          {c.remoteArea && (
            <div>
              <dt className="font-semibold">{t("deadlines.remoteTitle")}</dt>
              <dd>
                {rules?.remoteResolution && rules.resolution
                  ? t("deadlines.remote", { remote: periodText(t, rules.remoteResolution), normal: periodText(t, rules.resolution) })
                  : t("deadlines.remoteNoChange")}
              </dd>
            </div>
          )}
          {(extensionsAllowed || c.extensionsCount > 0) && (
            <div>
              <dt className="font-semibold">{t("deadlines.extensionsTitle")}</dt>
              <dd>
                <span className="block">{t("deadlines.extensionsCount", { count: c.extensionsCount })}</span>
                {rules !== null && extensionsAllowed && rules.extensionMaxDays !== null && (
                  <span className="block">{t("deadlines.extensionsMax", { count: rules.extensionMaxCount ?? 0, days: rules.extensionMaxDays })}</span>
                )}
                <span className="block text-zinc-700">{t("deadlines.extensionsHelp")}</span>
              </dd>
            </div>
          )}
        </dl>
      )}
      {/* Notes after the list, not inside it: a <dl> holds only terms and their descriptions. */}
      {usesWorkingDays && <p className="text-sm text-zinc-700">{t("deadlines.workingDaysHelp")}</p>}
      {rules && <p className="text-sm text-zinc-700">{t("deadlines.legalBasisSince", { basis: rules.legalBasis, date: formatDate(rules.effectiveFrom, locale) })}</p>}
    </section>
  );
}

function eventTitle(t: Translator, event: PublicEvent, unitName: (u: PublicUnit) => string, locale: string): string {
  const from = event.fromUnit ? unitName(event.fromUnit) : null;
  const to = event.toUnit ? unitName(event.toUnit) : null;
  switch (event.type) {
    case "case.routed":
      return to ? t("timeline.routed", { unit: to }) : t("timeline.routedNoUnit");
    case "case.transferred":
      return from && to ? t("timeline.transferred", { from, to }) : to ? t("timeline.transferredTo", { to }) : t("timeline.transferredNoUnit");
    case "case.reopened":
      return to ? t("timeline.reopenedTo", { to }) : t("timeline.reopened");
    case "case.escalated":
      return to ? t("timeline.escalatedTo", { to }) : t("timeline.escalated");
    case "case.reorganised":
      return event.decision ? t("timeline.reorganised", { unit: to ?? "", decision: event.decision }) : t("timeline.reorganisedNoDecision", { unit: to ?? "" });
    case "case.from_dialogue":
    case "case.dialogue_agenda":
    case "case.dialogue_agenda_removed":
    case "case.dialogue_answer": {
      const d = event.dialogue;
      if (!d) return t("dialogue.eventNoSession");
      const values = { title: d.title, date: formatDate(d.startsAt, locale), number: d.questionNumber ?? 0 };
      return t(`dialogue.events.${event.type.slice("case.".length) as "from_dialogue"}`, values);
    }
    default:
      return t(`timeline.${event.type.slice("case.".length)}`);
  }
}

function TimelineItem(props: { event: PublicEvent; t: Translator; locale: string; unitName: (u: PublicUnit) => string }) {
  const { event, t, locale, unitName } = props;
  const details: string[] = [];
  if (event.channel) details.push(t("timeline.channel", { channel: t(`channels.${event.channel}`) }));
  if (event.days !== null) details.push(t("timeline.extendedBy", { days: event.days }));
  if (event.dueOn) details.push(t("timeline.newDue", { date: formatDate(event.dueOn, locale) }));
  if (event.reason) details.push(event.type === "case.info_requested" ? t("timeline.requested", { reason: event.reason }) : t("timeline.reason", { reason: event.reason }));
  if (event.redirect) details.push(t("timeline.redirect", { place: event.redirect }));
  const answer = event.dialogue?.answer;
  if (answer) {
    details.push(t("dialogue.answeredBy", { name: answer.leaderName, position: locale === "en" ? answer.positionEn || answer.position : answer.position }));
    if (answer.text) details.push(t("dialogue.answer", { answer: answer.text }));
  }
  if (event.dialogue?.otherBody) details.push(t("dialogue.otherBody"));
  const important = event.type === "case.not_accepted" || event.type === "case.escalated";
  return (
    <li className="relative pb-5 last:pb-0">
      <span aria-hidden="true" className={`absolute top-1.5 -left-[1.4rem] h-3 w-3 rounded-full ${important ? "bg-red-700" : "bg-brand-700"}`} />
      <p className="text-sm text-zinc-600">
        <time dateTime={event.at.toISOString()}>{formatDate(event.at, locale)}</time>
      </p>
      <p className="font-semibold break-words">{eventTitle(t, event, unitName, locale)}</p>
      {details.length > 0 && (
        <ul className="mt-1 space-y-1 text-zinc-800">
          {details.map((text) => (
            <li key={text} className="break-words whitespace-pre-line">
              {text}
            </li>
          ))}
        </ul>
      )}
      {event.dialogue && <SessionLink d={event.dialogue} t={t} />}
    </li>
  );
}

function SessionLink({ d, t }: { d: PublicDialogueRef; t: Translator }) {
  return (
    <p className="mt-1">
      <Link href={`/doi-thoai/${d.sessionId}`} className="font-semibold text-brand-800 underline underline-offset-4 break-words">
        {t("dialogue.sessionLink")}
      </Link>
    </p>
  );
}

/** The dialogue sessions the case belongs to: the question it came from, the agendas it is on. */
function DialogueLinks({ c, t, locale }: { c: PublicCase; t: Translator; locale: string }) {
  const { fromQuestion, agenda } = c.dialogue;
  if (!fromQuestion && agenda.length === 0) return null;
  return (
    <section aria-labelledby="dialogue-title" className="card space-y-3">
      <h2 id="dialogue-title" className="text-xl font-bold">
        {t("dialogue.title")}
      </h2>
      <ul className="space-y-3">
        {fromQuestion && (
          <li>
            <p>{t("dialogue.fromQuestion", { number: fromQuestion.questionNumber ?? 0, title: fromQuestion.title, date: formatDate(fromQuestion.startsAt, locale) })}</p>
            {fromQuestion.otherBody && <p className="text-sm text-zinc-700">{t("dialogue.otherBody")}</p>}
            <SessionLink d={fromQuestion} t={t} />
          </li>
        )}
        {agenda.map((a) => (
          <li key={a.sessionId}>
            <p>{t(a.answered ? "dialogue.answeredAt" : "dialogue.onAgenda", { title: a.title, date: formatDate(a.startsAt, locale) })}</p>
            <SessionLink d={a} t={t} />
          </li>
        ))}
      </ul>
    </section>
  );
}
