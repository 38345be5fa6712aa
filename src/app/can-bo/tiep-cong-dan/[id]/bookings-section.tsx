import { getDb } from "@/db/client";
import { getTranslations } from "next-intl/server";
import { mayReceptionAction } from "@/domain/reception/permissions";
import { formatDateTime, formatNumber } from "@/lib/format";
import { listDayBookings } from "@/server/reception/bookings/list-day-bookings";
import { markBookingAction } from "./bookings-actions";
import type { StaffDaySectionProps } from "./section-props";

const RESULTS = new Set(["attended", "absent", "loi-not_started", "loi-cancelled", "loi-not_found", "loi-not_allowed", "loi-invalid_input", "loi-server"]);

/**
 * The bookings of the day, for the receiving office only: each citizen's name, contact and summary, their files,
 * the state; once the day has begun, each live booking is marked attended or absent (plain forms, no script).
 */
export async function BookingsSection({ day, roles, viewer, isHead, locale, query }: StaffDaySectionProps) {
  if (!mayReceptionAction("view_bookings", roles, { isHead })) return null;
  const [t, bookings] = await Promise.all([getTranslations("booking.staff"), listDayBookings(await getDb(), viewer, day.id)]);
  const started = day.startsAt.getTime() <= new Date().getTime();
  const mayMark = mayReceptionAction("record", roles, { isHead }) && started && day.status !== "cancelled";
  const result = query["dat-lich"] && RESULTS.has(query["dat-lich"]) ? query["dat-lich"] : null;
  const live = bookings.filter((b) => b.status !== "cancelled").length;
  return (
    <section id="dat-lich" aria-labelledby="bookings-title" className="space-y-4">
      <h2 id="bookings-title" className="text-xl font-bold">
        {t("title")}
      </h2>
      <p>{t("count", { live: formatNumber(live, locale), capacity: formatNumber(day.capacity, locale), booked: formatNumber(day.booked, locale) })}</p>
      <p className="text-sm text-zinc-700">{t("privacy")}</p>
      {result ? (
        <p role={result.startsWith("loi-") ? "alert" : "status"} className={`rounded-md border-2 p-3 ${result.startsWith("loi-") ? "border-red-700 bg-red-50 text-red-900" : "border-green-700 bg-green-50 text-green-900"}`}>
          {t(`results.${result.replace("loi-", "error_")}`)}
        </p>
      ) : null}
      {!started ? <p className="text-sm text-zinc-700">{t("markLater")}</p> : null}
      {bookings.length === 0 ? (
        <p className="text-zinc-700">{t("none")}</p>
      ) : (
        <ol className="space-y-3">
          {bookings.map((b) => (
            <li key={b.id} className="card space-y-2" data-booking-status={b.status}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h3 className="text-lg font-semibold">
                  {b.number}. {b.name}
                </h3>
                <span className={`rounded px-2 py-0.5 text-sm font-semibold ${b.status === "cancelled" ? "bg-zinc-200 text-zinc-700" : b.status === "absent" ? "bg-amber-100 text-amber-900" : b.status === "attended" ? "bg-green-100 text-green-900" : "bg-sky-100 text-sky-900"}`}>
                  {t(`status.${b.status}`)}
                </span>
              </div>
              <p className="text-sm">
                {b.email ? t("email", { email: b.email }) : b.phone ? t("phone", { phone: b.phone }) : null} · {t("bookedAt", { time: formatDateTime(b.createdAt, locale) })}
              </p>
              <p className="whitespace-pre-line break-words">{b.summary}</p>
              {b.files.length > 0 ? (
                <ul className="list-inside list-disc text-sm">
                  {b.files.map((f) => (
                    <li key={f.id}>
                      <a href={`/can-bo/tiep-cong-dan/${day.id}/tep/${f.id}`} className="underline underline-offset-4">
                        {f.fileName}
                      </a>{" "}
                      ({t("size", { kb: formatNumber(Math.max(1, Math.round(f.size / 1024)), locale) })})
                    </li>
                  ))}
                </ul>
              ) : null}
              {mayMark && b.status !== "cancelled" ? (
                <form action={markBookingAction} className="flex flex-wrap gap-3">
                  <input type="hidden" name="dayId" value={day.id} />
                  <input type="hidden" name="bookingId" value={b.id} />
                  <button type="submit" name="mark" value="attended" className="btn-secondary" disabled={b.status === "attended"} aria-label={t("markAttendedFor", { number: b.number })}>
                    {t("markAttended")}
                  </button>
                  <button type="submit" name="mark" value="absent" className="btn-secondary" disabled={b.status === "absent"} aria-label={t("markAbsentFor", { number: b.number })}>
                    {t("markAbsent")}
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
