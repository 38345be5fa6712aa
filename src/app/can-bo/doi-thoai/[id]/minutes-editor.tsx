import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { getDb } from "@/db/client";
import { maySessionAction } from "@/domain/dialogue/permissions";
import { formatDateTime } from "@/lib/format";
import { countMinutesFigures } from "@/server/dialogue/get-minutes";
import { MINUTES_TEXT_MAX } from "@/server/dialogue/publish-minutes";
import { MinutesFigureList } from "@/app/doi-thoai/[id]/bien-ban/minutes-figures";
import { OUTCOME_PARAMS } from "./outcome-form-state";
import { MinutesForm } from "./outcome-forms";
import type { StaffSectionProps } from "./section-props";

/** Attendance and the minutes' text, published once the session has ended (and published again when corrected). */
export async function MinutesEditor({ session, roles, locale, query }: StaffSectionProps) {
  const t = await getTranslations("outcomes.staff.minutes");
  const held = session.status === "ended" || session.status === "minutes_published";
  const published = session.status === "minutes_published" && session.minutesPublishedAt !== null;
  const done = query[OUTCOME_PARAMS.minutes];
  const figures = held ? await countMinutesFigures(await getDb(), session.id) : null;
  return (
    <section id="bien-ban" aria-labelledby="minutes-editor-title" className="card space-y-4">
      <h2 id="minutes-editor-title" className="text-xl font-bold">
        {t("title")}
      </h2>
      {(done === "published" || done === "republished") && (
        <p role="status" className="rounded-md border border-green-700 bg-green-50 p-3 text-green-900">
          {t(`done.${done}`)}
        </p>
      )}
      {!held ? (
        <p>{t("notYet")}</p>
      ) : (
        <>
          {published && (
            <p>
              {t("published", { time: formatDateTime(session.minutesPublishedAt!, locale) })}{" "}
              <Link href={`/doi-thoai/${session.id}/bien-ban`} className="font-semibold underline underline-offset-4">
                {t("view")}
              </Link>
            </p>
          )}
          <p className="text-sm text-zinc-700">{t("help")}</p>
          {figures && (
            <div className="space-y-2">
              <h3 className="font-semibold">{t("figuresTitle")}</h3>
              <MinutesFigureList figures={figures} />
            </div>
          )}
          {maySessionAction("publish_minutes", roles) ? (
            <ClientMessages namespaces={["outcomes"]}>
              <MinutesForm
                sessionId={session.id}
                attendance={session.attendance === null ? "" : String(session.attendance)}
                minutes={session.minutes ?? ""}
                republish={published}
                textMax={MINUTES_TEXT_MAX}
              />
            </ClientMessages>
          ) : (
            <p className="text-sm font-semibold text-zinc-800">{t("notAllowed")}</p>
          )}
        </>
      )}
    </section>
  );
}
