import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { mayReceptionAction } from "@/domain/reception/permissions";
import { ONLINE_NOTICE_WORKING_DAYS } from "@/domain/reception/vocabulary";
import { vietnamParts } from "@/server/dialogue/session-details";
import { sessionRange } from "@/app/doi-thoai/session-time";
import { ReceptionStatusBadge } from "@/app/tiep-cong-dan/status-badge";
import { PlanForm } from "../plan-form";
import { planAction } from "./plan-actions";
import type { StaffDaySectionProps } from "./section-props";

const DONE = ["confirm", "content", "move", "cancel", "mode", "bookings", "added"] as const;

/** The office's planning of the day: its state, and the changes allowed now (each a form that works without JavaScript). */
export async function PlanSection({ day, roles, isHead, locale, query }: StaffDaySectionProps) {
  const [t, tStatus, tWhen, tMode] = await Promise.all([getTranslations("reception.plan"), getTranslations("reception.statuses"), getTranslations("reception.when"), getTranslations("reception.modes")]);
  const en = locale === "en";
  const mayPlan = mayReceptionAction("plan", roles, { isHead });
  const plannable = day.status === "planned" || day.status === "confirmed";
  const started = day.startsAt <= new Date();
  const done = DONE.find((d) => d === query.xong);
  const notified = Number(query.bao ?? "0");
  const start = vietnamParts(day.startsAt);
  const end = vietnamParts(day.endsAt);
  const hidden = (verb: string) => ({ dayId: day.id, version: String(day.version), verb });
  const reloadHref = `/can-bo/tiep-cong-dan/${day.id}#lap-lich`;
  const f = (name: string) => t(`fields.${name}` as "fields.place");
  return (
    <section id="lap-lich" aria-labelledby="plan-title" className="space-y-4">
      <p>
        <Link href="/can-bo/tiep-cong-dan" className="underline underline-offset-4">
          {t("backToList")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold break-words sm:text-3xl">{en ? day.titleEn : day.title}</h1>
      {done && (
        <div role="status" className="rounded-md border-2 border-green-700 bg-green-50 p-3 text-green-900">
          <p>{t(`done.${done}`)}</p>
          {notified > 0 && <p>{t("done.notified", { count: notified })}</p>}
        </div>
      )}
      <p className="flex flex-wrap items-center gap-2">
        <ReceptionStatusBadge status={day.status} label={tStatus(day.status)} />
        <span className="font-semibold">{sessionRange(tWhen, day.startsAt, day.endsAt, locale)}</span>
        <span>· {day.mode === "online" ? tMode("online") : day.place}</span>
      </p>
      {day.head?.name && <p className="text-zinc-800">{day.head.name}</p>}
      <p className="flex flex-wrap gap-3">
        <Link href={`/tiep-cong-dan/${day.id}`} className="btn-secondary">
          {t("publicPage")}
        </Link>
      </p>
      <h2 id="plan-title" className="text-xl font-semibold">
        {t("title")}
      </h2>
      {!mayPlan && <p className="text-zinc-700">{t("readOnly")}</p>}
      {mayPlan && !plannable && <p className="text-zinc-700">{t("notPlannable")}</p>}
      {mayPlan && plannable && (
        <ClientMessages namespaces={["reception"]}>
          {day.booked > 0 && <p className="text-zinc-800">{t("bookedCount", { count: day.booked })}</p>}
          <div className="grid gap-4 lg:grid-cols-2">
            {day.status === "planned" && !started && (
              <PlanForm
                action={planAction}
                title={t("confirm")}
                help={t("confirmHelp")}
                hidden={hidden("confirm")}
                reloadHref={reloadHref}
                submit={t("confirm")}
                fields={[
                  { name: "place", label: f("place"), type: "text", defaultValue: day.place, maxLength: 300 },
                  { name: "startTime", label: f("startTime"), type: "time", defaultValue: start.time },
                  { name: "endTime", label: f("endTime"), type: "time", defaultValue: end.time },
                  { name: "plannedContent", label: f("plannedContent"), type: "textarea", defaultValue: day.plannedContent ?? "", maxLength: 3000 },
                ]}
              />
            )}
            {day.status === "confirmed" && !started && (
              <PlanForm
                action={planAction}
                title={t("content")}
                hidden={hidden("content")}
                reloadHref={reloadHref}
                submit={t("content")}
                fields={[{ name: "plannedContent", label: f("plannedContent"), type: "textarea", defaultValue: day.plannedContent ?? "", maxLength: 3000 }]}
              />
            )}
            <PlanForm
              action={planAction}
              title={t("move")}
              help={t("moveHelp")}
              hidden={hidden("move")}
              reloadHref={reloadHref}
              submit={t("move")}
              fields={[
                { name: "date", label: f("date"), type: "date", defaultValue: start.date },
                { name: "startTime", label: f("startTime"), type: "time", defaultValue: start.time },
                { name: "endTime", label: f("endTime"), type: "time", defaultValue: end.time },
                { name: "place", label: f("place"), type: "text", hint: f("movePlaceHint"), maxLength: 300 },
                { name: "reason", label: f("reason"), type: "textarea", maxLength: 1000 },
              ]}
            />
            {!started && (
              <PlanForm
                action={planAction}
                title={t("mode")}
                help={t("modeHelp", { days: ONLINE_NOTICE_WORKING_DAYS })}
                hidden={hidden("mode")}
                reloadHref={reloadHref}
                submit={t("mode")}
                fields={[
                  {
                    name: "mode",
                    label: f("mode"),
                    type: "select",
                    defaultValue: day.mode,
                    options: [
                      { value: "in_person", label: tMode("in_person") },
                      { value: "online", label: tMode("online") },
                    ],
                  },
                  { name: "onlineUrl", label: f("onlineUrl"), type: "url", defaultValue: day.onlineUrl ?? "", maxLength: 500 },
                ]}
              />
            )}
            <PlanForm
              action={planAction}
              title={t("bookings")}
              help={t("bookingsHelp", { booked: day.booked })}
              hidden={hidden("bookings")}
              reloadHref={reloadHref}
              submit={t("bookings")}
              fields={[
                { name: "capacity", label: f("capacity"), type: "number", defaultValue: String(day.capacity) },
                { name: "bookingsOpen", label: f("bookingsOpen"), type: "checkbox", defaultValue: day.bookingsOpen ? "on" : "" },
              ]}
            />
            <PlanForm
              action={planAction}
              title={t("cancel")}
              help={t("cancelHelp")}
              hidden={hidden("cancel")}
              reloadHref={reloadHref}
              submit={t("cancel")}
              danger
              fields={[{ name: "reason", label: f("reason"), type: "textarea", maxLength: 1000 }]}
            />
          </div>
        </ClientMessages>
      )}
    </section>
  );
}
