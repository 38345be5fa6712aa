import { randomUUID } from "node:crypto";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { bookingRefusal, placesLeft } from "@/domain/reception/booking-availability";
import { BookingForm } from "./booking-form";
import { bookingCopy } from "./booking-copy";
import { BOOKING_ANCHOR } from "./booking-form-state";
import type { DaySectionProps } from "./section-props";

/**
 * Booking a place at the reception: how many places are left, the form while the day can be booked, else why not
 * (cancelled, past, closed, full), and the privacy rule. No citizen's name is ever on this page.
 */
export async function BookingSection({ day, locale }: DaySectionProps) {
  const t = await getTranslations("booking");
  const refusal = bookingRefusal(day, new Date());
  // A cancelled or past day says so in its header; only a day still ahead offers booking.
  if (refusal === "cancelled" || refusal === "past") {
    return (
      <section id={BOOKING_ANCHOR} aria-labelledby="booking-title" className="space-y-3">
        <h2 id="booking-title" className="text-xl font-bold">
          {t("section.title")}
        </h2>
        <p className="text-zinc-700">{t(`refusal.${refusal}`)}</p>
      </section>
    );
  }
  const left = placesLeft(day);
  return (
    <section id={BOOKING_ANCHOR} aria-labelledby="booking-title" className="space-y-4">
      <h2 id="booking-title" className="text-xl font-bold">
        {t("section.title")}
      </h2>
      <div className="card space-y-4">
        <p>{t("section.intro")}</p>
        <p className="text-lg font-semibold" data-places-left={left}>
          {left > 0 ? t("section.placesLeft", { left, capacity: day.capacity }) : t("section.noPlaces", { capacity: day.capacity })}
        </p>
        <p className="rounded-md bg-zinc-100 p-3 text-sm text-zinc-800">{t("section.privacy")}</p>
        {/* A fresh key per form: a resent form (double click, retry on a weak network) books one place, not two. */}
        <BookingForm dayId={day.id} idempotencyKey={randomUUID()} refusal={refusal ? t(`refusal.${refusal}`) : null} copy={await bookingCopy(locale)} />
        <p className="text-sm text-zinc-700">{t("section.walkIn")}</p>
        <p className="text-sm">
          <Link href="/tiep-cong-dan/huy-dat-lich" className="underline underline-offset-4">
            {t("section.cancelLink")}
          </Link>
        </p>
      </div>
    </section>
  );
}
