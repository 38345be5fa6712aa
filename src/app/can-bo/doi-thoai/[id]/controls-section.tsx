import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { getDb } from "@/db/client";
import { maySessionAction } from "@/domain/dialogue/permissions";
import { allowedSessionActions } from "@/domain/dialogue/session-status";
import { STATUS_ACTIONS, type StatusAction } from "@/server/dialogue/change-session-status";
import { vietnamParts } from "@/server/dialogue/session-details";
import { EDITABLE_STATUSES } from "@/server/dialogue/update-session";
import { StatusBadge } from "@/app/doi-thoai/status-badge";
import { sessionRange } from "@/app/doi-thoai/session-time";
import { sessionFormOptions } from "../moi/form-options";
import { SessionForm } from "../moi/session-form";
import { editAction } from "./controls-actions";
import { StatusForm } from "./controls-forms";
import type { StaffSectionProps } from "./section-props";

const DONE = ["open_questions", "start", "end", "postpone", "reschedule", "cancel", "updated", "unchanged"] as const;

/** The session's controls: its status, the changes allowed now (with a reason and a date where needed), editing. */
export async function SessionControls({ session, roles, locale, query }: StaffSectionProps) {
  const [t, tStaff, tWhen, tStatus] = await Promise.all([
    getTranslations("dialogue.controls"),
    getTranslations("dialogue.staff"),
    getTranslations("dialogue.when"),
    getTranslations("dialogue.statuses"),
  ]);
  const mayChange = maySessionAction("change_status", roles);
  const mayEdit = maySessionAction("edit", roles) && EDITABLE_STATUSES.includes(session.status);
  const actions = mayChange ? allowedSessionActions(session.status).filter((a): a is StatusAction => STATUS_ACTIONS.includes(a as StatusAction)) : [];
  const simple = actions.filter((a) => a === "open_questions" || a === "start" || a === "end");
  const done = DONE.find((d) => d === query.xong);
  const carried = Number(query.mang ?? "0");
  let doneText: string | null = null;
  if (query.xong === "scheduled") doneText = carried > 0 ? tStaff("scheduledCarried", { count: carried }) : tStaff("scheduled");
  else if (done) doneText = t(`done.${done}`);

  let editForm = null;
  if (mayEdit) {
    const options = await sessionFormOptions(await getDb());
    const start = vietnamParts(session.startsAt);
    const close = session.questionsCloseAt ? vietnamParts(session.questionsCloseAt) : null;
    const defaults: Record<string, string> = {
      kind: session.kind,
      title: session.title,
      topic: session.topic,
      description: session.description ?? "",
      areaId: session.areaId ?? "",
      location: session.location,
      livestreamUrl: session.livestreamUrl ?? "",
      date: start.date,
      startTime: start.time,
      endTime: vietnamParts(session.endsAt).time,
      questionsCloseDate: close?.date ?? "",
      questionsCloseTime: close?.time ?? "",
      ...(session.questionsInAdvance ? { questionsInAdvance: "on" } : {}),
      ...Object.fromEntries(session.leaders.flatMap((l, i) => [[`leaders.${i}.userId`, l.userId], [`leaders.${i}.position`, l.position], [`leaders.${i}.positionEn`, l.positionEn]])),
    };
    editForm = (
      <details className="card" open={query.xong === "unchanged" || undefined}>
        <summary className="cursor-pointer text-lg font-semibold">{t("edit")}</summary>
        <div className="mt-4">
          <SessionForm mode="edit" action={editAction} areas={options.areas} leaders={options.leaders} defaults={defaults} hidden={{ sessionId: session.id, version: String(session.version) }} />
        </div>
      </details>
    );
  }

  return (
    <section id="dieu-hanh" aria-labelledby="controls-title" className="space-y-4">
      <p>
        <Link href="/can-bo/doi-thoai" className="underline underline-offset-4">
          ← {tStaff("title")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold break-words sm:text-3xl">{session.title}</h1>
      {doneText && (
        <p role="status" className="rounded-md border-2 border-green-700 bg-green-50 p-3 text-green-900">
          {doneText}
        </p>
      )}
      <h2 id="controls-title" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p className="flex flex-wrap items-center gap-2">
        <StatusBadge status={session.status} label={tStatus(session.status)} />
        <span>{sessionRange(tWhen, session.startsAt, session.endsAt, locale)}</span>
      </p>
      {session.statusReason && (session.status === "postponed" || session.status === "cancelled") && <p className="break-words text-zinc-800">{session.statusReason}</p>}
      <p className="flex flex-wrap gap-3">
        <Link href={`/doi-thoai/${session.id}`} className="btn-secondary">
          {t("publicPage")}
        </Link>
        <Link href={`/doi-thoai/${session.id}/trinh-chieu`} className="btn-secondary">
          {t("projector")}
        </Link>
      </p>
      {!mayChange && <p className="text-zinc-700">{t("readOnly")}</p>}
      {mayChange && actions.length === 0 && <p className="text-zinc-700">{t("noActions")}</p>}
      <ClientMessages namespaces={["dialogue"]}>
        {simple.length > 0 && (
          <div className="flex flex-wrap gap-3">
            {simple.map((a) => (
              <StatusForm key={a} action={a} sessionId={session.id} version={session.version} />
            ))}
          </div>
        )}
        <div className="grid gap-4 lg:grid-cols-2">
          {actions.includes("reschedule") && <StatusForm action="reschedule" sessionId={session.id} version={session.version} date="required" />}
          {actions.includes("postpone") && <StatusForm action="postpone" sessionId={session.id} version={session.version} reason date="optional" />}
          {actions.includes("cancel") && <StatusForm action="cancel" sessionId={session.id} version={session.version} reason />}
        </div>
        {editForm}
      </ClientMessages>
    </section>
  );
}
