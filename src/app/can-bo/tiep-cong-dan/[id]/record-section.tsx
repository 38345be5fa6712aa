import { randomUUID } from "node:crypto";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { ResultMessage } from "@/components/result-message";
import { getDb } from "@/db/client";
import { toLocalDate } from "@/domain/calendar";
import { formatDate, formatDateTime } from "@/lib/format";
import { getReceptionRecordForStaff } from "@/server/reception/record/get-reception-record";
import { CONCLUSION_ITEM_SLOTS } from "@/server/reception/record/publish-conclusion";
import { RECORD_DONE, type RecordDone } from "./record-form-state";
import { ConclusionForm, MatterForm, RecordForm } from "./record-forms";
import { RecordMatters } from "./record-matters";
import type { StaffDaySectionProps } from "./section-props";

/** The office's record of a reception: who received, the matters and what became of them, the conclusion notice. */
export async function RecordSection({ day, viewer, locale, query }: StaffDaySectionProps) {
  const [t, db] = await Promise.all([getTranslations("receptionRecord.staff"), getDb()]);
  const now = new Date();
  const record = await getReceptionRecordForStaff(db, viewer, day.id, now);
  const started = day.startsAt.getTime() <= now.getTime();
  const done = RECORD_DONE.includes(query["ghi-nhan"] as RecordDone) ? (query["ghi-nhan"] as RecordDone) : null;
  const today = toLocalDate(now);
  const option = (value: string, label: string) => ({ value, label });
  const held = day.status === "held" && day.record !== null;
  const [row] = held ? [day.record!] : [null];

  return (
    <section id="ghi-nhan" aria-labelledby="ghi-nhan-title" className="space-y-6">
      <h2 id="ghi-nhan-title" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p className="text-zinc-700">{t("intro")}</p>
      {done && <ResultMessage className="rounded-md border-2 border-green-700 bg-green-50 p-3 font-semibold text-green-900">{t(`done.${done}`)}</ResultMessage>}
      {day.status === "cancelled" ? (
        <p className="card">{t("cancelled")}</p>
      ) : !started ? (
        <p className="card">{t("notStarted")}</p>
      ) : (
        <ClientMessages namespaces={["receptionRecord"]}>
          <div className="space-y-6">
            <div className="space-y-3">
              <h3 className="text-lg font-semibold">{t("recordTitle")}</h3>
              {row && <p className="text-sm text-zinc-700">{t("recorded", { time: formatDateTime(row.recordedAt, locale) })}</p>}
              {record.may.record ? (
                <RecordForm
                  key={`record-${day.version}`}
                  dayId={day.id}
                  version={day.version}
                  headName={day.head ? (day.head.name ?? (locale === "en" ? day.titleEn : day.title)) : null}
                  officials={record.officials.map((o) => option(o.userId, o.name))}
                  online={day.mode === "online"}
                  held={held}
                  initial={{
                    receiver: row && !row.receivedInPerson ? "other" : day.head ? "head" : "other",
                    receivedByUserId: "",
                    receivedByName: row?.receivedByName ?? "",
                    citizensCount: row ? String(row.citizensCount) : "",
                    delegationsCount: row ? String(row.delegationsCount) : "0",
                    recordingRef: row?.recordingRef ?? "",
                  }}
                />
              ) : (
                <p className="card">{t("readOnly")}</p>
              )}
            </div>

            <div className="space-y-3">
              <h3 className="text-lg font-semibold">{t("mattersTitle")}</h3>
              <RecordMatters dayId={day.id} matters={record.matters} locale={locale} mayRecord={record.may.record} today={today} />
              {record.may.record && (
                <>
                  <MatterForm
                    key={`matter-${day.version}`}
                    dayId={day.id}
                    categories={record.categories.map((c) => option(c.id, locale === "en" ? c.nameEn : c.nameVi))}
                    bookings={record.bookings.map((b) => option(b.id, b.label))}
                  />
                  <div className="card space-y-2">
                    <h4 className="text-lg font-semibold">{t("caseTitle")}</h4>
                    <p className="text-sm text-zinc-700">{t("caseIntro")}</p>
                    <Link href={`/can-bo/tiep-nhan?tiep-cong-dan=${day.id}`} className="btn-secondary inline-block">
                      {t("caseLink")}
                    </Link>
                  </div>
                </>
              )}
            </div>

            <div className="space-y-3">
              <h3 className="text-lg font-semibold">{t("conclusionTitle")}</h3>
              <p className="text-sm text-zinc-700">{t("conclusionIntro")}</p>
              {day.conclusion && <p className="text-sm text-zinc-700">{t("published", { date: formatDate(day.conclusion.publishedAt, locale) })}</p>}
              {day.conclusion && <p className="card break-words whitespace-pre-line">{day.conclusion.text}</p>}
              {!record.may.conclude ? (
                <p className="card">{t("cannotConclude")}</p>
              ) : !held ? (
                <p className="card">{t("notHeld")}</p>
              ) : !day.head ? (
                <p className="card">{t("noHead")}</p>
              ) : (
                <ConclusionForm
                  key={`conclusion-${day.version}`}
                  dayId={day.id}
                  version={day.version}
                  mode={day.conclusion ? "add" : "publish"}
                  units={record.units.map((u) => option(u.id, locale === "en" ? u.nameEn : u.name))}
                  slots={day.conclusion ? 2 : CONCLUSION_ITEM_SLOTS}
                  formKey={randomUUID()}
                  today={today}
                />
              )}
            </div>
          </div>
        </ClientMessages>
      )}
    </section>
  );
}
