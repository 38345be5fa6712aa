import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { daysLeft } from "@/domain/deadlines";
import { normalizeTrackingCode } from "@/domain/tracking-code";
import { formatDate, formatDateTime, formatNumber } from "@/lib/format";
import { filerCookieName } from "@/server/filer/filer-session";
import { filerCaseIdFor, getFilerCase, type FilerCase, type FilerEvent, type UnitName } from "@/server/filer/get-filer-case";
import { leaveAction } from "./actions";
import { AddInformationForm, ContestForm, ProvideInfoForm, RateForm, UnlockForm, WithdrawForm } from "./forms";
import { DONE, NEW_KEY_COOKIE_PREFIX, type Done } from "./form-state";
import { filerFormsCopy, type FilerFormsCopy } from "./forms-copy";
import { ResultMessage } from "@/components/result-message";
import { decodeParam } from "@/lib/route-param";

// Personal data and live deadlines: never cached, never indexed.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ code: string }>; searchParams: Promise<{ done?: string }> };
type Translator = Awaited<ReturnType<typeof getTranslations<"filer">>>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const code = normalizeTrackingCode(decodeParam((await params).code)) ?? "";
  const t = await getTranslations("filer");
  return { title: t("meta.title", { code }), robots: { index: false, follow: false } };
}

export default async function FilerCasePage({ params, searchParams }: Props) {
  const typed = decodeParam((await params).code);
  const code = normalizeTrackingCode(typed);
  if (code === null) notFound();
  if (code !== typed) redirect(`/tra-cuu/${code}/rieng`);

  const [db, jar, { done }] = await Promise.all([getDb(), cookies(), searchParams]);
  const caseId = await filerCaseIdFor(db, code, jar.get(filerCookieName(code))?.value);
  // No valid proof for this case: ask for the key. An unknown code gets the same form (no existence oracle).
  const c = caseId ? await getFilerCase(db, caseId) : null;
  if (!c) return <Unlock code={code} />;

  const [t, tStatus, tKinds, locale, copy] = await Promise.all([getTranslations("filer"), getTranslations("status"), getTranslations("kinds"), getLocale(), filerFormsCopy()]);
  const newKey = jar.get(`${NEW_KEY_COOKIE_PREFIX}${code}`)?.value ?? null;
  const doneKind = (DONE as readonly string[]).includes(done ?? "") ? (done as Done) : null;
  const labels = { status: tStatus(c.status), overdue: tStatus("overdue"), kind: tKinds(`${c.kind}.name`) };
  return <CaseView c={c} t={t} locale={locale} done={doneKind} newKey={newKey} labels={labels} copy={copy} />;
}

async function Unlock({ code }: { code: string }) {
  const [t, { locale, unlock }] = await Promise.all([getTranslations("filer.unlock"), filerFormsCopy()]);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <header className="space-y-2">
        <p className="text-sm font-semibold uppercase tracking-wide text-zinc-600">{t("eyebrow")}</p>
        <h1 className="text-2xl font-bold break-words sm:text-3xl">{t("title", { code })}</h1>
      </header>
      <div className="card space-y-4">
        <p>{t("intro")}</p>
        <p className="rounded-md border border-zinc-300 bg-zinc-50 p-3 text-sm text-zinc-800">{t("whereKey")}</p>
        <UnlockForm code={code} copy={{ locale, unlock }} />
      </div>
      <section aria-labelledby="lost-key" className="space-y-1 text-zinc-800">
        <h2 id="lost-key" className="font-semibold">
          {t("lostTitle")}
        </h2>
        <p>{t("lost")}</p>
      </section>
      <p>
        <Link href={`/tra-cuu/${code}`} className="font-semibold underline underline-offset-4">
          {t("backToPublic")}
        </Link>
      </p>
    </div>
  );
}

function unitName(u: UnitName, locale: string): string {
  return locale === "en" ? u.nameEn : u.name;
}

type Labels = { status: string; overdue: string; kind: string };

function CaseView(props: { c: FilerCase; t: Translator; locale: string; done: Done | null; newKey: string | null; labels: Labels; copy: FilerFormsCopy }) {
  const { c, t, locale, done, newKey, labels, copy } = props;
  const ref = { code: c.code, caseId: c.id, version: c.version };
  const answeredOnce = c.answer !== null || c.answeredAt !== null;
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <p className="text-sm font-semibold uppercase tracking-wide text-zinc-600">{t("view.eyebrow")}</p>
        <h1 className="text-2xl font-bold break-words sm:text-3xl">{t("view.heading", { code: c.code })}</h1>
        <p className="text-zinc-700">{t("view.privateNote")}</p>
        <div className="flex flex-wrap items-center gap-3">
          <Link href={`/tra-cuu/${c.code}`} className="btn-secondary">
            {t("view.publicPage")}
          </Link>
          <form action={leaveAction}>
            <input type="hidden" name="code" value={c.code} />
            <button type="submit" className="btn-secondary">
              {t("view.leave")}
            </button>
          </form>
        </div>
      </header>

      {done && <DoneBanner c={c} t={t} locale={locale} done={done} />}
      {newKey && <NewKey c={c} t={t} accessKey={newKey} />}

      <Summary c={c} t={t} locale={locale} labels={labels} />

      {c.actions.provideInfo && (
        <section aria-labelledby="provide-title" className="card space-y-4 border-2 border-amber-500">
          <h2 id="provide-title" className="text-xl font-bold">
            {t("provideInfo.title")}
          </h2>
          {c.infoRequest && (
            <div className="rounded-md bg-amber-50 p-3 text-amber-950">
              <p className="font-semibold">{t("provideInfo.requested")}</p>
              <p className="whitespace-pre-line break-words">{c.infoRequest}</p>
            </div>
          )}
          <p>{c.policy?.pausesOnInfoRequest ? t("provideInfo.pauses") : t("provideInfo.noPause")}</p>
          <ProvideInfoForm {...ref} copy={copy} />
        </section>
      )}

      {c.answer !== null && <Answer c={c} t={t} locale={locale} />}

      {c.actions.rate && (
        <section aria-labelledby="rate-title" className="card space-y-3">
          <h2 id="rate-title" className="text-xl font-bold">
            {t("rate.title")}
          </h2>
          <p className="text-zinc-700">{t("rate.intro")}</p>
          <RateForm {...ref} copy={copy} />
        </section>
      )}

      {c.actions.contest && (
        <section aria-labelledby="contest-title" className="card space-y-3">
          <h2 id="contest-title" className="text-xl font-bold">
            {c.kind === "complaint" ? t("contest.complaintTitle") : t("contest.otherTitle")}
          </h2>
          {c.kind === "complaint" ? (
            <>
              <p>{t("contest.complaintIntro")}</p>
              <p className="text-sm text-zinc-700">{t("contest.complaintTimeLimit")}</p>
            </>
          ) : (
            <p>{t("contest.otherIntro")}</p>
          )}
          <ContestForm {...ref} copy={copy} secondInstance={c.kind === "complaint"} />
        </section>
      )}
      {c.finalDecision && answeredOnce && (
        <p className="rounded-md border border-zinc-300 bg-white p-4">{t("contest.final")}</p>
      )}
      {c.secondInstance && (
        <p className="rounded-md border border-zinc-300 bg-white p-4">
          {t("contest.filed")}{" "}
          <Link href={`/tra-cuu/${c.secondInstance.code}/rieng`} className="font-mono font-semibold underline underline-offset-4">
            {c.secondInstance.code}
          </Link>
        </p>
      )}

      <Content c={c} t={t} locale={locale} />
      <You c={c} t={t} />
      <Files c={c} t={t} locale={locale} />
      <Timeline c={c} t={t} locale={locale} />

      {c.actions.addInformation && !c.actions.provideInfo && (
        <section aria-labelledby="add-title" className="card space-y-3">
          <h2 id="add-title" className="text-xl font-bold">
            {t("addInfo.title")}
          </h2>
          <p className="text-zinc-700">{t("addInfo.intro")}</p>
          <AddInformationForm {...ref} copy={copy} />
        </section>
      )}

      {c.actions.withdraw && <WithdrawForm {...ref} copy={copy} />}

      <p className="text-sm text-zinc-600">{t("view.sessionNote")}</p>
    </div>
  );
}

function DoneBanner({ c, t, locale, done }: { c: FilerCase; t: Translator; locale: string; done: Done }) {
  let text: string;
  switch (done) {
    case "reopened":
      text = t("done.reopened", { unit: unitName(c.unit, locale), date: formatDate(c.acceptanceDueOn, locale) });
      break;
    case "info_provided":
      text = c.resolutionDueOn ? t("done.info_provided_due", { date: formatDate(c.resolutionDueOn, locale) }) : t("done.info_provided");
      break;
    case "second_instance":
      text = t("done.second_instance", { unit: unitName(c.unit, locale), date: formatDate(c.acceptanceDueOn, locale) });
      break;
    default:
      text = t(`done.${done}`);
  }
  return (
    <ResultMessage key={c.version} className="rounded-md border-2 border-green-700 bg-green-50 p-4 font-semibold text-green-950">
      {text}
    </ResultMessage>
  );
}

function NewKey({ c, t, accessKey }: { c: FilerCase; t: Translator; accessKey: string }) {
  return (
    <section aria-labelledby="new-key-title" className="card space-y-3 border-2 border-brand-700">
      <h2 id="new-key-title" className="text-xl font-bold">
        {t("newCase.title")}
      </h2>
      <p>{t("newCase.intro")}</p>
      <dl className="space-y-3">
        <div>
          <dt className="font-semibold">{t("newCase.code")}</dt>
          <dd className="font-mono text-2xl font-bold tracking-wider" data-testid="new-case-code">
            {c.code}
          </dd>
        </div>
        <div>
          <dt className="font-semibold">{t("newCase.key")}</dt>
          <dd className="font-mono text-2xl font-bold tracking-wider" data-testid="new-case-key">
            {accessKey}
          </dd>
        </div>
      </dl>
      <p className="text-sm text-zinc-700">{t("newCase.keep")}</p>
    </section>
  );
}

function Summary({ c, t, locale, labels }: { c: FilerCase; t: Translator; locale: string; labels: Labels }) {
  const kind = labels.kind;
  return (
    <section aria-labelledby="summary-title" className="card space-y-4">
      <h2 id="summary-title" className="text-xl font-bold">
        {t("summary.title")}
      </h2>
      <dl className="grid gap-4 sm:grid-cols-2">
        <div>
          <dt className="text-sm text-zinc-600">{t("summary.status")}</dt>
          <dd className="flex flex-wrap items-center gap-2">
            <span className="text-xl font-bold">{labels.status}</span>
            {c.currentDue?.overdue && <span className="rounded bg-red-700 px-2 py-0.5 text-sm font-bold text-white">{labels.overdue}</span>}
          </dd>
          <dd className="text-sm text-zinc-700">{t(`statusHelp.${c.status}`)}</dd>
        </div>
        <div>
          <dt className="text-sm text-zinc-600">{t("summary.kind")}</dt>
          <dd className="text-xl font-bold">{c.instance === 2 ? t("summary.secondInstance", { kind }) : kind}</dd>
          {c.instance === 2 && <dd className="text-sm text-zinc-700">{t("summary.secondInstanceHelp")}</dd>}
        </div>
        <div>
          <dt className="text-sm text-zinc-600">{t("summary.unit")}</dt>
          <dd className="font-semibold">{unitName(c.unit, locale)}</dd>
        </div>
        <div>
          <dt className="text-sm text-zinc-600">{t("summary.received")}</dt>
          <dd className="font-semibold">{formatDate(c.receivedAt, locale)}</dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="text-sm text-zinc-600">{t("summary.deadline")}</dt>
          <dd>
            <Deadline c={c} t={t} locale={locale} />
          </dd>
          {c.policy && <dd className="text-sm text-zinc-700">{t("summary.legalBasis", { basis: c.policy.legalBasis, date: formatDate(c.policy.effectiveFrom, locale) })}</dd>}
        </div>
        {c.parentCase && (
          <div className="sm:col-span-2">
            <dt className="text-sm text-zinc-600">{t("summary.parentCase")}</dt>
            <dd>
              <Link href={`/tra-cuu/${c.parentCase.code}/rieng`} className="font-mono font-semibold underline underline-offset-4">
                {c.parentCase.code}
              </Link>
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}

function Deadline({ c, t, locale }: { c: FilerCase; t: Translator; locale: string }) {
  if (c.status === "info_requested") {
    return <span className="font-semibold">{c.policy?.pausesOnInfoRequest ? t("deadline.paused") : t("deadline.notPaused", { date: c.resolutionDueOn ? formatDate(c.resolutionDueOn, locale) : "–" })}</span>;
  }
  if (!c.currentDue) return <span>{t("deadline.none")}</span>;
  const date = formatDate(c.currentDue.on, locale);
  const left = daysLeft(c.currentDue.on, new Date());
  return (
    <span className={`font-semibold ${c.currentDue.overdue ? "text-red-800" : ""}`}>
      {c.currentDue.kind === "acceptance" ? t("deadline.acceptance", { date }) : t("deadline.resolution", { date })}
      {" · "}
      {c.currentDue.overdue ? t("deadline.overdueBy", { days: -left }) : t("deadline.daysLeft", { days: left })}
    </span>
  );
}

function Answer({ c, t, locale }: { c: FilerCase; t: Translator; locale: string }) {
  return (
    <section aria-labelledby="answer-title" className="card space-y-2">
      <h2 id="answer-title" className="text-xl font-bold">
        {c.answeredAt ? t("answer.title") : t("answer.previousTitle")}
      </h2>
      {c.answeredAt && <p className="text-sm text-zinc-600">{t("answer.answeredOn", { date: formatDate(c.answeredAt, locale) })}</p>}
      <p className="whitespace-pre-line break-words">{c.answer}</p>
      <p className="text-sm text-zinc-700">{c.answerPublic ? t("answer.public") : t("answer.notPublic")}</p>
      {c.satisfaction && <p className="font-semibold">{t("answer.yourRating", { rating: t(`rate.${c.satisfaction}`) })}</p>}
    </section>
  );
}

function Content({ c, t, locale }: { c: FilerCase; t: Translator; locale: string }) {
  return (
    <section aria-labelledby="content-title" className="card space-y-3">
      <h2 id="content-title" className="text-xl font-bold">
        {t("content.title")}
      </h2>
      {/* One grid, no wrapper between the list and its groups: a <dl> holds only <dt>/<dd> groups in <div>s. */}
      <dl className="grid gap-3 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <dt className="text-sm text-zinc-600">{t("content.titleLabel")}</dt>
          <dd className="text-lg font-semibold break-words">{c.title}</dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="text-sm text-zinc-600">{t("content.body")}</dt>
          <dd className="whitespace-pre-line break-words">{c.body}</dd>
        </div>
        <div>
          <dt className="text-sm text-zinc-600">{t("content.category")}</dt>
          <dd>{locale === "en" ? c.category.nameEn : c.category.nameVi}</dd>
        </div>
        <div>
          <dt className="text-sm text-zinc-600">{t("content.area")}</dt>
          <dd>{c.area}</dd>
        </div>
        {c.address && (
          <div className="sm:col-span-2">
            <dt className="text-sm text-zinc-600">{t("content.address")}</dt>
            <dd className="break-words">{c.address}</dd>
          </div>
        )}
        <div className="sm:col-span-2">
          <dt className="text-sm text-zinc-600">{t("content.consent")}</dt>
          <dd>{c.consentPublish ? t("content.consentYes") : t("content.consentNo")}</dd>
        </div>
      </dl>
    </section>
  );
}

function You({ c, t }: { c: FilerCase; t: Translator }) {
  const f = c.filer;
  const rows = f
    ? ([
        ["name", f.name],
        ["phone", f.phone],
        ["email", f.email],
        ["address", f.address],
        ["idNumber", f.idNumber],
      ] as const).filter(([, value]) => !!value)
    : [];
  return (
    <section aria-labelledby="you-title" className="card space-y-3">
      <h2 id="you-title" className="text-xl font-bold">
        {t("you.title")}
      </h2>
      <p className="text-sm text-zinc-700">{t("you.intro")}</p>
      {f?.anonymous || rows.length === 0 ? (
        <p>{t("you.anonymous")}</p>
      ) : (
        <dl className="grid gap-3 sm:grid-cols-2">
          {rows.map(([field, value]) => (
            <div key={field}>
              <dt className="text-sm text-zinc-600">{t(`you.${field}`)}</dt>
              <dd className="break-words">{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

function fileSize(bytes: number, locale: string): string {
  return bytes >= 1024 * 1024 ? `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10, locale)} MB` : `${formatNumber(Math.max(1, Math.round(bytes / 1024)), locale)} KB`;
}

function Files({ c, t, locale }: { c: FilerCase; t: Translator; locale: string }) {
  return (
    <section aria-labelledby="files-title" className="card space-y-3">
      <h2 id="files-title" className="text-xl font-bold">
        {t("files.title")}
      </h2>
      {c.attachments.length === 0 ? (
        <p>{t("files.empty")}</p>
      ) : (
        <ul className="space-y-2">
          {c.attachments.map((a) => (
            <li key={a.id} className="flex flex-wrap items-baseline gap-x-2">
              <a href={`/api/tep/${a.id}`} className="font-semibold break-all underline underline-offset-4" download>
                {a.fileName}
              </a>
              <span className="text-sm text-zinc-600">
                {fileSize(a.size, locale)} · {formatDate(a.createdAt, locale)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="text-sm text-zinc-700">{t("files.note")}</p>
    </section>
  );
}

const EVENT_TYPES = new Set([
  "received",
  "routed",
  "transferred",
  "accepted",
  "not_accepted",
  "assigned",
  "info_requested",
  "info_provided",
  "info_added",
  "resumed",
  "extended",
  "answered",
  "rated",
  "contested",
  "reopened",
  "closed",
  "withdrawn",
  "escalated",
  "from_dialogue",
  "dialogue_agenda",
  "dialogue_agenda_removed",
  "dialogue_answer",
]);

function eventTitle(e: FilerEvent, t: Translator, locale: string): string {
  const type = e.type.replace(/^case\./, "");
  const unit = e.toUnit ? unitName(e.toUnit, locale) : null;
  if (unit && (type === "routed" || type === "transferred" || type === "reopened" || type === "escalated" || type === "contested")) {
    return t(`timeline.to.${type}`, { unit });
  }
  return EVENT_TYPES.has(type) ? t(`timeline.events.${type}`) : t("timeline.events.other");
}

async function Timeline({ c, t, locale }: { c: FilerCase; t: Translator; locale: string }) {
  // A reorganisation's move is worded as on the public status page (its decision is the event's reason).
  const tTrack = c.events.some((e) => e.type === "case.reorganised") ? await getTranslations("track") : null;
  const title = (e: FilerEvent) =>
    e.type === "case.reorganised" && tTrack
      ? e.reason
        ? tTrack("timeline.reorganised", { unit: e.toUnit ? unitName(e.toUnit, locale) : "", decision: e.reason })
        : tTrack("timeline.reorganisedNoDecision", { unit: e.toUnit ? unitName(e.toUnit, locale) : "" })
      : eventTitle(e, t, locale);
  const fileName = new Map(c.attachments.map((a) => [a.id, a.fileName]));
  return (
    <section aria-labelledby="timeline-title" className="space-y-3">
      <h2 id="timeline-title" className="text-xl font-bold">
        {t("timeline.title")}
      </h2>
      {c.events.length === 0 ? (
        <p>{t("timeline.empty")}</p>
      ) : (
        <ol className="border-l-2 border-zinc-300 pl-4">
          {c.events.map((e) => (
            <li key={e.id} className="relative pb-5 last:pb-0" data-event={e.type}>
              <span aria-hidden="true" className="absolute top-1.5 -left-[1.4rem] h-3 w-3 rounded-full bg-brand-700" />
              <p className="text-sm text-zinc-600">
                <time dateTime={e.at.toISOString()}>{formatDateTime(e.at, locale)}</time>
                {e.actorRole === "filer" && ` · ${t("timeline.byYou")}`}
              </p>
              <p className="font-semibold break-words">{title(e)}</p>
              <ul className="mt-1 space-y-1 text-zinc-800">
                {e.reason && e.type !== "case.reorganised" && (
                  <li className="whitespace-pre-line break-words">
                    {e.type === "case.info_requested" ? t("timeline.requested", { reason: e.reason }) : t("timeline.reason", { reason: e.reason })}
                  </li>
                )}
                {e.details.redirect && <li className="break-words">{t("timeline.redirect", { place: e.details.redirect })}</li>}
                {e.details.resolutionDueOn && <li>{t("timeline.resolutionDue", { date: formatDate(e.details.resolutionDueOn, locale) })}</li>}
                {e.details.acceptanceDueOn && <li>{t("timeline.acceptanceDue", { date: formatDate(e.details.acceptanceDueOn, locale) })}</li>}
                {(e.details.satisfaction === "satisfied" || e.details.satisfaction === "unsatisfied") && <li>{t(`rate.${e.details.satisfaction}`)}</li>}
              </ul>
              {e.own && (e.own.text || e.own.attachmentIds.length > 0) && (
                <div className="mt-2 rounded-md border border-zinc-200 bg-white p-3">
                  <p className="text-sm font-semibold text-zinc-700">{t("timeline.yourText")}</p>
                  {e.own.text && <p className="whitespace-pre-line break-words">{e.own.text}</p>}
                  {e.own.attachmentIds.length > 0 && (
                    <ul className="mt-1 text-sm">
                      {e.own.attachmentIds.map((id) => (
                        <li key={id}>
                          <a href={`/api/tep/${id}`} className="underline underline-offset-4" download>
                            {fileName.get(id) ?? t("timeline.file")}
                          </a>
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
