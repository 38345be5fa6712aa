import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { daysLeft } from "@/domain/deadlines";
import { normalizeTrackingCode } from "@/domain/tracking-code";
import { formatDate, formatDateTime } from "@/lib/format";
import { ResultMessage } from "@/components/result-message";
import { decodeParam } from "@/lib/route-param";
import { requireStaffPage } from "@/server/auth/require-staff";
import { AppError } from "@/server/errors";
import { getStaffCase, type StaffCase } from "@/server/workspace/get-staff-case";
import { STAFF_DONE, type StaffDone } from "./form-state";
import {
  AcceptForm,
  AssignForm,
  ClearFlagForm,
  DraftForm,
  ExtendForm,
  FlagForm,
  NoteForm,
  RefuseForm,
  RequestInfoForm,
  ResumeForm,
  RevealIdentityForm,
  ReviewForm,
  TransferForm,
} from "./forms";

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const code = normalizeTrackingCode(decodeParam((await params).code)) ?? "";
  return { title: `${code} · ${(await getTranslations("workspace.inbox"))("title")}`, robots: { index: false } };
}

async function load(code: string | null, path: string) {
  // Who is asking comes first: anonymous visitors sign in, citizens get 403, whatever the code.
  const viewer = await requireStaffPage(path);
  if (!code) notFound();
  const db = await getDb();
  try {
    return { viewer, db, c: await getStaffCase(db, viewer, code) };
  } catch (error) {
    // Another unit's case and a missing one look the same: guessing codes tells nothing.
    if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  }
}

export default async function StaffCasePage({ params, searchParams }: Props) {
  const raw = decodeParam((await params).code);
  const code = normalizeTrackingCode(raw);
  const query = await searchParams;
  // Identities are never shown on a GET (an old "?danh-tinh=1" link shows nothing): only the reveal form's POST.
  const { c } = await load(code, `/can-bo/ho-so/${encodeURIComponent(code ?? raw)}`);
  const done = typeof query.xong === "string" && (STAFF_DONE as readonly string[]).includes(query.xong) ? (query.xong as StaffDone) : null;
  const [t, tKinds, tStatus, tRoles, locale] = await Promise.all([
    getTranslations("workspace"),
    getTranslations("kinds"),
    getTranslations("status"),
    getTranslations("staff.roles"),
    getLocale(),
  ]);
  const caseRef = { code: c.code, caseId: c.id, version: c.version };
  const can = (a: StaffCase["actions"][number]) => c.actions.includes(a);
  const unitName = (u: { name: string; nameEn: string }) => (locale === "en" ? u.nameEn : u.name);

  return (
    <div className="space-y-6">
      <p>
        <Link href="/can-bo" className="underline underline-offset-4">
          {t("case.back")}
        </Link>
      </p>
      <header className="space-y-2">
        <p className="font-mono text-sm text-zinc-700">{c.code}</p>
        <h1 className="text-2xl font-bold sm:text-3xl">{c.title}</h1>
        <p className="flex flex-wrap gap-2 text-sm">
          <span className="rounded bg-zinc-200 px-2 py-0.5">
            {tKinds(`${c.kind}.name`)}
            {c.instance === 2 && ` · ${t("case.instance2")}`}
          </span>
          <span className="rounded bg-blue-100 px-2 py-0.5 text-blue-900">{tStatus(c.status)}</span>
          {c.currentDue?.overdue && <span className="rounded bg-red-700 px-2 py-0.5 font-semibold text-white">{t("case.overdue")}</span>}
        </p>
        <p className="text-sm">
          <Link href={`/tra-cuu/${c.code}`} className="underline underline-offset-4">
            {t("case.publicPage")}
          </Link>
        </p>
      </header>

      {done && (
        <ResultMessage key={c.version} className="rounded-md border-2 border-green-700 bg-green-50 p-3 text-green-900">
          {t(`done.${done}`)}
        </ResultMessage>
      )}
      {c.flaggedAt && (
        <p role="note" className="rounded-md border-2 border-amber-600 bg-amber-50 p-3 text-amber-950">
          {t("case.flagged", { date: formatDate(c.flaggedAt, locale) })}
        </p>
      )}
      {c.escalatedAt && <p className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-red-900">{t("case.escalated")}</p>}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-6">
          <Facts c={c} locale={locale} />
          <section aria-labelledby="content-title" className="card space-y-2">
            <h2 id="content-title" className="text-lg font-semibold">
              {t("case.content")}
            </h2>
            {c.kind === "denunciation" && <p className="text-sm text-amber-900">{t("case.denunciationNote")}</p>}
            <p className="whitespace-pre-wrap break-words">{c.body}</p>
          </section>
          <People c={c} caseRef={caseRef} />
          <Attachments c={c} locale={locale} />
          {c.answer && (
            <section aria-labelledby="answer-title" className="card space-y-2 border-green-300">
              <h2 id="answer-title" className="text-lg font-semibold">
                {t("case.answer")}
              </h2>
              <p className="text-sm text-zinc-700">{c.answerPublic ? t("case.answerPublic") : t("case.answerPrivate")}</p>
              <p className="whitespace-pre-wrap break-words">{c.answer}</p>
            </section>
          )}
          {c.draft && (
            <section aria-labelledby="draft-title" className="card space-y-2">
              <h2 id="draft-title" className="text-lg font-semibold">
                {t("case.draft")}: {t(`case.draftStatus.${c.draft.status}`)}
              </h2>
              {c.draft.author && <p className="text-sm text-zinc-700">{t("case.draftBy", { name: c.draft.author })}</p>}
              {c.draft.comment && c.draft.status === "returned" && (
                <div className="rounded-md border border-amber-600 bg-amber-50 p-3">
                  <p className="font-semibold">{t("case.reviewComment")}</p>
                  <p className="whitespace-pre-wrap break-words">{c.draft.comment}</p>
                </div>
              )}
              {c.draft.status === "submitted" && <p className="whitespace-pre-wrap break-words">{c.draft.text}</p>}
            </section>
          )}
          <Timeline c={c} locale={locale} />
        </div>

        <section aria-labelledby="actions-title" className="space-y-4">
          <h2 id="actions-title" className="text-xl font-semibold">
            {t("case.actions")}
          </h2>
          <p className="text-sm text-zinc-700">{t("case.viewerRole", { role: c.viewerRoles.map((r) => tRoles(r)).join(", ") })}</p>
          {c.actions.filter((a) => a !== "view_identity").length === 0 && <p>{t("case.noActions")}</p>}
          {can("accept") && <AcceptForm caseRef={caseRef} />}
          {can("assign") && <AssignForm caseRef={caseRef} people={c.assignable.filter((p) => p.id !== c.assignee?.id).map((p) => ({ id: p.id, label: p.name ?? p.email }))} />}
          {can("transfer") && <TransferForm caseRef={caseRef} units={c.transferTargets.map((u) => ({ id: u.id, label: unitName(u) }))} />}
          {can("refuse") && <RefuseForm caseRef={caseRef} />}
          {can("request_info") && <RequestInfoForm caseRef={caseRef} />}
          {can("resume") && <ResumeForm caseRef={caseRef} />}
          {can("save_draft") && <DraftForm caseRef={caseRef} draft={c.draft?.text ?? ""} canSubmit={can("submit_draft")} />}
          {c.draft?.status === "submitted" && !can("save_draft") && !can("approve") && <p className="card">{t("forms.draft.locked")}</p>}
          {can("approve") && <ReviewForm caseRef={caseRef} canApprove />}
          {can("extend") && <ExtendForm caseRef={caseRef} maxDays={c.extensionLimit?.maxDaysEach ?? null} />}
          {can("clear_flag") && <ClearFlagForm caseRef={caseRef} />}
          {can("flag") && <FlagForm caseRef={caseRef} />}
          {can("note") && <NoteForm caseRef={caseRef} />}
        </section>
      </div>
    </div>
  );
}

async function Facts({ c, locale }: { c: StaffCase; locale: string }) {
  const t = await getTranslations("workspace");
  const now = new Date();
  const due = (on: string) => {
    const left = daysLeft(on, now);
    return `${formatDate(on, locale)} · ${left < 0 ? t("case.overdue") : t("case.daysLeft", { days: left })}`;
  };
  const rows: [string, string][] = [
    [t("case.unit"), locale === "en" ? c.unit.nameEn : c.unit.name],
    [t("case.category"), locale === "en" ? c.category.nameEn : c.category.nameVi],
    [t("case.area"), c.area],
    ...(c.address ? [[t("case.address"), c.address] as [string, string]] : []),
    [t("case.channel"), t(`channels.${c.channel}`)],
    [t("case.receivedAt"), formatDateTime(c.receivedAt, locale)],
    [t("case.assignee"), c.assignee ? (c.assignee.name ?? c.assignee.email) : t("case.unassigned")],
    [t("case.consent"), c.consentPublish ? t("case.consentYes") : t("case.consentNo")],
    [t("case.language"), c.language === "en" ? "English" : "Tiếng Việt"],
  ];
  return (
    <section aria-labelledby="facts-title" className="card space-y-4">
      <h2 id="facts-title" className="sr-only">
        {t("case.facts")}
      </h2>
      <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[max-content_1fr]">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="font-semibold">{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <div>
        <h3 className="font-semibold">{t("case.deadlines")}</h3>
        <ul className="mt-1 space-y-1">
          <li className={c.status === "received" && c.currentDue?.overdue ? "font-semibold text-red-800" : ""}>
            {t("case.acceptanceDue")}: {c.status === "received" ? due(c.acceptanceDueOn) : formatDate(c.acceptanceDueOn, locale)}
          </li>
          <li className={c.status === "accepted" && c.currentDue?.overdue ? "font-semibold text-red-800" : ""}>
            {t("case.resolutionDue")}:{" "}
            {c.resolutionDueOn === null
              ? t("case.notStarted")
              : c.status === "accepted"
                ? due(c.resolutionDueOn)
                : formatDate(c.resolutionDueOn, locale)}
            {c.status === "info_requested" && c.pausedAt && ` · ${t("case.paused", { date: formatDate(c.pausedAt, locale) })}`}
          </li>
          {c.remoteArea && <li>{t("case.remote")}</li>}
          {c.extensionsCount > 0 && <li>{t("case.extensions", { count: c.extensionsCount })}</li>}
          {c.extensionLimit && c.status === "accepted" && <li className="text-sm text-zinc-700">{t("case.extensionLimit", { count: c.extensionLimit.maxCount, days: c.extensionLimit.maxDaysEach })}</li>}
          {c.policy && (
            <li className="text-sm text-zinc-700">
              {t("case.legalBasis")}: {c.policy.legalBasis}
            </li>
          )}
        </ul>
      </div>
    </section>
  );
}

async function People({ c, caseRef }: { c: StaffCase; caseRef: { code: string; caseId: string; version: number } }) {
  const t = await getTranslations("workspace.case");
  return (
    <section aria-labelledby="people-title" className="card space-y-3">
      <h2 id="people-title" className="text-lg font-semibold">
        {t("people")}
      </h2>
      {c.actions.includes("view_identity") ? (
        <>
          <p className="text-sm text-zinc-700">{t("identityHidden")}</p>
          <RevealIdentityForm caseRef={caseRef} />
        </>
      ) : (
        <p className="text-sm text-zinc-700">{c.kind === "denunciation" ? t("identityDenunciationOnly") : t("identityNotAllowed")}</p>
      )}
    </section>
  );
}

async function Attachments({ c, locale }: { c: StaffCase; locale: string }) {
  const t = await getTranslations("workspace.case");
  return (
    <section aria-labelledby="files-title" className="card space-y-2">
      <h2 id="files-title" className="text-lg font-semibold">
        {t("attachments")}
      </h2>
      {c.attachments.length === 0 ? (
        <p>{t("noAttachments")}</p>
      ) : (
        <ul className="space-y-1">
          {c.attachments.map((f) => (
            <li key={f.id} className="break-words">
              {f.canOpen ? (
                <a href={`/api/tep/${f.id}`} className="underline underline-offset-4">
                  {f.fileName}
                </a>
              ) : (
                <span>{f.fileName}</span>
              )}{" "}
              <span className="text-sm text-zinc-700">
                ({Math.ceil(f.size / 1024)} KB · {formatDate(f.createdAt, locale)}
                {f.internal && ` · ${t("internalFile")}`}
                {!f.canOpen && ` · ${t("fileLocked")}`})
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

async function Timeline({ c, locale }: { c: StaffCase; locale: string }) {
  const t = await getTranslations("workspace");
  const tRoles = await getTranslations("staff.roles");
  // Event types are "case.verb"; the messages are keyed by the verb (a dot would nest the key).
  const label = (type: string) => {
    const key = `events.${type.replace(/^case\./, "")}`;
    return t.has(key) ? t(key as "events.other") : t("events.other");
  };
  const actorLabel = (e: StaffCase["events"][number]) => {
    if (!e.actor) return t("case.system");
    if (e.actor.role === "filer") return t("case.filerActor");
    if (e.actor.role === "system") return t("case.system");
    const role = e.actor.role && ["intake", "handler", "leader", "overseer", "admin"].includes(e.actor.role) ? tRoles(e.actor.role as "intake") : null;
    return [e.actor.name, role].filter(Boolean).join(" · ") || t("case.system");
  };
  return (
    <section aria-labelledby="timeline-title" className="space-y-3">
      <h2 id="timeline-title" className="text-xl font-semibold">
        {t("case.timeline")}
      </h2>
      <ol className="space-y-3 border-l-2 border-zinc-300 pl-4">
        {[...c.events].reverse().map((e) => (
          <li key={e.id} className="space-y-1">
            <p className="flex flex-wrap items-baseline gap-2">
              <span className="font-semibold">{label(e.type)}</span>
              <span className={`rounded px-1.5 text-xs ${e.visibility === "public" ? "bg-green-100 text-green-900" : "bg-zinc-200 text-zinc-800"}`}>
                {e.visibility === "public" ? t("case.public") : t("case.internal")}
              </span>
            </p>
            <p className="text-sm text-zinc-700">
              <time dateTime={e.at.toISOString()}>{formatDateTime(e.at, locale)}</time> · {actorLabel(e)}
            </p>
            {e.toUnit && e.type !== "case.received" && (
              <p>
                {t(e.type === "case.routed" ? "case.routedTo" : e.type === "case.escalated" ? "case.escalatedTo" : "case.toUnit", {
                  unit: locale === "en" ? e.toUnit.nameEn : e.toUnit.name,
                })}
              </p>
            )}
            {e.reason && <p className="whitespace-pre-wrap break-words">{e.reason}</p>}
            {e.text && <p className="whitespace-pre-wrap break-words rounded bg-zinc-100 p-2">{e.text}</p>}
            {typeof e.details.redirect === "string" && <p>{t("case.redirect", { place: e.details.redirect })}</p>}
            {typeof e.details.days === "number" && <p>{t("case.daysExtended", { days: e.details.days })}</p>}
            {typeof e.details.newDueOn === "string" && <p>{t("case.newDue", { date: formatDate(e.details.newDueOn, locale) })}</p>}
            {e.details.pauses === true && <p className="text-sm">{t("case.pauses")}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
